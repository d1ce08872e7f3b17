/**
 * `ocip send --timeout SECONDS` (response bound, default 30) and `--connect-timeout SECONDS` (connect and TLS
 * handshake, default 10): documented in the usage text, validated, and passed to the client.
 * The slow-response case with the simulator's delayMs fault is in test/faults (`--timeout 2`).
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type Server, type Socket } from 'node:net';
import { ADMIN, ADMIN_PASSWORD, startTestSimulator, tempDir, usersYaml } from './fixtures';
import { buildOnce, runOcip } from '../helpers/ocip-cli';

describe('ocip send timeouts', () => {
  let sim: Awaited<ReturnType<typeof startTestSimulator>>;
  const tmp = tempDir();
  let file: string;
  before(async () => {
    buildOnce();
    sim = await startTestSimulator();
    file = tmp.write('t.ocip.yaml', usersYaml(['timeout-a@sp1.example.com']));
  });
  after(async () => {
    await sim.close();
    tmp.cleanup();
  });

  test('the usage text documents both options and their defaults', async () => {
    const r = await runOcip(['send', '--help']);
    assert.equal(r.code, 0);
    assert.match(r.stdout, /--timeout SECONDS/);
    assert.match(r.stdout, /--timeout: how long to wait for each response \(default 30\)/);
    assert.match(r.stdout, /--connect-timeout: .*\(default 10\)/);
  });

  test('bad values are usage errors (exit 2), before anything is sent', async () => {
    for (const [flag, value] of [
      ['--timeout', '0'],
      ['--timeout', 'soon'],
      ['--timeout', '-3'],
      ['--timeout', ''],
      ['--connect-timeout', '1e9'],
    ]) {
      const r = await runOcip(['send', file, '--host', '127.0.0.1', '--port', String(sim.ports.tcp), '--user', ADMIN, `${flag}=${value}`], {
        env: { OCIP_PASSWORD: ADMIN_PASSWORD },
      });
      assert.equal(r.code, 2, `${flag} ${value}: ${r.stderr}`);
      assert.match(r.stderr, new RegExp(`${flag} must be a number of seconds`));
    }
    assert.equal(sim.state.users['timeout-a@sp1.example.com'], undefined);
  });

  test('a fractional --timeout that is long enough lets the send succeed', async () => {
    const r = await runOcip(
      [
        'send',
        file,
        '--host',
        '127.0.0.1',
        '--port',
        String(sim.ports.tcp),
        '--user',
        ADMIN,
        '--timeout',
        '20.5',
        '--connect-timeout',
        '5',
      ],
      { env: { OCIP_PASSWORD: ADMIN_PASSWORD } },
    );
    assert.equal(r.code, 0, r.stderr);
    assert.ok(sim.state.users['timeout-a@sp1.example.com']);
  });

  test('--connect-timeout bounds a TLS handshake that never completes: exit 2 with a clear message', { timeout: 30_000 }, async () => {
    // Accepts TCP connections and never answers: the TLS handshake hangs until the connect timeout.
    const sockets = new Set<Socket>();
    const silent: Server = createServer((socket) => {
      sockets.add(socket);
      socket.on('error', () => undefined);
      socket.on('close', () => sockets.delete(socket));
    });
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const port = (silent.address() as { port: number }).port;
    try {
      const r = await runOcip(
        [
          'send',
          file,
          '--host',
          '127.0.0.1',
          '--port',
          String(port),
          '--transport',
          'tls',
          '--allow-self-signed',
          '--user',
          ADMIN,
          '--connect-timeout',
          '1',
        ],
        {
          env: { OCIP_PASSWORD: ADMIN_PASSWORD },
        },
      );
      assert.equal(r.code, 2, r.stderr);
      assert.match(r.stderr, /connection failed: cannot connect to tls:\/\/127\.0\.0\.1:\d+: no connection within 1000 ms/);
      assert.match(r.stderr, /use --connect-timeout SECONDS to wait longer/);
      assert.equal(r.stdout, '');
    } finally {
      for (const s of sockets) s.destroy();
      await new Promise<void>((resolve) => silent.close(() => resolve()));
    }
  });
});
