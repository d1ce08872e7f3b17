/**
 * A small lossless XML reader for the formatter: keeps every construct's source text (entities, quotes,
 * comments, CDATA, processing instructions) so the formatter only changes layout and order, never content.
 * It expects well-formed XML (the formatter refuses files with syntax errors first) and throws otherwise.
 */

export interface XmlAttribute {
  name: string;
  /** The value with its quotes, exactly as written. */
  raw: string;
}

export type XmlNode =
  | { kind: 'element'; name: string; attributes: XmlAttribute[]; children: XmlNode[]; selfClosing: boolean; start: number; end: number }
  | { kind: 'text' | 'comment' | 'pi' | 'doctype' | 'cdata'; raw: string };

export type XmlElement = Extract<XmlNode, { kind: 'element' }>;

const NAME = /[A-Za-z_:][\w.:\-]*/y;
const ATTRIBUTE = /\s*([A-Za-z_:][\w.:\-]*)\s*=\s*("[^"]*"|'[^']*')/y;

export function readXml(text: string): XmlNode[] {
  const root: XmlNode[] = [];
  const stack: XmlElement[] = [];
  const add = (node: XmlNode) => (stack.length ? stack[stack.length - 1].children : root).push(node);
  let at = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  while (at < text.length) {
    const lt = text.indexOf('<', at);
    if (lt !== at) {
      const end = lt < 0 ? text.length : lt;
      add({ kind: 'text', raw: text.slice(at, end) });
      at = end;
      continue;
    }
    if (text.startsWith('<!--', at)) at = addRaw('comment', '-->', 4);
    else if (text.startsWith('<![CDATA[', at)) at = addRaw('cdata', ']]>', 9);
    else if (text.startsWith('<?', at)) at = addRaw('pi', '?>', 2);
    else if (text.startsWith('<!', at)) at = addDoctype();
    else if (text.startsWith('</', at)) {
      const close = text.indexOf('>', at);
      const name = text.slice(at + 2, close).trim();
      const open = stack.pop();
      if (close < 0 || !open || open.name !== name) throw new Error(`unexpected end tag at ${at}`);
      open.end = close + 1;
      at = close + 1;
    } else at = startTag();
  }
  if (stack.length) throw new Error('unclosed element');
  return root;

  function addRaw(kind: 'comment' | 'cdata' | 'pi', terminator: string, skip: number): number {
    const end = text.indexOf(terminator, at + skip);
    if (end < 0) throw new Error(`unterminated ${kind} at ${at}`);
    add({ kind, raw: text.slice(at, end + terminator.length) });
    return end + terminator.length;
  }

  function addDoctype(): number {
    // An internal subset ([...]) may contain '>' characters.
    const bracket = text.indexOf('[', at);
    const close = text.indexOf('>', at);
    const end = bracket >= 0 && bracket < close ? text.indexOf('>', text.indexOf(']', bracket)) : close;
    if (end < 0) throw new Error(`unterminated declaration at ${at}`);
    add({ kind: 'doctype', raw: text.slice(at, end + 1) });
    return end + 1;
  }

  function startTag(): number {
    NAME.lastIndex = at + 1;
    const name = NAME.exec(text)?.[0];
    if (!name) throw new Error(`bad tag at ${at}`);
    let p = at + 1 + name.length;
    const attributes: XmlAttribute[] = [];
    for (;;) {
      ATTRIBUTE.lastIndex = p;
      const m = ATTRIBUTE.exec(text);
      if (!m) break;
      attributes.push({ name: m[1], raw: m[2] });
      p = ATTRIBUTE.lastIndex;
    }
    while (/\s/.test(text[p] ?? '')) p++;
    const selfClosing = text.startsWith('/>', p);
    if (!selfClosing && text[p] !== '>') throw new Error(`bad tag at ${at}`);
    const end = p + (selfClosing ? 2 : 1);
    const element: XmlElement = { kind: 'element', name, attributes, children: [], selfClosing, start: at, end };
    add(element);
    if (!selfClosing) stack.push(element);
    return end;
  }
}

/** The element's local name (prefix removed). */
export function localName(name: string): string {
  return name.slice(name.indexOf(':') + 1);
}

/** The value of an xsi:type-like attribute (any prefix, local name `type`), without quotes. */
export function xsiTypeOf(element: XmlElement): string | undefined {
  const attribute = element.attributes.find((a) => a.name.includes(':') && localName(a.name) === 'type');
  return attribute ? localName(attribute.raw.slice(1, -1).trim()) : undefined;
}
