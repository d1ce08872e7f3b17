/**
 * Cancelled requests are cancelled. Before, a documentSymbol cancelled right after it was sent still computed and
 * sent its whole outline (11 MB on a large file); now it is answered RequestCancelled (-32800) without its result,
 * and the same request not cancelled still gets the whole outline.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { frame, RawLspServer } from '../helpers/raw-lsp';

const COMMANDS = 5000;
const cancel = (id: string) => frame({ jsonrpc: '2.0', method: '$/cancelRequest', params: { id } });
const uri = 'file:///w/large.ocip.yaml';
const text = Array.from({ length: COMMANDS }, (_, i) => `command: UserDeleteRequest\nuserId: user${i}@example.com\n`).join('---\n');

describe('cancellation', { timeout: 180_000 }, () => {
  let server: RawLspServer;
  before(async () => {
    server = new RawLspServer();
    await server.initialize();
    server.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'ocip-yaml', version: 1, text } });
    await server.health(60_000);
  });
  after(() => server.close());

  it('documentSymbol cancelled right after it is sent: RequestCancelled, no outline', async () => {
    const answers = [];
    for (let i = 0; i < 5; i++) {
      const id = `cancel-${i}`;
      answers.push(server.request('textDocument/documentSymbol', { textDocument: { uri } }, 60_000, id, cancel(id)));
    }
    for (const answer of await Promise.all(answers)) {
      assert.equal(answer.result, undefined, 'a cancelled request must not carry its result');
      assert.equal((answer.error as { code: number }).code, -32800);
    }
  });

  it('not cancelled: the whole outline', async () => {
    const answer = await server.request('textDocument/documentSymbol', { textDocument: { uri } }, 60_000);
    assert.equal((answer.result as unknown[]).length, COMMANDS);
  });

  it('a hover cancelled at once is cancelled too; a cancel of an unknown id is harmless', async () => {
    const hover = server.request(
      'textDocument/hover',
      { textDocument: { uri }, position: { line: 0, character: 2 } },
      60_000,
      'h1',
      cancel('h1'),
    );
    server.write(cancel('nobody'));
    assert.equal(((await hover).error as { code: number }).code, -32800);
    await server.health();
  });
});
