/**
 * Tree → OCI-P XML on the wire: one command, or a whole BroadsoftDocument around 1..15 commands.
 * Children come out in schema order; elements the model does not know are dropped (the checks report them).
 * Written with plain string building rather than fast-xml-parser's XMLBuilder: the order, the xsi attributes
 * and the character escaping (ISO-8859-1 character references) all need exact control.
 */
import type { CommandNode } from '../tree/types';
import { type EncodeModel, asIndex } from './model';
import { orderChildren } from './order';
import { type WriteOptions, writeTree } from './writer';

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
  attributes.push(['xmlns', '']);
  for (const a of command.attributes ?? []) {
    if (!a.name.includes(':') && a.name !== 'xmlns') attributes.push([a.name, a.value.text]);
  }
  return attributes;
}

/** Appends one `<command>` element; `keepUnknown` keeps elements the model does not know (conversion). */
export function writeCommand(command: CommandNode, model: EncodeModel, depth: number, options: WriteOptions, out: string[], keepUnknown = false): void {
  const children = orderChildren(asIndex(model), command.name, command.children, { keepUnknown });
  writeTree('command', commandAttributes(command), { children }, depth, options, out);
}

/** `<command xsi:type="Name" xmlns="">…</command>` on one line; `xsi` must be declared by the envelope around it. */
export function encodeCommandXml(command: CommandNode, model: EncodeModel, encoding: DocumentEncoding = 'UTF-8'): string {
  const out: string[] = [];
  writeCommand(command, model, 0, { latin1: encoding === 'ISO-8859-1' }, out);
  return out.join('');
}

function writeDocument(commands: CommandNode[], model: EncodeModel, options: DocumentOptions, indent: string | undefined): string {
  if (commands.length === 0) throw new Error('A BroadsoftDocument needs at least one command.');
  if (commands.length > MAX_COMMANDS_PER_DOCUMENT) {
    throw new Error(`A BroadsoftDocument holds at most ${MAX_COMMANDS_PER_DOCUMENT} commands, got ${commands.length}: send them in batches.`);
  }
  const encoding = options.encoding ?? 'ISO-8859-1';
  const write: WriteOptions = { latin1: encoding === 'ISO-8859-1', indent };
  const newline = indent === undefined ? '' : '\n';
  const out: string[] = [`<?xml version="1.0" encoding="${encoding}"?>${newline}`];
  out.push(`<BroadsoftDocument protocol="OCI" xmlns="C" xmlns:xsi="${XSI_NAMESPACE}">${newline}`);
  writeTree('sessionId', [['xmlns', '']], { text: options.sessionId }, 1, write, out);
  for (const command of commands) writeCommand(command, model, 1, write, out);
  out.push(`</BroadsoftDocument>${newline}`);
  return out.join('');
}

/** The request document as sent: one line, no byte-order mark. */
export function encodeDocument(commands: CommandNode[], model: EncodeModel, options: DocumentOptions): string {
  return writeDocument(commands, model, options, undefined);
}

/** The same document indented by two spaces, for people ("Preview Request"). */
export function encodeDocumentPretty(commands: CommandNode[], model: EncodeModel, options: DocumentOptions): string {
  return writeDocument(commands, model, options, '  ');
}
