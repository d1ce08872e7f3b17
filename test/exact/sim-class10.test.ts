/**
 * Issue 9, class 10 (and the simulator side of class 5), over a TCP socket: the simulator refuses what a real
 * server refuses, and keeps what it accepts.
 */
import { afterEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { startSimulator, type RunningSimulator } from '../../sim/index';
import { command, field, RawClient } from '../sim/client';
import { PASSWORDS, testSeed, uca22 } from '../sim/fixtures';

let running: RunningSimulator[] = [];
let clients: RawClient[] = [];
afterEach(async () => {
  for (const c of clients) c.close();
  await Promise.all(running.map((s) => s.close()));
  running = [];
  clients = [];
});

/** The test seed, plus an enterprise with a department, a second group with its own department, a trunk group in g1. */
function seed() {
  const s = testSeed();
  const sps = (s.state as { serviceProviders: Record<string, Record<string, unknown>> }).serviceProviders;
  const g1 = (sps.sp1.groups as Record<string, Record<string, unknown>>).g1;
  g1.trunkGroups = ['tg1'];
  (sps.sp1.groups as Record<string, unknown>).g2 = { userLimit: 5, departments: ['Support'] };
  sps.ent1 = {
    isEnterprise: true,
    defaultDomain: 'ent1.example.com',
    departments: ['Finance'],
    groups: { eg1: { userLimit: 5, departments: ['Sales'] } },
  };
  return s;
}

async function session() {
  const sim = await startSimulator({ tcpPort: 0, seed: seed() });
  running.push(sim);
  const c = await RawClient.connect(sim.ports.tcp!);
  clients.push(c);
  const login = await c.login22('sys', PASSWORDS.sys);
  assert.equal(login.type, 'LoginResponse22V5');
  return { sim, send: async (cmd: string) => (await c.request(cmd))[0] };
}

const OK = 'c:SuccessResponse';
const groupDept = (sp: string, g: string, name: string) =>
  `<department xsi:type="GroupDepartmentKey"><serviceProviderId>${sp}</serviceProviderId><groupId>${g}</groupId><name>${name}</name></department>`;
const entDept = (sp: string, name: string) =>
  `<department xsi:type="EnterpriseDepartmentKey"><serviceProviderId>${sp}</serviceProviderId><name>${name}</name></department>`;

describe('class 10: the simulator refuses what a real server refuses', () => {
  it('EnterpriseDepartmentKey: refused in a service provider that is not an enterprise, or for a department that does not exist', async () => {
    const { send } = await session();
    assert.equal(
      (await send(uca22({ userId: 'e1@sp1.example.com', tail: entDept('sp1', 'Sales') }))).summary,
      '[Error 4310] Department not found: Sales',
    );
    const inEnt = (userId: string, tail: string) => uca22({ sp: 'ent1', group: 'eg1', userId, tail });
    assert.equal((await send(inEnt('e2@ent1.example.com', entDept('ent1', 'Nope')))).summary, '[Error 4310] Department not found: Nope');
    assert.equal(
      (await send(inEnt('e3@ent1.example.com', entDept('sp1', 'Finance')))).summary,
      '[Error 4310] Department not found: Finance',
    );
    assert.equal((await send(inEnt('e4@ent1.example.com', entDept('ent1', 'Finance')))).type, OK);
    const got = await send(command('UserGetRequest23V2', '<userId>e4@ent1.example.com</userId>'));
    assert.match(
      got.xml,
      /<department xsi:type="EnterpriseDepartmentKey"><serviceProviderId>ent1<\/serviceProviderId><name>Finance<\/name><\/department>/,
    );
  });

  it('GroupDepartmentKey naming another group (or service provider) is refused: department not found', async () => {
    const { send } = await session();
    assert.equal(
      (await send(uca22({ userId: 'd1@sp1.example.com', tail: groupDept('sp1', 'g2', 'Support') }))).summary,
      '[Error 4310] Department not found: Support',
    );
    assert.equal(
      (await send(uca22({ userId: 'd2@sp1.example.com', tail: groupDept('ent1', 'g1', 'Sales') }))).summary,
      '[Error 4310] Department not found: Sales',
    );
    assert.equal((await send(uca22({ userId: 'd3@sp1.example.com', tail: groupDept('sp1', 'g1', 'Sales') }))).type, OK);
  });

  it('trunkAddressing naming a trunk group that does not exist is refused; an existing one is stored and returned', async () => {
    const { sim, send } = await session();
    const trunk = (name: string) =>
      `<trunkAddressing><trunkGroupDeviceEndpoint><name>${name}</name><linePort>pbx_1@sp1.example.com</linePort></trunkGroupDeviceEndpoint></trunkAddressing>`;
    const refused = await send(uca22({ userId: 't1@sp1.example.com', tail: trunk('nope') }));
    assert.match(refused.summary ?? '', /Trunk Group not found: nope/);
    assert.ok(!sim.state.users['t1@sp1.example.com']);
    assert.equal((await send(uca22({ userId: 't2@sp1.example.com', tail: trunk('tg1') }))).type, OK);
    const got = await send(command('UserGetRequest23V2', '<userId>t2@sp1.example.com</userId>'));
    assert.match(got.xml, /<trunkAddressing><trunkGroupDeviceEndpoint><name>tg1<\/name><linePort>pbx_1@sp1.example.com<\/linePort>/);
  });

  it('address is stored and returned by UserGetRequest23V2', async () => {
    const { send } = await session();
    const address = '<address><addressLine1>1 Main St</addressLine1><city>Paris</city><country>France</country></address>';
    assert.equal((await send(uca22({ userId: 'a1@sp1.example.com', tail: address }))).type, OK);
    const got = await send(command('UserGetRequest23V2', '<userId>a1@sp1.example.com</userId>'));
    assert.equal(got.type, 'UserGetResponse23V2');
    assert.match(got.xml, /<address><addressLine1>1 Main St<\/addressLine1><city>Paris<\/city><country>France<\/country><\/address>/);
    assert.equal(field(got.xml, 'city'), 'Paris');
  });

  it('class 5 in the simulator: a nil command is refused with 6004, not executed', async () => {
    const { sim, send } = await session();
    const nil = command('UserConsolidatedAddRequest22', '', ' xsi:nil="true"');
    const r = await send(nil);
    assert.match(r.summary ?? '', /\[Error 6004\]/);
    assert.equal(Object.keys(sim.state.users).length, 0);
  });
});
