// The web build (package.json `browser`: dist/web/client.js, and the language server in a web worker,
// dist/web/server.js) in a real VS Code for the Web: code-server's web worker extension host in headless Chromium.
// The installed .vsix is a web-only variant (test/e2e/web-vsix.ts: no `main`), so VS Code cannot run it in the
// Node extension host; the logs below also say where each half runs. @vscode/test-web cannot be used here: it
// downloads VS Code from the internet.
import { after, before } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_WORKSPACE, VSCodeSession, e2eTest } from './harness';
import { buildWebOnlyVsix } from './web-vsix';
import { localizedManifest } from '../helpers/manifest';

const manifest = localizedManifest();
/** A schema folder is configured: the web build cannot read it and must say so, then check with the built-in model. */
const SCHEMA_DIR = '/schemas/r25';
/** The OCI-P channel's log file (the desktop's is under the user-data-dir's logs). */
const LOG_FILE = 'exthost/webWorker/ocip-tools.ocip-vscode/OCI-P.log';

let vs: VSCodeSession | undefined;
let outputAtStart = '';

/** 1-based line and column of the first occurrence of `text` in a workspace file. */
function positionOf(file: string, text: string): { line: number; column: number } {
  const lines = readFileSync(join(DEFAULT_WORKSPACE, file), 'utf8').split('\n');
  const index = lines.findIndex((l) => l.includes(text));
  assert.ok(index >= 0, `${text} not in ${file}`);
  return { line: index + 1, column: lines[index].indexOf(text) + 1 };
}

before(async () => {
  vs = await VSCodeSession.start({ vsix: buildWebOnlyVsix(), settings: { 'ocip.schemaDirectory': SCHEMA_DIR } });
  await vs.openFile('missing-lastName.ocip.yaml');
  // The server logs its start and its built-in model once the worker answered initialize, before the first
  // diagnostics. They are read from the channel's log file, which the Output view shows: twice on CI the view,
  // shown again and again while they were written, never showed those two lines although it showed the line the
  // server wrote next (code-server 4.100's view reads appended text in steps that seem able to overlap).
  await vs.waitForProblem(/Missing required element `lastName`/, 'missing-lastName.ocip.yaml');
  const deadline = Date.now() + 60_000;
  while (!/Built-in model: \d+ request commands/.test(outputAtStart) && Date.now() < deadline) {
    outputAtStart = await vs.webLogFile(LOG_FILE);
    await vs.page.waitForTimeout(200);
  }
  await vs.runCommand('View: Close All Editors');
});

after(async () => {
  await vs?.close();
});

