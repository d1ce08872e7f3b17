/**
 * The incremental XML analysis (piece starts updated around the edit, pieces' fragments, assemblies and
 * diagnostics reused relative to their start, lazy tree) equals a fresh parse and check of the same text after
 * every edit of random edit sequences: diagnostics, the tree, and commandAt.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { DocumentAnalyzer } from '../../core/analysis/analyzer';
import { updateStarts, updateStartsAround } from '../../core/analysis/xml-pieces';
import { PieceText } from '../../core/text/piece-text';
import { checkFile, DEFAULT_CHECK_OPTIONS, type CheckOptions } from '../../core/checks';
import { builtinModel } from '../../core/model';
import { commandStarts, XmlParser } from '../../core/syntax/xml';
import { generateXml } from '../../bench/generate';

const model = builtinModel();
const XS: CheckOptions = { ...DEFAULT_CHECK_OPTIONS, dataMode: 'XS' };

const ENVELOPE_START =
  '<?xml version="1.0" encoding="UTF-8"?>\n<BroadsoftDocument protocol="OCI" xmlns="C" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">\n<sessionId xmlns="">s1</sessionId>\n';
const COMMAND_DELETE = '<command xsi:type="UserDeleteRequest" xmlns=""><userId>a@b</userId></command>\n';

/** Bits that change how the file is cut (comments, CDATA, PIs, command tags) and how pieces assemble (envelope). */
const PIECES = [
  'x',
  '<',
  '>',
  '"',
  '\n',
  '<!--',
  '-->',
  '<![CDATA[',
  ']]>',
  '<?pi ',
  '?>',
  '<!DOCTYPE d [',
  ']>',
  '<command',
  '<command>',
  '</command>',
  '<command xsi:type="UserDeleteRequest">',
  COMMAND_DELETE,
  '<BroadsoftDocument protocol="OCI" xmlns="C">',
  '</BroadsoftDocument>',
  '<sessionId>s</sessionId>',
  '<lastName>Kim</lastName>',
  '<groupId>g</groupId>',
  'xmlns:p="u" ',
  '&amp;',
  '&bad;',
  // Optional spans of commands and elements (each must move with its command: a missed one was a wrong diagnostic after an edit).
  ' xsi:nil="true"',
  ' xsi:nil="false"',
  '<title xsi:nil="false">T</title>',
  '<command xsi:type="UserDeleteRequest" xmlns="" xsi:nil="true"/>\n',
  '<command xsi:type="SystemVoiceMessagingGroupGetRequest16sp2" xmlns="">\n</command>\n',
];

type Edit = [number, number, string];
const editArb: fc.Arbitrary<Edit> = fc.tuple(fc.nat(), fc.nat(60), fc.constantFrom(...PIECES));

function apply(text: string, [where, remove, insert]: Edit): string {
  const at = where % (text.length + 1);
  return text.slice(0, at) + insert + text.slice(at + remove);
}

const fileArb = fc.oneof(
  fc.integer({ min: 1, max: 8 }).map((n) => generateXml(n)),
  fc.integer({ min: 1, max: 6 }).map((n) => `${ENVELOPE_START}${generateXml(n)}</BroadsoftDocument>\n`),
  fc.array(fc.constantFrom(...PIECES), { maxLength: 12 }).map((bits) => bits.join('')),
);

function fresh(text: string, options: CheckOptions = DEFAULT_CHECK_OPTIONS) {
  const file = new XmlParser(0).parse(text);
  return { file, diagnostics: checkFile(file, model, options) };
}

test('XML: command starts updated around an edit equal a fresh scan', () => {
  fc.assert(
    fc.property(fileArb, fc.array(editArb, { minLength: 1, maxLength: 10 }), (initial, edits) => {
      let text = initial;
      let starts = updateStarts(undefined, '', text).starts;
      for (const edit of edits) {
        const next = apply(text, edit);
        const update = updateStarts(starts, text, next);
        // Kept and tail pieces really are the old pieces (same text).
        const piece = (s: number[], t: string, i: number) => t.slice(i === 0 ? 0 : s[i - 1], i < s.length ? s[i] : t.length);
        for (let i = 0; i < update.keptPieces; i++) assert.equal(piece(update.starts, next, i), piece(starts, text, i));
        for (let i = update.tailPieces; i <= update.starts.length; i++)
          assert.equal(piece(update.starts, next, i), piece(starts, text, i + update.shift));
        starts = update.starts;
        text = next;
        assert.deepStrictEqual(starts, commandStarts(text));
      }
    }),
    { numRuns: 1500, seed: 11 },
  );
});

