// "Send to BroadWorks" in a real VS Code against the BroadWorks simulator running in this test process:
// the password prompt, the results view, the status bar, send diagnostics, the simulator's state, two faults
// seen from the extension, and the password kept out of the output channel and the settings.
import { after, before } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startSimulator, type RunningSimulator } from '../../sim/index';
import seed from '../../sim/seed.example.json';
import { VSCodeSession, e2eTest } from './harness';
import { REPO_ROOT } from './prerequisites';

const SERVER = 'Test simulator';
const ADMIN = seed.accounts.find((a) => a.level === 'System')!;
const EXAMPLES = join(REPO_ROOT, 'examples');
const MINIMAL = 'add-user-minimal.ocip.yaml';
const WITH_DEVICE = 'add-user-with-device.ocip.yaml';

let vs: VSCodeSession | undefined;
let sim: RunningSimulator | undefined;
let stateDir: string | undefined;
/** Set by a test: the simulator drops its response to the next UserConsolidatedAddRequest22 (after executing it). */
let dropNextCommandResponse = false;

/** The user id (`userId: …`) and the 1-based line of `command:` in an example. */
function exampleFacts(file: string): { userId: string; commandLine: number; userPassword: string } {
  const lines = readFileSync(join(EXAMPLES, file), 'utf8').split('\n');
  const value = (key: string) =>
    lines
      .find((l) => l.startsWith(`${key}:`))!
      .slice(key.length + 1)
      .trim();
  return { userId: value('userId'), commandLine: lines.findIndex((l) => l.startsWith('command:')) + 1, userPassword: value('password') };
}

/** Every file under a folder (for "the password is in none of them"). */
function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    const stat = statSync(path);
    return stat.isDirectory() ? filesUnder(path) : stat.isFile() ? [path] : []; // not the IPC socket
  });
}

async function send(file: string): Promise<void> {
  await vs!.clearNotifications();
  // Open it in the first editor group, not in the results' group beside it.
  await vs!.runCommand('View: Focus First Editor Group');
  await vs!.openFile(file);
  await vs!.runCommand('OCI-P: Send to BroadWorks');
}

before(async () => {
  stateDir = mkdtempSync(join(tmpdir(), 'ocip-e2e-sim-'));
  sim = await startSimulator({
    tcpPort: 0,
    stateFile: join(stateDir, 'state.json'),
    log: (line) => {
      // Called with the request before the response is written: arming the fault here drops exactly that response.
      if (dropNextCommandResponse && / request.*UserConsolidatedAddRequest22/s.test(line)) {
        dropNextCommandResponse = false;
        sim!.setFaults({ dropMidResponse: true });
      }
    },
  });
  vs = await VSCodeSession.start({
    workspace: EXAMPLES,
    settings: {
      'ocip.servers': [{ name: SERVER, host: '127.0.0.1', port: sim.ports.tcp, transport: 'tcp', username: ADMIN.userId }],
      'ocip.activeServer': SERVER,
    },
  });
});

after(async () => {
  await vs?.close();
  await sim?.close();
  if (stateDir) rmSync(stateDir, { recursive: true, force: true });
});

e2eTest(
  'the status bar shows the active server',
  () => vs,
  async () => {
    await vs!.openFile(MINIMAL);
    const label = await vs!.waitForStatusBarItem(SERVER);
    assert.match(label, new RegExp(`${SERVER}.*127\\.0\\.0\\.1:${sim!.ports.tcp}.*${ADMIN.userId}`));
  },
);

e2eTest(
  'sending a valid example asks the password, shows OK in the results and the user exists in the simulator',
  () => vs,
  async () => {
    const { userId } = exampleFacts(MINIMAL);
    assert.ok(!(userId in sim!.state.users), 'the user is not there before');
    await send(MINIMAL);
    await vs!.answerInputBox('OCI-P: Password', ADMIN.password);
    const message = await vs!.waitForMessage(/^OCI-P: 1 of 1 command succeeded\.$/);
    assert.equal(message.severity, 'info');
    const text = await vs!.waitForEditorText('OCI-P Results', new RegExp(userId.replace(/\./g, '\\.')));
    const lines = text.split('\n');
    assert.equal(lines[0], 'OCI-P Results');
    assert.ok(lines.includes(`File:    ${MINIMAL}`), text);
    assert.match(text, new RegExp(`^Server: +${SERVER} \\(tcp://127\\.0\\.0\\.1:${sim!.ports.tcp}\\) as ${ADMIN.userId}`, 'm'));
    assert.match(text, /^Outcome: 1 of 1 command succeeded$/m);
    assert.match(text, new RegExp(`^1 \\| UserConsolidatedAddRequest22 \\| ${userId.replace(/\./g, '\\.')} \\| OK$`, 'm'));
    // The simulator really executed it.
    assert.equal(sim!.state.users[userId]?.lastName, 'Martin');
  },
);

