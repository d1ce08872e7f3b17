/**
 * Reading server responses with core/xml: a DOCTYPE or entity declaration is hostile (never expanded), only the
 * predefined entities and character references are read, undeclared prefixes are tolerated (no namespace), and
 * the source span of each child of the root is kept (for rawXml). Errors become OcipErrors with their position.
 * The spans are fast-xml-parser's own element offsets (captureMetaData), so rawXml is the response's exact text,
 * as the server wrote it, rather than a re-serialisation. A response can be 64 MiB of table rows: it is read in one
 * linear pass with its OCI tables kept as cell texts (compactTables), not an element per row and cell.
 */
import { parseXmlTree, XmlError, xsiType as xsiTypeOf, type XmlElement } from '../xml';
import { OcipError } from './errors';

export type XNode = XmlElement;

export interface Span {
  name: string;
  start: number;
  end: number;
}

/** Parses a response document into an element tree, with the spans of the root's children. */
export function parseXml(xml: string): { root: XNode; childSpans: Span[] } {
  let root: XNode;
  try {
    root = parseXmlTree(xml, { spans: true, undeclaredPrefixes: 'no-namespace', compactTables: true });
  } catch (err) {
    if (!(err instanceof XmlError)) throw err;
    if (err.kind === 'doctype') throw new OcipError('hostile-xml', `response rejected: it contains ${err.message}`);
    if (err.kind === 'entity') throw new OcipError('bad-response', `response rejected: unsupported entity reference: ${err.message}`);
    throw new OcipError('bad-response', `response is not well-formed XML: ${err.message}`);
  }
  return { root, childSpans: root.children.map((c) => ({ name: c.name, start: c.span!.start, end: c.span!.end })) };
}

/** The element's xsi:type, whatever prefix is bound to the XSI namespace; an undeclared prefix gives no namespace (''). */
export function xsiType(node: XNode): { ns: string; local: string } | undefined {
  const type = xsiTypeOf(node);
  return type && { ns: type.ns ?? '', local: type.local };
}
