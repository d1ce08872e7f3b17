/**
 * core/analysis/paged-array answers as a plain array after any sequence of splices (same-length replacements that
 * share pages, and growing or shrinking ones that lay pages out again), across page boundaries; and older versions
 * keep their items when newer ones are made from them.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { PagedArray } from '../../core/analysis/paged-array';

const spliceArb = fc.record({ a: fc.nat(3000), b: fc.nat(3000), middle: fc.array(fc.integer(), { maxLength: 700 }), same: fc.boolean() });

test('paged arrays equal plain arrays after splices, old versions unchanged', () => {
  fc.assert(
    fc.property(fc.array(fc.integer(), { maxLength: 2000 }), fc.array(spliceArb, { maxLength: 8 }), (initial, splices) => {
      let paged = PagedArray.from(initial);
      let plain = initial.slice();
      const versions: [PagedArray<number>, number[]][] = [[paged, plain]];
      for (const s of splices) {
        const from = Math.min(s.a, s.b, plain.length);
        const to = Math.min(Math.max(s.a, s.b), plain.length);
        // Half of them replace one for one (the shared-pages path).
        const middle = s.same ? Array.from({ length: to - from }, (_, k) => s.middle[k % Math.max(1, s.middle.length)] ?? k) : s.middle;
        paged = paged.splice(from, to, middle);
        plain = [...plain.slice(0, from), ...middle, ...plain.slice(to)];
        versions.push([paged, plain]);
      }
      for (const [p, a] of versions) {
        assert.equal(p.length, a.length);
        assert.deepStrictEqual(p.slice(), a);
        for (let i = 0; i < a.length; i += 97) assert.equal(p.get(i), a[i]);
        assert.deepStrictEqual(p.slice(3, 600), a.slice(3, 600));
      }
    }),
    { numRuns: 200 },
  );
});
