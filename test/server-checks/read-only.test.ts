/**
 * Read-only by construction: whatever the file holds, a server check sends only listed read requests (recorded
 * at the simulator), the gate refuses anything else before writing a byte, and the simulator's state is unchanged.
 * Also the cache (per server and administrator, with a time limit) and checks of files with schema errors.
 */
import { afterEach, beforeEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { RunningSimulator } from '../../sim/index';
import { builtinModel } from '../../core/model';
import { checkFile } from '../../core/checks';
import { DEFAULT_CHECK_OPTIONS } from '../../core/checks/types';
import { parseSource } from '../../core/syntax';
import {
  assertReadOnly,
  CHECK_READ_REQUESTS,
  isCheckRequest,
  ReadOnlyGate,
  ReadOnlyRefusal,
  runServerCheck,
  ServerStateCache,
} from '../../core/server-checks';
import type { CommandResult } from '../../core/ocip';
import { ACCOUNTS, at, check, document, endpoint, groupDept, groupProps, send, serverFor, startCheckSimulator, uca } from './fixtures';

let sim: RunningSimulator & { requests: string[] };
beforeEach(async () => (sim = await startCheckSimulator()));
afterEach(() => sim.close());

const cmd = (type: string, inner: string) => `<command xsi:type="${type}" xmlns="">${inner}</command>`;

/** Commands that change things, as a provisioning file would hold them. */
const WRITES = [
  uca({
    userId: 'jane@acme.example.com',
    phoneNumber: '+1-2125550102',
    addPhoneNumberToGroup: true,
    extension: '300',
    department: groupDept('Sales'),
    alias: 'jane.doe@acme.example.com',
    endpoint: endpoint('new-phone', 'Polycom VVX 450'),
    trunk: 'hq-pbx',
    ncos: 'Standard',
    services: ['Call Waiting'],
    packs: ['Executive'],
  }),
  uca({ group: 'brand-new', groupProperties: groupProps(), userId: 'john@acme.example.com' }),
  cmd('UserDeleteRequest', '<userId>someone@acme.example.com</userId>'),
  cmd('UserModifyRequest22', '<userId>someone@acme.example.com</userId><lastName>X</lastName>'),
  cmd(
    'GroupAddRequest',
    '<serviceProviderId>acme</serviceProviderId><groupId>g9</groupId><defaultDomain>acme.example.com</defaultDomain><userLimit>5</userLimit>',
  ),
  cmd('GroupDeleteRequest', '<serviceProviderId>acme</serviceProviderId><groupId>acme-hq</groupId>'),
  cmd('ServiceProviderDnDeleteListRequest', '<serviceProviderId>acme</serviceProviderId><phoneNumber>+1-2125550100</phoneNumber>'),
];

describe('read-only by construction', () => {
  it('a file full of add, modify and delete commands sends only listed read requests', async () => {
    const before = JSON.stringify(sim.state);
    const text = document(WRITES);
    const outcome = await check(sim, 'sys', text);
    assert.equal(outcome.failure, undefined);
    assert.ok(outcome.requestsSent > 10, `reads were sent (${outcome.requestsSent})`);
    assert.ok(sim.requests.length > outcome.requestsSent, 'the simulator recorded the session');
    const refused = sim.requests.filter((t) => !isCheckRequest(t));
    assert.deepEqual(refused, [], 'only read, login and logout requests reached the server');
    const fileTypes = new Set([
      'UserConsolidatedAddRequest22',
      'UserDeleteRequest',
      'UserModifyRequest22',
      'GroupAddRequest',
      'GroupDeleteRequest',
      'ServiceProviderDnDeleteListRequest',
    ]);
    assert.deepEqual(
      sim.requests.filter((t) => fileTypes.has(t)),
      [],
    );
    assert.equal(JSON.stringify(sim.state), before, 'the state did not change');
  });

  it('the gate refuses every request type that is not a listed read, before sending anything', async () => {
    const sent: string[] = [];
    const gate = new ReadOnlyGate({
      send: async (qs) => {
        sent.push(...qs.map((q) => q.type));
        return [];
      },
    });
    for (const type of builtinModel().commandNames()) {
      if (CHECK_READ_REQUESTS.has(type)) continue;
      await assert.rejects(gate.read([{ type, xml: cmd(type, '') }]), ReadOnlyRefusal, type);
    }
    // A listed type carrying another command, or spelled otherwise inside, is refused too.
    const smuggled = cmd('UserGetRequest23V2', '<userId>a</userId>') + cmd('UserDeleteRequest', '<userId>a</userId>');
    assert.throws(() => assertReadOnly({ type: 'UserGetRequest23V2', xml: smuggled }), ReadOnlyRefusal);
    assert.throws(
      () => assertReadOnly({ type: 'UserGetRequest23V2', xml: cmd('UserDeleteRequest', '<userId>a</userId>') }),
      ReadOnlyRefusal,
    );
    // One bad query in a batch: nothing of the batch is sent.
    await assert.rejects(
      gate.read([
        { type: 'UserGetRequest23V2', xml: cmd('UserGetRequest23V2', '<userId>a</userId>') },
        { type: 'UserDeleteRequest', xml: cmd('UserDeleteRequest', '<userId>a</userId>') },
      ]),
      ReadOnlyRefusal,
    );
    assert.deepEqual(sent, []);
  });

  it('every listed read request is a Get request of the model', () => {
    const model = builtinModel();
    for (const type of CHECK_READ_REQUESTS) {
      assert.match(type, /Get[A-Za-z0-9]*Request/, type);
      assert.ok(model.isRequest(type), `${type} is a request of the model`);
    }
  });
});

describe('cache', () => {
  it('answers the second check without a connection, until the time limit; per administrator', async () => {
    let now = 1_000_000;
    const cache = new ServerStateCache({ ttlSeconds: 300, now: () => now });
    const text = document([uca({ userId: 'jane@acme.example.com', phoneNumber: '+1-2125550100', services: ['Call Waiting'] })]);
    const first = await check(sim, 'sys', text, { cache });
    assert.ok(first.requestsSent > 0);
    const seen = sim.requests.length;
    const second = await check(sim, 'sys', text, { cache });
    assert.equal(second.requestsSent, 0);
    assert.equal(second.cached, first.requestsSent);
    assert.equal(sim.requests.length, seen, 'no connection at all');
    assert.deepEqual(
      second.diagnostics.map((d) => d.code),
      first.diagnostics.map((d) => d.code),
    );
    // Another administrator sees other things: its own answers.
    const other = await check(sim, 'sp', text, { cache });
    assert.equal(other.requestsSent, first.requestsSent);
    now += 301_000;
    const expired = await check(sim, 'sys', text, { cache });
    assert.equal(expired.requestsSent, first.requestsSent);
    cache.clear();
    assert.equal(cache.size, 0);
  });

  it('batches reads up to 15 per document and asks each question once', async () => {
    const users = Array.from({ length: 20 }, (_, i) => uca({ userId: `u${i}@acme.example.com` }));
    const outcome = await check(sim, 'sys', document(users));
    // 20 user lookups + the provider, group and their domain lists, asked once for all 20 commands.
    assert.equal(outcome.requestsSent, 24);
    const reads = sim.requests.filter((t) => CHECK_READ_REQUESTS.has(t)).length;
    assert.equal(reads, 24);
  });
});

describe('files with schema errors', () => {
  it('still checks every command it can read; both kinds of diagnostics are there', async () => {
    // Register jane first, then check a broken command about her.
    await send(sim, 'sys', document([uca({ userId: 'jane@acme.example.com' })]));
    const text = document([
      cmd(
        'UserConsolidatedAddRequest22',
        '<serviceProviderId>acme</serviceProviderId><groupId>nope</groupId><userId>jane@acme.example.com</userId><bogus/>',
      ),
    ]);
    const file = parseSource(text, 'xml');
    const schema = checkFile(file, builtinModel(), DEFAULT_CHECK_OPTIONS);
    assert.ok(schema.some((d) => d.kind === 'schema' && d.severity === 'error'));
    const outcome = await check(sim, 'sys', text);
    const codes = outcome.diagnostics.map((d) => d.code);
    assert.ok(codes.includes('OCI-SERVER-USER-EXISTS'), codes.join());
    const missing = outcome.diagnostics.find((d) => d.code === 'OCI-SERVER-GROUP-NOT-FOUND')!;
    assert.equal(at(text, missing), 'nope');
  });
});

describe('levels from the login', () => {
  it('a missing group that this administrator may not create is an error on groupProperties', async () => {
    const text = document([uca({ group: 'elsewhere', groupProperties: groupProps(), userId: 'jane@acme.example.com' })]);
    const answer = (q: { type: string }, i: number): CommandResult =>
      q.type === 'GroupGetRequest22V5' || q.type === 'UserGetRequest23V2'
        ? {
            index: i,
            requestType: q.type,
            kind: 'error',
            errorCode: q.type === 'UserGetRequest23V2' ? 4008 : 4152,
            summary: 'not found',
            rawXml: '',
          }
        : { index: i, requestType: q.type, kind: 'data', data: { serviceProviderDefaultDomain: 'acme.example.com' }, rawXml: '' };
    const outcome = await runServerCheck({
      server: serverFor(sim, 'grp'),
      password: ACCOUNTS.grp.password,
      file: parseSource(text, 'xml'),
      dataMode: 'AS',
      adminLevel: 'System',
      cache: new ServerStateCache({ ttlSeconds: 0 }),
      connect: async () => ({ sender: { send: async (qs) => qs.map(answer) }, loginType: 'Group', close: async () => undefined }),
    });
    assert.equal(outcome.level, 'Group');
    const d = outcome.diagnostics.find((x) => x.code === 'OCI-SERVER-GROUP-CREATE-LEVEL')!;
    assert.equal(at(text, d), 'groupProperties');
    assert.equal(d.severity, 'error');
  });

  it('a wrong password is a login failure, not diagnostics', async () => {
    const outcome = await runServerCheck({
      server: serverFor(sim, 'sys'),
      password: 'wrong-password',
      file: parseSource(document([uca({ userId: 'jane@acme.example.com' })]), 'xml'),
      dataMode: 'AS',
      adminLevel: 'System',
      cache: new ServerStateCache({ ttlSeconds: 300 }),
    });
    assert.equal(outcome.failure?.stage, 'login');
    assert.deepEqual(outcome.diagnostics, []);
  });
});
