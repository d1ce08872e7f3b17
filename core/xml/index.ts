/** Strict, safe whole-document XML reading (see tree.ts). */
export { parseXmlTree, XML_NS, XMLNS_NS, XSI_NS, type XmlAttribute, type XmlElement, type XmlSpan, type XmlTreeOptions } from './tree';
export { XmlError, lineAndColumn, type XmlErrorKind } from './errors';
export { attribute, child, childrenNamed, resolveQName, xsiType } from './query';
