/**
 * bin/code-cache.js: the CLI bundles load through a V8 code cache in the user's cache folder. The cache must never
 * change what the CLI does: missing, garbage, stale (another bundle) or unwritable, the output is the same.
 */
import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildOnce, runOcip } from '../helpers/ocip-cli';

const INVALID = `command: UserConsolidatedAddRequest22\nserviceProviderId: acme\ngroupId: hq\nuserId: a@acme.example.com\nlast_name: Doe\n`;

describe('ocip: the V8 code cache of the bundles', () => {
  let file: string;
  let expected: { code: number; stdout: string; stderr: string };
  before(async () => {
    buildOnce();
    const dir = mkdtempSync(join(tmpdir(), 'ocip-code-cache-'));
    file = join(dir, 'bad.ocip.yaml');
    writeFileSync(file, INVALID);
    expected = await runOcip(['validate', file], { env: { OCIP_CODE_CACHE: 'off' } });
    assert.equal(expected.code, 1);
    assert.match(expected.stdout, /OCI-UNKNOWN-ELEMENT/);
  });

  const validate = (env: Record<string, string>) => runOcip(['validate', file], { env });
  const caches = (dir: string) => readdirSync(dir).filter((f) => f.endsWith('.v8'));

  it('is written on the first run into its folder, then used; the output never changes', async () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'ocip-cc-')), 'nested', 'cache');
    assert.deepEqual(await validate({ OCIP_CODE_CACHE_DIR: dir }), expected);
    const [cache] = caches(dir);
    assert.match(cache, /^cli-validate-[0-9a-f]{24}\.v8$/);
    const written = statSync(join(dir, cache)).mtimeMs;
    assert.deepEqual(await validate({ OCIP_CODE_CACHE_DIR: dir }), expected);
    assert.equal(statSync(join(dir, cache)).mtimeMs, written, 'an accepted cache is not rewritten');
    assert.deepEqual(caches(dir), [cache]);
    // The full CLI has a cache of its own.
    const version = await runOcip(['--version'], { env: { OCIP_CODE_CACHE_DIR: dir } });
    assert.equal(version.code, 0);
    assert.equal(caches(dir).length, 2);
    assert.ok(caches(dir).includes(cache), 'the validate bundle keeps its cache');
    assert.ok(caches(dir).some((f) => /^cli-[0-9a-f]{24}\.v8$/.test(f)));
  });

  it('garbage in the cache file: compiled as usual and replaced', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ocip-cc-'));
    await validate({ OCIP_CODE_CACHE_DIR: dir });
    const [cache] = caches(dir);
    writeFileSync(join(dir, cache), 'not a V8 code cache');
    assert.deepEqual(await validate({ OCIP_CODE_CACHE_DIR: dir }), expected);
    assert.notEqual(readFileSync(join(dir, cache), 'utf8'), 'not a V8 code cache');
  });

  it("another bundle's cache is left unread and removed once the current one is written", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ocip-cc-'));
    writeFileSync(join(dir, 'cli-validate-000000000000000000000000.v8'), 'from an older build');
    assert.deepEqual(await validate({ OCIP_CODE_CACHE_DIR: dir }), expected);
    assert.equal(caches(dir).length, 1);
    assert.ok(!caches(dir).includes('cli-validate-000000000000000000000000.v8'));
  });

  it('a cache folder that cannot be created or written: same output, nothing said', async () => {
    const blocker = join(mkdtempSync(join(tmpdir(), 'ocip-cc-')), 'a-file');
    writeFileSync(blocker, '');
    assert.deepEqual(await validate({ OCIP_CODE_CACHE_DIR: join(blocker, 'cache') }), expected);
  });

  it('OCIP_CODE_CACHE=off writes nothing', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ocip-cc-'));
    assert.deepEqual(await validate({ OCIP_CODE_CACHE_DIR: dir, OCIP_CODE_CACHE: 'off' }), expected);
    assert.deepEqual(caches(dir), []);
  });
});
