/**
 * Writing the simulator's responses with the client encoder's writer (core/encode/writer: fast-xml-parser's
 * XMLBuilder in ordered mode, values escaped per value). The bytes are those protocol.md §3.4 asks for: one line,
 * `echo` always present, SuccessResponse/ErrorResponse typed `c:` with `xmlns:c="C" xmlns=""`, detail in CDATA.
 *
 * Responses travel between the engine and the listeners as strings (a handler returns its command, the session
 * joins them into a document); a string already written here enters the next builder call as a text node, which
 * the builder copies verbatim (its entity processing is off). Characters above U+00FF are left as they are until
 * the listener encodes the finished document (`encodeLatin1`, `toLatin1Safe`): CDATA cannot hold a reference.
 */
import { isXsdBlank } from '../../core/text/xsd-whitespace';
import { buildXml, declarationNode, elementNode, type XmlNode } from '../../core/encode/writer';
import { toLatin1Safe } from '../../core/ocip/transport/framing';
import type { XElement } from './parse';

const C_TYPED = [
  ['xmlns:c', 'C'],
  ['xmlns', ''],
] as [string, string][];
const XSI_NAMESPACE = 'http://www.w3.org/2001/XMLSchema-instance';

/** XML already written, carried into a builder call unchanged. */
function written(xml: string): XmlNode[] {
  return xml ? [{ '#text': xml }] : [];
}

/** `<name>value</name>` with the value escaped; nothing when the value is undefined. */
export function el(name: string, value: string | number | boolean | undefined): string {
  if (value === undefined) return '';
  const text = String(value);
  // The builder writes an empty element as `<name/>`; the simulator has always sent an empty value as a pair.
  if (text === '') return `<${name}></${name}>`;
  return buildXml([elementNode(name, [], { text }, false)], undefined);
}

/** `<name …>` with these attributes around XML already written (from `el`); `<name …/>` when there is none. */
export function parent(name: string, inner: string, attributes: [string, string][] = []): string {
  const node = elementNode(name, attributes, {}, false);
  node[name] = written(inner);
  return buildXml([node], undefined);
}

function commandXml(attributes: [string, string][], inner: string): string {
  return parent('command', inner, attributes);
}

export function successResponse(echo = ''): string {
  return commandXml([['echo', echo], ['xsi:type', 'c:SuccessResponse'], ...C_TYPED], '');
}

/** The detail as CDATA; a `]]>` inside ends one section and starts the next, so every character survives. */
function cdata(text: string): string {
  return `<![CDATA[${text.replace(/]]>/g, ']]]]><![CDATA[>')}]]>`;
}

/** `summary` must start with "[Error NNNN]" (or "[Warning NNNN]"); the detail goes into CDATA. */
export function errorResponse(summary: string, detail?: string, echo = '', type: 'Error' | 'Warning' = 'Error'): string {
  const detailXml = detail === undefined ? '' : buildXml([{ detail: written(cdata(detail)) }], undefined);
  const attributes: [string, string][] = [['type', type], ['echo', echo], ['xsi:type', 'c:ErrorResponse'], ...C_TYPED];
  return commandXml(attributes, el('summary', summary) + el('summaryEnglish', summary) + detailXml);
}

/** A data response: `inner` is XML of the response's elements (from `el`), in schema order. */
export function dataResponse(type: string, inner: string, echo = ''): string {
  return commandXml(
    [
      ['echo', echo],
      ['xsi:type', type],
      ['xmlns', ''],
    ],
    inner,
  );
}

/** A server-initiated request (the forced LogoutRequest). */
export function requestCommand(type: string, inner: string): string {
  return commandXml(
    [
      ['xsi:type', type],
      ['xmlns', ''],
    ],
    inner,
  );
}

export interface EnvelopeHeader {
  sessionId?: string;
  trackingId?: string;
}

/** The whole response document, declared ISO-8859-1, as a string (not yet byte-encoded), no trailing newline. */
export function responseDocument(header: EnvelopeHeader, commands: string[]): string {
  const root = elementNode(
    'BroadsoftDocument',
    [
      ['protocol', 'OCI'],
      ['xmlns', 'C'],
      ['xmlns:xsi', XSI_NAMESPACE],
    ],
    {},
    false,
  );
  const children: XmlNode[] = [];
  if (header.sessionId !== undefined) children.push(elementNode('sessionId', [['xmlns', '']], { text: header.sessionId }, false));
  if (header.trackingId !== undefined) children.push(elementNode('trackingId', [['xmlns', '']], { text: header.trackingId }, false));
  root.BroadsoftDocument = [...children, ...written(commands.join(''))];
  return buildXml([declarationNode('ISO-8859-1'), root], undefined);
}

/** Characters above U+00FF become numeric references, so the text can be written as ISO-8859-1 bytes: the client's encoding. */
export { toLatin1Safe };

export function encodeLatin1(s: string): Buffer {
  return Buffer.from(toLatin1Safe(s), 'latin1');
}

function elementXmlNode(e: XElement): XmlNode {
  const attributes = e.attributes.map((a): [string, string] => [a.name, a.value]);
  // Mixed content is not reproduced: an element with children keeps only them.
  const text = !isXsdBlank(e.text) && e.children.length === 0 ? e.text : '';
  const node = elementNode(e.name, attributes, { text }, false);
  if (e.children.length) node[e.name] = e.children.map(elementXmlNode);
  return node;
}

/** Serialises a parsed element back to XML (attributes as written), for validation error details. */
export function serializeElement(e: XElement): string {
  return buildXml([elementXmlNode(e)], undefined);
}
