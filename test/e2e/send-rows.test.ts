// "OCI-P: Send All Rows" in a real VS Code against a BroadWorks simulator in this test process: a template whose
// data has a bad cell is refused (the problem is shown on the CSV); once fixed every row is sent, the results view
// lists each row, the results CSV lands beside the data; a row the server refuses (a user id that already exists)
// is the only one "Re-send Failed Rows" sends again, and Undo Send… undoes that re-send from the history. With
// ocip.send.sessions 2 the rows go over two sessions (two logins, each row once) and the results keep the row order.
import { after, before } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startSimulator, type RunningSimulator } from '../../sim/index';
import seed from '../../sim/seed.example.json';
import { VSCodeSession, e2eTest } from './harness';

const ADMIN = seed.accounts.find((a) => a.level === 'System')!;
const TEMPLATE = 'users.ocip.yaml';
const EXISTING = 'alice.martin@acme.example.com';
const TEMPLATE_TEXT = `# ocip-data: users.csv
command: UserConsolidatedAddRequest22
serviceProviderId: acme
groupId: acme-hq
userId: \${login}@acme.example.com
lastName: \${last}
firstName: \${first}
callingLineIdLastName: \${last}
callingLineIdFirstName: \${first}
password: Welcome-2026!
`;
const BAD_CSV = 'login,first,last\r\nann.lee,Ann,Lee\r\nbo.long,Bo,Lo' + 'n'.repeat(30) + 'g\r\nalice.martin,Alice,Martin\r\n';
const GOOD_CSV = 'login,first,last\r\nann.lee,Ann,Lee\r\nbo.long,Bo,Long\r\nalice.martin,Alice,Martin\r\n';
const ADD_ALICE = `command: UserConsolidatedAddRequest22
serviceProviderId: acme
groupId: acme-hq
userId: ${EXISTING}
lastName: Martin
firstName: Alice
callingLineIdLastName: Martin
callingLineIdFirstName: Alice
password: Welcome-2026!
`;
const DELETE_ALICE = `command: UserDeleteRequest\nuserId: ${EXISTING}\n`;

let vs: VSCodeSession | undefined;
let sim: RunningSimulator | undefined;
let dir: string | undefined;
/** The simulator's request log: logins and added user ids per connection. */
const simLog: string[] = [];

function sentSince(from: number): { logins: Set<string>; adds: string[] } {
  const logins = new Set<string>();
  const adds: string[] = [];
  for (const line of simLog.slice(from)) {
    const tag = /^\[([^\]]+)\]/.exec(line)?.[1] ?? '';
    if (!/ request: /.test(line)) continue;
    if (/xsi:type="LoginRequest(14sp4|22V5)"/.test(line)) logins.add(tag);
    for (const m of line.matchAll(/xsi:type="UserConsolidatedAddRequest22"[^>]*>.*?<userId>([^<]*)<\/userId>/g)) adds.push(m[1]);
  }
  return { logins, adds };
}

async function run(file: string, command: string): Promise<void> {
  await vs!.clearNotifications();
  await vs!.runCommand('View: Focus First Editor Group');
  await vs!.openFile(file);
  await vs!.runCommand(command);
}

before(async () => {
  sim = await startSimulator({ tcpPort: 0, log: (line) => simLog.push(line) });
  dir = mkdtempSync(join(tmpdir(), 'ocip-e2e-rows-'));
  writeFileSync(join(dir, TEMPLATE), TEMPLATE_TEXT);
  writeFileSync(join(dir, 'users.csv'), BAD_CSV);
  writeFileSync(join(dir, 'add-alice.ocip.yaml'), ADD_ALICE);
  writeFileSync(join(dir, 'delete-alice.ocip.yaml'), DELETE_ALICE);
  vs = await VSCodeSession.start({
    workspace: dir,
    settings: {
      'ocip.servers': [{ name: 'Lab', host: '127.0.0.1', port: sim.ports.tcp, transport: 'tcp', username: ADMIN.userId }],
      'ocip.activeServer': 'Lab',
      'ocip.send.sessions': 2,
    },
  });
});

