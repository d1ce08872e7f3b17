/**
 * A known, unique administrator password (with XML specials and a character outside Latin-1, so every escaping
 * differs) and a new user's secrets inside the commands (password, passcode, device credentials) go through every path: the OCI-P client over TCP (signed and
 * plain login), TLS and SOAP (where the document is escaped twice), a refused login, the simulator's log and state file,
 * `ocip send --format json --verbose` stdout and stderr, the output-channel text, results, history and `ocip validate`
 * diagnostics. None of them may hold a secret in any encoding: raw, XML-escaped (named, numeric, twice), JSON,
 * URL-encoded, base64 (standard and URL-safe), hex, nor the SHA-1 the signed login is built from.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createHash, randomUUID } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { builtinModel } from '../../core/model';
import { DEFAULT_CHECK_OPTIONS } from '../../core/checks';
import { OcipClient } from '../../core/ocip';
import {
  formatLogLine,
  HistoryStore,
  makeHistoryEntry,
  outcomeText,
  prepareSend,
  resultJson,
  summarizeResults,
  resultLine,
  runSend,
  summaryText,
  type ServerConfig,
} from '../../core/send';
import { startSimulator, type RunningSimulator } from '../../sim/index';
import { seed, tempDir } from '../send/fixtures';
import { runOcip } from '../helpers/ocip-cli';
import { REPO } from '../helpers/lsp-client';

const id = randomUUID().slice(0, 8);
const ADMIN = 'secadmin';
const PASSWORD = `P<w&d>"'€-${id}`;
const USER_PASSWORD = `U&ser<${id}>pw`;
const DEVICE_PASSWORD = `D'ev"${id}&x`;
const PASSCODE = `73${id.replace(/\D/g, '').padEnd(6, '1').slice(0, 6)}`;
const SECRETS = [PASSWORD, USER_PASSWORD, DEVICE_PASSWORD, PASSCODE];

function encodings(secret: string): string[] {
  const xml = (s: string) =>
    s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');
  const xmlMin = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  const numeric = (s: string) => s.replace(/[^\x20-\x7e]/gu, (c) => `&#${c.codePointAt(0)};`);
  const forms = [
    secret,
    xml(secret),
    xmlMin(secret),
    xmlMin(xmlMin(secret)),
    numeric(xmlMin(secret)),
    JSON.stringify(secret).slice(1, -1),
    encodeURIComponent(secret),
    Buffer.from(secret, 'utf8').toString('base64').replace(/=+$/, ''),
    Buffer.from(secret, 'utf8').toString('base64url'),
    Buffer.from(secret, 'latin1').toString('base64').replace(/=+$/, ''),
    Buffer.from(secret, 'utf8').toString('hex'),
    createHash('sha1').update(secret, 'utf8').digest('hex'),
  ];
  return [...new Set(forms)];
}

function assertNoSecret(where: string, text: string): void {
  for (const secret of SECRETS) {
    for (const form of encodings(secret)) assert.ok(!text.includes(form), `${where} contains a secret as ${JSON.stringify(form)}`);
  }
}

const fileText = [
  'command: UserConsolidatedAddRequest22',
  'serviceProviderId: sp1',
  'groupId: g1',
  `userId: sec-${id}@sp1.example.com`,
  'lastName: Doe',
  'firstName: Jane',
  'callingLineIdLastName: Doe',
  'callingLineIdFirstName: Jane',
  `password: ${JSON.stringify(USER_PASSWORD)}`,
  `passcode: "${PASSCODE}"`,
  'accessDeviceEndpoint:',
  '  accessDevice: { deviceLevel: Group, deviceName: desk-1 }',
  `  linePort: line-${id}@sp1.example.com`,
  '  accessDeviceCredentials:',
  '    userName: desk',
  `    password: ${JSON.stringify(DEVICE_PASSWORD)}`,
  '  useHotline: false',
  '',
].join('\n');

describe('secrets appear nowhere they should not', () => {
  const tmp = tempDir();
  const logLines: string[] = [];
  let sim: RunningSimulator;
  const stateFile = join(tmp.dir, 'state.json');
  const prepared = prepareSend(fileText, 'yaml', builtinModel(), { checks: DEFAULT_CHECK_OPTIONS });

  before(async () => {
    const data = seed();
    data.accounts = [{ userId: ADMIN, password: PASSWORD, level: 'System' }] as typeof data.accounts;
    // The device the command's endpoint names, so the command succeeds and the user lands in the state file.
    (
      data.state as { serviceProviders: Record<string, { groups: Record<string, Record<string, unknown>> }> }
    ).serviceProviders.sp1.groups.g1.accessDevices = {
      'desk-1': { name: 'desk-1', deviceType: 'Generic SIP Phone' },
    };
    sim = await startSimulator({ tcpPort: 0, tlsPort: 0, soapPort: 0, seed: data, stateFile, log: (l) => logLines.push(l) });
  });
  after(async () => {
    await sim.close();
    tmp.cleanup();
  });

  it('the file really carries the secrets (so the checks below can fail)', () => {
    assert.deepEqual(prepared.errors, []);
    for (const s of [USER_PASSWORD, DEVICE_PASSWORD])
      assert.ok(prepared.commands[0].xml.includes(s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')));
  });

  const servers = (): [string, ServerConfig, Record<string, unknown>][] => [
    ['tcp signed', { name: 'tcp', host: '127.0.0.1', port: sim.ports.tcp, transport: 'tcp', username: ADMIN, production: false }, {}],
    [
      'tcp plain',
      { name: 'tcp', host: '127.0.0.1', port: sim.ports.tcp, transport: 'tcp', username: ADMIN, production: false },
      { allowPlainPasswordOnInsecureTransport: true, loginMethod: 'plain' },
    ],
    [
      'tls',
      {
        name: 'tls',
        host: '127.0.0.1',
        port: sim.ports.tls,
        transport: 'tls',
        username: ADMIN,
        production: false,
        tls: { fingerprint: sim.tlsFingerprint },
      },
      {},
    ],
    [
      'soap',
      {
        name: 'soap',
        host: '127.0.0.1',
        port: sim.ports.soap,
        transport: 'soap',
        soapUrl: `http://127.0.0.1:${sim.ports.soap}/webservice/services/ProvisioningService`,
        username: ADMIN,
        production: false,
      },
      {},
    ],
  ];

  it('OCI-P client on every transport: wire log, warnings, results and errors; then a refused login', { timeout: 60_000 }, async () => {
    const seen: string[] = [];
    for (const [name, server, extra] of servers()) {
      const log: string[] = [];
      const client = new OcipClient({
        ...server,
        port: server.port,
        transport: server.transport,
        soapUrl: server.soapUrl,
        tls: server.tls,
        password: PASSWORD,
        log: (l) => log.push(l),
        onWarning: (w) => log.push(w),
        ...extra,
      } as ConstructorParameters<typeof OcipClient>[0]);
      try {
        await client.connect();
        await client.login();
        const results = await client.send(prepared.commands.map((c) => ({ type: c.type, xml: c.xml })));
        assert.ok(['success', 'error'].includes(results[0].kind), `${name}: ${JSON.stringify(results)}`);
        if (name === 'tcp signed') assert.equal(results[0].kind, 'success', JSON.stringify(results));
        seen.push(JSON.stringify(results));
      } finally {
        await client.close();
      }
      assert.ok(
        log.some((l) => /Login/.test(l)),
        `${name}: the login is in the wire log`,
      );
      assertNoSecret(`${name} wire log`, log.join('\n'));
    }
    sim.setFaults({ refuseLogin: true });
    try {
      for (const [name, server] of servers()) {
        const log: string[] = [];
        const client = new OcipClient({ ...server, password: PASSWORD, log: (l) => log.push(l) } as ConstructorParameters<
          typeof OcipClient
        >[0]);
        const err = await client
          .connect()
          .then(() => client.login())
          .then(
            () => undefined,
            (e: Error) => e,
          );
        await client.close();
        assert.ok(err, `${name}: the login is refused`);
        assertNoSecret(`${name} refused login error`, `${err.message}\n${err.stack}\n${JSON.stringify(err)}`);
        assertNoSecret(`${name} refused login log`, log.join('\n'));
      }
    } finally {
      sim.setFaults({});
    }
    assertNoSecret('results', seen.join('\n'));
  });

  it('core/send: output channel text, result lines and JSON, summary and history file', { timeout: 30_000 }, async () => {
    const [, server] = servers()[2];
    const channel: string[] = [];
    const outcome = await runSend({
      server,
      password: PASSWORD,
      commands: prepared.commands,
      log: (l) => channel.push(formatLogLine(l, PASSWORD)),
    });
    assert.equal(outcome.failure, undefined);
    const wrong = await runSend({
      server,
      password: `${PASSWORD}x`,
      commands: prepared.commands,
      log: (l) => channel.push(formatLogLine(l, `${PASSWORD}x`)),
    });
    assert.equal(wrong.failure?.stage, 'login');
    const history = new HistoryStore(join(tmp.dir, 'history.json'));
    history.add(makeHistoryEntry({ server, file: 'users.ocip.yaml', rows: outcome.rows, password: PASSWORD }));
    history.add(makeHistoryEntry({ server, file: 'users.ocip.yaml', rows: [], failure: wrong.failure!.message, password: `${PASSWORD}x` }));
    assertNoSecret('output channel', channel.join('\n'));
    assertNoSecret('result lines', outcome.rows.map(resultLine).join('\n'));
    assertNoSecret('result JSON', JSON.stringify(resultJson(outcome.rows)));
    assertNoSecret('summary', summaryText(summarizeResults(outcome.rows)) + outcome.rows.map(outcomeText).join('\n'));
    assertNoSecret('login failure', JSON.stringify(wrong.failure));
    assertNoSecret('history file', readFileSync(join(tmp.dir, 'history.json'), 'utf8'));
  });

  it(
    'ocip send --format json --verbose over each transport, and with a refused login: stdout and stderr',
    { timeout: 90_000 },
    async () => {
      const file = tmp.write('secret.ocip.yaml', fileText.replace(`sec-${id}@`, `cli-${id}@`));
      for (const [name, server] of servers().filter(([n]) => n !== 'tcp plain')) {
        const target =
          server.transport === 'soap'
            ? ['--host', '127.0.0.1', '--transport', 'soap', '--soap-url', server.soapUrl!]
            : [
                '--host',
                '127.0.0.1',
                '--port',
                String(server.port),
                '--transport',
                server.transport,
                ...(server.tls ? ['--fingerprint', server.tls.fingerprint!] : []),
              ];
        const run = await runOcip(['send', file, ...target, '--user', ADMIN, '--format', 'json', '--verbose', '--yes'], {
          env: { OCIP_PASSWORD: PASSWORD },
        });
        assert.ok(run.code === 0 || run.code === 1, `${name}: ${run.stderr}`);
        assert.match(run.stderr, /Login/, `${name}: the verbose wire log is on stderr`);
        assertNoSecret(`ocip send ${name} stdout`, run.stdout);
        assertNoSecret(`ocip send ${name} stderr`, run.stderr);
      }
      sim.setFaults({ refuseLogin: true });
      try {
        const run = await runOcip(
          ['send', file, '--host', '127.0.0.1', '--port', String(sim.ports.tcp), '--user', ADMIN, '--format', 'json', '--verbose', '--yes'],
          { env: { OCIP_PASSWORD: PASSWORD } },
        );
        assert.equal(run.code, 2, run.stderr);
        assertNoSecret('ocip send refused stdout', run.stdout);
        assertNoSecret('ocip send refused stderr', run.stderr);
      } finally {
        sim.setFaults({});
      }
    },
  );

  it('the simulator log and state file', () => {
    assert.ok(
      logLines.some((l) => l.includes('UserConsolidatedAddRequest22')),
      'the commands were logged',
    );
    assertNoSecret('simulator log', logLines.join('\n'));
    // The state file is a snapshot plus a journal of the changes since (sim/engine/store.ts).
    const stored =
      readFileSync(stateFile, 'utf8') + (existsSync(`${stateFile}.journal`) ? readFileSync(`${stateFile}.journal`, 'utf8') : '');
    assert.ok(stored.includes(`sec-${id}@`), 'the state file holds the created user');
    assertNoSecret('simulator state file', stored);
  });

  it('ocip validate quotes no secret value in its diagnostics (text, json, sarif)', { timeout: 30_000 }, () => {
    // Each secret made invalid (too long, or with a tab that is not allowed to survive collapse) so a diagnostic is about it.
    const long = (s: string) => `${s}-${'z'.repeat(30 - Math.min(29, s.length))}`;
    const bad = fileText.replace(`passcode: "${PASSCODE}"`, `passcode: "${long(PASSCODE)}"`);
    const file = tmp.write('bad.ocip.yaml', bad);
    SECRETS.push(long(PASSCODE));
    try {
      for (const format of ['text', 'json', 'sarif']) {
        const r = spawnSync(process.execPath, [join(REPO, 'bin', 'ocip.js'), 'validate', '--format', format, file], {
          encoding: 'utf8',
          timeout: 20_000,
        });
        assert.equal(r.status, 1, r.stderr);
        assert.match(r.stdout, /OCI-LENGTH/);
        assertNoSecret(`ocip validate ${format}`, r.stdout + r.stderr);
      }
    } finally {
      SECRETS.pop();
    }
  });
});
