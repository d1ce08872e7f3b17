/**
 * Attributes on OCI-P elements (XML only: YAML has none). The schema declares attributes on two elements
 * only: BroadsoftDocument (protocol) and command (echo, and requestLocale on requests; debugInfo is a response attribute). Everywhere else only the
 * XML Schema instance attributes (xsi:type and xsi:nil, read by the front end; xsi:schemaLocation and
 * xsi:noNamespaceSchemaLocation, which validation ignores) and namespace declarations may appear: BroadWorks
 * rejects a document with any other attribute.
 */
import type { AttributeNode } from '../tree/types';

const XSI_NS = 'http://www.w3.org/2001/XMLSchema-instance';
const XMLNS_NS = 'http://www.w3.org/2000/xmlns/';
const XSI_HINTS = new Set(['schemaLocation', 'noNamespaceSchemaLocation']);

/** Attribute names the schema declares on a request command (both optional, string and token typed: any value). */
export const COMMAND_ATTRIBUTES: readonly string[] = ['echo', 'requestLocale'];

function localName(a: AttributeNode): string {
  return a.name.slice(a.name.indexOf(':') + 1);
}

/** The attributes of `attributes` the schema does not allow, given the unqualified names it declares. */
export function disallowedAttributes(attributes: AttributeNode[] | undefined, declared: readonly string[] = []): AttributeNode[] {
  if (!attributes) return [];
  return attributes.filter((a) => {
    if (a.name === 'xmlns' || a.name.startsWith('xmlns:') || a.namespace === XMLNS_NS) return false;
    if (a.namespace === XSI_NS) return !XSI_HINTS.has(localName(a));
    if (!a.name.includes(':') && declared.includes(a.name)) return false;
    return true;
  });
}

export function attributeMessage(a: AttributeNode, element: string, declared: readonly string[] = []): string {
  const allowed = declared.length
    ? `: it takes only ${declared.join(', ')}, xsi:type, xsi:nil and namespace declarations`
    : ': only xsi:type, xsi:nil and namespace declarations are allowed on it';
  return `Attribute '${a.name}' is not allowed on \`${element}\`${allowed}. BroadWorks rejects the document.`;
}
