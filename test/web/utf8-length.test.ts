// utf8Length (core/text/utf8-length.ts) counts what Node's Buffer.byteLength counts, for any string (lone
// surrogates included); the checks use it so that they also run in the web build's worker, which has no Buffer.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { utf8Length } from '../../core/text/utf8-length';

test('utf8Length equals Buffer.byteLength for every string', () => {
  fc.assert(
    fc.property(fc.string({ unit: 'binary' }), (s) => utf8Length(s) === Buffer.byteLength(s, 'utf8')),
    { numRuns: 2000 },
  );
  for (const s of ['', 'a', 'é', '€', '😀', '\uD800', '\uDC00x', 'a\uD83D', 'x\uD83D\uDE00y'])
    assert.equal(utf8Length(s), Buffer.byteLength(s, 'utf8'), JSON.stringify(s));
});
