/**
 * The server's open documents: the LSP library's TextDocument interface over core/text/piece-text, so that a
 * keystroke in a 10 MB file costs work proportional to the edit, not to the file (see there why). Given to
 * TextDocuments as its configuration in ./serve; `textOf(doc)` hands the incremental analysis the blocks and the
 * region each edit changed.
 */
import type { Position, Range } from 'vscode-languageserver';
import type { TextDocument, TextDocumentContentChangeEvent } from 'vscode-languageserver-textdocument';
import { PieceText } from '../core/text/piece-text';
import { dataFileLine, isTemplateText } from '../core/template/placeholders';

export class PieceDocument implements TextDocument {
  constructor(
    readonly uri: string,
    readonly languageId: string,
    public version: number,
    readonly text: PieceText,
  ) {}

  getText(range?: Range): string {
    if (!range) return this.text.whole();
    return this.text.slice(this.offsetAt(range.start), this.offsetAt(range.end));
  }

  positionAt(offset: number): Position {
    return this.text.positionAt(offset);
  }

  offsetAt(position: Position): number {
    return this.text.offsetAt(position.line, position.character);
  }

  get lineCount(): number {
    return this.text.lineCount;
  }

  getLineRange(line: number): Range {
    const count = this.lineCount;
    if (line < 0) return { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
    const at = Math.min(line, count - 1);
    const { start, eol } = this.lineBounds(at);
    return { start: { line: at, character: 0 }, end: { line: at, character: eol - start } };
  }

  getEOLCharacters(line: number): string {
    if (line < 0 || line >= this.lineCount) return '';
    const { eol, next } = this.lineBounds(line);
    return this.text.slice(eol, next);
  }

  /** A line's start, where its line break begins, and the next line's start (the text's end for the last). */
  private lineBounds(line: number): { start: number; eol: number; next: number } {
    const start = this.text.offsetAt(line, 0);
    const next = line + 1 < this.lineCount ? this.text.offsetAt(line + 1, 0) : this.text.length;
    const tail = this.text.slice(Math.max(start, next - 2), next);
    let eol = next;
    for (let k = tail.length - 1; k >= 0 && (tail.charCodeAt(k) === 10 || tail.charCodeAt(k) === 13); k--) eol--;
    return { start, eol, next };
  }
}

/** Start before end, as vscode-languageserver-textdocument makes them. */
function wellFormed(range: Range): Range {
  const { start, end } = range;
  return start.line > end.line || (start.line === end.line && start.character > end.character) ? { start: end, end: start } : range;
}

export const pieceDocuments = {
  create(uri: string, languageId: string, version: number, content: string): PieceDocument {
    return new PieceDocument(uri, languageId, version, new PieceText(content));
  },
  update(doc: PieceDocument, changes: TextDocumentContentChangeEvent[], version: number): PieceDocument {
    for (const change of changes) {
      if ('range' in change && change.range) {
        // Each change's range is in the text the changes before it produced.
        const range = wellFormed(change.range);
        doc.text.apply([{ start: doc.offsetAt(range.start), end: doc.offsetAt(range.end), text: change.text }]);
      } else doc.text.replaceAll(change.text);
    }
    doc.version = version;
    return doc;
  },
};

/** The blocks of an open document, for the analysis; undefined for another TextDocument (tests, web shims). */
export function textOf(doc: TextDocument): PieceText | undefined {
  return doc instanceof PieceDocument ? doc.text : undefined;
}

/**
 * Whether an open document is a template (core/template/placeholders): a `${` anywhere or an `ocip-data:` line
 * among the first three. Looked for block by block first, so a command file (nearly every file) is told apart on
 * every edit without building its whole text.
 */
export function isTemplateDocument(doc: TextDocument): boolean {
  const text = textOf(doc);
  if (text && !text.includes('${') && !dataFileLine(text.head(3))) return false;
  return isTemplateText(doc.getText());
}
