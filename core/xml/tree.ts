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
 * With `compactTables` the tree is built by ./linear instead (one pass, OCI tables as cell texts), for large documents.
 * The editor's tolerant front end (core/syntax/xml*.ts) is a different thing: it recovers and reports many
 * problems; this one stops at the first.
 */
import { invalidXmlCharMessage, invalidXmlChars } from '../text/xml-chars';
import { scanMarkup, type MarkupScan } from './declarations';
import { XmlError, type XmlErrorKind } from './errors';
import { CDATA, elementName, offsetsOf, parserFor, shorten, TEXT, validatorProblem, type Entry } from './library';
import { nameOffset, recheckAttributes, recheckContent } from './locate';
import { elementOf, type XmlElement, type XmlTreeOptions } from './element';
import { buildLinear, LINEAR_GAVE_UP } from './linear';
import { decodeXmlText } from './text';

export { XML_NS, XMLNS_NS, XSI_NS, type XmlAttribute, type XmlElement, type XmlSpan, type XmlTable, type XmlTreeOptions } from './element';

const DEFAULT_MAX_DEPTH = 1000;

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
  if (options.compactTables) {
    try {
      return buildLinear(scan.text, options, true);
    } catch (e) {
      if (e !== LINEAR_GAVE_UP) throw e;
    }
  }
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
    const span = this.options.spans ? { start: startIndex, end: endIndex ?? this.text.length } : undefined;
    return elementOf(name, raw, parent, startIndex, span, this.options, this.fail);
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
}
