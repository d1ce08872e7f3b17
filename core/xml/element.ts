/** The element tree core/xml gives (./tree), and how one element is made from its name and attributes. */
import type { XmlErrorKind } from './errors';
import { shorten } from './library';

export const XML_NS = 'http://www.w3.org/XML/1998/namespace';
export const XMLNS_NS = 'http://www.w3.org/2000/xmlns/';
export const XSI_NS = 'http://www.w3.org/2001/XMLSchema-instance';
export interface XmlSpan {
  /** Offset of the start tag's '<'. */
  start: number;
  /** Offset just after the end tag's (or the empty-element tag's) '>'. */
  end: number;
}

export interface XmlAttribute {
  /** As written, e.g. "xsi:type". */
  name: string;
  local: string;
  /** Namespace URI ('' = none; namespace declarations are in XMLNS_NS). */
  ns: string;
  /** Decoded value. */
  value: string;
}

export interface XmlElement {
  /** As written, e.g. "C:BroadsoftDocument". */
  name: string;
  local: string;
  /** Namespace URI ('' = none). */
  ns: string;
  /** Every attribute in document order, namespace declarations included. */
  attributes: XmlAttribute[];
  /** Attribute values by name as written (namespace declarations included). */
  attrs: Record<string, string>;
  children: XmlElement[];
  /** Character data directly inside the element (text and CDATA, decoded), concatenated. */
  text: string;
  /** Namespace bindings in scope: prefix ('' = default) → URI. Shared with the parent when unchanged. */
  scope: ReadonlyMap<string, string>;
  /** Source offsets, when `spans` was asked for (not on the elements a compact table stands for). */
  span?: XmlSpan;
  /**
   * With `compactTables`: an OCI table's content (its colHeading and row/col children) as cell texts; `children`
   * is then computed from it when first read.
   */
  table?: XmlTable;
}

/**
 * An OCI table read compactly: the headings, every row's cells one after the other (row r is
 * cells[rowStarts[r]] … cells[rowStarts[r + 1] - 1]) and each row's own text when not empty.
 */
export interface XmlTable {
  headings: string[];
  rows: number;
  cells: string[];
  rowStarts: Uint32Array;
  rowTexts?: string[];
}

export interface XmlTreeOptions {
  /** Record every element's source span. Default false. */
  spans?: boolean;
  /** A DOCTYPE: an error ('reject', default) or skipped unread, its entities never defined ('skip'). */
  doctype?: 'reject' | 'skip';
  /** An undeclared namespace prefix: an error ('error', default) or no namespace ('no-namespace'). */
  undeclaredPrefixes?: 'error' | 'no-namespace';
  /** Elements nested deeper than this are an error. Default 1000. */
  maxDepth?: number;
  /**
   * Build the tree in one linear pass (./linear) instead of from the library's tree, and keep the OCI tables below
   * the root as `table` (their headings, rows and cells made as elements on first use, without spans; the table
   * element keeps its own). Same tree, same errors; for large documents.
   */
  compactTables?: boolean;
}

const ROOT_SCOPE: ReadonlyMap<string, string> = new Map([['xml', XML_NS]]);

/**
 * One element from its name and decoded attributes (document order): namespaces resolved against the parent's
 * scope, attached to the parent. Shared by the library's tree builder and the linear one (./linear).
 */
export function elementOf(
  name: string,
  raw: readonly [string, string][],
  parent: XmlElement | undefined,
  /** Offset of the start tag's '<', for errors. */
  at: number,
  span: XmlSpan | undefined,
  options: XmlTreeOptions,
  fail: (kind: XmlErrorKind, reason: string, offset: number) => never,
): XmlElement {
  const namespaceOf = (prefix: string, scope: ReadonlyMap<string, string>, what: string): string => {
    const uri = scope.get(prefix);
    if (uri !== undefined) return uri;
    if (options.undeclaredPrefixes === 'no-namespace') return '';
    return fail('namespace', `undeclared namespace prefix '${shorten(prefix)}' on ${what}`, at);
  };
  const inherited = parent ? parent.scope : ROOT_SCOPE;
  let scope = inherited;
  for (const [attrName, value] of raw) {
    if (attrName !== 'xmlns' && !attrName.startsWith('xmlns:')) continue;
    if (scope === inherited) scope = new Map(scope);
    (scope as Map<string, string>).set(attrName === 'xmlns' ? '' : attrName.slice(6), value);
  }
  const attributes: XmlAttribute[] = [];
  const attrs: Record<string, string> = {};
  for (const [attrName, value] of raw) {
    const colon = attrName.indexOf(':');
    const declaration = attrName === 'xmlns' || attrName.startsWith('xmlns:');
    const ns = declaration ? XMLNS_NS : colon > 0 ? namespaceOf(attrName.slice(0, colon), scope, `attribute ${shorten(attrName)}`) : '';
    attributes.push({ name: attrName, local: attrName.slice(colon + 1), ns, value });
    attrs[attrName] = value;
  }
  const colon = name.indexOf(':');
  const prefix = colon > 0 ? name.slice(0, colon) : '';
  const ns = prefix ? namespaceOf(prefix, scope, `element <${shorten(name)}>`) : (scope.get('') ?? '');
  const element: XmlElement = { name, local: name.slice(colon + 1), ns, attributes, attrs, children: [], text: '', scope };
  if (span) element.span = span;
  parent?.children.push(element);
  return element;
}
