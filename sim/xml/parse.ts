/**
 * Safe, namespace-aware parsing of request documents into a small element tree.
 * fast-xml-parser does the tokenising; entity decoding is done here (only the five XML entities and
 * numeric references), so a DTD can never expand anything. A document with a DOCTYPE is rejected outright.
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';

export const XSI_NS = 'http://www.w3.org/2001/XMLSchema-instance';

export interface XAttr {
  /** As written, e.g. "xsi:type". */
  name: string;
  local: string;
  /** Resolved namespace URI ('' = none). */
  ns: string;
  value: string;
}

export interface XElement {
  /** As written, e.g. "C:BroadsoftDocument". */
  name: string;
  local: string;
  ns: string;
  attrs: XAttr[];
  children: XElement[];
  /** Concatenated text and CDATA content directly inside this element. */
  text: string;
  /** Namespace bindings in scope (prefix -> URI, '' = default), for resolving QName values such as xsi:type. */
  scope: Map<string, string>;
}

export class XmlParseError extends Error {
  constructor(
    message: string,
    readonly line?: number,
    readonly column?: number,
  ) {
    super(line !== undefined ? `${message} (line ${line}, column ${column})` : message);
  }
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
});

function positionOf(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset).split('\n');
  return { line: before.length, column: before[before.length - 1].length + 1 };
}

/** Decodes the five predefined entities and numeric character references; anything else is an error. */
export function decodeEntities(raw: string): string {
  return raw.replace(/&([^;&\s]{0,12});/g, (_m, body: string) => {
    if (body === 'lt') return '<';
    if (body === 'gt') return '>';
    if (body === 'amp') return '&';
    if (body === 'quot') return '"';
    if (body === 'apos') return "'";
    const num = /^#x([0-9a-fA-F]+)$/.exec(body) ?? /^#([0-9]+)$/.exec(body);
    if (num) {
      const code = parseInt(num[1], body.startsWith('#x') ? 16 : 10);
      if (code > 0 && code <= 0x10ffff) return String.fromCodePoint(code);
    }
    throw new XmlParseError(`Undefined or invalid entity reference &${body};`);
  });
}

type RawNode = Record<string, unknown>;

function splitQName(qname: string): [string, string] {
  const i = qname.indexOf(':');
  return i < 0 ? ['', qname] : [qname.slice(0, i), qname.slice(i + 1)];
}

function convert(node: RawNode, parentScope: Map<string, string>): XElement | null {
  const name = Object.keys(node).find((k) => k !== ':@');
  if (!name || name === '#text' || name === '#cdata' || name.startsWith('?') || name.startsWith('!')) return null;
  const rawAttrs = (node[':@'] ?? {}) as Record<string, string>;
  const scope = new Map(parentScope);
  const attrPairs: [string, string][] = [];
  for (const [k, v] of Object.entries(rawAttrs)) {
    const value = decodeEntities(String(v));
    if (k === 'xmlns') scope.set('', value);
    else if (k.startsWith('xmlns:')) scope.set(k.slice(6), value);
    attrPairs.push([k, value]);
  }
  const [prefix, local] = splitQName(name);
  const ns = scope.get(prefix);
  if (ns === undefined) throw new XmlParseError(`Undeclared namespace prefix '${prefix}' on element <${name}>`);
  const attrs: XAttr[] = attrPairs.map(([k, value]) => {
    const [p, l] = splitQName(k);
    const ans = p === '' || k.startsWith('xmlns') ? '' : scope.get(p);
    if (ans === undefined) throw new XmlParseError(`Undeclared namespace prefix '${p}' on attribute ${k}`);
    return { name: k, local: l, ns: ans, value };
  });
  const children: XElement[] = [];
  let text = '';
  for (const child of (node[name] as RawNode[]) ?? []) {
    if ('#text' in child) text += decodeEntities(String(child['#text']));
    else if ('#cdata' in child) text += ((child['#cdata'] as RawNode[]) ?? []).map((t) => String(t['#text'] ?? '')).join('');
    else {
      const el = convert(child, scope);
      if (el) children.push(el);
    }
  }
  return { name, local, ns, attrs, children, text, scope };
}

/** Parses one XML document; throws XmlParseError with a position for anything malformed or unsafe. */
export function parseXmlDocument(text: string): XElement {
  const doctype = /<!DOCTYPE/i.exec(text);
  if (doctype) {
    const p = positionOf(text, doctype.index);
    throw new XmlParseError('DOCTYPE is not allowed in an OCI-P document', p.line, p.column);
  }
  const valid = XMLValidator.validate(text);
  if (valid !== true) throw new XmlParseError(valid.err.msg, valid.err.line, valid.err.col);
  let roots: XElement[];
  try {
    const raw = parser.parse(text) as RawNode[];
    roots = raw.map((n) => convert(n, new Map([['', ''], ['xml', 'http://www.w3.org/XML/1998/namespace']]))).filter((e): e is XElement => e !== null);
  } catch (e) {
    if (e instanceof XmlParseError) throw e;
    throw new XmlParseError(e instanceof Error ? e.message : String(e));
  }
  if (roots.length !== 1) throw new XmlParseError(`Expected exactly one root element, found ${roots.length}`);
  return roots[0];
}

/** The attribute with this namespace and local name. */
export function attr(el: XElement, ns: string, local: string): string | undefined {
  return el.attrs.find((a) => a.ns === ns && a.local === local && !a.name.startsWith('xmlns'))?.value;
}

/** Resolves a QName-valued attribute such as xsi:type to {ns, local}. */
export function resolveQName(el: XElement, value: string): { ns: string | undefined; local: string } {
  const [p, local] = splitQName(value.trim());
  return { ns: el.scope.get(p) ?? (p === '' ? '' : undefined), local };
}

export function xsiType(el: XElement): { ns: string | undefined; local: string } | undefined {
  const v = attr(el, XSI_NS, 'type');
  return v === undefined ? undefined : resolveQName(el, v);
}

export function child(el: XElement, local: string): XElement | undefined {
  return el.children.find((c) => c.local === local);
}

export function childrenNamed(el: XElement, local: string): XElement[] {
  return el.children.filter((c) => c.local === local);
}

/** xs:token value of a child: whitespace collapsed; undefined when absent. */
export function childText(el: XElement, local: string): string | undefined {
  const c = child(el, local);
  return c ? collapse(c.text) : undefined;
}

export function collapse(s: string): string {
  return s.replace(/[\t\n\r ]+/g, ' ').trim();
}

export function isTrue(value: string | undefined): boolean {
  return value === 'true' || value === '1';
}
