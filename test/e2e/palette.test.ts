// Commands a user runs from the command palette without configuring anything, in a real VS Code: the local
// simulator (start, send without a password prompt, stop: its in-memory server is gone, no settings written), Convert to XML,
// Preview Request, and New YAML Command File.
import { StateStore } from '../../sim/engine/store';
import { after, before } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { VSCodeSession, e2eTest } from './harness';
import { REPO_ROOT } from './prerequisites';

const manifest = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8'));
const EXAMPLES = join(REPO_ROOT, 'examples');
const MINIMAL = 'add-user-minimal.ocip.yaml';
const WITH_DEVICE = 'add-user-with-device.ocip.yaml';
const SIMULATOR = 'Local simulator';

let vs: VSCodeSession | undefined;

/** The top-level `key: value` pairs of an example (its command's simple elements). */
function scalarsOf(file: string): Map<string, string> {
  const pairs = new Map<string, string>();
  for (const line of readFileSync(join(EXAMPLES, file), 'utf8').split('\n')) {
    const m = /^(\w+): *(\S.*)$/.exec(line);
    if (m) pairs.set(m[1], m[2].trim());
  }
  return pairs;
}

/** The state file of the simulator the extension runs (in its globalStorage). */
function simulatorState(): { users: Record<string, { lastName?: string }> } | undefined {
  const file = join(vs!.userDataDir, 'User/globalStorage', `${manifest.publisher}.${manifest.name}`.toLowerCase(), 'simulator/state.json');
  // A snapshot plus its journal (sim/engine/store.ts): read both, write nothing.
  return existsSync(file) ? StateStore.read(file) : undefined;
}

const passwordBox = () =>
  vs!.page.locator('.quick-input-widget', { has: vs!.page.locator('.quick-input-title', { hasText: /^OCI-P: Password$/ }) });

/** Opens `file` in the first editor group (not a group beside it) and runs `command` on it. */
async function runOn(file: string, command: string): Promise<void> {
  await vs!.clearNotifications();
  await vs!.runCommand('View: Focus First Editor Group');
  await vs!.openFile(file);
  await vs!.runCommand(command);
}

before(async () => {
  // No ocip.servers at all: everything here works on a fresh install.
  vs = await VSCodeSession.start({ workspace: EXAMPLES });
});

after(async () => {
  await vs?.close();
});

e2eTest(
  '"Start Local Simulator": the status bar shows it and a send succeeds without a password prompt',
  () => vs,
  async () => {
    await vs!.openFile(MINIMAL);
    await vs!.waitForStatusBarItem('No OCI-P server');
    // `when` clauses: Stop is offered only while the simulator runs, Start only while it does not.
    const before = await vs!.paletteEntries('Local Simulator', 'OCI-P: Start Local Simulator');
    assert.ok(!before.includes('OCI-P: Stop Local Simulator'), before.join(', '));
    await vs!.runCommand('OCI-P: Start Local Simulator');
    const started = await vs!.waitForMessage(
      /^OCI-P: local simulator running on 127\.0\.0\.1:(\d+); "Local simulator" is the active server\.$/,
    );
    const port = /127\.0\.0\.1:(\d+)/.exec(started.message)![1];
    const tooltip = await vs!.waitForStatusBarItem(SIMULATOR);
    assert.match(tooltip, new RegExp(`127\\.0\\.0\\.1:${port}`));
    const running = await vs!.paletteEntries('Local Simulator', 'OCI-P: Stop Local Simulator');
    assert.ok(!running.includes('OCI-P: Start Local Simulator'), running.join(', '));

    await runOn(MINIMAL, 'OCI-P: Send to BroadWorks');
    // The flow waits on a password box when it has no password: the summary shows only once none was needed.
    await vs!.waitForMessage(/^OCI-P: 1 of 1 command succeeded\.$/);
    assert.equal(await passwordBox().isVisible(), false);
    const results = await vs!.waitForEditorText('OCI-P Results', /Outcome: 1 of 1 command succeeded/);
    assert.match(results, new RegExp(`^Server: +${SIMULATOR} \\(tcp://127\\.0\\.0\\.1:${port}\\)`, 'm'));
    const userId = scalarsOf(MINIMAL).get('userId')!;
    assert.equal(simulatorState()?.users[userId]?.lastName, 'Martin', 'the simulator stored the user');
  },
);

