/**
 * Splits a YAML stream into one chunk per document without parsing it. YAML guarantees that a document
 * marker at column 0 (`---` or `...` followed by a blank or the line end) ends the current document, even
 * inside a block or quoted scalar, so each chunk can be parsed on its own.
 * `---` opens a new chunk on its own line; `...` closes the current chunk after its line.
 * Lines end at '\n' (the callers have made lone CRs LF). Markers are found with native searches for "\n---" and
 * "\n..." instead of visiting every line (a 10,000-command file has 350,000 lines and 10,000 markers); the split
 * of such a file takes 10–12 ms either way, most of it making the chunks, so the gain is small.
 * test/syntax-yaml/yaml-split.test.ts compares it with the line walk.
 */
import type { Chunk } from './chunks';

/** Whether `marker` (`---` or `...`) stands at `at`, followed by a blank, a line break or the end of the text. */
export function isMarker(text: string, at: number, marker: string): boolean {
  if (!text.startsWith(marker, at)) return false;
  const after = text.charCodeAt(at + marker.length);
  // End of text (NaN), space, tab, CR or LF.
  return Number.isNaN(after) || after === 0x20 || after === 0x09 || after === 0x0d || after === 0x0a;
}

/** The start of the first line at or after `from` that begins with `marker` (-1: none). */
function nextLineWith(text: string, marker: string, from: number): number {
  if (from === 0 && text.startsWith(marker)) return 0;
  const at = text.indexOf('\n' + marker, Math.max(0, from - 1));
  return at < 0 ? -1 : at + 1;
}

export function splitYamlDocuments(text: string): Chunk[] {
  const chunks: Chunk[] = [];
  let chunkStart = 0;
  const cut = (at: number) => {
    if (at > chunkStart) chunks.push({ start: chunkStart, text: text.slice(chunkStart, at) });
    chunkStart = at;
  };
  let dashes = nextLineWith(text, '---', 0);
  let dots = nextLineWith(text, '...', 0);
  // Both kinds of line in text order (a line cannot start with both).
  while (dashes >= 0 || dots >= 0) {
    if (dots < 0 || (dashes >= 0 && dashes < dots)) {
      if (isMarker(text, dashes, '---')) cut(dashes);
      dashes = nextLineWith(text, '---', dashes + 1);
    } else {
      if (isMarker(text, dots, '...')) {
        const lineEnd = text.indexOf('\n', dots);
        cut(lineEnd < 0 ? text.length : lineEnd + 1);
      }
      dots = nextLineWith(text, '...', dots + 1);
    }
  }
  cut(text.length);
  return chunks;
}
