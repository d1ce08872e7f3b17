/**
 * Reads an XSD file into a small namespace-aware element tree. fast-xml-parser runs
 * with preserveOrder because particle order is the content model.
 */
import { XMLParser } from 'fast-xml-parser';

export const XSD_NS = 'http://www.w3.org/2001/XMLSchema';

export interface XNode {
  /** Local name (prefix removed). */
  local: string;
  /** Namespace URI of the element ('' = none). */
  ns: string;
  attrs: Record<string, string>;
  children: XNode[];
  /** Concatenated direct text content. */
  text: string;
  /** In-scope namespace bindings: prefix ('' = default) -> URI. */
  scope: Map<string, string>;
}

const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: '',
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: false,
  processEntities: true,
  htmlEntities: false,
});

type RawNode = Record<string, unknown>;

/** Parses XML text; throws an Error whose message names `file` when the text is not well-formed. */
export function parseXmlTree(text: string, file: string): XNode {
  let raw: RawNode[];
  try {
    raw = parser.parse(text, true) as RawNode[];
  } catch (e) {
    throw new Error(`${file}: not well-formed XML: ${(e as Error).message}`);
  }
  const base = new Map<string, string>([['xml', 'http://www.w3.org/XML/1998/namespace']]);
  for (const r of raw) {
    const tag = tagName(r);
    if (tag && !tag.startsWith('?')) return convert(r, tag, base);
  }
  throw new Error(`${file}: no root element`);
}

function tagName(r: RawNode): string | undefined {
  return Object.keys(r).find((k) => k !== ':@' && k !== '#text' && k !== '#comment');
}

function convert(r: RawNode, tag: string, parentScope: Map<string, string>): XNode {
  const attrs = ((r[':@'] as Record<string, string>) ?? {}) as Record<string, string>;
  let scope = parentScope;
  const own: Record<string, string> = {};
  for (const [k, v] of Object.entries(attrs)) {
    if (k === 'xmlns' || k.startsWith('xmlns:')) {
      if (scope === parentScope) scope = new Map(parentScope);
      scope.set(k === 'xmlns' ? '' : k.slice(6), v);
    } else own[k] = v;
  }
  const colon = tag.indexOf(':');
  const prefix = colon < 0 ? '' : tag.slice(0, colon);
  const local = colon < 0 ? tag : tag.slice(colon + 1);
  const node: XNode = { local, ns: scope.get(prefix) ?? '', attrs: own, children: [], text: '', scope };
  for (const c of (r[tag] as RawNode[]) ?? []) {
    if ('#text' in c) node.text += String(c['#text']);
    else {
      const t = tagName(c);
      if (t && !t.startsWith('?')) node.children.push(convert(c, t, scope));
    }
  }
  return node;
}

/** The XSD-namespace children of a node, optionally only those with the given local name. */
export function xsChildren(node: XNode, local?: string): XNode[] {
  return node.children.filter((c) => c.ns === XSD_NS && (local === undefined || c.local === local));
}

/** All text below a node (documentation may contain markup). */
export function deepText(node: XNode): string {
  return node.text + node.children.map(deepText).join('');
}
