export { encodeCommandXml, encodeDocument, encodeDocumentPretty, MAX_COMMANDS_PER_DOCUMENT, XSI_NAMESPACE } from './document';
export type { DocumentEncoding, DocumentOptions } from './document';
export { toXml, toYaml, PLACEHOLDER_SESSION_ID } from './convert';
export type { ToXmlOptions } from './convert';
export { escapeAttribute, escapeText } from './escape';
export type { EncodeModel } from './model';
