/**
 * Reading request documents with core/xml, under the simulator's rules: a DOCTYPE is rejected, only the predefined
 * entities and character references are read, an undeclared prefix is an error. Plus the lookups the engine uses.
 */
import { attribute, child, childrenNamed, parseXmlTree, XmlError, xsiType, type XmlAttribute, type XmlElement } from '../../core/xml';
import { xsdCollapse } from '../../core/text/xsd-whitespace';

export { XSI_NS } from '../../core/xml';
export { child, childrenNamed, xsiType };

export type XAttr = XmlAttribute;
export type XElement = XmlElement;

export class XmlParseError extends Error {
  constructor(
    message: string,
    readonly line?: number,
    readonly column?: number,
  ) {
    super(line !== undefined ? `${message} (line ${line}, column ${column})` : message);
  }
}

/** Parses one XML document; throws XmlParseError with a position for anything malformed or unsafe. */
export function parseXmlDocument(text: string): XElement {
  try {
    return parseXmlTree(text);
  } catch (e) {
    if (e instanceof XmlError)
      throw new XmlParseError(
        e.kind === 'doctype' ? 'DOCTYPE or entity declarations are not allowed in an OCI-P document' : e.reason,
        e.line,
        e.column,
      );
    throw e;
  }
}

/** The attribute with this namespace and local name. */
export const attr = attribute;

/** xs:token value of a child: whitespace collapsed; undefined when absent. */
export function childText(el: XElement, local: string): string | undefined {
  const c = child(el, local);
  return c ? collapse(c.text) : undefined;
}

/** XSD collapse (only U+0020, U+0009, U+000A, U+000D are whitespace: a no-break space is a value). */
export function collapse(s: string): string {
  return xsdCollapse(s);
}

export function isTrue(value: string | undefined): boolean {
  return value === 'true' || value === '1';
}