after(async () => {
  await vs?.close();
  await sim?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

e2eTest(
  'Send All Rows: refused on a bad cell; then every row sent, results per row, CSV beside the data, re-send the failed row',
  () => vs,
  async () => {
    await run(TEMPLATE, 'OCI-P: Send All Rows');
    await vs!.waitForMessage(/^OCI-P: Not sent: users\.ocip\.yaml has \d+ errors?\./);
    await vs!.waitForProblem(/Row 3, column 'last' \(lastName\)/, 'users.csv');
    assert.deepEqual(Object.keys(sim!.state.users), [], 'nothing was sent');

    // A user the third row will add already exists: the server refuses that row.
    await run('add-alice.ocip.yaml', 'OCI-P: Send to BroadWorks');
    await vs!.answerInputBox('OCI-P: Password', ADMIN.password);
    await vs!.waitForMessage(/^OCI-P: 1 of 1 command succeeded\.$/);

    // The fix is made outside the editor (in the copy of the workspace VS Code has open).
    const ws = vs!.workspaceDir;
    writeFileSync(join(ws, 'users.csv'), GOOD_CSV);
    const before = simLog.length;
    await run(TEMPLATE, 'OCI-P: Send All Rows');
    await vs!.waitForMessage(/^OCI-P: 2 of 3 rows ok, 1 not ok/).catch(async (e: Error) => {
      throw new Error(`${e.message}\n${await vs!.outputChannelText('OCI-P')}`);
    });
    const sent = sentSince(before);
    assert.equal(sent.logins.size, 2, 'two sessions (ocip.send.sessions: 2)');
    assert.deepEqual(sent.adds.sort(), ['alice.martin@acme.example.com', 'ann.lee@acme.example.com', 'bo.long@acme.example.com']);
    const text = await vs!.waitForEditorText('OCI-P Results', /Per-row results/);
    assert.match(text, /Template: users\.ocip\.yaml {3}Data: users\.csv/);
    assert.match(text, /^2 +ann\.lee +ok +OK$/m);
    assert.match(text, /^3 +bo\.long +ok +OK$/m);
    assert.match(text, /^4 +alice\.martin +failed +\S/m);
    assert.ok(sim!.state.users['ann.lee@acme.example.com'] && sim!.state.users['bo.long@acme.example.com']);
    const csvPath = join(ws, 'users.results.csv');
    assert.ok(existsSync(csvPath));
    const csv = readFileSync(csvPath, 'utf8');
    assert.match(csv, /^row,login,status,message\r\n2,ann\.lee,ok,OK\r\n3,bo\.long,ok,OK\r\n4,alice\.martin,failed,/);
    assert.doesNotMatch(csv, /Welcome-2026|\*{8}/);
    assert.equal(readFileSync(join(ws, 'users.csv'), 'utf8'), GOOD_CSV, 'the data is untouched');

    // Filter: the failed row only.
    await vs!.runCommand('OCI-P: Show Failed Rows Only / All Rows');
    const failed = await vs!.waitForEditorText('OCI-P Results', /Per-row results \(failed/);
    assert.doesNotMatch(failed, /ann\.lee +ok/);
    assert.match(failed, /^4 +alice\.martin +failed/m);

    // The existing user goes; Re-send Failed Rows sends row 4 alone (rows 2 and 3 would now fail as duplicates).
    await run('delete-alice.ocip.yaml', 'OCI-P: Send to BroadWorks');
    await vs!.waitForMessage(/^OCI-P: 1 of 1 command succeeded\.$/);
    await vs!.clearNotifications();
    await vs!.runCommand('OCI-P: Re-send Failed Rows');
    await vs!.waitForMessage(/^OCI-P: 3 of 3 rows ok\.$/);
    const again = await vs!.waitForEditorText('OCI-P Results', /^4 +alice\.martin +ok +OK$/m);
    assert.match(again, /^2 +ann\.lee +ok +OK$/m);
    assert.ok(sim!.state.users[EXISTING]);
    assert.match(readFileSync(csvPath, 'utf8'), /4,alice\.martin,ok,OK\r\n$/);

    // The re-send is in the send history with its undo: Undo Send… deletes the user it added.
    await vs!.clearNotifications();
    await vs!.runCommand('OCI-P: Undo Send…');
    const entries = await vs!.waitForQuickPick('OCI-P: Undo Send');
    const entry = entries.find((r) => r.label.endsWith(TEMPLATE));
    assert.ok(entry, JSON.stringify(entries));
    await vs!.pickQuickPickItem('OCI-P: Undo Send', entry.label);
    await vs!.waitForDialog();
    await vs!.answerDialog('Send Undo');
    await vs!.waitForMessage(/^OCI-P: 1 of 1 command succeeded\.$/);
    assert.equal(sim!.state.users[EXISTING], undefined);
    assert.ok(sim!.state.users['ann.lee@acme.example.com'], 'only the re-sent row is undone');
  },
);
