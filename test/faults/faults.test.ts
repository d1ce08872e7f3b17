/**
 * Every fault mode of the simulator, through the OCI-P client (core/ocip) and through `ocip send` (child process,
 * password in OCIP_PASSWORD): a clear error, no hang (bounded by the timeouts set here), no duplicate send.
 * Three UserConsolidatedAddRequest22 commands go out one per document; the fault starts either at once or when the
 * simulator receives the second command (switched on from its log callback, so logging in is unaffected).
 * What reached the simulator is counted from its log (requests per user) and its state (users created):
 * every command executes at most once, 'success' ones exactly once, 'not-sent' ones never reach it,
 * and only the command whose answer was lost is 'unknown'.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { CommandResult } from '../../core/ocip';
import { LoginError, OcipClient } from '../../core/ocip';
import type { FaultOptions } from '../../sim/index';
import { ADMIN, ADMIN_PASSWORD, startTestSimulator, tempDir, usersYaml } from '../send/fixtures';
import { runOcip } from '../helpers/ocip-cli';
import { prepareSend } from '../../core/send';
import { builtinModel } from '../../core/model';
import { DEFAULT_CHECK_OPTIONS } from '../../core/checks';

const USERS = ['f1@sp1.example.com', 'f2@sp1.example.com', 'f3@sp1.example.com'];
const FILE_TEXT = usersYaml(USERS);
const UCA22_REQUEST = /request: .*xsi:type="UserConsolidatedAddRequest22"/;

interface Mode {
  name: string;
  faults: FaultOptions;
  /** 'start': from the first byte; 'second': from the second command's response on. */
  from: 'start' | 'second';
  /**
   * Expected result kind of each of the three commands ('a|b': either, when it depends on a race the client cannot
   * win, e.g. a command written just before the server's pushed logout arrives), or 'login' when the login must fail.
   */
  kinds: string[] | 'login';
  /** What the error text says (core client summary / CLI output). */
  message?: RegExp;
  /** The core client's response timeout for this mode. */
  timeoutMs?: number;
}

const MODES: Mode[] = [
  {
    name: 'delay beyond the response timeout',
    faults: { delayMs: 120_000 },
    from: 'second',
    kinds: ['success', 'unknown', 'not-sent'],
    message: /no complete response within/,
    timeoutMs: 1500,
  },
  {
    name: 'connection dropped mid-response',
    faults: { dropMidResponse: true },
    from: 'second',
    kinds: ['success', 'unknown', 'not-sent'],
    message: /closed/i,
  },
  { name: 'one byte per write', faults: { byteByByte: true }, from: 'start', kinds: ['success', 'success', 'success'] },
  {
    name: 'garbage response',
    faults: { garbage: true },
    from: 'second',
    kinds: ['success', 'unknown', 'not-sent'],
    message: /not an OCI-P XML document/,
  },
  { name: 'refused login', faults: { refuseLogin: true }, from: 'start', kinds: 'login', message: /4962|login|password/i },
  {
    name: 'server-initiated logout',
    faults: { serverLogout: true },
    from: 'start',
    kinds: ['unknown|not-sent', 'not-sent', 'not-sent'],
    message: /logged us out/,
  },
];

/** A simulator that switches the mode's faults on at the right moment and counts the commands it received. */
async function simulatorFor(mode: Mode) {
  const requestsPerUser = new Map<string, number>();
  let seen = 0;
  const sim = await startTestSimulator({
    faults: mode.from === 'start' ? mode.faults : undefined,
    log: (line) => {
      if (!UCA22_REQUEST.test(line)) return;
      const userId = /<command [^>]*UserConsolidatedAddRequest22[^>]*>.*?<userId>([^<]*)<\/userId>/.exec(line)?.[1] ?? '?';
      requestsPerUser.set(userId, (requestsPerUser.get(userId) ?? 0) + 1);
      // The log line is written before the command is handled and answered: faults set now apply to its response.
      if (++seen === 2 && mode.from === 'second') sim.setFaults(mode.faults);
    },
  });
  return { sim, requestsPerUser };
}

function assertKinds(actual: string[], expected: string[], context: string): void {
  assert.equal(actual.length, expected.length, context);
  actual.forEach((kind, i) =>
    assert.ok(expected[i].split('|').includes(kind), `command ${i + 1}: ${kind}, expected ${expected[i]}; ${context}`),
  );
}