test('XML: incremental analysis equals a fresh parse and check after every edit', () => {
  fc.assert(
    fc.property(fileArb, fc.array(editArb, { minLength: 1, maxLength: 6 }), fc.nat(), (initial, edits, probe) => {
      const analyzer = new DocumentAnalyzer('xml', model, DEFAULT_CHECK_OPTIONS);
      let text = initial;
      analyzer.analyze(text);
      for (const edit of edits) {
        text = apply(text, edit);
        const analysis = analyzer.begin(text);
        const expected = fresh(text);
        // Read in a varying order: commandAt before the tree, diagnostics before or after it.
        const offset = text.length ? probe % (text.length + 1) : 0;
        const cmd = analysis.commandAt(offset);
        assert.deepStrictEqual(
          cmd,
          expected.file.commands.find((c) => c.span.start <= offset && offset <= c.span.end),
        );
        if (probe % 2) assert.deepStrictEqual(analysis.diagnostics, expected.diagnostics);
        assert.deepStrictEqual(analysis.file, expected.file);
        assert.deepStrictEqual(analysis.diagnostics, expected.diagnostics);
      }
    }),
    { numRuns: 500, seed: 13 },
  );
});

test('XML: an edit checks one piece; tiny slices and new options give the fresh result', () => {
  const text = generateXml(200);
  const analyzer = new DocumentAnalyzer('xml', model, DEFAULT_CHECK_OPTIONS);
  const analysis = analyzer.begin(text);
  let slices = 0;
  while (!analysis.advance(0)) slices++;
  assert.ok(slices > 10, 'a zero budget must stop after a few pieces');
  assert.deepStrictEqual(analysis.diagnostics, fresh(text).diagnostics);

  const edited = text.replace('<lastName>Kim', '<lastName>Kym');
  const again = analyzer.analyze(edited);
  assert.equal(again.checked, 1, 'only the edited piece is checked again');
  assert.deepStrictEqual(again.diagnostics, fresh(edited).diagnostics);
  // The older analysis still describes its own text.
  assert.deepStrictEqual(analysis.file, fresh(text).file);

  analyzer.configure(model, XS);
  assert.deepStrictEqual(analyzer.analyze(edited).diagnostics, fresh(edited, XS).diagnostics);
});

test('XML: commandAt reads one piece during a long first validation, its index on demand', () => {
  const text = generateXml(50);
  const analyzer = new DocumentAnalyzer('xml', model, DEFAULT_CHECK_OPTIONS);
  const analysis = analyzer.begin(text);
  const offset = text.indexOf('<timeZone>', Math.floor(text.length / 2));
  const cmd = analysis.commandAt(offset)!;
  const expected = fresh(text).file.commands.find((c) => c.span.start <= offset && offset <= c.span.end)!;
  assert.equal(cmd.index, expected.index);
  assert.deepStrictEqual(cmd, expected);

  // Commands back to back: at the boundary the first one (it ends there) is the answer, as in the tree.
  const adjacent = COMMAND_DELETE.trim() + COMMAND_DELETE.trim();
  const boundary = COMMAND_DELETE.trim().length;
  const first = new DocumentAnalyzer('xml', model, DEFAULT_CHECK_OPTIONS).begin(adjacent).commandAt(boundary)!;
  assert.equal(first.index, 0);
  assert.deepStrictEqual(first, fresh(adjacent).file.commands[0]);
});

test('XML: starts updated from a known edit region, through windows of any size, equal a fresh scan', () => {
  fc.assert(
    fc.property(fileArb, fc.array(editArb, { minLength: 1, maxLength: 8 }), fc.integer({ min: 1, max: 40 }), (initial, edits, window) => {
      let text = initial;
      let starts = commandStarts(text);
      for (const [where, remove, insert] of edits) {
        const at = where % (text.length + 1);
        const removedEnd = Math.min(text.length, at + remove);
        const next = text.slice(0, at) + insert + text.slice(removedEnd);
        starts = updateStartsAround(starts, text.length, next, at, text.length - removedEnd, window).starts;
        text = next;
        assert.deepStrictEqual(starts, commandStarts(text));
      }
    }),
    { numRuns: 1500, seed: 31 },
  );
});

test("XML: analysing an open document's blocks (edit regions, no whole-text compare) equals a fresh parse and check", () => {
  fc.assert(
    fc.property(
      fileArb,
      fc.integer({ min: 8, max: 200 }),
      fc.array(fc.tuple(editArb, fc.boolean()), { minLength: 1, maxLength: 6 }),
      (initial, blockChars, edits) => {
        const analyzer = new DocumentAnalyzer('xml', model, DEFAULT_CHECK_OPTIONS);
        const piece = new PieceText(initial, blockChars);
        let text = initial;
        analyzer.analyze(piece);
        for (const [[where, remove, insert], analyse] of edits) {
          const at = where % (text.length + 1);
          piece.apply([{ start: at, end: at + remove, text: insert }]);
          text = text.slice(0, at) + insert + text.slice(at + remove);
          if (!analyse) continue;
          const analysis = analyzer.begin(piece);
          const expected = fresh(text);
          assert.deepStrictEqual(analysis.diagnostics, expected.diagnostics);
          assert.deepStrictEqual(analysis.file, expected.file);
        }
        assert.deepStrictEqual(analyzer.begin(piece).diagnostics, fresh(text).diagnostics);
      },
    ),
    { numRuns: 300, seed: 32 },
  );
});
