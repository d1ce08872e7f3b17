// "OCI-P: Undo Send…" in a real VS Code against two BroadWorks simulators in this test process: the onboarding's
// first part is sent to a lab server and undone (the undo file is shown in an editor, a modal confirms, the
// simulator's state is back where it started); on a production server the undo needs the server's name typed:
// a wrong name cannot be accepted, Escape sends nothing, the right name sends it.
import { after, before } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startSimulator, type RunningSimulator } from '../../sim/index';
import seed from '../../sim/seed.example.json';
import { VSCodeSession, e2eTest } from './harness';
import { REPO_ROOT } from './prerequisites';

const ADMIN = seed.accounts.find((a) => a.level === 'System')!;
const LAB = 'Lab';
const PRODUCTION = 'Production';
const CUSTOMER = '1-customer.ocip.yaml';
const MINIMAL = 'add-user-minimal.ocip.yaml';
const UNDO_PICK = 'OCI-P: Undo Send';
const TYPED = 'OCI-P: Undo Send on a PRODUCTION server';

let vs: VSCodeSession | undefined;
let lab: RunningSimulator | undefined;
let production: RunningSimulator | undefined;
let tempDir: string | undefined;

const snapshot = (sim: RunningSimulator) => JSON.parse(JSON.stringify(sim.state)) as unknown;

async function send(file: string): Promise<void> {
  await vs!.clearNotifications();
  await vs!.runCommand('View: Focus First Editor Group');
  await vs!.openFile(file);
  await vs!.runCommand('OCI-P: Send to BroadWorks');
}

/** Runs Undo Send… and picks the newest entry whose label names `file`; returns the rows offered. */
async function undo(file: string): Promise<{ label: string; detail: string }[]> {
  await vs!.clearNotifications();
  await vs!.runCommand('OCI-P: Undo Send…');
  const rows = await vs!.waitForQuickPick(UNDO_PICK);
  const row = rows.find((r) => r.label.endsWith(file));
  assert.ok(row, JSON.stringify(rows));
  await vs!.pickQuickPickItem(UNDO_PICK, row.label);
  return rows;
}

before(async () => {
  [lab, production] = await Promise.all([startSimulator({ tcpPort: 0 }), startSimulator({ tcpPort: 0 })]);
  tempDir = mkdtempSync(join(tmpdir(), 'ocip-e2e-undo-'));
  cpSync(join(REPO_ROOT, 'examples', 'onboarding', CUSTOMER), join(tempDir, CUSTOMER));
  cpSync(join(REPO_ROOT, 'examples', MINIMAL), join(tempDir, MINIMAL));
  vs = await VSCodeSession.start({
    workspace: tempDir,
    settings: {
      'ocip.servers': [
        { name: LAB, host: '127.0.0.1', port: lab.ports.tcp, transport: 'tcp', username: ADMIN.userId },
        { name: PRODUCTION, host: '127.0.0.1', port: production.ports.tcp, transport: 'tcp', username: ADMIN.userId, production: true },
      ],
      'ocip.activeServer': LAB,
    },
  });
});

after(async () => {
  await vs?.close();
  await lab?.close();
  await production?.close();
  if (tempDir) rmSync(tempDir, { recursive: true, force: true });
});

e2eTest(
  'send the onboarding to a lab server, Undo Send…: the undo file is shown, confirmed, sent; the state is back',
  () => vs,
  async () => {
    const start = snapshot(lab!);
    await send(CUSTOMER);
    await vs!.answerInputBox('OCI-P: Password', ADMIN.password);
    await vs!.waitForMessage(/^OCI-P: 13 of 13 commands succeeded\.$/);
    assert.ok(lab!.state.serviceProviders.northwind, 'the enterprise was created');

    const rows = await undo(CUSTOMER);
    assert.match(rows[0].detail, /13\/13 succeeded · undo: 11 commands/);
    const dialog = await vs!.waitForDialog();
    assert.match(
      dialog.message,
      new RegExp(`^Send the undo \\(11 commands\\) to "${LAB}" \\(tcp://127\\.0\\.0\\.1:${lab!.ports.tcp}\\)\\?`),
    );
    await vs!.answerDialog('Send Undo');
    await vs!.waitForMessage(/^OCI-P: 11 of 11 commands succeeded\.$/);
    // The undo file that was sent, open in the first group (untitled: nothing written to the workspace).
    await vs!.runCommand('View: Focus First Editor Group');
    const text = await vs!.readEditorText();
    assert.match(text, /^# Undo of 1-customer\.ocip\.yaml, sent to "Lab"/);
    assert.match(
      text,
      /# undoes #13 GroupAccessDeviceAddRequest14 northwind\/northwind-chicago\/chi-desk-102\ncommand: GroupAccessDeviceDeleteRequest/,
    );
    assert.match(text, /command: ServiceProviderDeleteRequest\nserviceProviderId: northwind\n$/);
    assert.deepEqual(snapshot(lab!), start);
    assert.equal(await vs!.languageMode(), 'OCI-P YAML');
  },
);

e2eTest(
  'on a production server the undo needs the server name typed; a wrong name is not accepted, Escape sends nothing',
  () => vs,
  async () => {
    const userId = 'alice.martin@acme.example.com';
    await vs!.runCommand('OCI-P: Select Server');
    await vs!.pickQuickPickItem('OCI-P: Select Server', PRODUCTION);
    await vs!.waitForStatusBarItem(PRODUCTION);
    await send(MINIMAL);
    await vs!.waitForDialog();
    await vs!.answerDialog('Send');
    await vs!.answerInputBox('OCI-P: Password', ADMIN.password);
    await vs!.waitForMessage(/^OCI-P: 1 of 1 command succeeded\.$/);
    assert.ok(production!.state.users[userId], JSON.stringify(Object.keys(production!.state.users)));

    await undo(MINIMAL);
    const box = vs!.page.locator('.quick-input-widget', {
      has: vs!.page.locator('.quick-input-title', { hasText: new RegExp(`^${TYPED}$`) }),
    });
    await box.waitFor();
    await box.locator('input.input').fill('production');
    await vs!.page.keyboard.press('Enter');
    await box.locator('.quick-input-message', { hasText: `Type ${PRODUCTION} exactly` }).waitFor();
    assert.ok(await box.isVisible(), 'a wrong name is not accepted');
    await vs!.page.keyboard.press('Escape');
    await vs!.waitForMessage(/^OCI-P: the undo was not sent\.$/);
    assert.ok(production!.state.users[userId], 'nothing was sent');

    await undo(MINIMAL);
    await vs!.answerInputBox(TYPED, PRODUCTION);
    // Typed confirmation replaces the production modal: the send goes straight out.
    await vs!.waitForMessage(/^OCI-P: 1 of 1 command succeeded\.$/);
    assert.equal(production!.state.users[userId], undefined);
    assert.ok(!lab!.state.users[userId], 'nothing went to the lab');
  },
);
