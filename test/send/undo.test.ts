/**
 * Undo of a send (core/send/undo.ts, `ocip send --rollback`): the plan for examples/onboarding, what is listed
 * instead of undone (failed, unknown, modifications, what UserConsolidatedAddRequest22 may have created), and end to
 * end against the simulator: send the onboarding → rollback files → send them → the simulator's state is back to
 * where it started; a failed or unknown command is never undone; the results CSV and the history entry.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import defaultSeed from '../../sim/seed.example.json';
import { startSimulator, type RunningSimulator } from '../../sim/index';
import { checkOptionsFromSettings, planUndo, prepareSend, renderUndoYaml, resultsCsv, type UndoResult } from '../../core/send';
import { HISTORY_MAX_BYTES, HistoryStore, makeHistoryEntry, type HistoryEntry } from '../../core/send';
import { readCommandXml } from '../../core/send/command-xml';
import { FULL_MODEL, fullModel, SCHEMA_DIR_ARGS } from '../helpers/full-model';
import { buildOnce, ROOT, runOcip } from '../helpers/ocip-cli';
import { tempDir } from './fixtures';

const ONBOARDING = join(ROOT, 'examples', 'onboarding');
const admin = defaultSeed.accounts.find((a) => a.level === 'System')!;

function prepared(file: string) {
  const text = readFileSync(file, 'utf8');
  const p = prepareSend(text, file.endsWith('.xml') ? 'xml' : 'yaml', fullModel(), { checks: checkOptionsFromSettings({}) });
  assert.deepEqual(
    p.errors.map((e) => e.message),
    [],
  );
  return p;
}

const allOk = (n: number): UndoResult[] => Array.from({ length: n }, (_, index) => ({ index, kind: 'success' }));

describe('undo plan', { skip: FULL_MODEL.skip }, () => {
  it('undoes every add of the onboarding, in reverse order, with the R25 delete of each', () => {
    const p = prepared(join(ONBOARDING, '1-customer.ocip.yaml'));
    const plan = planUndo(p.commands, allOk(p.commands.length));
    assert.deepEqual(
      plan.commands.map((c) => `${c.command} <- #${c.undoes + 1}`),
      [
        'GroupAccessDeviceDeleteRequest <- #13',
        'GroupAccessDeviceDeleteRequest <- #12',
        'GroupDepartmentDeleteRequest <- #11',
        'GroupDepartmentDeleteRequest <- #10',
        'GroupDnUnassignListRequest <- #8',
        'GroupDomainUnassignListRequest <- #7',
        'GroupDeleteRequest <- #6',
        'ServiceProviderServicePackDeleteRequest <- #5',
        'ServiceProviderDnDeleteListRequest <- #3',
        'ServiceProviderDomainUnassignListRequest <- #2',
        'ServiceProviderDeleteRequest <- #1',
      ],
    );
    assert.deepEqual(plan.commands[4].fields, {
      serviceProviderId: 'northwind',
      groupId: 'northwind-chicago',
      dnRange: { minPhoneNumber: '+1-3125550100', maxPhoneNumber: '+1-3125550109' },
    });
    // The authorization changes are modifications inside what the undo deletes.
    assert.deepEqual(
      plan.notes.map((n) => [n.index + 1, n.kind]),
      [
        [4, 'covered'],
        [9, 'covered'],
      ],
    );
  });

  it('an XML file gets the same undo as its YAML twin', () => {
    for (const part of ['1-customer', '2-users']) {
      const yaml = prepared(join(ONBOARDING, `${part}.ocip.yaml`));
      const xml = prepared(join(ONBOARDING, `${part}.ocip.xml`));
      assert.deepEqual(planUndo(xml.commands, allOk(xml.commands.length)), planUndo(yaml.commands, allOk(yaml.commands.length)));
    }
  });

  it('the rendered undo file passes the normal checks and holds no password', () => {
    const p = prepared(join(ONBOARDING, '2-users.ocip.yaml'));
    const plan = planUndo(p.commands, allOk(p.commands.length));
    assert.deepEqual(
      plan.commands.map((c) => c.command),
      ['UserDeleteRequest', 'UserDeleteRequest'],
    );
    const text = renderUndoYaml(plan, ['header']);
    const again = prepared(writeTemp('undo.ocip.yaml', text));
    assert.deepEqual(
      again.commands.map((c) => c.type),
      ['UserDeleteRequest', 'UserDeleteRequest'],
    );
    assert.doesNotMatch(JSON.stringify(plan) + text, /Lake-Shore-4417|Wacker-Drive-2290/);
    // Service assignments and modifications of the deleted users need no undo of their own.
    assert.deepEqual(
      plan.notes.filter((n) => n.kind === 'covered').map((n) => n.index + 1),
      [3, 4, 5, 6],
    );
  });

  it('a failed or unknown command is listed, never undone; an unknown one gets a commented suggestion', () => {
    const p = prepared(join(ONBOARDING, '1-customer.ocip.yaml'));
    const results = allOk(p.commands.length);
    results[0] = { index: 0, kind: 'error', summary: '[Error 4011] Service Provider already exists: northwind' };
    results[5] = { index: 5, kind: 'unknown', summary: 'connection lost' };
    results[12] = { index: 12, kind: 'not-sent' };
    const plan = planUndo(p.commands, results);
    const undone = plan.commands.map((c) => c.undoes + 1);
    for (const n of [1, 6, 13]) assert.ok(!undone.includes(n), `#${n} must not be undone: ${undone.join(',')}`);
    const byIndex = new Map(plan.notes.map((n) => [n.index + 1, n]));
    assert.equal(byIndex.get(1)?.kind, 'failed');
    assert.match(byIndex.get(1)!.text, /Error 4011/);
    assert.equal(byIndex.get(6)?.kind, 'unknown');
    assert.equal(byIndex.get(6)?.suggestion?.command, 'GroupDeleteRequest');
    assert.equal(byIndex.get(13)?.kind, 'not-sent');
    // The suggestion is a comment in the file: sending the file never sends it.
    const text = renderUndoYaml(plan);
    assert.match(text, /^# command: GroupDeleteRequest$/m);
    assert.doesNotMatch(text, /^command: GroupDeleteRequest$/m);
    // The service provider add failed, so nothing covers its later changes: the modification is listed.
    assert.equal(byIndex.get(4)?.kind, 'modification');
  });

  it('lists what UserConsolidatedAddRequest22 may have created, with the delete to enable', () => {
    const text = [
      'command: UserConsolidatedAddRequest22',
      'serviceProviderId: acme',
      'groupId: acme-new',
      'groupProperties:',
      '  defaultDomain: acme.example.com',
      '  userLimit: 10',
      'userId: zoe@voice.acme.example.com',
      'lastName: Z',
      'firstName: Zoe',
      'callingLineIdLastName: Z',
      'callingLineIdFirstName: Zoe',
      'phoneNumber: "+1-2125550101"',
      'addPhoneNumberToGroup: true',
      'password: Pw-Zoe-1234-x',
      'accessDeviceEndpoint:',
      '  accessDevice:',
      '    deviceLevel: Group',
      '    deviceName: zoe-phone',
      '  linePort: zoe@voice.acme.example.com',
      '  deviceType: Polycom VVX 450',
      '  useHotline: false',
      'userService:',
      '  userServiceName: Call Waiting',
    ].join('\n');
    const p = prepared(writeTemp('zoe.ocip.yaml', text));
    const plan = planUndo(p.commands, allOk(1));
    assert.deepEqual(
      plan.commands.map((c) => [c.command, c.fields]),
      [['UserDeleteRequest', { userId: 'zoe@voice.acme.example.com' }]],
    );
    assert.deepEqual(
      plan.notes.map((n) => n.suggestion?.command ?? n.text.replace(/^.*?: /, '')),
      [
        'GroupDeleteRequest',
        'the user limit of the group acme/acme-new was raised by one by this command if the group was full (a success response does not say); not undone.',
        'ServiceProviderDomainUnassignListRequest',
        'GroupDomainUnassignListRequest',
        'GroupDnUnassignListRequest',
        'GroupAccessDeviceDeleteRequest',
        'Call Waiting was authorized to the group acme/acme-new by this command if not authorized before (a success response does not say); not undone.',
      ],
    );
    assert.ok(plan.notes.every((n) => n.kind === 'maybe-created'));
  });

  it("reads the encoder's XML exactly, and refuses anything else (the general parser is then used)", () => {
    const node = readCommandXml(
      '<command xsi:type="GroupAddRequest" xmlns=""><groupName>A &amp; B &lt;x&gt; &#233;&#x1F600;</groupName><e/><n><m>1</m><m>2</m></n></command>',
    );
    assert.equal(node.local, 'command');
    assert.deepEqual(
      node.children.map((c) => [c.local, c.text, c.children.map((x) => x.text)]),
      [
        ['groupName', 'A & B <x> é😀', []],
        ['e', '', []],
        ['n', '', ['1', '2']],
      ],
    );
    for (const bad of ['<a><b></a>', '<a>', '<a/><b/>', '<!DOCTYPE a><a/>', '<a>&bogus;</a>', 'text<a/>'])
      assert.throws(() => readCommandXml(bad), Error, bad);
  });

  it('the history stays under its size bound with large undo plans, newest first', () => {
    const store = new HistoryStore(join(tmp.dir, 'big-history.json'));
    const server = { name: 'Lab', host: 'h', transport: 'tcp' as const, username: 'u', production: false };
    const plan = {
      commands: Array.from({ length: 20_000 }, (_, i) => ({
        command: 'UserDeleteRequest',
        fields: { userId: `user${i}@example.com` },
        undoes: i,
        what: `UserConsolidatedAddRequest22 user${i}@example.com`,
      })),
      notes: [],
    };
    let last = '';
    for (let i = 0; i < 12; i++) last = store.add(makeHistoryEntry({ server, file: `f${i}`, rows: [], undo: plan }))[0].id;
    const size = readFileSync(join(tmp.dir, 'big-history.json')).length;
    assert.ok(size <= HISTORY_MAX_BYTES + 4096, `${size} bytes`);
    const entries = store.read();
    assert.equal(entries[0].id, last);
    assert.ok(entries.length >= 2 && entries.length < 12, `${entries.length} entries kept`);
    assert.equal(entries[0].undo?.commands.length, 20_000);
  });

  it('writes results CSV with quoting and no formula cells', () => {
    const csv = resultsCsv([
      { index: 1, command: 'UserConsolidatedAddRequest22', key: 'a@x', status: 'ok', message: '' },
      {
        index: 2,
        command: 'UserConsolidatedAddRequest22',
        key: '+1-2125550100',
        status: 'failed',
        message: '=HYPERLINK("x"), bad; "quoted"',
      },
    ]);
    assert.equal(
      csv,
      'index,command,key,status,message\r\n1,UserConsolidatedAddRequest22,a@x,ok,\r\n' +
        `2,UserConsolidatedAddRequest22,+1-2125550100,failed,"'=HYPERLINK(""x""), bad; ""quoted"""\r\n`,
    );
  });
});

const tmp = tempDir();
function writeTemp(name: string, text: string): string {
  return tmp.write(name, text);
}

describe('ocip send --rollback, end to end against the simulator', { skip: FULL_MODEL.skip }, () => {
  let sim: RunningSimulator;
  /** Set to fault the response of the Nth UserConsolidatedAddRequest22 the simulator receives. */
  let dropAt = 0;
  let seen = 0;
  before(async () => {
    buildOnce();
    sim = await startSimulator({
      tcpPort: 0,
      schemaDir: FULL_MODEL.schemaDir,
      log: (line) => {
        if (!/request.*UserConsolidatedAddRequest22/.test(line)) return;
        if (dropAt && ++seen === dropAt) sim.setFaults({ dropMidResponse: true });
      },
    });
  });
  after(async () => {
    await sim?.close();
    tmp.cleanup();
  });

  const send = (file: string, extra: string[] = [], env: Record<string, string> = {}) =>
    runOcip(
      [
        'send',
        file,
        '--host',
        '127.0.0.1',
        '--port',
        String(sim.ports.tcp),
        '--transport',
        'tcp',
        '--user',
        admin.userId,
        ...SCHEMA_DIR_ARGS,
        ...extra,
      ],
      { env: { OCIP_PASSWORD: admin.password, ...env } },
    );
  const snapshot = () => JSON.parse(JSON.stringify(sim.state)) as unknown;

  it('send the onboarding, then its rollback files in reverse order: the state is back where it started', async () => {
    const start = snapshot();
    const history = join(tmp.dir, 'history.json');
    for (const part of ['1-customer', '2-users', '3-check']) {
      const r = await send(
        join(ONBOARDING, `${part}.ocip.yaml`),
        ['--rollback', join(tmp.dir, `undo-${part}.ocip.yaml`), '--results', join(tmp.dir, `${part}.csv`)],
        { OCIP_HISTORY_FILE: history },
      );
      assert.equal(r.code, 0, r.stdout + r.stderr);
      assert.match(r.stderr, new RegExp(`rollback written to .*undo-${part}`));
    }
    assert.notDeepEqual(snapshot(), start);
    const csv = readFileSync(join(tmp.dir, '1-customer.csv'), 'utf8').split('\r\n');
    assert.equal(csv[0], 'index,command,key,status,message');
    assert.equal(csv[1], '1,ServiceProviderAddRequest13mp2,northwind,ok,');
    assert.equal(csv[13], '13,GroupAccessDeviceAddRequest14,northwind/northwind-chicago/chi-desk-102,ok,');
    // The reads of part 3 leave nothing to undo.
    assert.match(readFileSync(join(tmp.dir, 'undo-3-check.ocip.yaml'), 'utf8'), /Nothing to undo/);

    // In the wrong order (the customer before its users), every delete is refused as still in use: nothing changes.
    const sent = snapshot();
    const early = await send(join(tmp.dir, 'undo-1-customer.ocip.yaml'), [], { OCIP_HISTORY_FILE: history });
    assert.equal(early.code, 1, early.stdout + early.stderr);
    assert.match(early.stdout, /^0 of 11 commands succeeded, 11 failed\.$/m);
    assert.match(early.stdout, /GroupDeleteRequest: \[Error 4470\] Group northwind:northwind-chicago is in use: 2 users/);
    assert.deepEqual(snapshot(), sent);

    for (const part of ['2-users', '1-customer']) {
      const r = await send(join(tmp.dir, `undo-${part}.ocip.yaml`), [], { OCIP_HISTORY_FILE: history });
      assert.equal(r.code, 0, r.stdout + r.stderr);
    }
    assert.deepEqual(snapshot(), start);

    // Every send is in the history with its undo plan, and no password anywhere.
    const raw = readFileSync(history, 'utf8');
    const entries = (JSON.parse(raw) as { entries: HistoryEntry[] }).entries;
    assert.equal(entries.length, 6);
    assert.equal(entries[5].undo?.commands.length, 11);
    assert.equal(entries[4].undo?.commands.length, 2);
    // The refused undo has nothing to undo itself.
    assert.equal(entries[2].undo?.commands.length, 0);
    assert.doesNotMatch(raw, new RegExp(`${admin.password}|Lake-Shore-4417|Wacker-Drive-2290`));
  });

  it('a failed command and one whose outcome is unknown are not undone', async () => {
    const user = (id: string, extra: string[] = []) =>
      [
        'command: UserConsolidatedAddRequest22',
        'serviceProviderId: acme',
        'groupId: acme-hq',
        `userId: ${id}`,
        'lastName: Test',
        'firstName: Undo',
        'callingLineIdLastName: Test',
        'callingLineIdFirstName: Undo',
        'password: Undo-Pass-5512',
        ...extra,
      ].join('\n');
    const file = writeTemp(
      'mixed.ocip.yaml',
      [
        user('ok.one@acme.example.com'),
        user('ok.one@acme.example.com'), // fails: already exists
        user('lost.two@acme.example.com'), // executed, but its response is dropped: unknown
        user('never.three@acme.example.com'), // not sent
      ].join('\n---\n'),
    );
    const start = snapshot();
    seen = 0;
    dropAt = 3;
    const rollback = join(tmp.dir, 'undo-mixed.ocip.yaml');
    const results = join(tmp.dir, 'mixed.csv');
    const r = await send(file, ['--batch-size', '1', '--rollback', rollback, '--results', results]);
    dropAt = 0;
    sim.setFaults({});
    assert.equal(r.code, 1, r.stdout + r.stderr);
    assert.deepEqual(Object.keys(sim.state.users).sort(), ['lost.two@acme.example.com', 'ok.one@acme.example.com']);
    assert.deepEqual(
      readFileSync(results, 'utf8')
        .split('\r\n')
        .slice(1, 5)
        .map((l) => l.split(',').slice(0, 4).join(',')),
      [
        '1,UserConsolidatedAddRequest22,ok.one@acme.example.com,ok',
        '2,UserConsolidatedAddRequest22,ok.one@acme.example.com,failed',
        '3,UserConsolidatedAddRequest22,lost.two@acme.example.com,unknown',
        '4,UserConsolidatedAddRequest22,never.three@acme.example.com,not sent',
      ],
    );
    const undo = readFileSync(rollback, 'utf8');
    assert.match(undo, /#2 UserConsolidatedAddRequest22 ok\.one@acme\.example\.com: failed \(\[Error 4200\]/);
    assert.match(undo, /#3 UserConsolidatedAddRequest22 lost\.two@acme\.example\.com: outcome unknown/);
    assert.match(undo, /^# userId: lost\.two@acme\.example\.com$/m);
    const again = await send(rollback);
    assert.equal(again.code, 0, again.stdout + again.stderr);
    assert.match(again.stdout, /^1 of 1 command succeeded\.$/m);
    // The user whose add is unknown stays: checking and removing it is the user's decision.
    assert.deepEqual(Object.keys(sim.state.users), ['lost.two@acme.example.com']);
    assert.notDeepEqual(snapshot(), start);
  });

  it('refuses a rollback file that would overwrite the file being sent', async () => {
    const file = writeTemp('self.ocip.yaml', 'command: UserDeleteRequest\nuserId: nobody@acme.example.com\n');
    const r = await send(file, ['--rollback', file]);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /--rollback would overwrite the file being sent/);
    assert.equal(readFileSync(file, 'utf8'), 'command: UserDeleteRequest\nuserId: nobody@acme.example.com\n');
  });
});
