// The questions "Send to BroadWorks" asks before anything leaves VS Code, answered in a real VS Code against two
// BroadWorks simulators in this test process: which server (two servers, none active), a file with errors
// (refused, Problems shown), a production server (modal: Cancel / Send), and the password again after
// "OCI-P: Forget Password". What each simulator received is checked through its own log and state.
import { after, before } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startSimulator, type RunningSimulator } from '../../sim/index';
import seed from '../../sim/seed.example.json';
import { DEFAULT_WORKSPACE, VSCodeSession, e2eTest } from './harness';
import { REPO_ROOT } from './prerequisites';

const ADMIN = seed.accounts.find((a) => a.level === 'System')!;
const LAB = 'Lab';
const PRODUCTION = 'Production';
const MINIMAL = 'add-user-minimal.ocip.yaml';
const WITH_DEVICE = 'add-user-with-device.ocip.yaml';
/** Four commands: two adds, a get, and a delete of the first user. */
const BULK = 'bulk-users.ocip.yaml';
const WITH_ERRORS = 'missing-lastName.ocip.yaml';
const SEND_PICK_TITLE = 'OCI-P: Select the server to send to';

interface LoggedSimulator {
  sim: RunningSimulator;
  /** Every line the simulator logged (one per request and response). */
  log: string[];
}

let vs: VSCodeSession | undefined;
let lab: LoggedSimulator | undefined;
let production: LoggedSimulator | undefined;
let tempDir: string | undefined;

async function loggedSimulator(): Promise<LoggedSimulator> {
  const log: string[] = [];
  const sim = await startSimulator({ tcpPort: 0, log: (line) => log.push(line) });
  return { sim, log };
}

function userIdOf(file: string): string {
  return /^userId: *(\S+)$/m.exec(readFileSync(join(REPO_ROOT, 'examples', file), 'utf8'))![1];
}

/** Opens `file` in the first editor group (not the results' group beside it) and runs the send command. */
async function send(file: string): Promise<void> {
  await vs!.clearNotifications();
  await vs!.runCommand('View: Focus First Editor Group');
  await vs!.openFile(file);
  await vs!.runCommand('OCI-P: Send to BroadWorks');
}

const passwordBox = () =>
  vs!.page.locator('.quick-input-widget', { has: vs!.page.locator('.quick-input-title', { hasText: /^OCI-P: Password$/ }) });

before(async () => {
  [lab, production] = await Promise.all([loggedSimulator(), loggedSimulator()]);
  // The examples plus a file with a required element left out.
  tempDir = mkdtempSync(join(tmpdir(), 'ocip-e2e-send-choices-'));
  cpSync(join(REPO_ROOT, 'examples'), tempDir, { recursive: true });
  copyFileSync(join(DEFAULT_WORKSPACE, WITH_ERRORS), join(tempDir, WITH_ERRORS));
  vs = await VSCodeSession.start({
    workspace: tempDir,
    settings: {
      // No ocip.activeServer: the first send has to ask.
      'ocip.servers': [
        { name: LAB, host: '127.0.0.1', port: lab.sim.ports.tcp, transport: 'tcp', username: ADMIN.userId },
        { name: PRODUCTION, host: '127.0.0.1', port: production.sim.ports.tcp, transport: 'tcp', username: ADMIN.userId, production: true },
      ],
    },
  });
});

after(async () => {
  await vs?.close();
  await lab?.sim.close();
  await production?.sim.close();
  if (tempDir) rmSync(tempDir, { recursive: true, force: true });
});

e2eTest(
  'two servers and none active: the send asks which one, the pick shows in the status bar and the send goes there',
  () => vs,
  async () => {
    const userId = userIdOf(MINIMAL);
    await vs!.openFile(MINIMAL);
    await vs!.waitForStatusBarItem('No OCI-P server');
    await send(MINIMAL);
    const rows = await vs!.waitForQuickPick(SEND_PICK_TITLE);
    assert.deepEqual(rows.map((r) => r.label).sort(), [LAB, PRODUCTION]);
    const labRow = rows.find((r) => r.label === LAB)!;
    assert.match(labRow.description, new RegExp(`127\\.0\\.0\\.1:${lab!.sim.ports.tcp} as ${ADMIN.userId}`));
    assert.match(rows.find((r) => r.label === PRODUCTION)!.detail, /production/i);
    await vs!.pickQuickPickItem(SEND_PICK_TITLE, LAB);
    const tooltip = await vs!.waitForStatusBarItem(LAB);
    assert.match(tooltip, new RegExp(`127\\.0\\.0\\.1:${lab!.sim.ports.tcp}`));
    await vs!.answerInputBox('OCI-P: Password', ADMIN.password);
    await vs!.waitForMessage(/^OCI-P: 1 of 1 command succeeded\.$/);
    assert.equal(lab!.sim.state.users[userId]?.lastName, 'Martin', 'the user is on the picked server');
    assert.equal(production!.sim.state.users[userId], undefined, 'and not on the other one');
    assert.equal(production!.log.length, 0, 'the other server received nothing');
  },
);

