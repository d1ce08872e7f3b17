/**
 * Safe XML reading for server responses. A small scanner checks well-formedness (with positions), rejects any
 * DOCTYPE/ENTITY declaration as hostile, and records the source span of each child of the root (for rawXml).
 * fast-xml-parser builds the tree with entity processing OFF; text and attribute values are then decoded here,
 * allowing only the five predefined entities and numeric character references.
 */
import { XMLParser } from 'fast-xml-parser';
import { OcipError } from './errors';

export interface XNode {
  /** Qualified name as written ("command", "ns1:processOCIMessageReturn"). */
  name: string;
  local: string;
  /** Namespace URI of the element ('' = none). */
  ns: string;
  attrs: Record<string, string>;
  children: XNode[];
  /** Concatenated character data (text and CDATA), decoded. */
  text: string;
  /** In-scope prefix → URI ('' = default namespace). */
  scope: Record<string, string>;
}

export interface Span {
  name: string;
  start: number;
  end: number;
}

export const XSI_NS = 'http://www.w3.org/2001/XMLSchema-instance';

export function position(xml: string, offset: number): string {
  const before = xml.slice(0, offset);
  const line = before.split('\n').length;
  return `line ${line}, column ${offset - before.lastIndexOf('\n')}`;
}

function bad(what: string, xml: string, at: number): OcipError {
  return new OcipError('bad-response', `${what} at ${position(xml, at)}`);
}

/** Well-formedness scan. Returns the root name and the spans of the root's child elements. */
export function scanDocument(xml: string): { root: string; children: Span[] } {
  const stack: string[] = [];
  const children: Span[] = [];
  let root: string | undefined;
  let childStart = -1;
  let i = xml.charCodeAt(0) === 0xfeff ? 1 : 0;
  while (i < xml.length) {
    const lt = xml.indexOf('<', i);
    const textEnd = lt < 0 ? xml.length : lt;
    if (stack.length === 0 && /\S/.test(xml.slice(i, textEnd))) {
      throw bad('text outside the root element (not an OCI-P document?)', xml, i + xml.slice(i, textEnd).search(/\S/));
    }
    if (lt < 0) break;
    const until = (close: string, what: string) => {
      const e = xml.indexOf(close, lt);
      if (e < 0) throw bad(`unterminated ${what}`, xml, lt);
      return e + close.length;
    };
    if (xml.startsWith('<?', lt)) i = until('?>', 'processing instruction');
    else if (xml.startsWith('<!--', lt)) i = until('-->', 'comment');
    else if (xml.startsWith('<![CDATA[', lt)) {
      if (stack.length === 0) throw bad('CDATA outside the root element', xml, lt);
      i = until(']]>', 'CDATA section');
    } else if (xml.startsWith('<!', lt)) {
      throw new OcipError(
        'hostile-xml',
        `response rejected: it contains a DOCTYPE or entity declaration at ${position(xml, lt)} (never expanded)`,
      );
    } else if (xml.startsWith('</', lt)) {
      const m = /^<\/([A-Za-z_][\w.:-]*)\s*>/.exec(xml.slice(lt, lt + 300));
      if (!m) throw bad('malformed end tag', xml, lt);
      const open = stack.pop();
      if (open !== m[1]) throw bad(open ? `</${m[1]}> does not close <${open}>` : `unexpected </${m[1]}>`, xml, lt);
      i = lt + m[0].length;
      if (stack.length === 1) children.push({ name: open, start: childStart, end: i });
    } else {
      const m = /^<([A-Za-z_][\w.:-]*)/.exec(xml.slice(lt, lt + 300));
      if (!m) throw bad('malformed tag', xml, lt);
      const end = tagEnd(xml, lt + m[0].length);
      if (end < 0) throw bad(`unterminated start tag <${m[1]}>`, xml, lt);
      if (stack.length === 0) {
        if (root !== undefined) throw bad('a second root element', xml, lt);
        root = m[1];
      }
      if (stack.length === 1) childStart = lt;
      i = end;
      if (xml[end - 2] === '/') {
        if (stack.length === 1) children.push({ name: m[1], start: lt, end });
      } else stack.push(m[1]);
    }
  }
  if (stack.length) throw bad(`document ends inside <${stack[stack.length - 1]}>`, xml, xml.length);
  if (root === undefined) throw new OcipError('bad-response', 'response is empty or has no root element');
  return { root, children };
}

