/**
 * Seeded fuzzing of the language server over stdio: random valid and invalid JSON-RPC (requests with odd
 * parameters, unknown methods, broken frames, noise) and random edits to random documents (YAML and XML, valid
 * ranges and not). After each case the server must answer a health request (the outline of a document opened at
 * start). Bounded in time: OCIP_FUZZ_MS (default 15 s) or OCIP_FUZZ_CASES cases; OCIP_FUZZ_SEED replays a run.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { frame, RawLspServer } from '../helpers/raw-lsp';

const SEED = Number(process.env.OCIP_FUZZ_SEED ?? 20261207);
const BUDGET_MS = Number(process.env.OCIP_FUZZ_MS ?? 15_000);
const MAX_CASES = Number(process.env.OCIP_FUZZ_CASES ?? 400);

/** mulberry32: small, seeded, good enough to pick cases. */
function prng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number) => Math.floor(next() * n);
  const pick = <T>(xs: readonly T[]): T => xs[int(xs.length)];
  return { next, int, pick };
}

const URIS = [
  'file:///f/a.ocip.yaml',
  'file:///f/b.ocip.xml',
  'file:///f/c.ocip.yml',
  'file:///f/plain.txt',
  'untitled:Untitled-1',
  'file:///f/%00%ZZ.ocip.yaml',
];
const LANGS = ['ocip-yaml', 'ocip-xml', 'xml', 'plaintext', '', 'ocip-yaml '];
const PIECES = [
  'command: UserDeleteRequest\n',
  'userId: a@b.c\n',
  '---\n',
  'command: UserConsolidatedAddRequest22\n',
  'alias:\n  - x\n  - y@z\n',
  '  ',
  '\t',
  '\r',
  '\r\n',
  '&a ',
  '*a\n',
  '*b\n',
  '{',
  '}',
  '[',
  ']',
  '"',
  "'",
  '|\n',
  '>-\n',
  '? ',
  ': ',
  '- ',
  '# c\n',
  '!!str ',
  '!x ',
  'x'.repeat(300),
  '\u0000',
  '\uFFFF',
  '\uD800',
  '😀',
  'é',
  '<?xml version="1.0"?>',
  '<BroadsoftDocument protocol="OCI" xmlns="C" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">',
  '<sessionId xmlns="">s</sessionId>',
  '<command xsi:type="UserDeleteRequest" xmlns="">',
  '<userId>a@b.c</userId>',
  '</command>',
  '</BroadsoftDocument>',
  '<!DOCTYPE x [<!ENTITY e "e">]>',
  '&e;',
  '&#0;',
  '<![CDATA[',
  ']]>',
  '<!--',
  '-->',
  '<',
  '>',
  '/>',
];
const METHODS = [
  'textDocument/documentSymbol',
  'textDocument/hover',
  'textDocument/completion',
  'textDocument/foldingRange',
  'textDocument/selectionRange',
  'textDocument/formatting',
  'textDocument/codeAction',
  'ocip/convert',
  'ocip/previewRequest',
  'ocip/analyze',
  'completionItem/resolve',
  'codeAction/resolve',
  'workspace/executeCommand',
  'no/such/method',
  'shutdown-not',
];

