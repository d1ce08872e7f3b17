import { afterEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startSimulator, type RunningSimulator, type SimulatorOptions } from '../../sim/index';
import { command, field, RawClient } from './client';
import { GROUP_PROPERTIES, PASSWORDS, testSeed, uca22 } from './fixtures';

const USERS: Record<string, [string, string]> = {
  System: ['sys', PASSWORDS.sys],
  Provisioning: ['prov', PASSWORDS.prov],
  Reseller: ['res', PASSWORDS.res],
  'Service Provider': ['sp', PASSWORDS.sp],
  Group: ['grp@sp1.example.com', PASSWORDS.grp],
  'Group Department': ['dept@sp1.example.com', PASSWORDS.dept],
};

let running: RunningSimulator[] = [];
let clients: RawClient[] = [];
afterEach(async () => {
  for (const c of clients) c.close();
  await Promise.all(running.map((s) => s.close()));
  running = [];
  clients = [];
});

async function session(
  level: keyof typeof USERS,
  opts: SimulatorOptions = {},
): Promise<{ sim: RunningSimulator; send: (cmd: string) => Promise<{ type: string; summary?: string; xml: string }> }> {
  const sim = await startSimulator({ tcpPort: 0, seed: testSeed(), ...opts });
  running.push(sim);
  const c = await RawClient.connect(sim.ports.tcp!);
  clients.push(c);
  const login = await c.login22(...USERS[level]);
  assert.equal(login.type, 'LoginResponse22V5', `login as ${level}: ${login.summary}`);
  return { sim, send: async (cmd) => (await c.request(cmd))[0] };
}

const OK = 'c:SuccessResponse';

