/**
 * The incremental analysis (reused chunks, relative diagnostics, lazy tree, slices) equals a fresh parse and
 * check of the same text after every edit of random edit sequences.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { DocumentAnalyzer } from '../../core/analysis/analyzer';
import { updateChunks } from '../../core/analysis/yaml-chunks';
import { checkFile, DEFAULT_CHECK_OPTIONS, type CheckOptions } from '../../core/checks';
import { builtinModel } from '../../core/model';
import { IncrementalYamlParser } from '../../core/syntax/yaml';
import { splitYamlDocuments } from '../../core/syntax/yaml-split';
import { parseXml } from '../../core/syntax';
import { generateXml, generateYaml } from '../../bench/generate';
import { documentArb } from './yaml-arbitraries';
import { PieceText } from '../../core/text/piece-text';
import { yamlLineEnds } from '../../core/text/line-ends';

const model = builtinModel();
const XS: CheckOptions = { ...DEFAULT_CHECK_OPTIONS, dataMode: 'XS' };

const PIECES = [
  '---\n',
  '...\n',
  '\n',
  'x',
  ': ',
  '- ',
  '  ',
  '#',
  'lastName: Kim\n',
  '---',
  '-',
  '"',
  'command: UserDeleteRequest\nuserId: a@b\n',
];

type Edit = [number, number, string];
const editArb: fc.Arbitrary<Edit> = fc.tuple(fc.nat(), fc.nat(40), fc.constantFrom(...PIECES));

function apply(text: string, [where, remove, insert]: Edit): string {
  const at = where % (text.length + 1);
  return text.slice(0, at) + insert + text.slice(at + remove);
}

function fresh(text: string, options: CheckOptions = DEFAULT_CHECK_OPTIONS) {
  const file = new IncrementalYamlParser(0).parse(text);
  return { file, diagnostics: checkFile(file, model, options) };
}

const fileArb = fc.oneof(
  fc.array(documentArb, { minLength: 1, maxLength: 6 }).map((docs) => docs.join('---\n')),
  fc.integer({ min: 1, max: 12 }).map((n) => generateYaml(n)),
);

test('chunks updated around an edit equal a fresh split', () => {
  fc.assert(
    fc.property(fileArb, fc.array(editArb, { minLength: 1, maxLength: 8 }), (initial, edits) => {
      let text = initial;
      let chunks = updateChunks(undefined, '', text).chunks;
      for (const edit of edits) {
        const next = apply(text, edit);
        chunks = updateChunks(chunks, text, next).chunks;
        text = next;
        assert.deepStrictEqual(chunks.toArray(), splitYamlDocuments(text));
      }
    }),
    { numRuns: 1500, seed: 5 },
  );
});

test('YAML: incremental analysis equals a fresh parse and check after every edit', () => {
  fc.assert(
    fc.property(fileArb, fc.array(editArb, { minLength: 1, maxLength: 5 }), fc.nat(), (initial, edits, probe) => {
      const analyzer = new DocumentAnalyzer('yaml', model, DEFAULT_CHECK_OPTIONS);
      let text = initial;
      analyzer.analyze(text);
      for (const edit of edits) {
        text = apply(text, edit);
        const analysis = analyzer.begin(text);
        const expected = fresh(text);
        // Read in a varying order: commandAt before the tree, diagnostics before or after it.
        const offset = text.length ? probe % text.length : 0;
        const cmd = analysis.commandAt(offset);
        const containing = expected.file.commands.find((c) => c.span.start <= offset && offset <= c.span.end);
        if (containing) assert.deepStrictEqual(cmd, containing);
        if (probe % 2) assert.deepStrictEqual(analysis.diagnostics, expected.diagnostics);
        assert.deepStrictEqual(analysis.file, expected.file);
        assert.deepStrictEqual(analysis.diagnostics, expected.diagnostics);
      }
    }),
    { numRuns: 400, seed: 9 },
  );
});

test("YAML: analysing an open document's blocks (edit regions, no whole-text compare) equals a fresh parse and check", () => {
  fc.assert(
    fc.property(
      fileArb,
      fc.integer({ min: 8, max: 200 }),
      fc.array(fc.tuple(editArb, fc.boolean()), { minLength: 1, maxLength: 6 }),
      fc.nat(),
      (initial, blockChars, edits, probe) => {
        const analyzer = new DocumentAnalyzer('yaml', model, DEFAULT_CHECK_OPTIONS);
        const piece = new PieceText(initial, blockChars);
        let text = initial;
        analyzer.analyze(piece);
        for (const [[where, remove, insert], analyse] of edits) {
          // Line ends of every kind, lone CRs included (they send the analysis through the whole text once).
          const inserted = probe % 5 === 0 ? insert.replace(/\n/g, '\r') : probe % 5 === 1 ? insert.replace(/\n/g, '\r\n') : insert;
          const at = where % (text.length + 1);
          piece.apply([{ start: at, end: at + remove, text: inserted }]);
          text = text.slice(0, at) + inserted + text.slice(at + remove);
          // Versions skipped by the debounce: the region since the last analysed revision covers them all.
          if (!analyse) continue;
          const analysis = analyzer.begin(piece);
          const expected = fresh(yamlLineEnds(text));
          assert.deepStrictEqual(analysis.file, expected.file);
          assert.deepStrictEqual(analysis.diagnostics, expected.diagnostics);
        }
        assert.deepStrictEqual(analyzer.begin(piece).diagnostics, fresh(yamlLineEnds(text)).diagnostics);
      },
    ),
    { numRuns: 400, seed: 21 },
  );
});

test('YAML: checking in tiny slices, then new options, gives the fresh result', () => {
  const text = generateYaml(300);
  const analyzer = new DocumentAnalyzer('yaml', model, DEFAULT_CHECK_OPTIONS);
  const analysis = analyzer.begin(text);
  let slices = 0;
  while (!analysis.advance(0)) slices++;
  assert.ok(slices > 10, 'a zero budget must stop after a few documents');
  assert.deepStrictEqual(analysis.diagnostics, fresh(text).diagnostics);
  assert.equal(analysis.checked, 300);

  const edited = text.replace('lastName: Kim', 'lastName: Kym');
  const again = analyzer.analyze(edited);
  assert.equal(again.checked, 1, 'only the edited document is parsed and checked again');
  assert.deepStrictEqual(again.diagnostics, fresh(edited).diagnostics);

  analyzer.configure(model, XS);
  assert.deepStrictEqual(analyzer.analyze(edited).diagnostics, fresh(edited, XS).diagnostics);
});

test('XML: incremental analysis equals a fresh parse and check', () => {
  let text = generateXml(40);
  const analyzer = new DocumentAnalyzer('xml', model, DEFAULT_CHECK_OPTIONS);
  analyzer.analyze(text);
  for (const [from, to] of [
    ['<lastName>Kim', '<lastName>Kym'],
    ['<groupId>', '<groupid>'],
    ['</command>', ''],
  ]) {
    text = text.replace(from, to);
    const analysis = analyzer.begin(text);
    while (!analysis.advance(0));
    assert.deepStrictEqual(analysis.diagnostics, checkFile(parseXml(text), model));
  }
});