describe(`language server fuzz (seed ${SEED})`, { timeout: BUDGET_MS + 120_000 }, () => {
  let server: RawLspServer;
  before(async () => {
    server = new RawLspServer();
    await server.initialize();
    await server.health();
  });
  after(() => server.close());

  it('answers a health request after every case', async (t) => {
    const r = prng(SEED);
    const versions = new Map<string, number>();
    const text = () => Array.from({ length: r.int(30) }, () => r.pick(PIECES)).join('');
    const num = () => r.pick([0, 1, 2, 5, 40, -1, 1e9, 0.5, NaN, null, '3', undefined]);
    const position = () =>
      r.next() < 0.8 ? { line: r.int(12), character: r.int(60) } : r.pick([{ line: num(), character: num() }, null, {}, 'x']);
    const range = () => (r.next() < 0.85 ? { start: position(), end: position() } : r.pick([null, { start: {} }, 5]));
    const textDocument = () => (r.next() < 0.9 ? { uri: r.pick(URIS) } : r.pick([{}, { uri: 5 }, null, 'x']));
    const params = (method: string): unknown => {
      if (r.next() < 0.1) return r.pick([null, [], 'x', 0, { textDocument: null }]);
      if (method.startsWith('ocip/')) return { uri: r.pick(URIS), to: r.pick(['xml', 'yaml', 'json', null]) };
      return {
        textDocument: textDocument(),
        position: position(),
        range: range(),
        positions: [position(), position()],
        options: { tabSize: num(), insertSpaces: r.next() < 0.5 },
        context: {
          diagnostics: r.next() < 0.5 ? [] : [{ range: range(), message: 'x', code: 'OCI-MISSING', data: { fix: { kind: 'nonsense' } } }],
          only: r.pick([undefined, ['quickfix'], 'x']),
        },
      };
    };
    const cases: ((n: number) => Promise<void> | void)[] = [
      // Document life: open, random edits (mostly valid), close.
      () => {
        const uri = r.pick(URIS);
        versions.set(uri, 1);
        server.notify('textDocument/didOpen', {
          textDocument: { uri, languageId: r.pick(LANGS), version: 1, text: r.next() < 0.95 ? text() : r.pick([null, 5, undefined]) },
        });
      },
      () => {
        const uri = r.pick(URIS);
        const version = (versions.get(uri) ?? 1) + 1;
        versions.set(uri, version);
        const changes = Array.from({ length: 1 + r.int(3) }, () =>
          r.next() < 0.2 ? { text: text() } : { range: range(), text: r.next() < 0.97 ? text() : null },
        );
        server.notify('textDocument/didChange', {
          textDocument: { uri, version: r.next() < 0.95 ? version : r.pick([null, 'v', 1.5]) },
          contentChanges: changes,
        });
      },
      () => server.notify('textDocument/didClose', { textDocument: textDocument() }),
      () =>
        server.notify('workspace/didChangeConfiguration', {
          settings: r.pick([null, {}, { ocip: { dataMode: r.pick(['AS', 'XS', 5]), diagnostics: { debounceMs: num() } } }]),
        }),
      // Requests, awaited (their answer may be an error, never silence).
      async () => {
        const method = r.pick(METHODS);
        const answer = await server.request(method, params(method), 60_000);
        assert.ok('result' in answer || 'error' in answer, JSON.stringify(answer).slice(0, 200));
      },
      // A request cancelled at once.
      async () => {
        const id = `c${r.int(1e9)}`;
        const answer = await server.request(
          'textDocument/documentSymbol',
          { textDocument: { uri: r.pick(URIS) } },
          60_000,
          id,
          frame({ jsonrpc: '2.0', method: '$/cancelRequest', params: { id } }),
        );
        assert.ok('result' in answer || 'error' in answer);
      },
      // Malformed JSON-RPC.
      () =>
        server.write(
          frame(
            r.pick([
              null,
              5,
              'x',
              [],
              { jsonrpc: '2.0' },
              { jsonrpc: '2.0', id: {}, method: 'x' },
              { id: 1, result: 5 },
              { jsonrpc: '1.0', method: 'textDocument/didOpen' },
              { jsonrpc: '2.0', method: '$/cancelRequest', params: null },
            ]),
          ),
        ),
      () => server.write(Buffer.from(Array.from({ length: 1 + r.int(3000) }, () => r.int(256)))),
      () =>
        server.write(
          r.pick([
            'Content-Length: x\r\n\r\n',
            'Content-Length: 3\r\n\r\n{',
            'Content-Length: -1\r\n\r\n{}',
            'content-length:2\r\n\r\n{}',
            'Content-Length: 5\r\nContent-Length: 6\r\n\r\n{}',
            'Content-Type: a\r\n\r\n',
            '\r\n\r\n\r\n',
            'Content-Length: 1\r\n\r\n',
          ]),
        ),
    ];
    // Malformed frames (cases 6..8) may announce more body than they carry: such a frame takes the next bytes,
    // whatever they are, and no framing can tell. Padding after them completes any such frame (all announce under
    // PADDING bytes); the rest of the padding is junk the server drops before resynchronizing on the health request.
    const PADDING = Buffer.from(`${' '.repeat(96)}\r\n\r\n`);
    const malformed = new Set([6, 7, 8]);
    const started = Date.now();
    let n = 0;
    for (; n < MAX_CASES && Date.now() - started < BUDGET_MS; n++) {
      const pickCase = r.int(cases.length);
      try {
        await cases[pickCase](n);
        if (malformed.has(pickCase)) server.write(PADDING);
        await server.health(60_000);
      } catch (e) {
        throw new Error(`fuzz case #${n} (kind ${pickCase}, seed ${SEED}) failed: ${(e as Error).message}`);
      }
      assert.equal(server.exit, undefined, `server exited after case #${n} (seed ${SEED}): ${server.stderr.slice(-2000)}`);
    }
    t.diagnostic(`${n} cases in ${Date.now() - started} ms`);
    assert.ok(n >= 20, `only ${n} cases ran in the budget`);
  });
});
