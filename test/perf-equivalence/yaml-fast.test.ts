/**
 * The fast YAML path either bails out or gives exactly the fragment of the `yaml`-package path: checked on
 * generated OCI-P-like documents, on mutated ones and on random syntax noise, per document chunk.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { parseYamlChunk } from '../../core/syntax/yaml-chunk';
import { parseYamlChunkFast } from '../../core/syntax/yaml-fast';
import { splitYamlDocuments } from '../../core/syntax/yaml-split';
import { parseYaml } from '../../core/syntax/yaml';
import { documentArb, mutatedArb, noiseArb } from './yaml-arbitraries';

const REPO = join(__dirname, '..', '..');

/** Per chunk: undefined (bail) or deep-equal to the slow path. Returns how many chunks the fast path took. */
function agree(text: string): number {
  let taken = 0;
  for (const chunk of [...splitYamlDocuments(text).map((c) => c.text), text]) {
    const fast = parseYamlChunkFast(chunk);
    if (fast === undefined) continue;
    taken++;
    assert.deepStrictEqual(fast, parseYamlChunk(chunk), `fast and yaml paths differ on ${JSON.stringify(chunk)}`);
  }
  return taken;
}

test('generated OCI-P-like documents: fast path equals the yaml path whenever it answers', () => {
  let taken = 0;
  fc.assert(
    fc.property(documentArb, (text) => {
      taken += agree(text) > 0 ? 1 : 0;
    }),
    { numRuns: 3000, seed: 20240601 },
  );
  // The generator mostly writes the supported subset, so the fast path must actually be exercised.
  assert.ok(taken > 1000, `fast path answered only ${taken} of 3000 documents`);
});

test('mutated documents: fast path bails out or equals the yaml path', () => {
  fc.assert(
    fc.property(mutatedArb, (text) => void agree(text)),
    { numRuns: 4000, seed: 7 },
  );
});

test('random syntax noise: fast path bails out or equals the yaml path', () => {
  fc.assert(
    fc.property(noiseArb, (text) => void agree(text)),
    { numRuns: 4000, seed: 11 },
  );
});

test('the example command files take the fast path for every document', () => {
  const dir = join(REPO, 'examples');
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.ocip.yaml'))
    .map((f) => join(dir, f));
  assert.ok(files.length > 0);
  for (const file of files) {
    for (const chunk of splitYamlDocuments(readFileSync(file, 'utf8'))) {
      const fast = parseYamlChunkFast(chunk.text);
      assert.ok(fast, `fast path bailed on a document of ${file}`);
      assert.deepStrictEqual(fast, parseYamlChunk(chunk.text));
    }
  }
});

test('constructs outside the subset bail out (the yaml path answers them)', () => {
  const outside = [
    'command: X\na: &x 1\nb: *x\n',
    'command: X\na: !custom 1\n',
    'command: X\nnote: |\n  text\n',
    'command: X\na: [1,\n  2]\n',
    'command: X\n"quoted key": 1\n',
    'command: X\na: 1\na: 2\n',
    'command: X\na: b\n  continued\n',
    'command: X\n  odd: indent\n',
    'command: X\na:\n- - nested\n',
    'command: X\na: 1\n...\n',
    '- not a mapping\n',
    'command: X\ta: 1\n',
  ];
  for (const text of outside) assert.equal(parseYamlChunkFast(text), undefined, JSON.stringify(text));
});

test('parseYaml with the fast path equals the yaml path on a whole multi-document file', () => {
  const text = readFileSync(join(REPO, 'examples', 'bulk-users.ocip.yaml'), 'utf8');
  const expected = { commands: [] as unknown[], problems: [] as unknown[] };
  let index = 0;
  for (const chunk of splitYamlDocuments(text)) {
    const slow = parseYamlChunk(chunk.text);
    for (const c of slow.commands) expected.commands.push(shift(c, chunk.start, index++));
    for (const p of slow.problems) expected.problems.push(shift(p, chunk.start));
  }
  assert.deepStrictEqual(parseYaml(text), { format: 'yaml', ...expected });
});

/** Adds `delta` to every span-like {start, end} in a plain JSON value; sets `index` on the top object when given. */
function shift<T>(value: T, delta: number, index?: number): T {
  const walk = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(walk);
    if (!v || typeof v !== 'object') return v;
    const o = v as Record<string, unknown>;
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(o)) out[k] = walk(o[k]);
    if (typeof o.start === 'number' && typeof o.end === 'number' && Object.keys(o).length === 2) {
      out.start = (o.start as number) + delta;
      out.end = (o.end as number) + delta;
    }
    return out;
  };
  const out = walk(value) as Record<string, unknown>;
  if (index !== undefined) out.index = index;
  return out as T;
}
