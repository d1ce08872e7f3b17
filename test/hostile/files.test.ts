/**
 * Hostile files on disk: every read is bounded and refuses what is not a regular file. `ocip validate /dev/zero`
 * used to read forever; an XSD folder whose schema includes /dev/zero grew the server and the CLI past 800 MiB
 * until killed. Both are now clear refusals, at once, from the CLI and the language server.
 */
import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FILE_LIMITS } from '../../core/limits';
import { LspTestClient, REPO } from '../helpers/lsp-client';

const dir = mkdtempSync(join(tmpdir(), 'ocip-hostile-files-'));
after(() => rmSync(dir, { recursive: true, force: true }));
const ocip = (...args: string[]) =>
  spawnSync(process.execPath, [join(REPO, 'bin', 'ocip.js'), ...args], { encoding: 'utf8', timeout: 30_000, cwd: dir });

const XS = 'http://www.w3.org/2001/XMLSchema';
function schemaFolderIncluding(name: string, location: string): string {
  const folder = join(dir, name);
  mkdirSync(folder);
  writeFileSync(
    join(folder, 'a.xsd'),
    `<?xml version="1.0"?><xs:schema xmlns:xs="${XS}"><xs:include schemaLocation="${location}"/></xs:schema>`,
  );
  return folder;
}
const okFile = join(dir, 'ok.ocip.yaml');
writeFileSync(okFile, 'command: UserDeleteRequest\nuserId: a@b.c\n');

describe('ocip validate on hostile files', () => {
  it('/dev/zero is refused as a device, not read forever', { skip: !existsSync('/dev/zero') && 'no /dev/zero', timeout: 60_000 }, () => {
    const r = ocip('validate', '/dev/zero');
    assert.equal(r.error, undefined, 'ocip validate /dev/zero must finish');
    assert.equal(r.status, 2);
    assert.match(r.stderr, /\/dev\/zero is a device, not a regular file: refused/);
  });

  it('a directory given as a file and a FIFO are refused without blocking', { timeout: 60_000 }, () => {
    const fifo = join(dir, 'pipe.ocip.yaml');
    const mk = spawnSync('mkfifo', [fifo]);
    const r = ocip('convert', '--to', 'xml', mk.status === 0 ? fifo : dir);
    assert.equal(r.error, undefined, 'must not wait for a writer');
    assert.equal(r.status, 2);
    assert.match(r.stderr, /not a regular file: refused/);
  });

  it('a file past the size limit is refused without being read (sparse, so the test costs nothing)', { timeout: 60_000 }, () => {
    const big = join(dir, 'big.ocip.yaml');
    writeFileSync(big, '');
    truncateSync(big, FILE_LIMITS.commandFileBytes + 1);
    const r = ocip('validate', big);
    assert.equal(r.status, 2);
    assert.match(r.stderr, /larger than the limit of 64 MiB/);
  });

  it(
    'an XSD folder including /dev/zero is a clear schema error',
    { skip: !existsSync('/dev/zero') && 'no /dev/zero', timeout: 60_000 },
    () => {
      const folder = schemaFolderIncluding('zero-xsd', '/dev/zero');
      const r = ocip('validate', '--schema-dir', folder, okFile);
      assert.equal(r.error, undefined, 'must finish');
      assert.equal(r.status, 2);
      assert.match(
        r.stderr,
        /Cannot read schema file \/dev\/zero \(referenced from a\.xsd\): \/dev\/zero is a device, not a regular file: refused/,
      );
    },
  );

  it('an XSD folder including a huge file is refused before the file is read', { timeout: 60_000 }, () => {
    const huge = join(dir, 'huge.xsd.bin');
    writeFileSync(huge, '');
    truncateSync(huge, 2 * 1024 * 1024 * 1024);
    const folder = schemaFolderIncluding('huge-xsd', huge);
    const r = ocip('validate', '--schema-dir', folder, okFile);
    assert.equal(r.status, 2);
    assert.match(r.stderr, /larger than the limit of 16 MiB \(2048 MiB\): refused/);
  });
});

describe('language server with ocip.schemaDirectory including /dev/zero', () => {
  it(
    'warns, falls back to the built-in model and keeps answering',
    { skip: !existsSync('/dev/zero') && 'no /dev/zero', timeout: 60_000 },
    async () => {
      const folder = schemaFolderIncluding('zero-xsd-lsp', '/dev/zero');
      const client = new LspTestClient({ settings: { schemaDirectory: folder, diagnostics: { debounceMs: 0 } } });
      try {
        await client.initialize({ initializationOptions: { storagePath: join(dir, 'storage') } });
        const uri = 'file:///w/zero.ocip.yaml';
        client.open(uri, 'ocip-yaml', 'command: UserDeleteRequest\nuserId: a@b.c\n');
        assert.deepEqual(await client.diagnosticsFor(uri, 1), []);
        assert.ok(
          client.messages.some((m) => /\/dev\/zero is a device, not a regular file: refused/.test(m)),
          JSON.stringify(client.messages),
        );
        const symbols = await client.request<unknown[]>('textDocument/documentSymbol', { textDocument: { uri } });
        assert.equal(symbols.length, 1);
      } finally {
        await client.shutdown();
      }
    },
  );
});
