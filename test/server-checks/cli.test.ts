/** `ocip check` as a child process against the simulator: formats, exit codes, schema and server diagnostics together. */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RunningSimulator } from '../../sim/index';
import { buildOnce, runOcip } from '../helpers/ocip-cli';
import { ACCOUNTS, startCheckSimulator } from './fixtures';

const yaml = (userId: string, extra = '') =>
  [
    'command: UserConsolidatedAddRequest22',
    'serviceProviderId: acme',
    'groupId: acme-hq',
    `userId: ${userId}`,
    'lastName: Doe',
    'firstName: Jane',
    'callingLineIdLastName: Doe',
    'callingLineIdFirstName: Jane',
    'password: User-Pass-8812!',
    extra,
  ]
    .filter(Boolean)
    .join('\n');

describe('ocip check (child process)', () => {
  let sim: RunningSimulator & { requests: string[] };
  const dir = mkdtempSync(join(tmpdir(), 'ocip-check-test-'));
  const write = (name: string, text: string) => {
    const p = join(dir, name);
    writeFileSync(p, text);
    return p;
  };
  const env = { OCIP_PASSWORD: ACCOUNTS.sp.password };
  const tcp = () => ['--host', '127.0.0.1', '--port', String(sim.ports.tcp), '--transport', 'tcp', '--user', ACCOUNTS.sp.userId];

  before(async () => {
    buildOnce();
    sim = await startCheckSimulator();
  });
  after(async () => {
    await sim.close();
    rmSync(dir, { recursive: true, force: true });
  });

  test('a clean file: exit 0, nothing sent but reads', async () => {
    const file = write('ok.ocip.yaml', yaml('jane@acme.example.com') + '\n');
    const r = await runOcip(['check', file, ...tcp()], { env });
    assert.equal(r.code, 0, r.stdout + r.stderr);
    assert.match(r.stdout, /1 file checked: 0 errors/);
    assert.equal(sim.state.users['jane@acme.example.com'], undefined, 'checking adds nobody');
  });

  test('server errors and schema errors together, in text, json and sarif; exit 1', async () => {
    const file = write(
      'bad.ocip.yaml',
      `${yaml('jane@acme.example.com', 'phoneNumber: "+1-9995550000"\nbogus: 1')}\n---\n${yaml('ann@other.example.com')}\n`,
    );
    const text = await runOcip(['check', file, ...tcp()], { env });
    assert.equal(text.code, 1, text.stderr);
    assert.match(text.stdout, /bad\.ocip\.yaml:\d+:\d+: error OCI-UNKNOWN-ELEMENT/);
    assert.match(
      text.stdout,
      /bad\.ocip\.yaml:\d+:\d+: error OCI-SERVER-NUMBER-NOT-IN-GROUP Phone number \+1-9995550000 .*\[127\.0\.0\.1, /,
    );
    assert.match(text.stdout, /bad\.ocip\.yaml:\d+:\d+: error OCI-SERVER-DOMAIN-SP Domain "other\.example\.com"/);
    const json = await runOcip(['check', file, ...tcp(), '--format', 'json'], { env });
    assert.equal(json.code, 1);
    const codes = JSON.parse(json.stdout)[0].diagnostics.map((d: { code: string }) => d.code);
    assert.ok(codes.includes('OCI-SERVER-DOMAIN-SP') && codes.includes('OCI-UNKNOWN-ELEMENT'), codes.join());
    const sarif = await runOcip(['check', file, ...tcp(), '--format', 'sarif'], { env });
    const run = JSON.parse(sarif.stdout).runs[0];
    assert.ok(run.tool.driver.rules.some((r: { id: string }) => r.id === 'OCI-SERVER-DOMAIN-SP'));
  });

  test('usage, login and connection errors: exit 2', async () => {
    const file = write('u.ocip.yaml', yaml('x@acme.example.com') + '\n');
    assert.equal((await runOcip(['check', file], { env })).code, 2);
    assert.equal((await runOcip(['check', file, ...tcp(), '--format', 'csv'], { env })).code, 2);
    const login = await runOcip(['check', file, ...tcp()], { env: { OCIP_PASSWORD: 'wrong-password' } });
    assert.equal(login.code, 2);
    assert.match(login.stderr, /login failed/);
    assert.doesNotMatch(login.stderr + login.stdout, /wrong-password/);
    const closed = await runOcip(['check', file, '--host', '127.0.0.1', '--port', '1', '--user', 'x'], { env });
    assert.equal(closed.code, 2);
    assert.match(closed.stderr, /connection failed/);
  });
});
