/**
 * Hover and completion on a YAML file read the cursor's document alone (server/cursor-view: the analysis's
 * `documentAt`, so a huge open file never builds its whole text for them): the answers equal those computed on
 * the whole text with the command at the cursor, at every offset of random and generated multi-document files.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { DocumentAnalyzer } from '../../core/analysis/analyzer';
import { hover } from '../../core/authoring/hover';
import { complete } from '../../core/authoring/completion';
import { DEFAULT_CHECK_OPTIONS } from '../../core/checks';
import { builtinModel } from '../../core/model';
import { generateXml, generateYaml } from '../../bench/generate';
import { documentArb } from './yaml-arbitraries';

const model = builtinModel();
const SEPARATORS = ['---\n', '--- \n', '...\n---\n', '---\r\n', '...\n'];

/** Hover and complete at `offset` through the analysis's view (a window, or the whole text) and on the whole text. */
function answersAt(text: string, analysis: ReturnType<DocumentAnalyzer['analyze']>, offset: number, format: 'yaml' | 'xml') {
  const view = analysis.documentAt?.(offset) ?? { text, start: 0, command: analysis.commandAt(offset) };
  const at = offset - view.start;
  const whole = hover(text, offset, format, analysis.commandAt(offset), model);
  const alone = hover(view.text, at, format, view.command, model);
  assert.deepStrictEqual(
    alone && { markdown: alone.markdown, start: alone.span.start + view.start, end: alone.span.end + view.start },
    whole && { markdown: whole.markdown, start: whole.span.start, end: whole.span.end },
    `hover at ${offset}`,
  );
  const all = complete(text, offset, format, analysis.commandAt(offset), model);
  const own = complete(view.text, at, format, view.command, model);
  assert.deepStrictEqual(
    own.entries.map((e) => ({ ...e, replace: { start: e.replace.start + view.start, end: e.replace.end + view.start } })),
    all.entries,
    `completion at ${offset}`,
  );
  assert.equal(own.role, all.role, `role at ${offset}`);
  return view.start > 0 || view.text.length < text.length;
}

function sameAnswers(text: string): void {
  const analysis = new DocumentAnalyzer('yaml', model, DEFAULT_CHECK_OPTIONS).analyze(text);
  for (let offset = 0; offset <= text.length; offset++) {
    // A YAML analysis always gives the cursor's document.
    assert.ok(analysis.documentAt!(offset), `no document at ${offset}`);
    answersAt(text, analysis, offset, 'yaml');
  }
}

test('YAML hover and completion: the cursor document alone answers as the whole text', () => {
  fc.assert(
    fc.property(fc.array(documentArb, { minLength: 1, maxLength: 3 }), fc.constantFrom(...SEPARATORS), (docs, separator) => {
      sameAnswers(docs.map((d) => (d.endsWith('\n') ? d : d + '\n')).join(separator));
    }),
    { numRuns: 60, seed: 8 },
  );
});

test('YAML hover and completion on a generated command file', () => {
  sameAnswers(generateYaml(3));
});

// What users type into XML files, and what breaks the scan's assumptions: unclosed and stray tags, a `<` being typed,
// comments, CDATA and PIs holding `<command`, quotes, several commands on one line, a lone `<` before a command.
const XML_EDITS = [
  '<',
  '</',
  '<user',
  '>',
  '"',
  "'",
  '/>',
  '\n',
  '  ',
  'x',
  '<userId>',
  '</userId>',
  '</command>',
  '</command><command xsi:type="UserDeleteRequest">',
  '<command xsi:type="UserGetRequest22">',
  '<!-- <command x> -->',
  '<!-- ',
  ' -->',
  '<![CDATA[<command>]]>',
  '<?pi <command ?>',
  '<!DOCTYPE x>',
  '<accessDeviceEndpoint><accessDevice>',
  ' xsi:type="',
];

test('XML hover and completion: the window on the cursor command answers as the whole text', () => {
  let windowed = 0;
  fc.assert(
    fc.property(
      fc.integer({ min: 2, max: 4 }),
      fc.array(fc.tuple(fc.nat(), fc.constantFrom(...XML_EDITS)), { maxLength: 4 }),
      fc.boolean(),
      fc.nat(),
      (n, edits, oneLine, probe) => {
        let text = generateXml(n);
        if (oneLine) text = text.replace(/\n\s*<command/g, '<command');
        for (const [where, insert] of edits) {
          const at = where % (text.length + 1);
          text = text.slice(0, at) + insert + text.slice(at);
        }
        const analysis = new DocumentAnalyzer('xml', model, DEFAULT_CHECK_OPTIONS).analyze(text);
        const step = 1 + (probe % 5);
        for (let offset = probe % step; offset <= text.length; offset += step) if (answersAt(text, analysis, offset, 'xml')) windowed++;
      },
    ),
    { numRuns: 25, seed: 12 },
  );
  // Most offsets of these files are inside a command: the windows were used (the property is not vacuous).
  assert.ok(windowed > 10_000, `${windowed} answers from a window`);
});

test('XML hover and completion on a generated command file, every offset', () => {
  const text = generateXml(4);
  const analysis = new DocumentAnalyzer('xml', model, DEFAULT_CHECK_OPTIONS).analyze(text);
  let windowed = 0;
  for (let offset = 0; offset <= text.length; offset++) if (answersAt(text, analysis, offset, 'xml')) windowed++;
  // Commands 2 to 4 of 4 (the first command's window would be the whole head, and the last one's reads run to the end).
  assert.ok(windowed > text.length / 3, `${windowed} of ${text.length} offsets answered from a window`);
});

// The scan after an element name being typed skips that element, then lists the siblings after it. With unbalanced
// tags that skip runs past the command's end into the next command, whose children then count as siblings (and
// completion leaves them out): a window ending at the command's end would not see them. The window must not be used.
test('XML: an element skipped past the command end sends hover and completion to the whole text', () => {
  const base = generateXml(3);
  const second = base.indexOf('<command', base.indexOf('<command') + 1);
  const third = base.indexOf('<command', second + 1);
  const inThird = base.indexOf('\n', base.indexOf('<groupId>', third)) + 1;
  const inSecond = base.indexOf('\n', base.indexOf('<groupId>', second)) + 1;
  const text = base.slice(0, inSecond) + '  <ext>\n  <x>\n' + base.slice(inSecond, inThird) + '  </y></ext>\n' + base.slice(inThird);
  const analysis = new DocumentAnalyzer('xml', model, DEFAULT_CHECK_OPTIONS).analyze(text);
  const cursor = text.indexOf('<ext>') + '<ext'.length;
  answersAt(text, analysis, cursor, 'xml');
  const labels = complete(text, cursor, 'xml', analysis.commandAt(cursor), model).entries.map((e) => e.label);
  assert.ok(!labels.includes('lastName'), "the third command's lastName counts as a sibling on the whole text");
  assert.equal(analysis.documentAt!(cursor), undefined);
});
