/**
 * server/converted-diagnostics reuses the previous publication's LSP diagnostics for the same diagnostic objects
 * lying before the edited text. Whatever the edits (multi-line, line ends, several changes per version, versions
 * converted or skipped) and whichever objects are listed again, its answer equals converting every diagnostic afresh.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import type { TextDocumentContentChangeEvent } from 'vscode-languageserver-textdocument';
import type { Diagnostic } from '../../core/checks/types';
import { PieceText } from '../../core/text/piece-text';
import { PieceDocument, pieceDocuments } from '../../server/piece-document';
import { ConvertedDiagnostics } from '../../server/converted-diagnostics';
import { toLspDiagnostic } from '../../server/diagnostics';

const ATOMS = ['a', 'bc', '\n', '\r\n', '\r', 'é', '\n\n', 'key: value\n'];
const textArb = fc.array(fc.constantFrom(...ATOMS), { maxLength: 30 }).map((parts) => parts.join(''));
const positionArb = fc.record({ line: fc.integer({ min: 0, max: 12 }), character: fc.integer({ min: 0, max: 12 }) });
const changeArb: fc.Arbitrary<TextDocumentContentChangeEvent> = fc.oneof(
  { weight: 12, arbitrary: fc.record({ range: fc.record({ start: positionArb, end: positionArb }), text: textArb }) },
  { weight: 1, arbitrary: fc.record({ text: textArb }) },
);

function diagnostic(start: number, length: number, related?: number): Diagnostic {
  return {
    code: 'OCI-TEST',
    severity: 'error',
    message: `at ${start}`,
    kind: 'schema',
    span: { start, end: start + length },
    related: related === undefined ? undefined : [{ span: { start: related, end: related + 1 }, message: 'related' }],
  } as Diagnostic;
}

test('reused LSP diagnostics equal fresh conversions after any edits', () => {
  fc.assert(
    fc.property(
      textArb,
      fc.integer({ min: 1, max: 9 }),
      fc.array(fc.record({ start: fc.nat(60), length: fc.nat(8), related: fc.option(fc.nat(60), { nil: undefined }) }), {
        minLength: 1,
        maxLength: 12,
      }),
      fc.array(
        fc.record({
          changes: fc.array(changeArb, { minLength: 1, maxLength: 3 }),
          convert: fc.boolean(),
          listed: fc.array(fc.nat(), { maxLength: 12 }),
        }),
        { minLength: 1, maxLength: 8 },
      ),
      (initial, blockChars, pool, versions) => {
        const doc = new PieceDocument('file:///a.ocip.yaml', 'ocip-yaml', 1, new PieceText(initial, blockChars));
        // The same objects across versions, as the analysis hands them out while their chunk stays put.
        const objects = pool.map((p) => diagnostic(p.start, p.length, p.related));
        const converted = new ConvertedDiagnostics();
        const check = (listed: number[]) => {
          const length = doc.text.length;
          const list = listed.map((k) => objects[k % objects.length]).filter((d) => d.span.end <= length);
          assert.deepStrictEqual(
            converted.convert(doc, list),
            list.map((d) => toLspDiagnostic(doc, d)),
          );
        };
        check(versions[0].listed);
        let version = 1;
        for (const v of versions) {
          pieceDocuments.update(doc, v.changes, ++version);
          if (v.convert) check(v.listed);
        }
      },
    ),
    { numRuns: 400 },
  );
});

test('a span ending where a line feed is inserted after a lone CR gets its new position', () => {
  // "a\rb": offset 2 starts line 1. After "\n" is inserted there, CR LF ends line 0 and offset 2 is on line 0.
  const doc = new PieceDocument('file:///a.ocip.yaml', 'ocip-yaml', 1, new PieceText('a\rb'));
  const d = diagnostic(0, 2);
  const converted = new ConvertedDiagnostics();
  assert.deepStrictEqual(converted.convert(doc, [d])[0].range.end, { line: 1, character: 0 });
  pieceDocuments.update(doc, [{ range: { start: { line: 1, character: 0 }, end: { line: 1, character: 0 } }, text: '\n' }], 2);
  assert.deepStrictEqual(converted.convert(doc, [d]), [toLspDiagnostic(doc, d)]);
  assert.equal(converted.convert(doc, [d])[0].range.end.line, 0);
});
