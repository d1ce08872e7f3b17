/** Helpers for the authoring tests: cursor markers, applying LSP edits, opening documents. */
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic, Position, TextEdit } from 'vscode-languageserver-protocol';
import type { LspTestClient } from '../helpers/lsp-client';

/** Text with a `|` cursor marker -> the text without it and the marker's LSP position. */
export function cursor(marked: string): { text: string; position: Position } {
  const at = marked.indexOf('|');
  if (at < 0) throw new Error('no | marker');
  const text = marked.slice(0, at) + marked.slice(at + 1);
  return { text, position: TextDocument.create('x', 'x', 1, text).positionAt(at) };
}

/** Position of the n-th occurrence of `needle` (plus `delta` characters). */
export function positionOf(text: string, needle: string, delta = 0, nth = 0): Position {
  let at = -1;
  for (let i = 0; i <= nth; i++) at = text.indexOf(needle, at + 1);
  if (at < 0) throw new Error(`${needle} not found`);
  return TextDocument.create('x', 'x', 1, text).positionAt(at + delta);
}

export function applyEdits(text: string, edits: TextEdit[]): string {
  return TextDocument.applyEdits(TextDocument.create('x', 'x', 1, text), edits);
}

let counter = 0;
/** Open a fresh document and wait for its first diagnostics. */
export async function openDoc(
  client: LspTestClient,
  format: 'yaml' | 'xml',
  text: string,
): Promise<{ uri: string; diagnostics: Diagnostic[] }> {
  const uri = `file:///w/authoring-${++counter}.ocip.${format}`;
  client.open(uri, format === 'yaml' ? 'ocip-yaml' : 'ocip-xml', text);
  return { uri, diagnostics: await client.diagnosticsFor(uri, 1) };
}

/** Replace the whole text and wait for the diagnostics of that version. */
export async function replaceText(client: LspTestClient, uri: string, text: string): Promise<Diagnostic[]> {
  const version = client.change(uri, [{ text }]);
  return client.diagnosticsFor(uri, version);
}

export { UCA_YAML, XML_HEAD, XML_TAIL } from '../helpers/uca22';
