// "OCI-P: Check Against Server" in a real VS Code against the simulator running in this test process: the
// password prompt, OCI-SERVER problems on the exact elements with the server's name, only read requests at the
// simulator (its state unchanged), a problem dropped when its element is edited while the others stay, the Check
// CodeLens of one command and of the file, the cache.
import { after, before } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startSimulator, type RunningSimulator } from '../../sim/index';
import seed from '../../sim/seed.example.json';
import { isCheckRequest } from '../../core/server-checks';
import { VSCodeSession, e2eTest } from './harness';

const SERVER = 'Check simulator';
const ADMIN = seed.accounts.find((a) => a.level === 'System')!;
const FILE = 'check.ocip.yaml';
const TEXT = [
  'command: UserConsolidatedAddRequest22',
  'serviceProviderId: acme',
  'groupId: acme-nope',
  'userId: jane.check@acme.example.com',
  'lastName: Doe',
  'firstName: Jane',
  'callingLineIdLastName: Doe',
  'callingLineIdFirstName: Jane',
  'password: User-Pass-8812!',
  '---',
  'command: UserConsolidatedAddRequest22',
  'serviceProviderId: acme',
  'groupId: acme-hq',
  'userId: john.check@acme.example.com',
  'lastName: Doe',
  'firstName: John',
  'callingLineIdLastName: Doe',
  'callingLineIdFirstName: John',
  'phoneNumber: "+1-2125550103"',
  'password: User-Pass-8812!',
  '',
].join('\n');

let vs: VSCodeSession | undefined;
let sim: RunningSimulator | undefined;
let dir: string | undefined;
const requests: string[] = [];

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'ocip-e2e-check-'));
  writeFileSync(join(dir, FILE), TEXT);
  sim = await startSimulator({
    tcpPort: 0,
    log: (line) => {
      if (/ request: /.test(line)) for (const m of line.matchAll(/xsi:type="([A-Za-z0-9]+)"/g)) requests.push(m[1]);
    },
  });
  vs = await VSCodeSession.start({
    workspace: dir,
    settings: {
      'ocip.servers': [{ name: SERVER, host: '127.0.0.1', port: sim.ports.tcp, transport: 'tcp', username: ADMIN.userId }],
      'ocip.activeServer': SERVER,
    },
  });
});

after(async () => {
  await vs?.close();
  await sim?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

e2eTest(
  'Check Against Server: problems on the exact elements, only reads sent, kept until their element is edited',
  () => vs,
  async () => {
    const before = JSON.stringify(sim!.state);
    await vs!.openFile(FILE);
    await vs!.runCommand('OCI-P: Check Against Server');
    await vs!.answerInputBox('OCI-P: Password', ADMIN.password);
    const message = await vs!.waitForMessage(/^OCI-P: checked against Check simulator: 2 problems the server would refuse/);
    assert.equal(message.severity, 'warning');
    const group = await vs!.waitForProblem(/^Group "acme-nope" does not exist in "acme"/, FILE);
    assert.equal(group.line, 3);
    assert.equal(group.severity, 'error');
    assert.equal(group.source, `OCI-P server ${SERVER}`);
    assert.match(group.code, /OCI-SERVER-GROUP-NOT-FOUND/);
    assert.match(group.message, new RegExp(`\\[${SERVER}, \\d{4}-\\d\\d-\\d\\dT`));
    const number = await vs!.waitForProblem(/^Phone number \+1-2125550103 is not assigned to group "acme-hq"/, FILE);
    assert.equal(number.line, 19);
    assert.ok(requests.length > 0 && requests.every(isCheckRequest), requests.join());
    assert.equal(JSON.stringify(sim!.state), before, 'checking changed nothing');

    // Editing the group id drops its problem; the number's stays (moved with the edit).
    await vs!.goTo(3, 19);
    await vs!.insertText('x');
    await vs!.waitForNoProblem(/^Group "acme-nope"/, FILE);
    const still = (await vs!.problems()).find((p) => /^Phone number \+1-2125550103/.test(p.message));
    assert.equal(still?.line, 19);

    // The "Check" CodeLens of command 2 re-checks that command only (command 1 is still read, for its effects; only
    // the edited group is asked again): the group problem of command 1 stays gone.
    await vs!.clearNotifications();
    await vs!.page
      .locator('.codelens-decoration a', { hasText: /^\W*Check$/ })
      .nth(1)
      .click();
    const again = await vs!.waitForMessage(
      /^OCI-P: checked against Check simulator: 1 problem the server would refuse \(\d+ read requests?, \d+ cached\)/,
    );
    assert.ok(Number(/(\d+) cached/.exec(again.message)![1]) > 0, again.message);
    assert.ok(requests.every(isCheckRequest), requests.join());
    assert.equal((await vs!.problems()).filter((p) => /^Group "acme-nope/.test(p.message)).length, 0);
    // "Check against server" above the file: the edited group id is checked again.
    await vs!.page.locator('.codelens-decoration a', { hasText: 'Check against server' }).first().click();
    await vs!.waitForProblem(/^Group "acme-nopex" does not exist in "acme"/, FILE);

    await vs!.runCommand('OCI-P: Clear Server Cache');
    await vs!.waitForMessage(/^OCI-P: the server check cache is cleared\.$/);
  },
);
