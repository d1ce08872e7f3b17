/**
 * Reads an XSD file into the element tree of core/xml (document order kept: particle order is the content model).
 * A DOCTYPE is skipped unread (nothing it declares is ever expanded); an undeclared prefix on an element is read as
 * no namespace, so the compiler can warn about it instead of failing the file.
 */
import { parseXmlTree as readXml, XmlError, type XmlElement } from '../xml';

export const XSD_NS = 'http://www.w3.org/2001/XMLSchema';

export type XNode = XmlElement;

/** Parses XML text; throws an Error whose message names `file` (and the position) when the text is not well-formed. */
export function parseXmlTree(text: string, file: string): XNode {
  try {
    return readXml(text, { doctype: 'skip', undeclaredPrefixes: 'no-namespace' });
  } catch (e) {
    if (e instanceof XmlError) throw new Error(`${file}: not well-formed XML: ${e.message}`);
    throw e;
  }
}

/** The XSD-namespace children of a node, optionally only those with the given local name. */
export function xsChildren(node: XNode, local?: string): XNode[] {
  return node.children.filter((c) => c.ns === XSD_NS && (local === undefined || c.local === local));
}

/** All text below a node (documentation may contain markup). */
export function deepText(node: XNode): string {
  return node.text + node.children.map(deepText).join('');
}
