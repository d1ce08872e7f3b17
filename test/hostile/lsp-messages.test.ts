/**
 * A hostile client over raw stdio. Before: didOpen with `text: null` (or without text) killed the server
 * (TypeError in the diagnostics run), and a header without Content-Length, a non-numeric or too small
 * Content-Length, or binary noise left it deaf to every later message (vscode-jsonrpc 8.2.0's reader consumes the
 * bad header but not the body after it, so every later header is read with junk in front). Now each attack is
 * followed by a health request that must be answered.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { frame, RawLspServer } from '../helpers/raw-lsp';

describe('language server against malformed messages', { timeout: 120_000 }, () => {
  let server: RawLspServer;
  before(async () => {
    server = new RawLspServer();
    await server.initialize();
    await server.health();
  });
  after(() => server.close());

  const open = (textDocument: Record<string, unknown>) =>
    frame({ jsonrpc: '2.0', method: 'textDocument/didOpen', params: { textDocument } });
  const attacks: [string, Buffer][] = [
    ['didOpen with text: null', open({ uri: 'file:///w/null.ocip.yaml', languageId: 'ocip-yaml', version: 1, text: null })],
    ['didOpen without text', open({ uri: 'file:///w/none.ocip.yaml', languageId: 'ocip-yaml', version: 1 })],
    ['didOpen with a number as text', open({ uri: 'file:///w/num.ocip.xml', languageId: 'ocip-xml', version: 1, text: 42 })],
    ['didOpen without textDocument', frame({ jsonrpc: '2.0', method: 'textDocument/didOpen', params: {} })],
    [
      'didChange with text: null',
      frame({
        jsonrpc: '2.0',
        method: 'textDocument/didChange',
        params: { textDocument: { uri: 'file:///health/ok.ocip.yaml', version: 7 }, contentChanges: [{ text: null }] },
      }),
    ],
    [
      'didChange with a negative range',
      frame({
        jsonrpc: '2.0',
        method: 'textDocument/didChange',
        params: {
          textDocument: { uri: 'file:///health/ok.ocip.yaml', version: 8 },
          contentChanges: [{ range: { start: { line: -1, character: 'a' }, end: null }, text: 'x' }],
        },
      }),
    ],
    [
      'a header without Content-Length',
      Buffer.from('Content-Type: application/vscode-jsonrpc\r\n\r\n{"jsonrpc":"2.0","id":1,"method":"x"}'),
    ],
    ['a non-numeric Content-Length', Buffer.from('Content-Length: abc\r\n\r\n{"jsonrpc":"2.0","id":1,"method":"x"}')],
    ['a too small Content-Length', Buffer.from('Content-Length: 2\r\n\r\n{"jsonrpc":"2.0","id":5,"method":"shutdown"}')],
    ['a Content-Length over the limit', Buffer.from('Content-Length: 99999999999999\r\n\r\n{}')],
    ['binary noise', Buffer.from(Array.from({ length: 5000 }, (_, i) => (i * 7919 + 13) % 256))],
    ['a header line without a colon', Buffer.from('Hello there\r\nContent-Length: 2\r\n\r\n{}')],
    ['invalid JSON in a valid frame', Buffer.from('Content-Length: 5\r\n\r\n{{{{{')],
    ['JSON that is not a message', Buffer.concat([frame(null), frame([1, 2]), frame(7), frame({ jsonrpc: '2.0', id: {}, method: 5 })])],
  ];
  for (const [name, bytes] of attacks) {
    it(`${name}: the server stays up and answers`, async () => {
      server.write(bytes);
      await server.health();
      assert.equal(server.exit, undefined);
    });
  }
});
