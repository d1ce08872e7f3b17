/**
 * Offsets (core) <-> LSP positions; the only place the server translates between them.
 *
 * The version a document was opened with is answered from our own line index, scanned only as far as asked
 * (core/text/prefix-line-index): the first progressive publication of a huge file, or a hover sent with didOpen, no
 * longer waits for vscode-languageserver-textdocument to index every line (see bench/RESULTS.md, "Library bounds").
 * Once the document's first validation is published, `handOverLineIndex` lets the library build its own index in an
 * idle turn (its incremental `update` needs it on the first edit anyway) and ours is dropped; every later version is
 * answered by the library, which keeps its index up to date across edits.
 */
import type { Position, Range } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Span } from '../core/tree/types';
import { PrefixLineIndex } from '../core/text/prefix-line-index';

interface Own {
  version: number;
  index: PrefixLineIndex;
}

/** Ours, for the version it was made for; 'library' once the document has been handed over or edited. */
const indexes = new WeakMap<TextDocument, Own | 'library'>();

function lineIndex(doc: TextDocument): Pick<TextDocument, 'positionAt' | 'offsetAt'> {
  const own = indexes.get(doc);
  if (own === 'library') return doc;
  if (own) {
    if (own.version === doc.version) return own.index;
    // Edited: the library's update() has indexed the text (it converts the edit's range with offsetAt).
    indexes.set(doc, 'library');
    return doc;
  }
  const made = { version: doc.version, index: new PrefixLineIndex(doc.getText()) };
  indexes.set(doc, made);
  return made.index;
}

export function positionAt(doc: TextDocument, offset: number): Position {
  return lineIndex(doc).positionAt(offset);
}

export function offsetAt(doc: TextDocument, position: Position): number {
  return lineIndex(doc).offsetAt(position);
}

export function toRange(doc: TextDocument, span: Span): Range {
  const index = lineIndex(doc);
  return { start: index.positionAt(span.start), end: index.positionAt(span.end) };
}

export function toSpan(doc: TextDocument, range: Range): Span {
  const index = lineIndex(doc);
  return { start: index.offsetAt(range.start), end: index.offsetAt(range.end) };
}

/**
 * After the first complete publication: the library indexes the text in an idle turn (not on the user's first
 * keystroke) and our index is dropped.
 */
export function handOverLineIndex(doc: TextDocument): void {
  if (typeof indexes.get(doc) !== 'object') return;
  setImmediate(() => {
    if (indexes.get(doc) === 'library') return;
    doc.positionAt(0);
    indexes.set(doc, 'library');
  });
}