e2eTest(
  'a file with errors is refused: "Not sent" with the error count, the Problems panel shown, the server receives nothing',
  () => vs,
  async () => {
    const before = { lab: lab!.log.length, production: production!.log.length, users: Object.keys(lab!.sim.state.users).sort() };
    await vs!.clearNotifications();
    await vs!.runCommand('View: Focus First Editor Group');
    await vs!.openFile(WITH_ERRORS);
    assert.equal(await vs!.page.locator('.markers-panel').isVisible(), false, 'Problems is not shown before the send');
    await vs!.runCommand('OCI-P: Send to BroadWorks');
    const message = await vs!.waitForMessage(
      /^OCI-P: Not sent: missing-lastName\.ocip\.yaml has \d+ errors?\. Fix (it|them) first \(see Problems\)\.$/,
    );
    assert.equal(message.severity, 'error');
    // The send command itself showed the Problems panel.
    await vs!.page.locator('.markers-panel').waitFor();
    const count = Number(/has (\d+) error/.exec(message.message)![1]);
    // The count is what Problems lists as errors for that file, the missing lastName among them.
    await vs!.waitForProblem(/lastName/, WITH_ERRORS);
    const errors = (await vs!.problems()).filter((p) => p.file === WITH_ERRORS && p.severity === 'error');
    assert.equal(errors.length, count, JSON.stringify(errors));
    assert.equal(await passwordBox().isVisible(), false, 'no password is asked for a refused file');
    assert.equal(lab!.log.length, before.lab, `the active server received: ${lab!.log.slice(before.lab).join('\n')}`);
    assert.equal(production!.log.length, before.production);
    assert.deepEqual(Object.keys(lab!.sim.state.users).sort(), before.users);
  },
);

e2eTest(
  '"OCI-P: Forget Password" of another server leaves the active server as it is',
  () => vs,
  async () => {
    await vs!.clearNotifications();
    await vs!.runCommand('OCI-P: Forget Password');
    await vs!.pickQuickPickItem('OCI-P: Forget the password of…', PRODUCTION);
    await vs!.waitForMessage(`OCI-P: the password of ${ADMIN.userId} on ${PRODUCTION} is forgotten.`);
    await vs!.waitForStatusBarItem(LAB);
    // ocip.activeServer is a user setting (scope application): the picker writes it there, never to the workspace.
    const settings = readFileSync(join(vs!.userDataDir, 'User/settings.json'), 'utf8');
    assert.match(settings, new RegExp(`"ocip\\.activeServer": "${LAB}"`));
  },
);

e2eTest(
  'after "OCI-P: Forget Password" the next send asks for the password again',
  () => vs,
  async () => {
    const userId = userIdOf(WITH_DEVICE);
    await vs!.clearNotifications();
    await vs!.runCommand('OCI-P: Forget Password');
    await vs!.pickQuickPickItem('OCI-P: Forget the password of…', LAB);
    await vs!.waitForMessage(`OCI-P: the password of ${ADMIN.userId} on ${LAB} is forgotten.`);
    await send(WITH_DEVICE);
    // The first test stored the password after its successful send; it is asked again now.
    await vs!.answerInputBox('OCI-P: Password', ADMIN.password);
    await vs!.waitForMessage(/^OCI-P: 1 of 1 command succeeded\.$/);
    assert.ok(lab!.sim.state.users[userId], 'the send after the prompt went through');
  },
);

e2eTest(
  'a production server: the modal names it and the command count; Cancel sends nothing, Send sends',
  () => vs,
  async () => {
    await vs!.runCommand('OCI-P: Select Server');
    await vs!.pickQuickPickItem('OCI-P: Select Server', PRODUCTION);
    await vs!.waitForStatusBarItem(PRODUCTION);

    await send(BULK);
    const asked = await vs!.waitForDialog();
    assert.match(
      asked.message,
      new RegExp(
        `^"${PRODUCTION}" \\(tcp://127\\.0\\.0\\.1:${production!.sim.ports.tcp}\\) is a PRODUCTION server\\. Send 4 commands to it\\?`,
      ),
    );
    assert.ok(asked.buttons.includes('Send') && asked.buttons.includes('Cancel'), JSON.stringify(asked.buttons));
    await vs!.answerDialog('Cancel');
    assert.equal(await passwordBox().isVisible(), false, 'Cancel asks nothing more');
    assert.equal(production!.log.length, 0, 'Cancel sent nothing');

    await send(BULK);
    const again = await vs!.waitForDialog();
    assert.match(again.message, /Send 4 commands/);
    await vs!.answerDialog('Send');
    await vs!.answerInputBox('OCI-P: Password', ADMIN.password);
    // All four succeed, so the cancelled round cannot have added eve.shah before (that would be "already exists").
    await vs!.waitForMessage(/^OCI-P: 4 of 4 commands succeeded\.$/);
    assert.equal(production!.sim.state.users['eve.shah@acme.example.com']?.lastName, 'Shah');
    assert.equal(production!.sim.state.users['dana.kim@acme.example.com'], undefined, 'the file adds dana.kim and deletes her again');
    assert.equal(lab!.sim.state.users['eve.shah@acme.example.com'], undefined, 'nothing went to the other server');
  },
);
