/**
 * One strict, safe XML reader for whole documents: server responses (core/ocip), requests to the simulator
 * (sim/xml) and XSD files (core/xsd). fast-xml-parser does the reading (./library): XMLParser tokenises and builds
 * the ordered tree, with the source offsets of every element; XMLValidator finds well-formedness errors, with their
 * line and column. This layer adds what a strict, safe reader needs and the library does not do:
 * - markup declarations settled before the library sees the text (./declarations): a DOCTYPE is rejected (default)
 *   or blanked out unread ('skip'); a stray <!ENTITY …> is always rejected;
 * - entities: the library expands nothing (processEntities off); text and attribute values are decoded here,
 *   allowing only the five predefined entities and numeric character references (./text), anything else an error;
 * - namespaces: prefixes resolved against the in-scope declarations, an undeclared one an error or no namespace;
 * - nesting bounded (consumers walk the tree recursively), and tags bounded in length (./declarations);
 * - the checks the validator lacks: a second root after an empty root element, CDATA outside the root element,
 *   '<' in an attribute value; and positions for the errors the library reports without one (./locate).
 * Element spans are the library's own offsets (captureMetaData), so rawXml is the exact source text.
 * The editor's tolerant front end (core/syntax/xml*.ts) is a different thing: it recovers and reports many
 * problems; this one stops at the first.
 */
import { invalidXmlCharMessage, invalidXmlChars } from '../text/xml-chars';
import { scanMarkup, type MarkupScan } from './declarations';
import { XmlError, type XmlErrorKind } from './errors';
import { CDATA, elementName, offsetsOf, parserFor, shorten, TEXT, validatorProblem, type Entry } from './library';
import { nameOffset, recheckAttributes, recheckContent } from './locate';
import { decodeXmlText } from './text';

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
  /** Source offsets, when `spans` was asked for. */
  span?: XmlSpan;
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
}

const DEFAULT_MAX_DEPTH = 1000;
const ROOT_SCOPE: ReadonlyMap<string, string> = new Map([['xml', XML_NS]]);

/** Parses a complete document with exactly one root element. Throws XmlError (with its position) on anything else. */
export function parseXmlTree(text: string, options: XmlTreeOptions = {}): XmlElement {
  const fail = (kind: XmlErrorKind, reason: string, offset: number): never => {
    throw new XmlError(kind, reason, text, offset);
  };
  const maxDepth = options.maxDepth ?? DEFAULT_MAX_DEPTH;
  const [badChar] = invalidXmlChars(text, 1);
  if (badChar !== undefined) fail('malformed', invalidXmlCharMessage(text, badChar), badChar);
  const scan = scanMarkup(text, options.doctype ?? 'reject', maxDepth, fail);
  const problem = validatorProblem(scan.text);
  if (problem) fail('malformed', problem.reason, problem.offset);
  let entries: Entry[];
  try {
    entries = parserFor(maxDepth).parse(scan.text) as Entry[];
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    const reserved = /Invalid name: "([^"]*)"/.exec(message);
    if (reserved) fail('malformed', `the name '${shorten(reserved[1])}' is not supported`, nameOffset(text, reserved[1]));
    return fail('malformed', shorten(message), 0);
  }
  return new TreeBuilder(text, options, scan, fail).build(entries);
}

/** Turns the library's ordered entries into XmlElements: namespaces, decoded text and attributes, spans. */
class TreeBuilder {
  constructor(
    private readonly text: string,
    private readonly options: XmlTreeOptions,
    private readonly scan: MarkupScan,
    private readonly fail: (kind: XmlErrorKind, reason: string, offset: number) => never,
  ) {}

  build(entries: Entry[]): XmlElement {
    let root: XmlElement | undefined;
    let rootEntry: Entry | undefined;
    for (const entry of entries) {
      if (elementName(entry) === undefined) {
        if (entry[CDATA] !== undefined) this.cdataOutsideRoot(rootEntry);
        continue; // a byte-order mark or spaces: the validator refuses any other text outside the root
      }
      if (root) this.fail('malformed', 'a second root element', offsetsOf(entry).startIndex);
      rootEntry = entry;
      root = this.element(entry, undefined);
    }
    if (!root) return this.fail('malformed', 'no root element', this.text.length);
    return root;
  }

  private cdataOutsideRoot(rootEntry: Entry | undefined): never {
    const { firstCdata, lastCdata } = this.scan;
    const at = rootEntry && firstCdata > offsetsOf(rootEntry).startIndex ? lastCdata : firstCdata;
    return this.fail('malformed', 'CDATA section outside the root element', at);
  }

