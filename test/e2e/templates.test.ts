// A template and its CSV in a real VS Code: the bad cell is a problem of the CSV file, underlined in the CSV editor,
// and a hover on the cell tells what it feeds.
import { after, before } from 'node:test';
import assert from 'node:assert/strict';
import { VSCodeSession, e2eTest } from './harness';

let vs: VSCodeSession | undefined;

before(async () => {
  vs = await VSCodeSession.start();
});

after(async () => {
  await vs?.close();
});

e2eTest(
  'the CSV opened beside its template shows the too-long last name at its cell',
  () => vs,
  async () => {
    // The template starts the language server; the CSV then goes to it like any document the client selects.
    await vs!.openFile('onboarding-users.ocip.yaml');
    await vs!.waitForProblem(/1 row \(3\)/, 'onboarding-users.ocip.yaml');
    await vs!.openFile('onboarding-users.csv');
    const problem = await vs!.waitForProblem(/Row 3, column 'last' \(lastName\)/, 'onboarding-users.csv');
    assert.equal(problem.severity, 'error');
    assert.equal(problem.line, 3);
    await vs!.waitForSquiggle(3, 'error');
    // On the header (no diagnostic there, so the hover is ours alone): the column and what it feeds.
    const hover = await vs!.hoverAt(1, 14);
    assert.match(hover, /Column last/);
    assert.match(hover, /UserConsolidatedAddRequest22 › lastName/);
  },
);

e2eTest(
  '"Preview Rendered Rows" shows one row of the template as XML beside it',
  () => vs,
  async () => {
    await vs!.runCommand('View: Focus First Editor Group');
    await vs!.openFile('onboarding-users.ocip.yaml');
    await vs!.runCommand('OCI-P: Preview Rendered Rows');
    await vs!.pickQuickPickItem('OCI-P: Preview Rendered Rows', 'One row as XML…');
    await vs!.answerInputBox('OCI-P: Row to preview', '3');
    await vs!.waitForLanguageMode('OCI-P XML');
    const xml = await vs!.readEditorText();
    assert.match(xml, /<userId>bo\.long@acme\.example\.com<\/userId>/);
    assert.match(xml, /<lastName>Lonn+g<\/lastName>/);
    assert.doesNotMatch(xml, /ann\.lee/);
  },
);
