/**
 * Prints `OrderedElement` trees as XML, compact (the wire) or indented (for people), with fast-xml-parser's
 * XMLBuilder in ordered mode: it assembles tags, attributes, nesting, empty-element tags and indentation.
 *
 * Values are escaped here, before the builder sees them (its own entity processing is off): the escaping the wire
 * needs differs between text and attributes (tabs and line ends only in attributes, '\r' in both) and, in ISO-8859-1
 * documents, turns every character above U+00FF into a numeric character reference. Doing it per value means
 * markup is never touched.
 *
 * The one byte the builder cannot be told to leave alone: it always writes a `'` in an attribute value as `&apos;`
 * (valid, but not what the encoder wrote before, nor what BroadWorks writes). `withApostrophes` puts the `'` back;
 * that is exact because every '&' this encoder puts in a value starts &amp; &lt; &gt; &quot; or &#N;, and names
 * contain none, so any "&apos;" in the output came from the builder.
 */
import { XMLBuilder } from 'fast-xml-parser';
import { escapeAttribute, escapeText } from './escape';
import type { OrderedElement } from './order';

export interface WriteOptions {
  latin1: boolean;
  /** Indentation unit; undefined writes everything on one line. */
  indent?: string;
}

/** One item of the builder's ordered input: `{ name: children, ':@': attributes }` or `{ '#text': text }`. */
export type XmlNode = Record<string, unknown>;

const BUILDER_OPTIONS = {
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: '',
  processEntities: false,
  suppressEmptyNode: true,
  suppressBooleanAttributes: false,
  // The tree's producers bound its depth; the builder must not add a lower limit of its own (default 100).
  maxNestedTags: Number.MAX_SAFE_INTEGER,
};
const compact = new XMLBuilder({ ...BUILDER_OPTIONS, format: false });
const indented = new Map<string, XMLBuilder>();

/** An element with these attributes and the content (text or children) of `content`; values escaped. */
export function elementNode(
  name: string,
  attributes: [string, string][],
  content: Pick<OrderedElement, 'text' | 'children'>,
  latin1: boolean,
): XmlNode {
  let children: XmlNode[];
  if (content.children && content.children.length) children = content.children.map((child) => orderedNode(child, latin1));
  else children = content.text ? [{ '#text': escapeText(content.text, latin1) }] : [];
  const node: XmlNode = { [name]: children };
  if (attributes.length) {
    const attrs: Record<string, string> = {};
    for (const [key, value] of attributes) {
      const escaped = escapeAttribute(value, latin1);
      // An attribute called "__proto__" must stay an ordinary key, not set the prototype.
      if (key === '__proto__') Object.defineProperty(attrs, key, { value: escaped, enumerable: true, writable: true, configurable: true });
      else attrs[key] = escaped;
    }
    node[':@'] = attrs;
  }
  return node;
}

/** An `OrderedElement` with its xsi:type and xsi:nil attributes. */
export function orderedNode(element: OrderedElement, latin1: boolean): XmlNode {
  const attributes: [string, string][] = [];
  if (element.xsiType !== undefined) attributes.push(['xsi:type', element.xsiType]);
  if (element.nil) attributes.push(['xsi:nil', 'true']);
  return elementNode(element.name, attributes, element, latin1);
}

/** The XML declaration, first item of a document. */
export function declarationNode(encoding: string): XmlNode {
  return { '?xml': [], ':@': { version: '1.0', encoding } };
}

/** The nodes as XML: one line, or indented with a line end after every element (and after the declaration). */
export function buildXml(nodes: XmlNode[], indent: string | undefined): string {
  if (indent === undefined) return withApostrophes(compact.build(nodes));
  let builder = indented.get(indent);
  if (!builder) indented.set(indent, (builder = new XMLBuilder({ ...BUILDER_OPTIONS, format: true, indentBy: indent })));
  // The builder starts every top-level element on a new line and ends without one.
  return `${withApostrophes(builder.build(nodes)).replace(/^\n/, '')}\n`;
}

function withApostrophes(xml: string): string {
  return xml.includes('&apos;') ? xml.replaceAll('&apos;', "'") : xml;
}
