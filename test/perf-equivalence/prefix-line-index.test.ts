// PrefixLineIndex (core/text/prefix-line-index.ts, used by server/positions.ts for a document's opened version)
// answers exactly what vscode-languageserver-textdocument's TextDocument answers, for any text of CR, LF, CRLF and
// other characters, any offset (past either end, between CR and LF) and any position, in any order of questions
// (the index is scanned only as far as asked, so the order matters to it).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { PrefixLineIndex } from '../../core/text/prefix-line-index';

const text = fc.string({ unit: fc.constantFrom('a', 'b', ' ', '\n', '\r', '\r\n', 'é', '😀'), maxLength: 80 });
const question = fc.oneof(
  fc.record({ offset: fc.integer({ min: -3, max: 90 }) }),
  fc.record({ line: fc.integer({ min: -2, max: 30 }), character: fc.integer({ min: -2, max: 12 }) }),
);

test('PrefixLineIndex gives the library positions and offsets, whatever is asked first', () => {
  fc.assert(
    fc.property(text, fc.array(question, { maxLength: 20 }), (t, questions) => {
      const library = TextDocument.create('file:///x', 'plaintext', 1, t);
      const ours = new PrefixLineIndex(t);
      for (const q of questions) {
        if ('offset' in q) assert.deepEqual(ours.positionAt(q.offset), library.positionAt(q.offset), JSON.stringify({ t, q }));
        else assert.equal(ours.offsetAt(q), library.offsetAt(q), JSON.stringify({ t, q }));
      }
    }),
    { numRuns: 3000 },
  );
});

test('PrefixLineIndex on a text longer than its first array (growth)', () => {
  const t = Array.from({ length: 5000 }, (_, i) => `line ${i}${i % 3 === 0 ? '\r\n' : i % 3 === 1 ? '\n' : '\r'}`).join('');
  const library = TextDocument.create('file:///x', 'plaintext', 1, t);
  const ours = new PrefixLineIndex(t);
  for (let offset = t.length + 1; offset >= 0; offset -= 7) assert.deepEqual(ours.positionAt(offset), library.positionAt(offset));
  const fresh = new PrefixLineIndex(t);
  for (let line = 0; line < 5003; line += 3) assert.equal(fresh.offsetAt({ line, character: 4 }), library.offsetAt({ line, character: 4 }));
});