describe('UserConsolidatedAddRequest22 (AS data mode)', () => {
  it('adds a user, then answers 4200 on the second add; user get and delete', async () => {
    const { sim, send } = await session('System');
    assert.equal((await send(uca22({ userId: 'a1@sp1.example.com' }))).type, OK);
    assert.equal((await send(uca22({ userId: 'a1@sp1.example.com' }))).summary, '[Error 4200] User already exists: a1@sp1.example.com');
    const got = await send(command('UserGetRequest23V2', '<userId>a1@sp1.example.com</userId>'));
    assert.equal(got.type, 'UserGetResponse23V2');
    assert.equal(field(got.xml, 'lastName'), 'Doe');
    assert.equal(field(got.xml, 'groupId'), 'g1');
    assert.equal(sim.state.users['a1@sp1.example.com'].hasPassword, true);
    assert.equal((await send(command('UserDeleteRequest', '<userId>a1@sp1.example.com</userId>'))).type, OK);
    assert.equal(
      (await send(command('UserGetRequest23V2', '<userId>a1@sp1.example.com</userId>'))).summary,
      '[Error 4008] User not found: a1@sp1.example.com',
    );
    assert.equal(
      (await send(command('UserDeleteRequest', '<userId>a1@sp1.example.com</userId>'))).summary,
      '[Error 4008] User not found: a1@sp1.example.com',
    );
  });

  it('persists to the state file (no passwords in it) and a new simulator reloads it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ocip-sim-state-'));
    try {
      const stateFile = join(dir, 'state.json');
      const { sim, send } = await session('System', { stateFile });
      assert.equal(
        (
          await send(
            uca22({
              userId: 'p1@sp1.example.com',
              password: 'Persisted-Secret-1',
              tail: '<userService><userServiceName>Authentication</userServiceName></userService><sipAuthenticationData><sipAuthenticationUserName>p1</sipAuthenticationUserName><sipAuthenticationPassword>Sip-Secret-2</sipAuthenticationPassword></sipAuthenticationData>',
            }),
          )
        ).type,
        OK,
      );
      // The snapshot plus the journal line of the add (sim/engine/store.ts).
      const saved = readFileSync(stateFile, 'utf8') + readFileSync(`${stateFile}.journal`, 'utf8');
      assert.ok(saved.includes('"p1@sp1.example.com"'));
      assert.ok(!saved.includes('Persisted-Secret-1') && !saved.includes('Sip-Secret-2'));
      await sim.close();
      const again = await session('System', { stateFile });
      assert.equal(again.sim.state.users['p1@sp1.example.com'].sipAuthenticationUserName, 'p1');
      assert.equal(
        (await again.send(uca22({ userId: 'p1@sp1.example.com' }))).summary,
        '[Error 4200] User already exists: p1@sp1.example.com',
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('creates a missing group only with groupProperties; ignores groupProperties for an existing group', async () => {
    const { sim, send } = await session('Service Provider');
    assert.equal((await send(uca22({ group: 'newg', userId: 'n1@sp1.example.com' }))).summary, '[Error 4152] Group not found: sp1:newg');
    assert.ok(!('newg' in sim.state.serviceProviders.sp1.groups));
    assert.equal((await send(uca22({ group: 'newg', userId: 'n1@sp1.example.com', groupProperties: GROUP_PROPERTIES }))).type, OK);
    assert.equal(sim.state.serviceProviders.sp1.groups.newg.name, 'New group');
    assert.equal(sim.state.serviceProviders.sp1.groups.newg.userLimit, 5);
    const other = GROUP_PROPERTIES.replace('New group', 'Renamed').replace('<userLimit>5', '<userLimit>9');
    assert.equal((await send(uca22({ group: 'newg', userId: 'n2@sp1.example.com', groupProperties: other }))).type, OK);
    assert.equal(sim.state.serviceProviders.sp1.groups.newg.name, 'New group');
    assert.equal(sim.state.serviceProviders.sp1.groups.newg.userLimit, 5);
  });

  it('a Group admin cannot create a group (5404); unknown service provider', async () => {
    const { send } = await session('Group');
    assert.equal((await send(uca22({ group: 'g1', userId: 'x@sp1.example.com' }))).type, OK);
    const r = await send(uca22({ group: 'g2', userId: 'y@sp1.example.com', groupProperties: GROUP_PROPERTIES }));
    assert.equal(r.summary, '[Error 5404] Unauthorized transaction.', 'outside its group');
    const sys = await session('System');
    assert.equal((await sys.send(uca22({ sp: 'nope', userId: 'z@x.com' }))).summary, '[Error 4010] Service Provider not found: nope');
  });

  it('raises the group user limit by one when needed', async () => {
    const { sim, send } = await session('System');
    assert.equal(sim.state.serviceProviders.sp1.groups.g1.userLimit, 1);
    assert.equal((await send(uca22({ userId: 'l1@sp1.example.com' }))).type, OK);
    assert.equal(sim.state.serviceProviders.sp1.groups.g1.userLimit, 1);
    assert.equal((await send(uca22({ userId: 'l2@sp1.example.com' }))).type, OK);
    assert.equal(sim.state.serviceProviders.sp1.groups.g1.userLimit, 2);
  });

  it('domain rules: SP admin adds to the group, Provisioning admin adds to the service provider', async () => {
    const grp = await session('Group');
    assert.equal(
      (await grp.send(uca22({ userId: 'd1@alt.example.com' }))).summary,
      '[Error 4315] Domain not assigned to the group: alt.example.com',
    );
    const sp = await session('Service Provider');
    assert.equal((await sp.send(uca22({ userId: 'd1@alt.example.com' }))).type, OK);
    assert.ok(sp.sim.state.serviceProviders.sp1.groups.g1.domains.includes('alt.example.com'));
    assert.equal(
      (await sp.send(uca22({ userId: 'd2@brand-new.example.com' }))).summary,
      '[Error 4316] Domain not assigned to the service provider: brand-new.example.com',
    );
    const prov = await session('Provisioning');
    assert.equal((await prov.send(uca22({ userId: 'd2@brand-new.example.com' }))).type, OK);
    assert.ok(prov.sim.state.serviceProviders.sp1.domains.includes('brand-new.example.com'));
  });

  it('phone number rules with addPhoneNumberToGroup', async () => {
    const dn = (n: string, add = false) => (add ? '<addPhoneNumberToGroup>true</addPhoneNumberToGroup>' : '') + n;
    const withNumber = (userId: string, number: string, add: boolean) =>
      uca22({ userId, middle: `<phoneNumber>${number}</phoneNumber>` }).replace('<lastName>', `${dn('', add)}<lastName>`);
    const grp = await session('Group');
    assert.equal((await grp.send(withNumber('n1@sp1.example.com', '+1-5550001', false))).type, OK, 'already in the group');
    assert.equal(
      (await grp.send(withNumber('n2@sp1.example.com', '+1-5550001', false))).summary,
      '[Error 4462] Phone number already assigned to a user: +1-5550001',
    );
    assert.equal(
      (await grp.send(withNumber('n2@sp1.example.com', '+1-5550002', false))).summary,
      '[Error 4460] Phone number not assigned to the group: +1-5550002',
    );
    assert.equal((await grp.send(withNumber('n2@sp1.example.com', '+1-5550002', true))).summary, '[Error 5404] Unauthorized transaction.');
    const sp = await session('Service Provider');
    assert.equal(
      (await sp.send(withNumber('n2@sp1.example.com', '+1-5559999', true))).summary,
      '[Error 4461] Phone number not assigned to the service provider: +1-5559999',
    );
    assert.equal((await sp.send(withNumber('n2@sp1.example.com', '+1-5550002', true))).type, OK);
    assert.ok(sp.sim.state.serviceProviders.sp1.groups.g1.phoneNumbers.includes('+1-5550002'));
  });

  it('alternate user ids need a Group admin or above', async () => {
    const alt = '<alternateUserId><alternateUserId>alt1@sp1.example.com</alternateUserId></alternateUserId>';
    const req = (userId: string) => uca22({ userId, middle: alt });
    const dept = await session('Group Department');
    assert.equal((await dept.send(req('u1@sp1.example.com'))).summary, '[Error 5404] Unauthorized transaction.');
    const grp = await session('Group');
    assert.equal((await grp.send(req('u1@sp1.example.com'))).type, OK);
    assert.deepEqual(grp.sim.state.users['u1@sp1.example.com'].alternateUserIds, [{ id: 'alt1@sp1.example.com', description: undefined }]);
  });

  it('services and packs are authorized to the group by an SP admin or above (unlimited when absent)', async () => {
    const svc = '<userService><userServiceName>Authentication</userServiceName></userService>';
    const pack =
      '<servicePack><servicePackName>Exec</servicePackName><authorizedQuantity><quantity>3</quantity></authorizedQuantity></servicePack>';
    const grp = await session('Group');
    assert.equal(
      (await grp.send(uca22({ userId: 's1@sp1.example.com', tail: svc }))).summary,
      '[Error 4411] Service not authorized to the group: Authentication',
    );
    const sp = await session('Service Provider');
    assert.equal((await sp.send(uca22({ userId: 's1@sp1.example.com', tail: svc + pack }))).type, OK);
    assert.equal(sp.sim.state.serviceProviders.sp1.groups.g1.authorizedServices.Authentication, 'unlimited');
    assert.equal(sp.sim.state.serviceProviders.sp1.groups.g1.authorizedServicePacks.Exec, 3);
    const missing = '<servicePack><servicePackName>Nope</servicePackName></servicePack>';
    assert.equal(
      (await sp.send(uca22({ userId: 's2@sp1.example.com', tail: missing }))).summary,
      '[Error 4420] Service Pack not found: Nope',
    );
  });

  it('the password is required unless the service provider authenticates externally', async () => {
    const sys = await session('System');
    assert.equal((await sys.send(uca22({ userId: 'np@sp1.example.com', password: null }))).summary, '[Error 4965] Password is required');
    const extSp = await startSimulator({ tcpPort: 0, seed: testSeed() });
    running.push(extSp);
    const c = await RawClient.connect(extSp.ports.tcp!);
    clients.push(c);
    await c.login22('extsp', PASSWORDS.ext);
    const [r] = await c.request(uca22({ sp: 'extsp', group: 'eg', userId: 'np@ext.example.com', password: null }));
    assert.equal(r.type, OK);
    assert.equal(extSp.state.users['np@ext.example.com'].hasPassword, false);
  });

  it('service prerequisites: SCA, third-party voice mail and SIP authentication', async () => {
    const { sim, send } = await session('System');
    const sca =
      '<sharedCallAppearanceAccessDeviceEndpoint><accessDevice><deviceLevel>Group</deviceLevel><deviceName>sca-phone</deviceName></accessDevice>' +
      '<linePort>sca1@sp1.example.com</linePort><isActive>true</isActive><allowOrigination>true</allowOrigination><allowTermination>true</allowTermination>' +
      '<deviceType>Polycom VVX 450</deviceType><useHotline>false</useHotline></sharedCallAppearanceAccessDeviceEndpoint>';
    // Schema order: sharedCallAppearanceAccessDeviceEndpoint (after password) precedes userService/servicePack.
    const withSca = (userId: string, services = '') => uca22({ userId, tail: sca + services });
    const r1 = await send(withSca('sca1@sp1.example.com'));
    assert.equal(r1.summary, '[Error 4430] Service Shared Call Appearance is required for sharedCallAppearanceAccessDeviceEndpoint');
    const pack = '<servicePack><servicePackName>Exec</servicePackName></servicePack>';
    assert.equal((await send(withSca('sca1@sp1.example.com', pack))).type, OK, 'satisfied by a service pack');
    assert.ok(sim.state.serviceProviders.sp1.groups.g1.accessDevices['sca-phone'], 'device created');

    const vm = '<thirdPartyVoiceMailServerSelection>Group Mail Server</thirdPartyVoiceMailServerSelection>';
    assert.equal(
      (await send(uca22({ userId: 'vm1@sp1.example.com', tail: vm }))).summary,
      '[Error 4430] Service Third-Party Voice Mail Support is required for thirdPartyVoiceMailServerSelection',
    );
    assert.equal(
      (await send(uca22({ group: 'tmpl', userId: 'vm1@sp1.example.com', tail: vm }))).type,
      OK,
      'satisfied by the new user template',
    );

    const sip =
      '<sipAuthenticationData><sipAuthenticationUserName>u</sipAuthenticationUserName><sipAuthenticationPassword>pw-123456</sipAuthenticationPassword></sipAuthenticationData>';
    assert.equal(
      (await send(uca22({ userId: 'sa1@sp1.example.com', tail: sip }))).summary,
      '[Error 4430] Service Authentication is required for sipAuthenticationData',
    );
    const svc = '<userService><userServiceName>Authentication</userServiceName></userService>';
    assert.equal((await send(uca22({ userId: 'sa1@sp1.example.com', tail: svc + sip }))).type, OK, 'satisfied by a userService');
  });

  it('validation: missing required elements give 6004 with the messages', async () => {
    const { send } = await session('System');
    const r = await send(uca22({ userId: 'v@sp1.example.com' }).replace('<lastName>Doe</lastName>', ''));
    assert.equal(r.summary, '[Error 6004] OCI XML Request validation error');
    assert.match(r.xml, /lastName/);
  });

  it('validation: elements out of schema order give 6004 with a positioned message (core checks)', async () => {
    const { sim, send } = await session('System');
    const swapped = uca22({ userId: 'o@sp1.example.com' }).replace(
      '<lastName>Doe</lastName><firstName>Jane</firstName>',
      '<firstName>Jane</firstName><lastName>Doe</lastName>',
    );
    const r = await send(swapped);
    assert.equal(r.summary, '[Error 6004] OCI XML Request validation error');
    assert.match(r.xml, /line \d+, column \d+: .*lastName.*firstName/);
    assert.ok(!('o@sp1.example.com' in sim.state.users));
  });
});

describe('logging', () => {
  it('logs one line per request and response, without passwords, passcodes or SIP passwords', async () => {
    const lines: string[] = [];
    const { send } = await session('System', { log: (l) => lines.push(l) });
    const tail =
      '<passcode>908172</passcode><userService><userServiceName>Authentication</userServiceName></userService>' +
      '<sipAuthenticationData><sipAuthenticationUserName>lu</sipAuthenticationUserName><sipAuthenticationPassword>Sip-Log-Secret</sipAuthenticationPassword></sipAuthenticationData>';
    assert.equal((await send(uca22({ userId: 'log@sp1.example.com', password: 'User-Log-Secret', tail }))).type, OK);
    const all = lines.join('\n');
    for (const secret of ['User-Log-Secret', 'Sip-Log-Secret', '908172', PASSWORDS.sys])
      assert.ok(!all.includes(secret), `log leaks ${secret}`);
    const reqLines = lines.filter((l) => l.includes(' request: '));
    assert.equal(reqLines.length, 2, 'login + add');
    assert.ok(reqLines.every((l) => !l.includes('\n')));
    assert.match(all, /sipAuthenticationUserName>lu</);
  });
});

describe('UserConsolidatedAddRequest22 (XS data mode)', () => {
  it('only a System administrator may execute it', async () => {
    const sp = await session('Service Provider', { dataMode: 'XS' });
    assert.equal((await sp.send(uca22({ userId: 'x1@sp1.example.com' }))).summary, '[Error 5404] Unauthorized transaction.');
    const sys = await session('System', { dataMode: 'XS' });
    assert.equal((await sys.send(uca22({ userId: 'x1@sp1.example.com' }))).type, OK);
  });

  it('ignores the XS-ignored elements, so their prerequisites do not apply', async () => {
    const { sim, send } = await session('System', { dataMode: 'XS' });
    const tail =
      '<thirdPartyVoiceMailServerSelection>Group Mail Server</thirdPartyVoiceMailServerSelection>' +
      '<sipAuthenticationData><sipAuthenticationUserName>u</sipAuthenticationUserName><sipAuthenticationPassword>pw-123456</sipAuthenticationPassword></sipAuthenticationData><isPlace>true</isPlace>';
    const middle = '<alternateUserId><alternateUserId>xalt@sp1.example.com</alternateUserId></alternateUserId>';
    assert.equal((await send(uca22({ userId: 'x2@sp1.example.com', middle, tail }))).type, OK);
    const u = sim.state.users['x2@sp1.example.com'];
    assert.equal(u.sipAuthenticationUserName, undefined);
    assert.equal(u.thirdPartyVoiceMail, undefined);
    assert.deepEqual(u.alternateUserIds, []);
    assert.equal(u.isPlace, undefined);
  });

  it('assigns phone numbers automatically, to the service provider too', async () => {
    const { sim, send } = await session('System', { dataMode: 'XS' });
    assert.equal((await send(uca22({ userId: 'x3@sp1.example.com', middle: '<phoneNumber>+1-5557777</phoneNumber>' }))).type, OK);
    assert.ok(sim.state.serviceProviders.sp1.phoneNumbers.includes('+1-5557777'));
    assert.ok(sim.state.serviceProviders.sp1.groups.g1.phoneNumbers.includes('+1-5557777'));
  });

  it('SCA needs the service in the request itself (the new user template does not count)', async () => {
    const { send } = await session('System', { dataMode: 'XS' });
    const sca =
      '<sharedCallAppearanceAccessDeviceEndpoint><accessDevice><deviceLevel>Group</deviceLevel><deviceName>phone1</deviceName></accessDevice>' +
      '<linePort>x4sca@sp1.example.com</linePort><isActive>true</isActive><allowOrigination>true</allowOrigination><allowTermination>true</allowTermination><useHotline>false</useHotline></sharedCallAppearanceAccessDeviceEndpoint>';
    assert.match(
      (await send(uca22({ group: 'tmpl', userId: 'x4@sp1.example.com', tail: sca }))).summary ?? '',
      /Shared Call Appearance is required/,
    );
  });
});
