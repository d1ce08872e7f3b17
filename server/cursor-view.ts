/**
 * What hover and completion read around the cursor: for YAML, the cursor's document alone (its own text, offsets
 * relative to its start), so that a request right after a keystroke in a huge file does not build the file's whole
 * text (./piece-document keeps it in blocks); for XML, a window on the cursor's command when the analysis can show
 * the cursor scan reads nothing outside it, else the whole text. core/authoring answers the same either way (its
 * YAML scan stops at the document's markers): test/perf-equivalence/cursor-view.test.ts.
 */
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Analysis } from '../core/analysis/analyzer';
import type { CommandNode, Span } from '../core/tree/types';

export interface CursorView {
  text: string;
  /** Where `text` starts in the document: add it to spans found in `text`. */
  start: number;
  command?: CommandNode;
}

export function cursorView(doc: TextDocument, analysis: Analysis, offset: number): CursorView {
  return analysis.documentAt?.(offset) ?? { text: doc.getText(), start: 0, command: analysis.commandAt(offset) };
}

export function shifted(span: Span, start: number): Span {
  return start === 0 ? span : { start: span.start + start, end: span.end + start };
}
