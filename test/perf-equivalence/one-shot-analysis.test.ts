/**
 * `ocip validate` analyses a file once (DocumentAnalyzer's `oneShot`): each document's tree is dropped once checked,
 * so that it dies young. The diagnostics must equal those of the keeping analyzer the server uses, and `file` and
 * `commandAt`, asked afterwards, must still give the same tree (parsed again).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { DocumentAnalyzer } from '../../core/analysis/analyzer';
import { DEFAULT_CHECK_OPTIONS } from '../../core/checks';
import { builtinModel } from '../../core/model';
import { SHAPES, shapedYaml } from '../../bench/shapes';
import { documentArb, mutatedArb } from './yaml-arbitraries';

const model = builtinModel();
const options = { ...DEFAULT_CHECK_OPTIONS, externalAuthentication: true };

function assertSame(text: string): void {
  const kept = new DocumentAnalyzer('yaml', model, options).analyze(text);
  const once = new DocumentAnalyzer('yaml', model, options, true).analyze(text);
  assert.deepEqual(once.diagnostics, kept.diagnostics);
  for (const offset of [0, text.length >> 1, text.length]) assert.deepEqual(once.commandAt(offset), kept.commandAt(offset));
  assert.deepEqual(once.file, kept.file);
}

test('one-shot analysis: same diagnostics and tree as the keeping analyzer on every bench shape', () => {
  for (const shape of Object.values(SHAPES)) assertSame(shapedYaml(60, shape));
});

test('one-shot analysis: same diagnostics and tree on generated and mutated documents', () => {
  fc.assert(
    fc.property(fc.array(fc.oneof(documentArb, mutatedArb), { minLength: 1, maxLength: 5 }), (docs) => {
      assertSame(docs.map((d) => `---\n${d}${d.endsWith('\n') ? '' : '\n'}`).join(''));
    }),
    { numRuns: 150 },
  );
});
