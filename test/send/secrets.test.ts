/**
 * A known administrator password (and a new user's password inside a command) goes through every path this
 * area owns; it must show up nowhere but in the file being sent. Checked: the output channel text (formatLogLine),
 * results, failure messages, the history file, the simulator log and state file, `ocip send` stdout and stderr.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { builtinModel } from '../../core/model';
import { DEFAULT_CHECK_OPTIONS } from '../../core/checks/types';
import {
  formatLogLine,
  HistoryStore,
  makeHistoryEntry,
  prepareSend,
  resultJson,
  resultLine,
  runSend,
  type ServerConfig,
} from '../../core/send';
import { ADMIN, ADMIN_PASSWORD, startTestSimulator, tempDir, uca22Yaml } from './fixtures';
import { buildOnce, runOcip } from '../helpers/ocip-cli';

const USER_PASSWORD = 'Usr#Secret-8812';
const WRONG_PASSWORD = 'Wr0ng&<Secret>-5150';
const SECRETS = [ADMIN_PASSWORD, USER_PASSWORD, WRONG_PASSWORD];

function assertNoSecret(where: string, text: string): void {
  for (const s of SECRETS) {
    assert.ok(!text.includes(s), `${where} contains the secret ${s}`);
    const escaped = s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
    assert.ok(!text.includes(escaped), `${where} contains the escaped secret ${escaped}`);
  }
}

describe('passwords never leak', () => {
  let sim: Awaited<ReturnType<typeof startTestSimulator>>;
  const tmp = tempDir();
  let server: ServerConfig;
  before(async () => {
    buildOnce();
    sim = await startTestSimulator({ stateFile: join(tmp.dir, 'sim-state.json') });
    // TLS: the login is LoginRequest22V5 with the plain password on the wire, the hardest case for the logs.
    server = {
      name: 'sim',
      host: '127.0.0.1',
      port: sim.ports.tls,
      transport: 'tls',
      username: ADMIN,
      production: false,
      tls: { fingerprint: sim.tlsFingerprint },
    };
  });
  after(async () => {
    await sim.close();
    tmp.cleanup();
  });

  test('send, failed login, output channel text, results, history file, simulator log and state', async () => {
    const text =
      uca22Yaml('secret-a@sp1.example.com', USER_PASSWORD) + '\n---\n' + uca22Yaml('secret-a@sp1.example.com', USER_PASSWORD) + '\n';
    const prepared = prepareSend(text, 'yaml', builtinModel(), { checks: DEFAULT_CHECK_OPTIONS });
    assert.deepEqual(prepared.errors, []);
    assert.ok(prepared.commands[0].xml.includes(USER_PASSWORD), 'the command itself carries the user password (it must)');

    const channel: string[] = [];
    const ok = await runSend({
      server,
      password: ADMIN_PASSWORD,
      commands: prepared.commands,
      log: (l) => channel.push(formatLogLine(l, ADMIN_PASSWORD)),
    });
    assert.equal(ok.failure, undefined);
    assert.deepEqual(
      ok.rows.map((r) => r.kind),
      ['success', 'error'],
    );
    assert.ok(
      channel.some((l) => l.includes('LoginRequest22V5') && l.includes('<password>********</password>')),
      'the login is in the log, masked',
    );
    assert.ok(
      channel.some((l) => l.includes('UserConsolidatedAddRequest22') && l.includes('********')),
      'the command is in the log, masked',
    );

    const failedChannel: string[] = [];
    const failed = await runSend({
      server,
      password: WRONG_PASSWORD,
      commands: prepared.commands,
      log: (l) => failedChannel.push(formatLogLine(l, WRONG_PASSWORD)),
    });
    assert.equal(failed.failure?.stage, 'login');

    const history = new HistoryStore(join(tmp.dir, 'history', 'send-history.json'));
    history.add(makeHistoryEntry({ server, file: 'file:///x/users.ocip.yaml', rows: ok.rows, password: ADMIN_PASSWORD }));
    history.add(
      makeHistoryEntry({ server, file: 'file:///x/users.ocip.yaml', rows: [], failure: failed.failure!.message, password: WRONG_PASSWORD }),
    );
    assert.equal(history.read().length, 2);

    assertNoSecret('output channel', channel.join('\n'));
    assertNoSecret('output channel (failed login)', failedChannel.join('\n'));
    assertNoSecret('failure message', JSON.stringify(failed.failure));
    assertNoSecret('result lines', ok.rows.map(resultLine).join('\n'));
    assertNoSecret('result JSON', JSON.stringify(resultJson(ok.rows)));
    assertNoSecret('raw response XML', ok.rows.map((r) => r.rawXml).join('\n'));
    assertNoSecret('history file', readFileSync(join(tmp.dir, 'history', 'send-history.json'), 'utf8'));
    assert.ok(sim.logLines.length > 4);
    assertNoSecret('simulator log', sim.logLines.join('\n'));
    const stateFile = join(tmp.dir, 'sim-state.json');
    assertNoSecret(
      'simulator state file',
      readFileSync(stateFile, 'utf8') + (existsSync(`${stateFile}.journal`) ? readFileSync(`${stateFile}.journal`, 'utf8') : ''),
    );
  });

  test('formatLogLine masks a literal password anywhere and password elements, plain and SOAP-escaped', () => {
    const line = formatLogLine(
      `>> <password>${USER_PASSWORD}</password> &lt;newPassword&gt;abc&lt;/newPassword&gt; said ${ADMIN_PASSWORD}`,
      ADMIN_PASSWORD,
      new Date(0),
    );
    assert.equal(
      line,
      '[1970-01-01T00:00:00.000Z] >> <password>********</password> &lt;newPassword&gt;********&lt;/newPassword&gt; said ********',
    );
  });

  test('ocip send --verbose --format json: stdout and stderr, good and wrong password', async () => {
    const file = tmp.write('secret.ocip.yaml', uca22Yaml('secret-cli@sp1.example.com', USER_PASSWORD) + '\n');
    const args = [
      'send',
      file,
      '--host',
      '127.0.0.1',
      '--port',
      String(sim.ports.tls),
      '--transport',
      'tls',
      '--fingerprint',
      sim.tlsFingerprint!,
      '--user',
      ADMIN,
      '--format',
      'json',
      '--verbose',
    ];
    const good = await runOcip(args, { env: { OCIP_PASSWORD: ADMIN_PASSWORD } });
    assert.equal(good.code, 0, good.stderr);
    assert.match(good.stderr, /LoginRequest22V5/, 'the verbose wire log is on stderr');
    assertNoSecret('cli stdout', good.stdout);
    assertNoSecret('cli stderr', good.stderr);
    const bad = await runOcip(args, { env: { OCIP_PASSWORD: WRONG_PASSWORD } });
    assert.equal(bad.code, 2);
    assertNoSecret('cli stdout (wrong password)', bad.stdout);
    assertNoSecret('cli stderr (wrong password)', bad.stderr);
    assertNoSecret('simulator log', sim.logLines.join('\n'));
  });
});