  /** The element of `entry` and all below it, built with an explicit stack (no recursion however deep). */
  private element(entry: Entry, parent: XmlElement | undefined): XmlElement {
    const root = this.open(entry, parent);
    const stack: { entry: Entry; entries: Entry[]; next: number; element: XmlElement }[] = [
      { entry, entries: entry[root.name] as Entry[], next: 0, element: root },
    ];
    while (stack.length) {
      const top = stack[stack.length - 1];
      if (top.next >= top.entries.length) {
        stack.pop();
        continue;
      }
      const item = top.entries[top.next++];
      const name = elementName(item);
      if (name !== undefined) {
        const child = this.open(item, top.element);
        stack.push({ entry: item, entries: item[name] as Entry[], next: 0, element: child });
      } else if (item[TEXT] !== undefined) {
        top.element.text += this.decodeText(String(item[TEXT]), top.entry, top.entries);
      } else if (item[CDATA] !== undefined) {
        top.element.text += (item[CDATA] as Entry[]).map((t) => String(t[TEXT] ?? '')).join('');
      }
    }
    return root;
  }

  /** Builds one element (namespaces resolved, attributes decoded) and attaches it to its parent. */
  private open(entry: Entry, parent: XmlElement | undefined): XmlElement {
    const name = elementName(entry)!;
    const { startIndex, endIndex } = offsetsOf(entry);
    const rawAttributes = entry[':@'] ?? {};
    const raw: [string, string][] = [];
    for (const attrName in rawAttributes) {
      const value = String(rawAttributes[attrName]);
      if (value.includes('<'))
        this.fail(
          'malformed',
          `'<' in the value of attribute ${shorten(attrName)} of <${shorten(name)}>`,
          this.text.indexOf('<', startIndex + 1),
        );
      raw.push([attrName, this.decodeAttribute(value, startIndex)]);
    }
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
      const ns = declaration
        ? XMLNS_NS
        : colon > 0
          ? this.namespaceOf(attrName.slice(0, colon), scope, `attribute ${shorten(attrName)}`, startIndex)
          : '';
      attributes.push({ name: attrName, local: attrName.slice(colon + 1), ns, value });
      attrs[attrName] = value;
    }
    const colon = name.indexOf(':');
    const prefix = colon > 0 ? name.slice(0, colon) : '';
    const ns = prefix ? this.namespaceOf(prefix, scope, `element <${shorten(name)}>`, startIndex) : (scope.get('') ?? '');
    const element: XmlElement = { name, local: name.slice(colon + 1), ns, attributes, attrs, children: [], text: '', scope };
    if (this.options.spans) element.span = { start: startIndex, end: endIndex ?? this.text.length };
    parent?.children.push(element);
    return element;
  }

  /**
   * Decodes text the library handed over raw. Its offset inside the element is unknown, so on a bad reference the
   * element's own character data is decoded again from the source (./locate), which fails where the reference is.
   */
  private decodeText(raw: string, owner: Entry, content: Entry[]): string {
    if (!raw.includes('&')) return raw;
    return decodeXmlText(raw, 0, raw.length, false, (kind, reason) => {
      const { startIndex, endIndex } = offsetsOf(owner);
      const children = content.flatMap((e) => (elementName(e) === undefined ? [] : [offsetsOf(e)]));
      recheckContent(
        this.text,
        startIndex,
        endIndex ?? this.text.length,
        children.map((c) => ({ start: c.startIndex, end: c.endIndex ?? this.text.length })),
        this.fail,
      );
      return this.fail(kind, reason, startIndex);
    });
  }

  /** Decodes an attribute value; on a bad reference, the start tag's values are decoded again from the source. */
  private decodeAttribute(raw: string, startIndex: number): string {
    return decodeXmlText(raw, 0, raw.length, true, (kind, reason) => {
      recheckAttributes(this.text, startIndex, this.fail);
      return this.fail(kind, reason, startIndex);
    });
  }

  private namespaceOf(prefix: string, scope: ReadonlyMap<string, string>, what: string, at: number): string {
    const uri = scope.get(prefix);
    if (uri !== undefined) return uri;
    if (this.options.undeclaredPrefixes === 'no-namespace') return '';
    return this.fail('namespace', `undeclared namespace prefix '${shorten(prefix)}' on ${what}`, at);
  }
}
