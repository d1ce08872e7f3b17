/**
 * The OCI-P document envelope: building request documents (one sessionId per session, 1..15 commands) and
 * taking response documents apart into their command elements.
 */
import { randomUUID } from 'node:crypto';
import { OcipError } from './errors';
import { parseXml, type XNode } from './xml';

export const MAX_COMMANDS_PER_DOCUMENT = 15;

/** A command as the encoder (core/encode) produced it: a complete `<command xsi:type="…" xmlns="">…</command>`. */
export interface EncodedCommand {
  type: string;
  xml: string;
}

export function newSessionId(): string {
  return randomUUID();
}

const XML_DECL = '<?xml version="1.0" encoding="ISO-8859-1"?>';
const ROOT_OPEN = '<BroadsoftDocument protocol="OCI" xmlns="C" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">';

export function escapeText(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** escapeText plus `"`, for attribute values and for finding a secret as it appears once escaped. */
export function escapeAttr(s: string): string {
  return escapeText(s).replace(/"/g, '&quot;');
}

/** One request document, on one line. The transport encodes it (ISO-8859-1, numeric references above U+00FF). */
export function buildDocument(sessionId: string, commands: readonly EncodedCommand[]): string {
  if (commands.length < 1 || commands.length > MAX_COMMANDS_PER_DOCUMENT) {
    throw new OcipError('usage', `a document holds 1 to ${MAX_COMMANDS_PER_DOCUMENT} commands, not ${commands.length}`);
  }
  commands.forEach((c, i) => {
    if (!/^\s*<command[\s>]/.test(c.xml)) {
      throw new OcipError('usage', `command ${i + 1} (${c.type}) is not a <command> element`);
    }
  });
  const body = commands.map((c) => c.xml.trim()).join('');
  return `${XML_DECL}${ROOT_OPEN}<sessionId xmlns="">${escapeText(sessionId)}</sessionId>${body}</BroadsoftDocument>`;
}

/** A simple command element, for the client's own commands (login, logout). Values are escaped here. */
export function simpleCommand(type: string, fields: [string, string | undefined][]): EncodedCommand {
  const inner = fields
    .filter((f): f is [string, string] => f[1] !== undefined)
    .map(([k, v]) => `<${k}>${escapeText(v)}</${k}>`)
    .join('');
  return { type, xml: `<command xsi:type="${type}" xmlns="">${inner}</command>` };
}

export interface ResponseCommand {
  node: XNode;
  rawXml: string;
}

export interface ResponseDocument {
  sessionId?: string;
  commands: ResponseCommand[];
}

/** Parses a response document; throws a clear OcipError if it is not a BroadsoftDocument. */
export function parseResponseDocument(xml: string): ResponseDocument {
  const { root, childSpans } = parseXml(xml);
  if (root.local !== 'BroadsoftDocument') {
    throw new OcipError('bad-response', `response root is <${root.name}>, expected <BroadsoftDocument>`);
  }
  const commands: ResponseCommand[] = [];
  let sessionId: string | undefined;
  root.children.forEach((child, i) => {
    if (child.local === 'sessionId') sessionId = child.text;
    if (child.local !== 'command') return;
    const span = childSpans[i];
    commands.push({ node: child, rawXml: span ? xml.slice(span.start, span.end) : '' });
  });
  return { sessionId, commands };
}