/** The safety invariants, whatever the mode. */
function assertNoDuplicateNoLoss(kinds: CommandResult['kind'][], requestsPerUser: Map<string, number>, created: string[]): void {
  for (const [user, n] of requestsPerUser) assert.ok(n <= 1, `${user} reached the simulator ${n} times`);
  USERS.forEach((user, i) => {
    const reached = requestsPerUser.get(user) ?? 0;
    if (kinds[i] === 'success') assert.ok(reached === 1 && created.includes(user), `${user}: success means executed once`);
    if (kinds[i] === 'not-sent') assert.ok(reached === 0 && !created.includes(user), `${user}: not-sent means never received`);
    if (kinds[i] === 'unknown') assert.ok(reached <= 1, `${user}: unknown, received ${reached} times`);
  });
  for (const user of created) assert.ok(requestsPerUser.has(user), `${user} created without a request?`);
}

describe('fault modes through the OCI-P client', { concurrency: true }, () => {
  const model = builtinModel();
  const prepared = prepareSend(FILE_TEXT, 'yaml', model, { checks: DEFAULT_CHECK_OPTIONS });
  const commands = prepared.commands.map((c) => ({ type: c.type, xml: c.xml }));

  for (const mode of MODES) {
    it(mode.name, { timeout: 30_000 }, async () => {
      assert.equal(commands.length, 3);
      const { sim, requestsPerUser } = await simulatorFor(mode);
      const client = new OcipClient({
        host: '127.0.0.1',
        port: sim.ports.tcp,
        transport: 'tcp',
        username: ADMIN,
        password: ADMIN_PASSWORD,
        batchSize: 1,
        timeoutMs: mode.timeoutMs ?? 5000,
        logoutWaitMs: 200,
      });
      try {
        await client.connect();
        if (mode.kinds === 'login') {
          const err = await client.login().then(
            () => undefined,
            (e: unknown) => e,
          );
          assert.ok(err instanceof LoginError, String(err));
          assert.match(err.message, mode.message!);
          assert.equal(requestsPerUser.size, 0);
          return;
        }
        await client.login();
        const results = await client.send(commands);
        const kinds = results.map((r) => r.kind);
        assertKinds(kinds, mode.kinds, JSON.stringify(results.map((r) => r.summary)));
        for (const r of results)
          if (r.kind === 'unknown' || (r.kind === 'not-sent' && mode.message && r.index === 0)) assert.match(r.summary!, mode.message!);
        assertNoDuplicateNoLoss(kinds, requestsPerUser, Object.keys(sim.state.users));
      } finally {
        await client.close();
        await sim.close();
      }
    });
  }
});

describe('fault modes through ocip send (child process)', { concurrency: true }, () => {
  for (const mode of MODES) {
    // The delay mode is cut by `--timeout 2` (instead of waiting out the default 30 s).
    const timeoutFlag = mode.faults.delayMs ? ['--timeout', '2'] : [];
    it(mode.name, { timeout: 45_000 }, async () => {
      const { sim, requestsPerUser } = await simulatorFor(mode);
      const dir = tempDir();
      try {
        const file = dir.write('users.ocip.yaml', FILE_TEXT);
        const run = await runOcip(
          [
            'send',
            file,
            '--host',
            '127.0.0.1',
            '--port',
            String(sim.ports.tcp),
            '--transport',
            'tcp',
            '--user',
            ADMIN,
            '--format',
            'json',
            '--batch-size',
            '1',
            '--yes',
            ...timeoutFlag,
          ],
          {
            env: { OCIP_PASSWORD: ADMIN_PASSWORD },
          },
        );
        const created = Object.keys(sim.state.users);
        if (mode.kinds === 'login') {
          assert.equal(run.code, 2, run.stdout + run.stderr);
          assert.match(run.stderr, mode.message!);
          assert.equal(requestsPerUser.size, 0);
          assert.deepEqual(created, []);
          return;
        }
        const rows = JSON.parse(run.stdout) as { userId: string; kind: CommandResult['kind']; summary: string | null }[];
        const kinds = rows.map((r) => r.kind);
        assertKinds(kinds, mode.kinds, run.stdout + run.stderr);
        assert.deepEqual(
          rows.map((r) => r.userId),
          USERS,
        );
        assert.equal(run.code, kinds.every((k) => k === 'success') ? 0 : 1, run.stderr);
        if (mode.message) assert.match(run.stdout + run.stderr, mode.message);
        if (mode.faults.delayMs) {
          assert.match(rows[1].summary!, /no complete response within 2000 ms/);
          assert.match(run.stderr, /the server did not answer within 2 s; use --timeout SECONDS to wait longer/);
        }
        assertNoDuplicateNoLoss(kinds, requestsPerUser, created);
      } finally {
        dir.cleanup();
        await sim.close();
      }
    });
  }
});
