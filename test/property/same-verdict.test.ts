/**
 * The checks judge a command the same whichever format it is written in: the same generated document (valid, or
 * with tree mutations) rendered as YAML and as XML gets the same set of schema and rule diagnostic codes per command,
 * in both data modes. OCI-ORDER is left out: YAML keys have no order, so only XML can be out of order.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { builtinModel } from '../../core/model';
import { checkFile, DEFAULT_CHECK_OPTIONS, type CheckOptions } from '../../core/checks';
import { parseXml, parseYaml } from '../../core/syntax';
import type { SourceFile } from '../../core/tree/types';
import { mutatedDocument, renderXml, renderYaml, validDocument, type GenDoc } from './generate';

const model = builtinModel();
const RUNS = { seed: 777001, numRuns: 250, interruptAfterTimeLimit: 40_000 };
const MODES: CheckOptions[] = [DEFAULT_CHECK_OPTIONS, { ...DEFAULT_CHECK_OPTIONS, dataMode: 'XS', adminLevel: 'Group' }];

function verdict(file: SourceFile, options: CheckOptions): string[][] {
  assert.deepEqual(file.problems, [], 'the rendered text is well-formed');
  const perCommand = file.commands.map(() => new Set<string>());
  for (const d of checkFile(file, model, options)) {
    if ((d.kind === 'schema' || d.kind === 'rule') && d.code !== 'OCI-ORDER' && d.command !== undefined) perCommand[d.command].add(d.code);
  }
  return perCommand.map((s) => [...s].sort());
}

function assertSameVerdict(doc: GenDoc): void {
  const yaml = renderYaml({ id: '', ...doc });
  const xml = renderXml({ id: '', ...doc });
  for (const options of MODES) {
    assert.deepEqual(verdict(parseYaml(yaml), options), verdict(parseXml(xml), options), `${options.dataMode}\n${yaml}\n${xml}`);
  }
}

describe('YAML and XML get the same verdict', () => {
  it('for valid documents', { timeout: 120_000 }, () => {
    fc.assert(fc.property(validDocument(model), assertSameVerdict), RUNS);
  });

  it('for mutated documents', { timeout: 120_000 }, () => {
    fc.assert(fc.property(mutatedDocument(model), assertSameVerdict), RUNS);
  });
});