/** Index just after the '>' closing a start tag, honouring quoted attribute values; -1 if none. */
function tagEnd(xml: string, from: number): number {
  let quote = '';
  for (let j = from; j < xml.length; j++) {
    const c = xml[j];
    if (quote) {
      if (c === quote) quote = '';
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '<') return -1;
    else if (c === '>') return j + 1;
  }
  return -1;
}

const PREDEFINED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/** Decodes the predefined entities and numeric references; any other entity is an error (never expanded). */
export function decodeEntities(text: string): string {
  return text.replace(/&([^;&\s]{0,12});?/g, (whole, ref: string) => {
    if (!whole.endsWith(';')) throw new OcipError('bad-response', `malformed entity reference "${whole}"`);
    if (ref in PREDEFINED) return PREDEFINED[ref];
    const num = /^#(?:x([0-9a-fA-F]+)|([0-9]+))$/.exec(ref);
    if (num) {
      const cp = num[1] !== undefined ? parseInt(num[1], 16) : parseInt(num[2], 10);
      if (cp > 0 && cp <= 0x10ffff) return String.fromCodePoint(cp);
    }
    throw new OcipError('bad-response', `unsupported entity reference "${whole}" (only the predefined XML entities are allowed)`);
  });
}

const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: '',
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: false,
  processEntities: false,
  htmlEntities: false,
  cdataPropName: '#cdata',
  ignoreDeclaration: true,
  ignorePiTags: true,
  allowBooleanAttributes: false,
});

type FxpEntry = Record<string, unknown> & { ':@'?: Record<string, string> };

/** Parses a response document safely into an XNode tree (after the well-formedness scan). */
export function parseXml(xml: string): { root: XNode; childSpans: Span[] } {
  const scan = scanDocument(xml);
  let entries: FxpEntry[];
  try {
    entries = parser.parse(xml) as FxpEntry[];
  } catch (err) {
    throw new OcipError('bad-response', `response is not well-formed XML: ${(err as Error).message}`);
  }
  const rootEntry = entries.find((e) => elementName(e) !== undefined);
  if (!rootEntry) throw new OcipError('bad-response', 'response has no root element');
  return { root: toNode(rootEntry, { xml: 'http://www.w3.org/XML/1998/namespace', '': '' }), childSpans: scan.children };
}

function elementName(e: FxpEntry): string | undefined {
  return Object.keys(e).find((k) => k !== ':@' && k !== '#text' && k !== '#cdata');
}

function toNode(entry: FxpEntry, parentScope: Record<string, string>): XNode {
  const name = elementName(entry)!;
  const attrs: Record<string, string> = {};
  for (const [k, v] of Object.entries(entry[':@'] ?? {})) attrs[k] = decodeEntities(String(v));
  const scope = { ...parentScope };
  for (const [k, v] of Object.entries(attrs)) {
    if (k === 'xmlns') scope[''] = v;
    else if (k.startsWith('xmlns:')) scope[k.slice(6)] = v;
  }
  const children: XNode[] = [];
  let text = '';
  for (const item of (entry[name] as FxpEntry[]) ?? []) {
    if ('#text' in item) text += decodeEntities(String(item['#text']));
    else if ('#cdata' in item) text += ((item['#cdata'] as FxpEntry[]) ?? []).map((t) => String(t['#text'] ?? '')).join('');
    else if (elementName(item) !== undefined) children.push(toNode(item, scope));
  }
  const colon = name.indexOf(':');
  const prefix = colon < 0 ? '' : name.slice(0, colon);
  return { name, local: name.slice(colon + 1), ns: scope[prefix] ?? '', attrs, children, text, scope };
}

/** Resolves a QName value (e.g. xsi:type="c:SuccessResponse") against an element's in-scope namespaces. */
export function resolveQName(value: string, node: XNode): { ns: string; local: string } {
  const colon = value.indexOf(':');
  const prefix = colon < 0 ? '' : value.slice(0, colon);
  return { ns: node.scope[prefix] ?? '', local: value.slice(colon + 1) };
}

/** The element's xsi:type, whatever prefix is bound to the XSI namespace. */
export function xsiType(node: XNode): { ns: string; local: string } | undefined {
  for (const [k, v] of Object.entries(node.attrs)) {
    const colon = k.indexOf(':');
    if (colon < 0 || k.slice(colon + 1) !== 'type') continue;
    if (node.scope[k.slice(0, colon)] === XSI_NS || k.slice(0, colon) === 'xsi') return resolveQName(v.trim(), node);
  }
  return undefined;
}
