/** Real bytes over loopback: core/send + core/ocip against the simulator on TCP, TLS (pinned) and SOAP. */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { builtinModel } from '../../core/model';
import { DEFAULT_CHECK_OPTIONS } from '../../core/checks/types';
import { prepareSend, resultLine, runSend, summarizeResults, type ServerConfig } from '../../core/send';
import { ADMIN, ADMIN_PASSWORD, startTestSimulator, usersYaml } from './fixtures';

type Sim = Awaited<ReturnType<typeof startTestSimulator>>;

function serverFor(sim: Sim, transport: 'tcp' | 'tls' | 'soap'): ServerConfig {
  return {
    name: `sim-${transport}`,
    host: '127.0.0.1',
    port: sim.ports[transport],
    transport,
    soapUrl: transport === 'soap' ? `http://127.0.0.1:${sim.ports.soap}/webservice/services/ProvisioningService` : undefined,
    username: ADMIN,
    production: false,
    tls: transport === 'tls' ? { fingerprint: sim.tlsFingerprint } : undefined,
  };
}

describe('send over each transport', () => {
  let sim: Sim;
  before(async () => {
    sim = await startTestSimulator();
    assert.ok(sim.ports.tcp && sim.ports.tls && sim.ports.soap && sim.tlsFingerprint, 'all three listeners are up');
  });
  after(() => sim.close());

  for (const transport of ['tcp', 'tls', 'soap'] as const) {
    test(`${transport}: 20 commands in two documents, a duplicate fails on its own command`, async () => {
      const ids = Array.from({ length: 20 }, (_, i) => `${transport}-u${i}@sp1.example.com`);
      ids[17] = ids[3]; // #18 repeats #4: "User already exists", while the later commands still run
      const prepared = prepareSend(usersYaml(ids), 'yaml', builtinModel(), { checks: DEFAULT_CHECK_OPTIONS });
      assert.deepEqual(prepared.errors, []);
      assert.equal(prepared.commands.length, 20);
      const documents: string[] = [];
      const outcome = await runSend({
        server: serverFor(sim, transport),
        password: ADMIN_PASSWORD,
        commands: prepared.commands,
        log: (l) => l.startsWith('>> ') && l.includes('UserConsolidatedAddRequest22') && documents.push(l),
      });
      assert.equal(outcome.failure, undefined);
      assert.equal(documents.length, 2, 'at most 15 commands per document');
      assert.equal(outcome.rows.length, 20);
      const failed = outcome.rows.filter((r) => r.kind !== 'success');
      assert.equal(failed.length, 1);
      assert.equal(failed[0].index, 17);
      assert.equal(failed[0].errorCode, 4200);
      assert.match(resultLine(failed[0]), new RegExp(`^#18 UserConsolidatedAddRequest22 ${ids[3]}: \\[Error 4200\\] User already exists`));
      assert.deepEqual(summarizeResults(outcome.rows), { total: 20, succeeded: 19, failed: 1, warnings: 0, unknown: 0, notSent: 0 });
      for (const id of new Set(ids)) {
        assert.equal(sim.state.users[id]?.groupId, 'g1', `${id} exists in the simulator`);
        assert.equal(sim.state.users[id]?.hasPassword, true);
      }
    });
  }

  test('a wrong password is a login failure, nothing is sent', async () => {
    const prepared = prepareSend(usersYaml(['never@sp1.example.com']), 'yaml', builtinModel(), { checks: DEFAULT_CHECK_OPTIONS });
    const outcome = await runSend({ server: serverFor(sim, 'tcp'), password: 'not-the-password', commands: prepared.commands });
    assert.equal(outcome.failure?.stage, 'login');
    assert.match(outcome.failure!.message, /4962/);
    assert.equal(sim.state.users['never@sp1.example.com'], undefined);
  });

  test('a closed port is a connection failure', async () => {
    const prepared = prepareSend(usersYaml(['never2@sp1.example.com']), 'yaml', builtinModel(), { checks: DEFAULT_CHECK_OPTIONS });
    const closed = await startTestSimulator({ tlsPort: undefined, soapPort: undefined });
    const port = closed.ports.tcp;
    await closed.close();
    const outcome = await runSend({ server: { ...serverFor(sim, 'tcp'), port }, password: ADMIN_PASSWORD, commands: prepared.commands });
    assert.equal(outcome.failure?.stage, 'connect');
  });

  test('TLS with a wrong pinned fingerprint is refused before login', async () => {
    const prepared = prepareSend(usersYaml(['never3@sp1.example.com']), 'yaml', builtinModel(), { checks: DEFAULT_CHECK_OPTIONS });
    const server = { ...serverFor(sim, 'tls'), tls: { fingerprint: 'AA:'.repeat(31) + 'AA' } };
    const outcome = await runSend({ server, password: ADMIN_PASSWORD, commands: prepared.commands });
    assert.equal(outcome.failure?.stage, 'connect');
    assert.equal(outcome.failure?.code, 'tls');
  });
});
