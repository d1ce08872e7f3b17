// web/node-path.ts, the web bundles' `node:path`, gives Node's path.posix results for the calls core makes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { posix } from 'node:path';
import fc from 'fast-check';
import * as webPath from '../../web/node-path';

const segment = fc.constantFrom('a', 'b', 'dir', '.', '..', '', 'x.xsd', '.hidden', '${workspaceFolder}', 'é');
const relativePath = fc.array(segment, { maxLength: 6 }).map((s) => s.join('/'));
const anyPath = fc.tuple(fc.boolean(), relativePath, fc.boolean()).map(([abs, p, slash]) => `${abs ? '/' : ''}${p}${slash ? '/' : ''}`);
const absolutePath = relativePath.map((p) => `/${p}`);

test('isAbsolute, normalize, dirname, basename and extname equal path.posix', () => {
  fc.assert(
    fc.property(anyPath, (p) => {
      assert.equal(webPath.isAbsolute(p), posix.isAbsolute(p), p);
      assert.equal(webPath.normalize(p), posix.normalize(p), p);
    }),
    { numRuns: 3000 },
  );
  fc.assert(
    fc.property(absolutePath, (p) => {
      const n = posix.normalize(p);
      assert.equal(webPath.dirname(n), posix.dirname(n), n);
      assert.equal(webPath.basename(n), posix.basename(n), n);
      assert.equal(webPath.extname(n), posix.extname(n), n);
    }),
    { numRuns: 3000 },
  );
});

test('join, resolve (from an absolute path) and relative equal path.posix', () => {
  fc.assert(
    fc.property(absolutePath, fc.array(anyPath, { maxLength: 3 }), (first, rest) => {
      assert.equal(webPath.resolve(first, ...rest), posix.resolve(first, ...rest), JSON.stringify([first, ...rest]));
      assert.equal(webPath.join(first, ...rest), posix.join(first, ...rest), JSON.stringify([first, ...rest]));
      assert.equal(webPath.join(...rest), posix.join(...rest), JSON.stringify(rest));
    }),
    { numRuns: 3000 },
  );
  fc.assert(
    fc.property(absolutePath, absolutePath, (a, b) => assert.equal(webPath.relative(a, b), posix.relative(a, b), `${a} -> ${b}`)),
    { numRuns: 3000 },
  );
});
