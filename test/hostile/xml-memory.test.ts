/**
 * The XML front end on 5 MB of markup noise: memory stays O(text) with a small constant. Before the fix, 5 MB of
 * `<` took ~700 MB of heap (a problem object per `<`, all kept until the 1,000-problem cut at the end) and
 * `<a<a<a…` ~3 GB (a frame and a node per ignored element beyond the depth limit).
 * Each input is parsed in a child with a 512 MB heap, so a regression fails the test instead of the runner.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { MAX_PROBLEMS } from '../../core/syntax/xml';

const CHILD = join(__dirname, 'xml-memory-child.ts');
const MB = 1024 * 1024;

function parseInChild(unit: string, prefix = '') {
  const r = spawnSync(process.execPath, ['--max-old-space-size=512', '--expose-gc', '--import', 'tsx', CHILD, unit, prefix], {
    encoding: 'utf8',
    timeout: 60_000,
  });
  assert.equal(r.status, 0, `child for ${JSON.stringify(prefix + unit)} failed: ${r.stderr.slice(-500)}`);
  return JSON.parse(r.stdout) as { grownBy: number; retained: number; problems: number; codes: string[] };
}

describe('XML front end memory on 5 MB of noise', () => {
  const cases: [unit: string, prefix?: string][] = [
    ['<'],
    ['</'],
    ['<!'],
    ['<a'],
    ['<a>'],
    ['</a>'],
    ['<a/>'],
    ['<a b="&">'],
    ['&', '<x>'],
    ['<b/>', '<x>'],
    [' b', '<a'],
    [' b=""', '<a'],
  ];
  for (const [unit, prefix = ''] of cases) {
    it(`${JSON.stringify(prefix + unit)}…: heap growth < 200 MB, at most ${MAX_PROBLEMS} problems`, { timeout: 90_000 }, () => {
      const { grownBy, retained, problems, codes } = parseInChild(unit, prefix);
      assert.ok(grownBy < 200 * MB, `heap grew by ${Math.round(grownBy / MB)} MB`);
      assert.ok(retained < 50 * MB, `${Math.round(retained / MB)} MB retained`);
      assert.ok(problems > 0 && problems <= MAX_PROBLEMS, `${problems} problems`);
      assert.ok(
        codes.every((c) => c.startsWith('OCI-XML-')),
        codes.join(),
      );
    });
  }
});