e2eTest(
  '"Stop Local Simulator": its server is gone (none configured again), no settings file was written',
  () => vs,
  async () => {
    await vs!.clearNotifications();
    await vs!.runCommand('OCI-P: Stop Local Simulator');
    await vs!.waitForMessage('OCI-P: local simulator stopped.');
    await vs!.runCommand('View: Focus First Editor Group');
    await vs!.openFile(WITH_DEVICE);
    await vs!.waitForStatusBarItem('No OCI-P server');
    await runOn(WITH_DEVICE, 'OCI-P: Send to BroadWorks');
    const failed = await vs!.waitForMessage(/^OCI-P: No OCI-P server is configured/);
    assert.equal(failed.severity, 'error');
    assert.equal(await passwordBox().isVisible(), false);
    assert.equal(simulatorState()?.users[scalarsOf(WITH_DEVICE).get('userId')!], undefined);
    assert.ok(!existsSync(join(vs!.workspaceDir, '.vscode/settings.json')), 'no workspace settings file');
    assert.doesNotMatch(readFileSync(join(vs!.userDataDir, 'User/settings.json'), 'utf8'), /ocip\./, 'no ocip.* user setting');
  },
);

e2eTest(
  '"Convert to XML" opens an OCI-P XML editor with the command and its values',
  () => vs,
  async () => {
    await runOn(MINIMAL, 'OCI-P: Convert to XML');
    await vs!.waitForLanguageMode('OCI-P XML');
    await vs!.page.locator('.editor-group-container.active .tabs-container .tab.active', { hasText: /Untitled-\d+/ }).waitFor();
    const xml = await vs!.readEditorText();
    assert.match(xml, /<command xsi:type="UserConsolidatedAddRequest22"/);
    for (const [key, value] of scalarsOf(MINIMAL)) {
      if (key === 'command') continue;
      assert.ok(xml.includes(`<${key}>${value}</${key}>`), `<${key}>${value}</${key}> in:\n${xml}`);
    }
  },
);

e2eTest(
  '"Preview Request" shows the BroadsoftDocument with the password masked',
  () => vs,
  async () => {
    const password = scalarsOf(MINIMAL).get('password')!;
    await runOn(MINIMAL, 'OCI-P: Preview Request');
    await vs!.waitForLanguageMode('XML');
    const xml = await vs!.readEditorText();
    assert.match(xml, /<BroadsoftDocument\b[^>]*protocol="OCI"/);
    assert.match(xml, /<sessionId\b[^>]*>[^<]+<\/sessionId>/);
    assert.match(xml, /<command xsi:type="UserConsolidatedAddRequest22"/);
    assert.ok(xml.includes(`<userId>${scalarsOf(MINIMAL).get('userId')}</userId>`), xml);
    assert.ok(xml.includes('<password>********</password>'), xml);
    assert.ok(!xml.includes(password), 'the real password is not in the preview');
  },
);

e2eTest(
  '"New YAML Command File" opens an untitled OCI-P YAML editor with the command and its required keys',
  () => vs,
  async () => {
    await vs!.runCommand('View: Focus First Editor Group');
    await vs!.runCommand('OCI-P: New YAML Command File');
    await vs!.waitForLanguageMode('OCI-P YAML');
    await vs!.page.locator('.editor-group-container.active .tabs-container .tab.active', { hasText: /Untitled-\d+/ }).waitFor();
    // The skeleton is inserted as a snippet just after the editor opens: wait until it is shown.
    await vs!.page
      .locator('.editor-group-container.active .monaco-editor .view-lines', { hasText: 'UserConsolidatedAddRequest22' })
      .waitFor();
    const text = await vs!.readEditorText();
    const keys = text
      .split('\n')
      .map((l) => /^(\w+):/.exec(l)?.[1])
      .filter(Boolean);
    assert.equal(keys[0], 'command');
    assert.match(text, /^command: UserConsolidatedAddRequest22$/m);
    for (const required of [
      'serviceProviderId',
      'groupId',
      'userId',
      'lastName',
      'firstName',
      'callingLineIdLastName',
      'callingLineIdFirstName',
      'password',
    ]) {
      assert.ok(keys.includes(required), `${required} in:\n${text}`);
    }
  },
);

e2eTest(
  '"Show Output": one OCI-P log channel with levels, holding the language server\'s log and the simulator\'s',
  () => vs,
  async () => {
    await vs!.runCommand('OCI-P: Show Output');
    const text = await vs!.outputChannelText('OCI-P');
    assert.match(text, /\[info\] OCI-P language server [\d.]+ started \(Node v\d+/);
    assert.match(text, /\[info\] Built-in model: \d+ request commands\./);
    assert.match(text, /\[info\] local simulator started on tcp:\/\/127\.0\.0\.1:\d+/);
  },
);
