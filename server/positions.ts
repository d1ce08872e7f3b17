/**
 * Offsets (core) <-> LSP positions; the only place the server translates between them.
 *
 * The server's documents (./piece-document) index their lines block by block, only as far as a position asks, for
 * every version: the first progressive publication of a huge file, or a hover sent with didOpen, never waits for
 * every line of the file to be indexed, and an edit re-indexes only the block it changed. Other TextDocuments
 * (a data file read from disk, tests) answer with their own index.
 */
import type { Position, Range } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Span } from '../core/tree/types';

export function positionAt(doc: TextDocument, offset: number): Position {
  return doc.positionAt(offset);
}

export function offsetAt(doc: TextDocument, position: Position): number {
  return doc.offsetAt(position);
}

export function toRange(doc: TextDocument, span: Span): Range {
  return { start: doc.positionAt(span.start), end: doc.positionAt(span.end) };
}

export function toSpan(doc: TextDocument, range: Range): Span {
  return { start: doc.offsetAt(range.start), end: doc.offsetAt(range.end) };
}
