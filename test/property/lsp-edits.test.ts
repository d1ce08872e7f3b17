/**
 * The language server survives long random edit sequences: a few hundred random insertions and deletions sent as
 * didChange notifications over stdio (as fast as possible, some batched, a few full replacements), on YAML and XML
 * files. Afterwards its diagnostics for the final version equal those of a fresh server that opens the final text
 * (code, range and message), so incremental reuse never leaves stale or shifted diagnostics behind.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import { builtinModel } from '../../core/model';
import { LspTestClient } from '../helpers/lsp-client';
import { renderXml, renderYaml, validDocument } from './generate';

const model = builtinModel();
const RUNS = { seed: 99173, numRuns: 8, interruptAfterTimeLimit: 60_000 };

const SNIPPETS = [
  '\n',
  ' ',
  '  ',
  ':',
  ': ',
  '- ',
  '-',
  '#',
  '"',
  "'",
  '<',
  '>',
  '/',
  '</',
  '/>',
  '=',
  '&',
  ';',
  '---\n',
  '\t',
  'é',
  '😀',
  'userId',
  'alias: a@b\n',
  'command: UserDeleteRequest\n',
  '<userId>x</userId>',
  '<command xsi:type="UserGetRequest23V2">',
  'xsi:type="',
  '<!--',
  '-->',
  '{',
  '}',
  '[',
  ']',
  '~',
  '\r\n',
];

interface Edit {
  at: number;
  remove: number;
  insert: string;
}

const edit = fc.record({
  at: fc.nat(),
  remove: fc.oneof(fc.constant(0), fc.nat({ max: 6 }), fc.nat({ max: 60 })),
  insert: fc.oneof(fc.constantFrom(...SNIPPETS), fc.string({ maxLength: 4 }), fc.constant('')),
});

/** Turns random numbers into a valid LSP change against the current text (offset clamped, UTF-16 positions). */
function toChange(doc: TextDocument, e: Edit) {
  const length = doc.getText().length;
  const start = e.at % (length + 1);
  const end = Math.min(length, start + e.remove);
  return { range: { start: doc.positionAt(start), end: doc.positionAt(end) }, text: e.insert };
}

const key = (d: Diagnostic) => JSON.stringify([d.code, d.range, d.message]);
const sorted = (ds: Diagnostic[]) => ds.map(key).sort();

describe('language server under long random edit sequences', () => {
  let edited: LspTestClient;
  let fresh: LspTestClient;
  let n = 0;
  before(async () => {
    // No debounce on the edited server: every edit may start an analysis while the next ones arrive.
    edited = new LspTestClient({ settings: { diagnostics: { debounceMs: 0 } } });
    fresh = new LspTestClient({ settings: { diagnostics: { debounceMs: 0 } } });
    await Promise.all([edited.initialize(), fresh.initialize()]);
  });
  after(() => Promise.all([edited.shutdown(), fresh.shutdown()]));

  for (const format of ['yaml', 'xml'] as const) {
    it(`${format}: after 200-300 edits, the same diagnostics as a fresh server on the final text`, { timeout: 180_000 }, async () => {
      await fc.assert(
        fc.asyncProperty(
          fc.array(validDocument(model), { minLength: 1, maxLength: 4 }),
          fc.array(fc.tuple(edit, fc.nat({ max: 19 })), { minLength: 200, maxLength: 300 }),
          async (docs, edits) => {
            const initial =
              format === 'yaml' ? docs.map((d) => renderYaml({ id: '', ...d })).join('---\n') : renderXml({ id: '', ...docs[0] });
            const languageId = format === 'yaml' ? 'ocip-yaml' : 'ocip-xml';
            const uri = `file:///edits/${format}-${n++}.ocip.${format}`;
            let doc = TextDocument.create(uri, languageId, 1, initial);
            edited.open(uri, languageId, initial);
            let version = 1;
            let pending: ReturnType<typeof toChange>[] = [];
            const flush = () => {
              if (!pending.length) return;
              version = edited.change(uri, pending);
              pending = [];
            };
            for (const [e, dice] of edits) {
              if (dice === 0) {
                // Now and then a full-text replacement, as some clients send.
                flush();
                const text = doc.getText().slice(0, e.at % (doc.getText().length + 1)) + e.insert;
                doc = TextDocument.update(doc, [{ text }], doc.version + 1);
                version = edited.change(uri, [{ text }]);
                continue;
              }
              const change = toChange(doc, e);
              doc = TextDocument.update(doc, [change], doc.version + 1);
              pending.push(change);
              // Mostly one change per notification, sometimes several in one.
              if (dice > 3) flush();
            }
            flush();
            const final = doc.getText();
            const [afterEdits, reference] = await Promise.all([
              edited.diagnosticsFor(uri, version),
              (fresh.open(uri, languageId, final), fresh.diagnosticsFor(uri, 1)),
            ]);
            assert.deepEqual(sorted(afterEdits), sorted(reference), `final text:\n${final}`);
            for (const d of afterEdits) {
              assert.ok(d.range.end.line < final.split(/\r\n|\r|\n/).length + 1, `range inside the text: ${key(d)}`);
            }
            edited.close(uri);
            fresh.close(uri);
          },
        ),
        RUNS,
      );
      assert.equal(edited.proc.exitCode, null, `the edited server is still running; stderr: ${edited.stderr}`);
    });
  }
});
