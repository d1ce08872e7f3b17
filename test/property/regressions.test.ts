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

test('checks: the value of a secret element (password, passcode, …Password) is never quoted in a message', async () => {
  const { builtinModel } = await import('../../core/model');
  const { checkFile } = await import('../../core/checks');
  const { parseYaml } = await import('../../core/syntax');
  const secret = 'Kx9-passcode-value-too-long-for-it';
  const text = `command: UserConsolidatedAddRequest22\npasscode: ${secret}\nalias: [not-an-alias-value]\n`;
  const diagnostics = checkFile(parseYaml(text), builtinModel());
  const length = diagnostics.find((d) => d.code === 'OCI-LENGTH');
  assert.equal(length?.message, `The value (${secret.length} characters) is too long: 1 to 30 characters (Passcode).`);
  assert.ok(diagnostics.every((d) => !d.message.includes(secret)));
  assert.ok(
    diagnostics.some((d) => d.message.includes('not-an-alias-value')),
    'other values are still quoted',
  );
});
