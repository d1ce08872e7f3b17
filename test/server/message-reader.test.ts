/**
 * server/message-reader.ts (FrameReader) against vscode-jsonrpc's StreamMessageReader, the reader it replaces: for
 * random messages (multi-byte UTF-8: accents, CJK, emoji; empty and long strings; nested values), random header
 * shapes (Content-Type with a charset, header names in any case, headers in any order) and random chunkings (a
 * chunk boundary anywhere: inside a header, inside CR LF CR LF, inside a multi-byte character, several messages in
 * one chunk), both deliver the same messages in the same order, alone and behind FrameGuard as in server/main.ts.
 * The server over stdio with FrameReader is tested by test/hostile/lsp-*.test.ts and test/server/read-path.test.ts.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { PassThrough, type Readable } from 'node:stream';
import fc from 'fast-check';
import { StreamMessageReader, type Message, type MessageReader } from 'vscode-languageserver/node';
import { FrameReader } from '../../server/message-reader';
import { FrameGuard } from '../../server/frame-guard';

type Reader = 'library' | 'frame';

/** Feeds `chunks` to a reader (optionally behind FrameGuard); resolves with the messages and errors it reported. */
async function readAll(kind: Reader, chunks: Buffer[], guard: boolean): Promise<{ messages: unknown[]; errors: number }> {
  const source = new PassThrough();
  const input: Readable = guard ? source.pipe(new FrameGuard()) : source;
  const reader: MessageReader = kind === 'library' ? new StreamMessageReader(input) : new FrameReader(input);
  const messages: unknown[] = [];
  let errors = 0;
  reader.onError(() => errors++);
  reader.listen((m: Message) => messages.push(m));
  for (const c of chunks) source.write(c);
  source.end();
  // The library delivers each message a few promise hops after its last chunk.
  await new Promise((resolve) => input.once('end', resolve));
  for (let i = 0; i < 5; i++) await new Promise((resolve) => setImmediate(resolve));
  reader.dispose();
  return { messages, errors };
}

/** Splits `bytes` at the given cut points (any byte offsets, sorted and deduplicated). */
function cut(bytes: Buffer, at: number[]): Buffer[] {
  const points = [...new Set(at.map((p) => p % (bytes.length + 1)))].sort((a, b) => a - b);
  const out: Buffer[] = [];
  let from = 0;
  for (const p of [...points, bytes.length]) {
    if (p > from) out.push(Buffer.from(bytes.subarray(from, p)));
    from = Math.max(from, p);
  }
  return out;
}

const text = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.constantFrom('', 'é', '日本語\n', '👩‍💻 ok', 'a\r\nb\tc"\\', 'x'.repeat(3000)),
);
const message = fc.record({
  jsonrpc: fc.constant('2.0'),
  method: fc.constantFrom('textDocument/didOpen', 'textDocument/hover', '$/cancelRequest'),
  id: fc.option(fc.integer({ min: 0, max: 1e6 }), { nil: undefined }),
  params: fc.record({ text, list: fc.array(fc.oneof(text, fc.integer(), fc.boolean(), fc.constant(null)), { maxLength: 5 }) }),
});
const headers = fc.record({
  lengthName: fc.constantFrom('Content-Length', 'content-length', 'CONTENT-LENGTH'),
  type: fc.option(
    fc.constantFrom('application/vscode-jsonrpc; charset=utf-8', 'application/vscode-jsonrpc; charset=utf8', 'application/json'),
    { nil: undefined },
  ),
  typeFirst: fc.boolean(),
  space: fc.constantFrom(' ', '', '  '),
});

function framed(m: unknown, h: { lengthName: string; type?: string; typeFirst: boolean; space: string }): Buffer {
  const body = Buffer.from(JSON.stringify(m), 'utf8');
  const length = `${h.lengthName}:${h.space}${body.length}`;
  const lines = h.type === undefined ? [length] : h.typeFirst ? [`Content-Type: ${h.type}`, length] : [length, `Content-Type: ${h.type}`];
  return Buffer.concat([Buffer.from(`${lines.join('\r\n')}\r\n\r\n`, 'ascii'), body]);
}

