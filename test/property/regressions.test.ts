/** Counterexamples the property tests found, kept as plain tests so they stay fixed whatever the seeds. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseXml } from '../../core/syntax';

test('XML: text ending right after `attr=` reports the unquoted value with a span inside the text', () => {
  for (const text of ['<command xsi:type=', '<BroadsoftDocument protocol=', '<command xsi:type="A" xmlns=  ']) {
    const file = parseXml(text);
    const problem = file.problems.find((p) => p.message.includes('must be in quotes'));
    assert.ok(problem, `${text}: ${JSON.stringify(file.problems)}`);
    assert.ok(problem.span.start <= problem.span.end && problem.span.end <= text.length, `${text}: ${JSON.stringify(problem.span)}`);
  }
});
