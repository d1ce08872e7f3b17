/**
 * Each server check of UserConsolidatedAddRequest22 against the simulator over TCP: the check turns a request that
 * would fail into an error on the exact element, gives no error on one that then succeeds, and the send that follows
 * agrees, command by command (checkSendAgree). A fresh simulator per test: sends change its state.
 */
import { afterEach, beforeEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { RunningSimulator } from '../../sim/index';
import {
  at,
  checkSendAgree,
  endpoint,
  enterpriseDept,
  groupDept,
  groupProps,
  scaEndpoint,
  serverErrors,
  startCheckSimulator,
  uca,
} from './fixtures';

let sim: RunningSimulator & { requests: string[] };
beforeEach(async () => (sim = await startCheckSimulator()));
afterEach(() => sim.close());

const codes = (o: { diagnostics: { code: string; command?: number }[] }, command: number) =>
  o.diagnostics.filter((d) => d.command === command).map((d) => d.code);

function only(o: { checked: { diagnostics: import('../../core/checks/types').Diagnostic[] }; text: string }, code: string, command = 0) {
  const found = o.checked.diagnostics.filter((d) => d.code === code && d.command === command);
  assert.equal(
    found.length,
    1,
    `${code} on command ${command + 1}: ${JSON.stringify(o.checked.diagnostics.map((d) => [d.code, d.command]))}`,
  );
  return { d: found[0], text: at(o.text, found[0]) };
}

describe('server checks agree with the server (check, then send)', () => {
  it('a clean request: no server error, and it succeeds', async () => {
    const r = await checkSendAgree(sim, 'sys', [uca({ userId: 'jane@acme.example.com', phoneNumber: '+1-2125550100', extension: '100' })]);
    assert.deepEqual(serverErrors(r.checked), []);
    assert.equal(r.sent[0].kind, 'success');
  });

  it('user id: taken on the server, and added twice in one file', async () => {
    const first = await checkSendAgree(sim, 'sys', [uca({ userId: 'jane@acme.example.com' }), uca({ userId: 'jane@acme.example.com' })]);
    const twice = only(first, 'OCI-SERVER-USER-EXISTS', 1);
    assert.equal(twice.text, 'jane@acme.example.com');
    assert.deepEqual(codes(first.checked, 0), []);
    const again = await checkSendAgree(sim, 'sys', [uca({ userId: 'jane@acme.example.com' })]);
    assert.match(only(again, 'OCI-SERVER-USER-EXISTS').d.message, /already exists on the server/);
  });

  it('alternate user id: an existing user id is not free', async () => {
    await checkSendAgree(sim, 'sys', [uca({ userId: 'jane@acme.example.com' })]);
    const r = await checkSendAgree(sim, 'sys', [uca({ userId: 'john@acme.example.com', alternateUserId: 'jane@acme.example.com' })]);
    assert.equal(only(r, 'OCI-SERVER-ALT-ID-EXISTS').text, 'jane@acme.example.com');
  });

  it('service provider / enterprise must exist', async () => {
    const r = await checkSendAgree(sim, 'sys', [uca({ sp: 'nosuch', userId: 'jane@acme.example.com' })]);
    assert.equal(only(r, 'OCI-SERVER-SP-NOT-FOUND').text, 'nosuch');
  });

  it('a missing group without groupProperties is an error on groupId; with it, the group is created', async () => {
    const r = await checkSendAgree(sim, 'sys', [
      uca({ group: 'new-group', userId: 'a@acme.example.com' }),
      uca({ group: 'new-group', userId: 'b@acme.example.com', groupProperties: groupProps() }),
      // created by the command before: exists now, groupProperties ignored
      uca({ group: 'new-group', userId: 'c@acme.example.com', groupProperties: groupProps() }),
      uca({ group: 'new-group', userId: 'd@acme.example.com' }),
    ]);
    assert.equal(only(r, 'OCI-SERVER-GROUP-NOT-FOUND', 0).text, 'new-group');
    only(r, 'OCI-SERVER-GROUP-CREATED', 1);
    assert.equal(only(r, 'OCI-SERVER-GROUP-PROPERTIES-IGNORED', 2).text, 'groupProperties');
    assert.deepEqual(codes(r.checked, 3), []);
    assert.deepEqual(
      r.sent.map((s) => s.kind),
      ['error', 'success', 'success', 'success'],
    );
  });

  it('groupProperties on an existing group is a hint, and the request succeeds', async () => {
    const r = await checkSendAgree(sim, 'sys', [uca({ userId: 'jane@acme.example.com', groupProperties: groupProps() })]);
    assert.equal(only(r, 'OCI-SERVER-GROUP-PROPERTIES-IGNORED').d.severity, 'hint');
  });

  it('domains: the service provider level and the group level rules, for the user id and an alias', async () => {
    // voice.acme.example.com is the service provider's, not the group's: a group administrator may not assign it.
    const grp = await checkSendAgree(sim, 'grp', [
      uca({ userId: 'jane@voice.acme.example.com' }),
      uca({ userId: 'john@acme.example.com', alias: 'john@voice.acme.example.com' }),
    ]);
    assert.equal(only(grp, 'OCI-SERVER-DOMAIN-GROUP', 0).text, 'jane@voice.acme.example.com');
    assert.equal(only(grp, 'OCI-SERVER-DOMAIN-GROUP', 1).text, 'john@voice.acme.example.com');
    // other.example.com is not the service provider's: a Service Provider administrator may not assign it, a System one may.
    const sp = await checkSendAgree(sim, 'sp', [uca({ userId: 'jane@other.example.com' }), uca({ userId: 'ok@voice.acme.example.com' })]);
    assert.equal(only(sp, 'OCI-SERVER-DOMAIN-SP', 0).text, 'jane@other.example.com');
    assert.deepEqual(serverErrors(sp.checked, 1), []);
    const sys = await checkSendAgree(sim, 'sys', [uca({ userId: 'jane@other.example.com' })]);
    assert.deepEqual(serverErrors(sys.checked), []);
  });

  it('phone number: not in the group, the add level, not in the service provider, in use', async () => {
    const grp = await checkSendAgree(sim, 'grp', [
      uca({ userId: 'a@acme.example.com', phoneNumber: '+1-2125550102' }),
      uca({ userId: 'b@acme.example.com', phoneNumber: '+1-2125550102', addPhoneNumberToGroup: true }),
    ]);
    assert.equal(only(grp, 'OCI-SERVER-NUMBER-NOT-IN-GROUP', 0).text, '+1-2125550102');
    assert.equal(only(grp, 'OCI-SERVER-NUMBER-ADD-LEVEL', 1).text, '+1-2125550102');
    const sp = await checkSendAgree(sim, 'sp', [
      uca({ userId: 'c@acme.example.com', phoneNumber: '+1-2125550102', addPhoneNumberToGroup: true }),
      uca({ userId: 'd@acme.example.com', phoneNumber: '+1-2125550102' }),
      uca({ userId: 'e@acme.example.com', phoneNumber: '+1-9995550000', addPhoneNumberToGroup: true }),
      // in another group of the service provider
      uca({ userId: 'f@acme.example.com', phoneNumber: '+1-2125550104', addPhoneNumberToGroup: true }),
      uca({ userId: 'g@acme.example.com', phoneNumber: '+1-2125550101' }),
    ]);
    assert.deepEqual(serverErrors(sp.checked, 0), []);
    assert.match(only(sp, 'OCI-SERVER-NUMBER-IN-USE', 1).d.message, /c@acme\.example\.com/);
    assert.equal(only(sp, 'OCI-SERVER-NUMBER-NOT-IN-SP', 2).text, '+1-9995550000');
    only(sp, 'OCI-SERVER-NUMBER-NOT-IN-SP', 3);
    assert.deepEqual(serverErrors(sp.checked, 4), []);
    const later = await checkSendAgree(sim, 'sys', [uca({ userId: 'h@acme.example.com', phoneNumber: '+1-2125550101' })]);
    assert.match(only(later, 'OCI-SERVER-NUMBER-IN-USE').d.message, /g@acme\.example\.com/);
  });

  it('extension: used by another user of the group', async () => {
    const r = await checkSendAgree(sim, 'sys', [
      uca({ userId: 'a@acme.example.com', extension: '2001' }),
      uca({ userId: 'b@acme.example.com', extension: '2001' }),
    ]);
    assert.equal(only(r, 'OCI-SERVER-EXTENSION-IN-USE', 1).text, '2001');
    const later = await checkSendAgree(sim, 'sys', [
      uca({ userId: 'c@acme.example.com', extension: '2001' }),
      uca({ userId: 'd@acme.example.com', extension: '2002' }),
    ]);
    only(later, 'OCI-SERVER-EXTENSION-IN-USE', 0);
    assert.deepEqual(serverErrors(later.checked, 1), []);
  });

  it('services and packs: authorized, authorizable by the level, existing', async () => {
    const grp = await checkSendAgree(sim, 'grp', [
      uca({ userId: 'a@acme.example.com', services: ['Call Waiting'], packs: ['Basic'] }),
      uca({ userId: 'b@acme.example.com', services: ['Call Forwarding Always'] }),
      uca({ userId: 'c@acme.example.com', packs: ['Executive'] }),
    ]);
    assert.deepEqual(serverErrors(grp.checked, 0), []);
    assert.equal(only(grp, 'OCI-SERVER-SERVICE-NOT-AUTHORIZED', 1).text, 'Call Forwarding Always');
    assert.equal(only(grp, 'OCI-SERVER-PACK-NOT-AUTHORIZED', 2).text, 'Executive');
    const sp = await checkSendAgree(sim, 'sp', [
      uca({ userId: 'd@acme.example.com', services: ['Call Forwarding Always'], packs: ['Executive'] }),
      uca({ userId: 'e@acme.example.com', services: ['Call Forwarding Busy'] }),
      uca({ userId: 'f@acme.example.com', packs: ['Platinum'] }),
    ]);
    assert.deepEqual(serverErrors(sp.checked, 0), []);
    assert.match(only(sp, 'OCI-SERVER-SERVICE-NOT-AUTHORIZED', 1).d.message, /not authorized to service provider/);
    assert.equal(only(sp, 'OCI-SERVER-PACK-NOT-FOUND', 2).text, 'Platinum');
  });

  it('service prerequisites from the real pack contents; the template only through the setting', async () => {
    const r = await checkSendAgree(
      sim,
      'sp',
      [
        // SCA comes from the Executive pack's real contents: a fact, no "cannot verify".
        uca({ userId: 'a@acme.example.com', packs: ['Executive'], sca: scaEndpoint('hq-lobby-phone') }),
        // Authentication is only in the template: unverifiable without the setting...
        uca({ userId: 'c@acme.example.com', sipAuthentication: true }),
      ],
      {},
    );
    assert.deepEqual(codes(r.checked, 0), []);
    assert.equal(only(r, 'OCI-SERVER-TEMPLATE-UNVERIFIED', 1).d.severity, 'warning');
    // ...and facts with it: Basic's real contents lack SCA, and the voice mail service is in no source.
    const withTemplate = await checkSendAgree(
      sim,
      'sp',
      [
        uca({ userId: 'd@acme.example.com', sipAuthentication: true }),
        uca({ userId: 'e@acme.example.com', thirdPartyVoiceMail: true }),
        uca({ userId: 'b@acme.example.com', packs: ['Basic'], sca: scaEndpoint('hq-lobby-phone') }),
      ],
      { newUserTemplateServices: ['Authentication'] },
    );
    assert.deepEqual(codes(withTemplate.checked, 0), []);
    assert.equal(only(withTemplate, 'OCI-SERVER-SERVICE-REQUIRED', 1).text, 'thirdPartyVoiceMailServerSelection');
    assert.equal(only(withTemplate, 'OCI-SERVER-SERVICE-REQUIRED', 2).text, 'sharedCallAppearanceAccessDeviceEndpoint');
  });

  it('devices: existing, created with a known device type, or missing', async () => {
    const r = await checkSendAgree(sim, 'sys', [
      uca({ userId: 'a@acme.example.com', endpoint: endpoint('hq-lobby-phone') }),
      uca({ userId: 'b@acme.example.com', endpoint: endpoint('new-phone', 'Polycom VVX 450') }),
      uca({ userId: 'c@acme.example.com', endpoint: endpoint('ghost-phone') }),
      // created by command 2
      uca({ userId: 'd@acme.example.com', endpoint: endpoint('new-phone') }),
      uca({ userId: 'e@acme.example.com', endpoint: endpoint('odd-phone', 'Acme Phone 9000') }),
      // an existing device keeps its type: the one given is not used
      uca({ userId: 'f@acme.example.com', endpoint: endpoint('hq-lobby-phone', 'Acme Phone 9000') }),
    ]);
    assert.deepEqual(serverErrors(r.checked, 0), []);
    assert.deepEqual(serverErrors(r.checked, 1), []);
    assert.equal(only(r, 'OCI-SERVER-DEVICE-NOT-FOUND', 2).text, 'ghost-phone');
    assert.deepEqual(serverErrors(r.checked, 3), []);
    assert.equal(only(r, 'OCI-SERVER-DEVICE-TYPE-UNKNOWN', 4).text, 'Acme Phone 9000');
    assert.deepEqual(serverErrors(r.checked, 5), []);
  });

  it('department, trunk group and network class of service must exist', async () => {
    const r = await checkSendAgree(sim, 'sys', [
      uca({ userId: 'a@acme.example.com', department: groupDept('Sales'), trunk: 'hq-pbx', ncos: 'Standard' }),
      uca({ userId: 'b@acme.example.com', department: enterpriseDept('Engineering') }),
      uca({ userId: 'c@acme.example.com', department: groupDept('Marketing') }),
      uca({ userId: 'd@acme.example.com', department: enterpriseDept('Sales') }),
      uca({ userId: 'e@acme.example.com', trunk: 'branch-pbx' }),
      uca({ userId: 'f@acme.example.com', ncos: 'International' }),
    ]);
    assert.deepEqual(serverErrors(r.checked, 0), []);
    assert.deepEqual(serverErrors(r.checked, 1), []);
    assert.equal(only(r, 'OCI-SERVER-DEPARTMENT-NOT-FOUND', 2).text, 'Marketing');
    only(r, 'OCI-SERVER-DEPARTMENT-NOT-FOUND', 3);
    assert.equal(only(r, 'OCI-SERVER-TRUNK-GROUP-NOT-FOUND', 4).text, 'branch-pbx');
    assert.equal(only(r, 'OCI-SERVER-NCOS-NOT-ASSIGNED', 5).text, 'International');
  });

  it('diagnostics name the server and the time of the check', async () => {
    const r = await checkSendAgree(sim, 'sys', [uca({ sp: 'nosuch', userId: 'jane@acme.example.com' })]);
    assert.match(only(r, 'OCI-SERVER-SP-NOT-FOUND').d.message, /\[lab, \d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ\]$/);
  });
});

describe('server checks agree with a server in XS data mode', () => {
  let xs: RunningSimulator & { requests: string[] };
  beforeEach(async () => (xs = await startCheckSimulator('XS')));
  afterEach(() => xs.close());

  it('numbers are added automatically and the XS-ignored alternate ids are not checked', async () => {
    await checkSendAgree(xs, 'sys', [uca({ userId: 'jane@acme.example.com' })]);
    const r = await checkSendAgree(xs, 'sys', [
      uca({ userId: 'a@acme.example.com', phoneNumber: '+1-2125550103' }),
      uca({ userId: 'b@acme.example.com', phoneNumber: '+1-2125550103' }),
      uca({ userId: 'c@acme.example.com', alternateUserId: 'jane@acme.example.com' }),
    ]);
    assert.deepEqual(serverErrors(r.checked, 0), []);
    only(r, 'OCI-SERVER-NUMBER-IN-USE', 1);
    assert.deepEqual(codes(r.checked, 2), []);
  });
});
