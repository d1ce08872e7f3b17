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
import { generateYaml } from '../../bench/generate';
import { documentArb } from './yaml-arbitraries';

const model = builtinModel();
const SEPARATORS = ['---\n', '--- \n', '...\n---\n', '---\r\n', '...\n'];

function sameAnswers(text: string): void {
  const analysis = new DocumentAnalyzer('yaml', model, DEFAULT_CHECK_OPTIONS).analyze(text);
  for (let offset = 0; offset <= text.length; offset++) {
    const view = analysis.documentAt!(offset)!;
    const at = offset - view.start;
    const whole = hover(text, offset, 'yaml', analysis.commandAt(offset), model);
    const alone = hover(view.text, at, 'yaml', view.command, model);
    assert.deepStrictEqual(
      alone && { markdown: alone.markdown, start: alone.span.start + view.start, end: alone.span.end + view.start },
      whole && { markdown: whole.markdown, start: whole.span.start, end: whole.span.end },
      `hover at ${offset}`,
    );
    const all = complete(text, offset, 'yaml', analysis.commandAt(offset), model);
    const own = complete(view.text, at, 'yaml', view.command, model);
    assert.deepStrictEqual(
      own.entries.map((e) => ({ ...e, replace: { start: e.replace.start + view.start, end: e.replace.end + view.start } })),
      all.entries,
      `completion at ${offset}`,
    );
    assert.equal(own.role, all.role);
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