e2eTest(
  'the extension runs in the web worker extension host and its language server in a web worker',
  () => vs,
  async () => {
    // Only the web entry (client/web/extension.ts) and the worker server (server/web/main.ts) write these lines.
    assert.match(outputAtStart, /OCI-P for VS Code for the Web: the language server runs in a web worker/);
    assert.match(outputAtStart, /OCI-P language server [\d.]+ started \(web worker\)\./);
    assert.doesNotMatch(outputAtStart, /started \(Node /);
    assert.match(outputAtStart, /Built-in model: \d{4} request commands\./);
    // The workbench hosts a web worker extension host (its iframe), and the extension is activated.
    assert.ok(
      vs!.page.frames().some((f) => /webWorkerExtensionHostIframe\.html/.test(f.url())),
      'the page has a web worker extension host',
    );
    const row = await vs!.runningExtension(manifest.displayName);
    assert.doesNotMatch(row, /Activation failed/, row);
    await vs!.runCommand('View: Close All Editors');
  },
);

e2eTest(
  'a configured schema folder is reported as needing VS Code desktop, and the built-in model checks instead',
  () => vs,
  async () => {
    await vs!.openFile('missing-lastName.ocip.yaml');
    await vs!.waitForProblem(/Missing required element `lastName`/, 'missing-lastName.ocip.yaml');
    const output = await vs!.outputChannelText('OCI-P');
    assert.match(output, new RegExp(`ocip\\.schemaDirectory '${SCHEMA_DIR}' is not used: a schema folder needs VS Code desktop`));
    await vs!.runCommand('View: Close All Editors');
  },
);

e2eTest(
  'the missing lastName is an error in Problems and a squiggle',
  () => vs,
  async () => {
    const file = 'missing-lastName.ocip.yaml';
    await vs!.openFile(file);
    const problem = await vs!.waitForProblem(/Missing required element `lastName`/, file);
    assert.equal(problem.severity, 'error');
    assert.equal(problem.code, 'OCI-MISSING');
    const at = positionOf(file, 'UserConsolidatedAddRequest22');
    assert.equal(problem.line, at.line);
    await vs!.waitForSquiggle(at.line, 'error');
  },
);

e2eTest(
  'completion offers the missing elements, lastName first',
  () => vs,
  async () => {
    const file = 'completion.ocip.yaml';
    await vs!.openFile(file);
    const empty = readFileSync(join(DEFAULT_WORKSPACE, file), 'utf8').split('\n').indexOf('') + 1;
    await vs!.goTo(empty, 1);
    const labels = await vs!.triggerCompletion();
    assert.equal(labels[0], 'lastName');
    assert.ok(!labels.includes('firstName'), `firstName is already there: ${labels.join(', ')}`);
    await vs!.page.keyboard.press('Escape');
  },
);

e2eTest(
  'hover describes an element from the built-in model',
  () => vs,
  async () => {
    const file = 'outline-hover.ocip.yaml';
    await vs!.openFile(file);
    const at = positionOf(file, 'passcode:');
    const text = await vs!.hoverAt(at.line, at.column + 2);
    assert.match(text, /^passcode\b/);
    assert.match(text, /Ignored in XS data mode/);
    await vs!.page.keyboard.press('Escape');
  },
);

e2eTest(
  'the Outline shows the command and its elements',
  () => vs,
  async () => {
    await vs!.openFile('outline-hover.ocip.yaml');
    const rows = await vs!.outline();
    const labels = rows.map((r) => r.label);
    assert.ok(
      labels.some((l) => /UserConsolidatedAddRequest22/.test(l)),
      `the command in the Outline: ${JSON.stringify(labels)}`,
    );
    assert.ok(labels.includes('department'), `department in the Outline: ${JSON.stringify(labels)}`);
  },
);

e2eTest(
  '"Convert to XML" opens an OCI-P XML editor written by the worker server',
  () => vs,
  async () => {
    await vs!.runCommand('View: Focus First Editor Group');
    await vs!.openFile('outline-hover.ocip.yaml');
    await vs!.runCommand('OCI-P: Convert to XML');
    await vs!.waitForLanguageMode('OCI-P XML');
    const xml = await vs!.readEditorText();
    assert.match(xml, /<command xsi:type="UserConsolidatedAddRequest22"/);
    assert.ok(xml.includes('<lastName>Major</lastName>'), xml);
  },
);

e2eTest(
  'the language status shows the built-in model, the data mode and level, and that sending needs VS Code desktop',
  () => vs,
  async () => {
    await vs!.runCommand('View: Focus First Editor Group');
    await vs!.openFile('valid.ocip.yaml');
    await vs!.page.locator('[id="status.languageStatus"]').click();
    const entries = vs!.page.locator('.hover-language-status');
    await entries.filter({ hasText: 'built-in R25 model' }).first().waitFor();
    await entries.filter({ hasText: 'AS data mode, System administrator' }).first().waitFor();
    await entries.filter({ hasText: 'Sending needs VS Code desktop' }).first().waitFor();
    await vs!.page.keyboard.press('Escape');
  },
);

for (const title of ['Send to BroadWorks', 'Start Local Simulator']) {
  e2eTest(
    `"${title}" says it needs VS Code desktop`,
    () => vs,
    async () => {
      await vs!.clearNotifications();
      await vs!.runCommand('View: Focus First Editor Group');
      await vs!.openFile('outline-hover.ocip.yaml');
      await vs!.runCommand(`OCI-P: ${title}`);
      const shown = await vs!.waitForMessage(/needs VS Code desktop/);
      assert.match(shown.message, /^OCI-P: .+ needs VS Code desktop \(VS Code for the Web cannot/);
    },
  );
}

e2eTest(
  '"Restart Language Server" ends the worker and starts a new one, which checks again',
  () => vs,
  async () => {
    await vs!.runCommand('View: Focus First Editor Group');
    await vs!.openFile('missing-lastName.ocip.yaml');
    await vs!.runCommand('OCI-P: Restart Language Server');
    // A new worker logs its start after the restart line (counting starts in the whole log would also depend on
    // the first worker's lines, which the first test checks).
    const restartedThenStarted =
      /Restarting the language server[^\n]*\n(?:[^\n]*\n)*?[^\n]*OCI-P language server [\d.]+ started \(web worker\)\./;
    let log = '';
    const deadline = Date.now() + 60_000;
    while (!restartedThenStarted.test(log) && Date.now() < deadline) {
      log = await vs!.webLogFile(LOG_FILE);
      await vs!.page.waitForTimeout(200);
    }
    assert.match(log, restartedThenStarted);
    await vs!.openFile('missing-lastName.ocip.yaml');
    await vs!.waitForProblem(/Missing required element `lastName`/, 'missing-lastName.ocip.yaml');
  },
);

e2eTest(
  '"New YAML Command File" opens an untitled OCI-P YAML document with the command skeleton, written by the worker server',
  () => vs,
  async () => {
    await vs!.runCommand('View: Focus First Editor Group');
    await vs!.runCommand('OCI-P: New YAML Command File');
    await vs!.page.locator('.editor-group-container.active .tabs-container .tab.active', { hasText: /Untitled-\d+/ }).waitFor();
    await vs!.waitForLanguageMode('OCI-P YAML');
    // The skeleton comes from the server (ocip/newCommand) once the untitled document is open.
    await vs!.page
      .locator('.editor-group-container.active .monaco-editor .view-lines', { hasText: 'UserConsolidatedAddRequest22' })
      .waitFor();
    const text = await vs!.readEditorText();
    assert.match(text, /^command: UserConsolidatedAddRequest22$/m);
    for (const required of ['serviceProviderId', 'groupId', 'userId', 'lastName', 'firstName'])
      assert.match(text, new RegExp(`^${required}:`, 'm'), text);
  },
);