describe('FrameReader reads what vscode-jsonrpc reads', { timeout: 300_000 }, () => {
  for (const guard of [false, true])
    it(`same messages for random messages, headers and chunkings${guard ? ', behind FrameGuard' : ''}`, async () => {
      await fc.assert(
        fc.asyncProperty(
          fc.array(fc.tuple(message, headers), { minLength: 1, maxLength: 8 }),
          fc.array(fc.nat(), { maxLength: 40 }),
          async (list, at) => {
            const stream = Buffer.concat(list.map(([m, h]) => framed(m, h)));
            const chunks = cut(stream, at);
            const library = await readAll('library', chunks, guard);
            const ours = await readAll('frame', chunks, guard);
            assert.equal(ours.errors, 0);
            assert.deepEqual(ours.messages, library.messages);
            assert.deepEqual(
              ours.messages,
              list.map(([m]) => JSON.parse(JSON.stringify(m)) as unknown),
            );
          },
        ),
        { numRuns: 200 },
      );
    });

  it('a multi-byte character split over chunks, one byte per chunk', async () => {
    const stream = framed(
      { jsonrpc: '2.0', method: 'm', params: { t: 'é日👩‍💻' } },
      { lengthName: 'Content-Length', typeFirst: false, space: ' ' },
    );
    const chunks = cut(
      stream,
      Array.from({ length: stream.length }, (_, i) => i),
    );
    assert.equal(chunks.length, stream.length);
    const library = await readAll('library', chunks, true);
    const ours = await readAll('frame', chunks, true);
    assert.deepEqual(ours.messages, library.messages);
    assert.deepEqual(ours.messages, [{ jsonrpc: '2.0', method: 'm', params: { t: 'é日👩‍💻' } }]);
  });

  it('a body that is not JSON is reported and the next message still read, as by the library', async () => {
    const good = framed({ jsonrpc: '2.0', method: 'after' }, { lengthName: 'Content-Length', typeFirst: false, space: ' ' });
    const stream = Buffer.concat([Buffer.from('Content-Length: 5\r\n\r\n{{{{{'), good]);
    for (const chunks of [[stream], cut(stream, [3, 20, 24, 30])]) {
      const library = await readAll('library', chunks, true);
      const ours = await readAll('frame', chunks, true);
      assert.equal(ours.errors, 1);
      assert.equal(library.errors, 1);
      assert.deepEqual(ours.messages, library.messages);
      assert.deepEqual(ours.messages, [{ jsonrpc: '2.0', method: 'after' }]);
    }
  });

  it('alone (without FrameGuard), a header without Content-Length is reported and the next message read', async () => {
    const good = framed({ jsonrpc: '2.0', method: 'after' }, { lengthName: 'Content-Length', typeFirst: false, space: ' ' });
    const ours = await readAll('frame', [Buffer.from('Content-Type: x\r\n\r\n'), good], false);
    assert.equal(ours.errors, 1);
    assert.deepEqual(ours.messages, [{ jsonrpc: '2.0', method: 'after' }]);
  });

  it('alone, a body over the limit is reported and skipped, a header over the limit dropped', async () => {
    const source = new PassThrough();
    const reader = new FrameReader(source, { maxMessageBytes: 10, maxHeaderBytes: 64 });
    const messages: unknown[] = [];
    let errors = 0;
    reader.onError(() => errors++);
    reader.listen((m: Message) => messages.push(m));
    source.write(Buffer.from('Content-Length: 20\r\n\r\n'));
    source.write(Buffer.from('{"a":"0123456789012"}'.slice(0, 20)));
    source.write(Buffer.from(`X-Long: ${'y'.repeat(100)}`));
    await new Promise((resolve) => setImmediate(resolve));
    assert.equal(errors, 2);
    assert.deepEqual(messages, []);
    source.write(Buffer.from('Content-Length: 2\r\n\r\n{}'));
    await new Promise((resolve) => setImmediate(resolve));
    assert.deepEqual(messages, [{}]);
    reader.dispose();
  });
});
