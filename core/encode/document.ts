/**
 * Tree → OCI-P XML on the wire: one command, or a whole BroadsoftDocument around 1..15 commands.
 * Children come out in schema order; elements the model does not know are dropped (the checks report them).
 * This file decides what goes out (order, xsi:type and xsi:nil, the envelope's attributes, `xmlns=""` on each
 * command); ./writer has fast-xml-parser's XMLBuilder write it, with values escaped per the document's encoding.
 */
import type { CommandNode } from '../tree/types';
import { type EncodeModel, asIndex } from './model';
import { orderChildren } from './order';
import { buildXml, declarationNode, elementNode, type XmlNode } from './writer';

export const XSI_NAMESPACE = 'http://www.w3.org/2001/XMLSchema-instance';
/** The schema allows 1 to 15 commands per document; batching is the caller's job. */
export const MAX_COMMANDS_PER_DOCUMENT = 15;

export type DocumentEncoding = 'ISO-8859-1' | 'UTF-8';

export interface DocumentOptions {
  sessionId: string;
  /** Default ISO-8859-1, what BroadWorks itself declares; characters above U+00FF become &#N; references. */
  encoding?: DocumentEncoding;
}

/** The attributes a `<command>` start tag gets: xsi:type, xmlns="" and plain ones kept from XML (echo, …). */
function commandAttributes(command: CommandNode): [string, string][] {
  const attributes: [string, string][] = [];
  if (command.name !== null) attributes.push(['xsi:type', command.name]);
  // Kept, never dropped: the checks report it (a nil command is refused), and a conversion must not hide it.
  if (command.nil ?? command.nilFalse) attributes.push(['xsi:nil', command.nil ? 'true' : 'false']);
  attributes.push(['xmlns', '']);
  for (const a of command.attributes ?? []) {
    if (!a.name.includes(':') && a.name !== 'xmlns') attributes.push([a.name, a.value.text]);
  }
  return attributes;
}

/** One `<command>` element; `keepUnknown` keeps elements the model does not know (conversion). */
export function commandNode(command: CommandNode, model: EncodeModel, latin1: boolean, keepUnknown = false): XmlNode {
  const children = orderChildren(asIndex(model), command.name, command.children, { keepUnknown });
  return elementNode('command', commandAttributes(command), { children }, latin1);
}

/** The BroadsoftDocument around `commands` (nodes), after the XML declaration. */
export function documentNodes(encoding: string, sessionId: string, commands: XmlNode[], latin1: boolean): XmlNode[] {
  const root = elementNode(
    'BroadsoftDocument',
    [
      ['protocol', 'OCI'],
      ['xmlns', 'C'],
      ['xmlns:xsi', XSI_NAMESPACE],
    ],
    {},
    latin1,
  );
  root.BroadsoftDocument = [elementNode('sessionId', [['xmlns', '']], { text: sessionId }, latin1), ...commands];
  return [declarationNode(encoding), root];
}

/** `<command xsi:type="Name" xmlns="">…</command>` on one line; `xsi` must be declared by the envelope around it. */
export function encodeCommandXml(command: CommandNode, model: EncodeModel, encoding: DocumentEncoding = 'UTF-8'): string {
  return buildXml([commandNode(command, model, encoding === 'ISO-8859-1')], undefined);
}

function writeDocument(commands: CommandNode[], model: EncodeModel, options: DocumentOptions, indent: string | undefined): string {
  if (commands.length === 0) throw new Error('A BroadsoftDocument needs at least one command.');
  if (commands.length > MAX_COMMANDS_PER_DOCUMENT) {
    throw new Error(
      `A BroadsoftDocument holds at most ${MAX_COMMANDS_PER_DOCUMENT} commands, got ${commands.length}: send them in batches.`,
    );
  }
  const encoding = options.encoding ?? 'ISO-8859-1';
  const latin1 = encoding === 'ISO-8859-1';
  const nodes = documentNodes(
    encoding,
    options.sessionId,
    commands.map((command) => commandNode(command, model, latin1)),
    latin1,
  );
  return buildXml(nodes, indent);
}
/** The request document as sent: one line, no byte-order mark. */
export function encodeDocument(commands: CommandNode[], model: EncodeModel, options: DocumentOptions): string {
  return writeDocument(commands, model, options, undefined);
}

/** The same document indented by two spaces, for people ("Preview Request"). */
export function encodeDocumentPretty(commands: CommandNode[], model: EncodeModel, options: DocumentOptions): string {
  return writeDocument(commands, model, options, '  ');
}