e2eTest(
  'sending it again: "[Error 4200] User already exists" in the results and an "OCI-P send" problem on the command',
  () => vs,
  async () => {
    const { userId, commandLine } = exampleFacts(MINIMAL);
    await send(MINIMAL); // the password is stored now: no prompt
    const message = await vs!.waitForMessage(/^OCI-P: 0 of 1 command succeeded, 1 failed\.$/);
    assert.equal(message.severity, 'error');
    const text = await vs!.waitForEditorText('OCI-P Results', /Outcome: 0 of 1/);
    assert.match(
      text,
      new RegExp(
        `^1 \\| UserConsolidatedAddRequest22 \\| ${userId.replace(/\./g, '\\.')} \\| FAILED \\| \\[Error 4200\\] User already exists`,
        'm',
      ),
    );
    const problem = await vs!.waitForProblem(/^Sent: \[Error 4200\] User already exists/, MINIMAL);
    assert.equal(problem.source, 'OCI-P send');
    assert.equal(problem.line, commandLine);
    assert.equal(problem.severity, 'error');
  },
);

e2eTest(
  'a refused login gives a clear error and results that claim nothing was sent',
  () => vs,
  async () => {
    sim!.setFaults({ refuseLogin: true });
    try {
      await send(WITH_DEVICE);
      const message = await vs!.waitForMessage(new RegExp(`^OCI-P: login to ${SERVER} failed: .*4962`));
      assert.equal(message.severity, 'error');
      const text = await vs!.waitForEditorText('OCI-P Results', new RegExp(`File: +${WITH_DEVICE}`));
      assert.match(text, /^NOT SENT: .*4962/m);
      assert.doesNotMatch(text, /succeeded|\| OK/);
      assert.ok(!(await vs!.notifications()).some((n) => /succeeded/.test(n.message)));
      assert.equal(sim!.state.users[exampleFacts(WITH_DEVICE).userId], undefined);
    } finally {
      sim!.setFaults({});
    }
  },
);

e2eTest(
  'a response dropped mid-way: the result says the command may or may not have been executed',
  () => vs,
  async () => {
    const { userId } = exampleFacts(WITH_DEVICE);
    dropNextCommandResponse = true;
    try {
      await send(WITH_DEVICE);
      // The refused login made the extension forget the stored password: it asks again.
      await vs!.answerInputBox('OCI-P: Password', ADMIN.password);
      await vs!.waitForMessage(/^OCI-P: 0 of 1 command succeeded, 1 with unknown outcome/);
      const text = await vs!.waitForEditorText('OCI-P Results', new RegExp(`File: +${WITH_DEVICE}`));
      assert.match(text, /\| UNKNOWN \| UNKNOWN: .*may or may not have been executed/);
      assert.doesNotMatch(text, /\| OK$/m);
      // It was executed: exactly the case the warning is about.
      assert.ok(sim!.state.users[userId], 'the simulator executed the command before dropping the response');
    } finally {
      dropNextCommandResponse = false;
      sim!.setFaults({});
    }
  },
);

e2eTest(
  'the password appears neither in the OCI-P output channel nor in any file of the user-data-dir',
  () => vs,
  async () => {
    const output = await vs!.outputChannelText('OCI-P');
    // The channel holds the wire log of the sends above (so this reads the right channel)…
    assert.match(output, /sending 1 command\(s\) from .*add-user-minimal\.ocip\.yaml to Test simulator/);
    assert.match(output, /UserConsolidatedAddRequest22/);
    // …with the administrator's password nowhere, and the new users' passwords masked.
    assert.ok(!output.includes(ADMIN.password), 'admin password in the output channel');
    assert.ok(!output.includes(exampleFacts(MINIMAL).userPassword), 'user password in the output channel');
    assert.match(output, /<password>\*{8}<\/password>/, 'the request is logged with its password masked');
    const settings = readFileSync(join(vs!.userDataDir, 'User/settings.json'), 'utf8');
    assert.match(settings, /Test simulator/);
    assert.ok(!settings.includes(ADMIN.password), 'password in settings.json');
    const leaking = filesUnder(vs!.userDataDir).filter((f) => readFileSync(f).includes(ADMIN.password));
    assert.deepEqual(leaking, []);
  },
);
