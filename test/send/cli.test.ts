/** `ocip send` as a child process against the simulator: exit codes, text and JSON output, refusals. */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { ADMIN, ADMIN_PASSWORD, startTestSimulator, tempDir, usersYaml } from './fixtures';
import { buildOnce, runOcip } from '../helpers/ocip-cli';

describe('ocip send (child process)', () => {
  let sim: Awaited<ReturnType<typeof startTestSimulator>>;
  const tmp = tempDir();
  const env = { OCIP_PASSWORD: ADMIN_PASSWORD };
  const tcp = () => ['--host', '127.0.0.1', '--port', String(sim.ports.tcp), '--transport', 'tcp', '--user', ADMIN];

  before(async () => {
    buildOnce();
    sim = await startTestSimulator();
  });
  after(async () => {
    await sim.close();
    tmp.cleanup();
  });

  test('all succeed: exit 0, one line per command', async () => {
    const file = tmp.write('ok.ocip.yaml', usersYaml(['cli-a@sp1.example.com', 'cli-b@sp1.example.com']));
    const r = await runOcip(['send', file, ...tcp()], { env });
    assert.equal(r.code, 0, r.stderr);
    assert.equal(
      r.stdout,
      '#1 UserConsolidatedAddRequest22 cli-a@sp1.example.com: OK\n#2 UserConsolidatedAddRequest22 cli-b@sp1.example.com: OK\n2 of 2 commands succeeded.\n',
    );
    assert.ok(sim.state.users['cli-b@sp1.example.com']);
  });

  test('one fails: exit 1, the error on its command, text and json', async () => {
    const file = tmp.write('dup.ocip.yaml', usersYaml(['cli-c@sp1.example.com', 'cli-a@sp1.example.com']));
    const text = await runOcip(['send', file, ...tcp()], { env });
    assert.equal(text.code, 1, text.stderr);
    assert.match(
      text.stdout,
      /^#1 UserConsolidatedAddRequest22 cli-c@sp1\.example\.com: OK\n#2 UserConsolidatedAddRequest22 cli-a@sp1\.example\.com: \[Error 4200\] User already exists: cli-a@sp1\.example\.com/,
    );
    const json = await runOcip(['send', file, ...tcp(), '--format', 'json'], { env });
    assert.equal(json.code, 1, json.stderr);
    const rows = JSON.parse(json.stdout) as {
      index: number;
      type: string;
      kind: string;
      errorCode: number | null;
      summary: string | null;
      detail: string | null;
    }[];
    assert.deepEqual(
      rows.map((r) => [r.index, r.type, r.kind, r.errorCode]),
      [
        [0, 'UserConsolidatedAddRequest22', 'error', 4200],
        [1, 'UserConsolidatedAddRequest22', 'error', 4200],
      ],
    );
    assert.match(rows[1].summary!, /User already exists: cli-a@sp1\.example\.com/);
    assert.ok('detail' in rows[0]);
  });

  test('a file with errors is refused: exit 1, errors printed, nothing sent', async () => {
    const file = tmp.write(
      'bad.ocip.yaml',
      'command: UserConsolidatedAddRequest22\nserviceProviderId: sp1\ngroupId: g1\nuserId: cli-bad@sp1.example.com\n',
    );
    const r = await runOcip(['send', file, ...tcp()], { env });
    assert.equal(r.code, 1);
    assert.equal(r.stdout, '');
    assert.match(r.stderr, /bad\.ocip\.yaml:\d+:\d+: error OCI-/);
    assert.match(r.stderr, /Not sent: .* has \d+ errors?/);
    assert.equal(sim.state.users['cli-bad@sp1.example.com'], undefined);
  });

  test('no OCIP_PASSWORD and no terminal: exit 2', async () => {
    const file = tmp.write('nopw.ocip.yaml', usersYaml(['cli-nopw@sp1.example.com']));
    const r = await runOcip(['send', file, ...tcp()]);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /no password: set OCIP_PASSWORD/);
    assert.equal(sim.state.users['cli-nopw@sp1.example.com'], undefined);
  });

  test('wrong password: exit 2, login failed', async () => {
    const file = tmp.write('wrongpw.ocip.yaml', usersYaml(['cli-wrong@sp1.example.com']));
    const r = await runOcip(['send', file, ...tcp()], { env: { OCIP_PASSWORD: 'Wrong-Pass-123' } });
    assert.equal(r.code, 2);
    assert.match(r.stderr, /login failed: .*4962/);
  });

  test('connection refused: exit 2', async () => {
    const other = await startTestSimulator({ tlsPort: undefined, soapPort: undefined });
    const port = String(other.ports.tcp);
    await other.close();
    const file = tmp.write('refused.ocip.yaml', usersYaml(['cli-refused@sp1.example.com']));
    const r = await runOcip(['send', file, '--host', '127.0.0.1', '--port', port, '--user', ADMIN], { env });
    assert.equal(r.code, 2);
    assert.match(r.stderr, /connection failed/);
  });

  test('--server from a settings file (JSONC), production needs --yes without a terminal', async () => {
    const settings = tmp.write(
      'settings.json',
      `{
        // servers for the test
        "ocip.servers": [
          { "name": "Prod TLS", "host": "127.0.0.1", "port": ${sim.ports.tls}, "transport": "tls", "username": "${ADMIN}",
            "production": true, "tls": { "fingerprint": "${sim.tlsFingerprint}" } },
          { "name": "Lab SOAP", "host": "127.0.0.1", "transport": "soap", "username": "${ADMIN}",
            "soapUrl": "http://127.0.0.1:${sim.ports.soap}/webservice/services/ProvisioningService" },
        ],
      }`,
    );
    const file = tmp.write('prod.ocip.yaml', usersYaml(['cli-prod@sp1.example.com']));
    const refused = await runOcip(['send', file, '--server', 'Prod TLS', '--config', settings], { env });
    assert.equal(refused.code, 2);
    assert.match(refused.stderr, /"Prod TLS" \(tls:\/\/127\.0\.0\.1:\d+\) is a PRODUCTION server\. Send 1 command to it\?/);
    assert.match(refused.stderr, /--yes/);
    assert.equal(sim.state.users['cli-prod@sp1.example.com'], undefined);

    const sent = await runOcip(['send', file, '--server', 'Prod TLS', '--config', settings, '--yes'], { env });
    assert.equal(sent.code, 0, sent.stderr);
    assert.ok(sim.state.users['cli-prod@sp1.example.com']);

    const soapFile = tmp.write('soap.ocip.yaml', usersYaml(['cli-soap@sp1.example.com']));
    const soap = await runOcip(['send', soapFile, '--server', 'Lab SOAP', '--config', settings], { env });
    assert.equal(soap.code, 0, soap.stderr);
    assert.ok(sim.state.users['cli-soap@sp1.example.com']);

    const unknown = await runOcip(['send', file, '--server', 'Nope', '--config', settings], { env });
    assert.equal(unknown.code, 2);
    assert.match(unknown.stderr, /no server named "Nope" .*defined: "Prod TLS", "Lab SOAP"/);
  });

  test('usage errors: exit 2', async () => {
    const file = tmp.write('u.ocip.yaml', usersYaml(['cli-u@sp1.example.com']));
    for (const args of [
      ['send'],
      ['send', file],
      ['send', file, '--host', 'h'],
      ['send', file, ...tcp(), '--batch-size', '16'],
      ['send', file, ...tcp(), '--format', 'xml'],
    ]) {
      const r = await runOcip(args, { env });
      assert.equal(r.code, 2, `${args.join(' ')}: ${r.stderr}`);
      assert.match(r.stderr, /Usage: ocip send/);
    }
  });

  test('--batch-size 1 sends one command per document', async () => {
    const file = tmp.write('batch.ocip.yaml', usersYaml(['cli-b1@sp1.example.com', 'cli-b2@sp1.example.com', 'cli-b3@sp1.example.com']));
    const r = await runOcip(['send', file, ...tcp(), '--batch-size', '1', '--verbose'], { env });
    assert.equal(r.code, 0, r.stderr);
    assert.equal(r.stderr.match(/>> .*UserConsolidatedAddRequest22/g)?.length, 3);
  });
});
