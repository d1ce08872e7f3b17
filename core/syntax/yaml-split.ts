/**
 * Splits a YAML stream into one chunk per document without parsing it. YAML guarantees that a document
 * marker at column 0 (`---` or `...` followed by a blank or the line end) ends the current document, even
 * inside a block or quoted scalar, so each chunk can be parsed on its own.
 * `---` opens a new chunk on its own line; `...` closes the current chunk after its line.
 */
import { splitAtLines, type Chunk, type LineBoundary } from './chunks';

function isMarker(text: string, at: number, marker: string): boolean {
  if (!text.startsWith(marker, at)) return false;
  const after = text.charCodeAt(at + marker.length);
  // End of text (NaN), space, tab, CR or LF.
  return Number.isNaN(after) || after === 0x20 || after === 0x09 || after === 0x0d || after === 0x0a;
}

function documentBoundary(text: string, lineStart: number): LineBoundary {
  const first = text.charCodeAt(lineStart);
  if (first === 0x2d /* - */ && isMarker(text, lineStart, '---')) return 'before';
  if (first === 0x2e /* . */ && isMarker(text, lineStart, '...')) return 'after';
  return undefined;
}

export function splitYamlDocuments(text: string): Chunk[] {
  return splitAtLines(text, documentBoundary);
}
