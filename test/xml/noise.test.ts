/**
 * core/xml on 5 MB of hostile markup: the checks in front of fast-xml-parser (tag length, '<' inside a tag, depth,
 * a second root, unterminated sections) stop it early, so the library never builds 5 MB names or attribute lists
 * character by character. Each input is read in a child with a 512 MB heap, so a regression fails here.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const CHILD = join(__dirname, 'noise-child.ts');
const MB = 1024 * 1024;

function readInChild(unit: string, prefix: string) {
  const r = spawnSync(process.execPath, ['--max-old-space-size=512', '--expose-gc', '--import', 'tsx', CHILD, unit, prefix], {
    encoding: 'utf8',
    timeout: 60_000,
  });
  assert.equal(r.status, 0, `child for ${JSON.stringify(prefix + unit)} failed: ${r.stderr.slice(-500)}`);
  return JSON.parse(r.stdout) as { grownBy: number; error: string };
}

describe('core/xml on 5 MB of noise', () => {
  const cases: [unit: string, prefix: string, error: RegExp][] = [
    ['<', '', /malformed tag: '<' before its end at line 1, column 2/],
    ['<a', '', /malformed tag: '<' before its end/],
    [' b', '<a', /a tag longer than 65536 characters at line 1, column 1/],
    [' b=""', '<a', /a tag longer than 65536 characters/],
    ['<a>', '', /nested deeper than 1000 levels/],
    ['<a/>', '', /a second root element at line 1, column 5/],
    ['<b/>', '<x>', /the document ends inside <x>/],
    ['&', '<x>', /expected an entity reference/],
    ['<!--', '', /unterminated comment/],
  ];
  for (const [unit, prefix, error] of cases) {
    it(`${JSON.stringify(prefix + unit)}…: a short positioned error, heap growth < 100 MB`, { timeout: 90_000 }, () => {
      const result = readInChild(unit, prefix);
      assert.match(result.error, error);
      assert.ok(result.error.length < 300, result.error.slice(0, 300));
      assert.ok(result.grownBy < 100 * MB, `heap grew by ${Math.round(result.grownBy / MB)} MB`);
    });
  }
});
