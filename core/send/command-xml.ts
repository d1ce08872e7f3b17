/**
 * A reader for the `<command>` XML our own encoder wrote (core/encode): elements, double-quoted attributes, escaped
 * text, nothing else. The undo plan reads every command of a send once, in the extension host too, where the
 * general XML front end (core/xml: DTD and namespace checks, fast-xml-parser) costs ~0.1-0.2 ms per command, 1-2 s
 * for a 10,000-row send; this single linear pass is about 10x cheaper (bench/undo-plan.ts: 10,000 commands read in ~0.1 s against ~1 s). Anything it does not expect
 * throws, and the caller falls back to the general parser.
 */

export interface CommandXmlNode {
  local: string;
  text: string;
  children: CommandXmlNode[];
}

const TOKEN = /<(\/?)([A-Za-z_][\w.:-]*)((?:\s+[\w.:-]+\s*=\s*"[^"<]*")*)\s*(\/?)>|([^<]+)/y;
const ENTITY = /&(?:(lt|gt|amp|quot|apos)|#(\d+)|#x([0-9A-Fa-f]+));/g;
const NAMED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

function unescape(s: string): string {
  if (!s.includes('&')) return s;
  const out = s.replace(ENTITY, (_, name: string | undefined, dec: string | undefined, hex: string | undefined) =>
    name ? NAMED[name] : String.fromCodePoint(dec ? Number(dec) : parseInt(hex!, 16)),
  );
  if (out.includes('&') && /&(?!amp;|lt;|gt;|quot;|apos;|#)/.test(s)) throw new Error('unexpected entity');
  return out;
}

export function readCommandXml(xml: string): CommandXmlNode {
  const stack: CommandXmlNode[] = [];
  let root: CommandXmlNode | undefined;
  TOKEN.lastIndex = 0;
  while (TOKEN.lastIndex < xml.length) {
    const at = TOKEN.lastIndex;
    const m = TOKEN.exec(xml);
    if (!m) throw new Error(`unexpected markup at ${at}`);
    const [, close, qname, , selfClose, text] = m;
    if (text !== undefined) {
      if (stack.length) stack[stack.length - 1].text += unescape(text);
      else if (text.trim()) throw new Error('text outside the command');
      continue;
    }
    const local = qname.slice(qname.indexOf(':') + 1);
    if (close) {
      const open = stack.pop();
      if (!open || open.local !== local) throw new Error(`mismatched </${qname}>`);
      continue;
    }
    if (!stack.length && root) throw new Error('more than one root');
    const node: CommandXmlNode = { local, text: '', children: [] };
    if (stack.length) stack[stack.length - 1].children.push(node);
    else root = node;
    if (!selfClose) stack.push(node);
  }
  if (!root || stack.length) throw new Error('unclosed element');
  return root;
}
