// Diagnostics from the language server, seen where the user sees them: the Problems panel and squiggles.
import { after, before } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_WORKSPACE, VSCodeSession, e2eTest } from './harness';

let vs: VSCodeSession | undefined;

/** 1-based line of the first line of a workspace file containing `text` (where the command is named). */
function lineOf(file: string, text: string): number {
  const lines = readFileSync(join(DEFAULT_WORKSPACE, file), 'utf8').split('\n');
  const index = lines.findIndex((l) => l.includes(text));
  assert.ok(index >= 0, `${text} not in ${file}`);
  return index + 1;
}

before(async () => {
  vs = await VSCodeSession.start();
});

after(async () => {
  await vs?.close();
});

for (const file of ['missing-lastName.ocip.yaml', 'missing-lastName.ocip.xml']) {
  e2eTest(
    `${file}: the missing lastName is an error in Problems and a squiggle, on the command`,
    () => vs,
    async () => {
      await vs!.openFile(file);
      const problem = await vs!.waitForProblem(/lastName/, file);
      assert.equal(problem.severity, 'error');
      // Reported where the command is named: the `command:` line (YAML) / the <command xsi:type=…> tag (XML).
      const commandLine = lineOf(file, 'UserConsolidatedAddRequest22');
      assert.equal(problem.line, commandLine);
      await vs!.waitForSquiggle(commandLine, 'error');
    },
  );
}

e2eTest(
  'adding the missing lastName clears the problem while typing (no save)',
  () => vs,
  async () => {
    const file = 'missing-lastName.ocip.yaml';
    await vs!.openFile(file);
    await vs!.waitForProblem(/lastName/, file);
    await vs!.goTo(lineOf(file, 'firstName:'), 1);
    await vs!.insertText('lastName: Doe\n');
    await vs!.waitForNoProblem(/lastName/, file);
    assert.deepEqual(
      (await vs!.problems()).filter((p) => p.file === file && /lastName/.test(p.message)),
      [],
    );
  },
);
