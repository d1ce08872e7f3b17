/**
 * splitYamlDocuments (native searches for marker lines) gives the chunks of the line-by-line walk it replaced, on
 * any text made of markers, near-markers, line ends and content; and the chunks always cover the text exactly.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import type { Chunk } from '../../core/syntax/chunks';
import { splitYamlDocuments } from '../../core/syntax/yaml-split';

/** The former implementation: every line visited, `---` cuts before its line, `...` after it. */
function byLines(text: string): Chunk[] {
  const isMarker = (at: number, marker: string) => {
    if (!text.startsWith(marker, at)) return false;
    const after = text.charCodeAt(at + marker.length);
    return Number.isNaN(after) || after === 0x20 || after === 0x09 || after === 0x0d || after === 0x0a;
  };
  const chunks: Chunk[] = [];
  let chunkStart = 0;
  const cut = (at: number) => {
    if (at > chunkStart) chunks.push({ start: chunkStart, text: text.slice(chunkStart, at) });
    chunkStart = at;
  };
  let lineStart = 0;
  while (lineStart < text.length) {
    const newline = text.indexOf('\n', lineStart);
    const next = newline < 0 ? text.length : newline + 1;
    if (isMarker(lineStart, '---')) cut(lineStart);
    else if (isMarker(lineStart, '...')) cut(next);
    lineStart = next;
  }
  cut(text.length);
  return chunks;
}

const ATOMS = ['---', '...', '--', '..', '----', '....', '\n', '\r\n', ' ', '\t', 'a: 1', '- x', '"', '#'];
const textArb = fc.array(fc.constantFrom(...ATOMS), { maxLength: 60 }).map((parts) => parts.join(''));

test('marker search splits as the line walk', () => {
  fc.assert(
    fc.property(textArb, (text) => {
      const chunks = splitYamlDocuments(text);
      assert.deepStrictEqual(chunks, byLines(text));
      assert.equal(chunks.map((c) => c.text).join(''), text);
    }),
    { numRuns: 3000 },
  );
});

test('examples: markers at the start, at the end, after "...", and "---" inside a line', () => {
  for (const text of ['---\na: 1\n', 'a: 1\n---', 'a: 1\n...\n---\nb: 2\n...', 'a: ---\nb: ...\n', '...', '---', '', '\n---\n'])
    assert.deepStrictEqual(splitYamlDocuments(text), byLines(text), JSON.stringify(text));
});
