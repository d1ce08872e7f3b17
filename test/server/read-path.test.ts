/**
 * The server's message reading over real stdio (server/main.ts: FrameGuard, then FrameReader): messages written in
 * pieces as a pipe delivers them — a header split anywhere, a multi-byte UTF-8 character split over writes, a large
 * didOpen written in 64 KiB pieces with the next request written with its last piece — are read whole and in
 * order; the process ends when its input ends, with code 0 after a shutdown request and 1 without (what
 * vscode-languageserver does when it owns the input stream).
 */
import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { frame, RawLspServer } from '../helpers/raw-lsp';

const tick = () => new Promise((resolve) => setTimeout(resolve, 2));

/** Writes `bytes` to the server in pieces cut at `cuts`, letting each piece reach the server as its own read. */
async function writeInPieces(server: RawLspServer, bytes: Buffer, cuts: number[]): Promise<void> {
  let from = 0;
  for (const at of [...cuts, bytes.length]) {
    server.write(bytes.subarray(from, at));
    from = at;
    await tick();
  }
}

describe('language server reads messages cut anywhere on stdio', { timeout: 120_000 }, () => {
  const servers: RawLspServer[] = [];
  after(() => Promise.all(servers.map((s) => s.close())));

  it('a didOpen with multi-byte characters cut inside them and inside its header', async () => {
    const server = new RawLspServer();
    servers.push(server);
    await server.initialize();
    // Answered after the server's settings request for the health document, whose answer (written by the helper)
    // would otherwise land between the pieces written here.
    await server.health();
    const uri = 'file:///w/utf8.ocip.yaml';
    const key = 'nöte👩‍💻日';
    const text = `command: UserDeleteRequest\nuserId: a@b.c\n${key}: 1\n`;
    const bytes = frame({
      jsonrpc: '2.0',
      method: 'textDocument/didOpen',
      params: { textDocument: { uri, languageId: 'ocip-yaml', version: 1, text } },
    });
    const body = bytes.indexOf('{');
    const emoji = bytes.indexOf(Buffer.from('👩'));
    // Inside "Content-Length", inside CR LF CR LF, then one byte at a time through ö and the emoji.
    const cuts = [3, body - 3, body - 1, ...Array.from({ length: 12 }, (_, i) => emoji - 2 + i)];
    await writeInPieces(server, bytes, cuts);
    await server.health();
    const deadline = Date.now() + 20_000;
    let found:
      { message: string; range: { start: { line: number; character: number }; end: { line: number; character: number } } } | undefined;
    while (!found && Date.now() < deadline) {
      const p = server.published.find((x) => x.uri === uri);
      found = p?.diagnostics.find((d) => d.message.includes(key)) as typeof found;
      if (!found) await tick();
    }
    assert.ok(found, `a diagnostic naming ${key}: ${JSON.stringify(server.published.filter((x) => x.uri === uri))}`);
    assert.deepEqual(found.range.start, { line: 2, character: 0 });
    assert.deepEqual(found.range.end, { line: 2, character: key.length });
  });

  it('a 3 MB didOpen in 64 KiB writes, the next request written with its last piece', async () => {
    const server = new RawLspServer();
    servers.push(server);
    await server.initialize();
    await server.health();
    const uri = 'file:///w/big.ocip.yaml';
    const doc = 'command: UserDeleteRequest\nuserId: é@b.c\n';
    const text = Array.from({ length: 70_000 }, () => doc).join('---\n');
    const open = frame({
      jsonrpc: '2.0',
      method: 'textDocument/didOpen',
      params: { textDocument: { uri, languageId: 'ocip-yaml', version: 1, text } },
    });
    assert.ok(open.length > 3_000_000);
    const last = Math.floor((open.length - 1) / 65536) * 65536;
    const cuts = Array.from({ length: last / 65536 }, (_, i) => (i + 1) * 65536).filter((c) => c < last);
    await writeInPieces(server, open.subarray(0, last), cuts);
    // The last piece and the request in the same turn: the server reads them together.
    server.write(open.subarray(last));
    const answer = await server.request('textDocument/documentSymbol', { textDocument: { uri } }, 60_000);
    const symbols = answer.result as { name: string }[];
    assert.equal(symbols.length, 70_000);
    await server.health();
  });

  for (const shutdown of [true, false])
    it(`the server exits with code ${shutdown ? 0 : 1} when its input ends ${shutdown ? 'after' : 'without'} a shutdown request`, async () => {
      const server = new RawLspServer();
      servers.push(server);
      await server.initialize();
      await server.health();
      if (shutdown) await server.request('shutdown', null);
      const exited = new Promise((resolve) => server.proc.once('exit', resolve));
      server.proc.stdin!.end();
      await exited;
      assert.deepEqual(server.exit, { code: shutdown ? 0 : 1, signal: null });
    });
});
