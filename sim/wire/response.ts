/**
 * Response documents in the shape real servers send (protocol.md §2, §5): one line, declaration included,
 * `echo` copied (default ""), SuccessResponse/ErrorResponse typed in namespace C with the `c:` prefix.
 */
import { el, escapeAttr, escapeText } from '../xml/write';

export const ISO_DECLARATION = '<?xml version="1.0" encoding="ISO-8859-1"?>';
/** Documents the XSP builds itself carry this declaration plus a newline (protocol.md §1.2). */
export const UTF8_DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>\n';
const ROOT_OPEN = '<BroadsoftDocument protocol="OCI" xmlns="C" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">';

export function successResponse(echo = ''): string {
  return `<command echo="${escapeAttr(echo)}" xsi:type="c:SuccessResponse" xmlns:c="C" xmlns=""/>`;
}

/** `summary` must start with "[Error NNNN]" (or "[Warning NNNN]"); the detail goes into CDATA. */
export function errorResponse(summary: string, detail?: string, echo = '', type: 'Error' | 'Warning' = 'Error'): string {
  const d = detail === undefined ? '' : `<detail><![CDATA[${detail.replace(/]]>/g, ']]]]><![CDATA[>')}]]></detail>`;
  return (
    `<command type="${type}" echo="${escapeAttr(echo)}" xsi:type="c:ErrorResponse" xmlns:c="C" xmlns="">` +
    `${el('summary', summary)}${el('summaryEnglish', summary)}${d}</command>`
  );
}

/** A data response: `inner` is already-escaped XML of the response's elements, in schema order. */
export function dataResponse(type: string, inner: string, echo = ''): string {
  return `<command echo="${escapeAttr(echo)}" xsi:type="${escapeAttr(type)}" xmlns="">${inner}</command>`;
}

/** A server-initiated request (the forced LogoutRequest). */
export function requestCommand(type: string, inner: string): string {
  return `<command xsi:type="${escapeAttr(type)}" xmlns="">${inner}</command>`;
}

export interface EnvelopeHeader {
  sessionId?: string;
  trackingId?: string;
}

/** The whole response document as a string (not yet byte-encoded), without the trailing newline. */
export function responseDocument(header: EnvelopeHeader, commands: string[], declaration = ISO_DECLARATION): string {
  const sid = header.sessionId !== undefined ? `<sessionId xmlns="">${escapeText(header.sessionId)}</sessionId>` : '';
  const tid = header.trackingId !== undefined ? `<trackingId xmlns="">${escapeText(header.trackingId)}</trackingId>` : '';
  return `${declaration}${ROOT_OPEN}${sid}${tid}${commands.join('')}</BroadsoftDocument>`;
}
