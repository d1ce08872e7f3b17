/**
 * Sends over several sessions in parallel (core/send/sessions: `ocip send --sessions N` and the editor's Send All
 * Rows with ocip.send.sessions) against the simulator over TCP: N logins, every row's commands in one session and in
 * order, every row sent exactly once, the results in row order with each row's own outcome, Cancel stopping every
 * session, and a send no session could start reported as runSend reports it.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { builtinModel } from '../../core/model';
import { DEFAULT_CHECK_OPTIONS } from '../../core/checks/types';
import { prepareSend, runSendSessions, sessionShares, type PreparedCommand, type ServerConfig } from '../../core/send';
import { ADMIN, ADMIN_PASSWORD, startTestSimulator, uca22Yaml } from './fixtures';

type Sim = Awaited<ReturnType<typeof startTestSimulator>>;

/** Per row: the add of a user, then a read of that user (which only succeeds after the add, in the same order). */
function rows(count: number, prefix: string): PreparedCommand[] {
  const yaml = Array.from(
    { length: count },
    (_, i) => `${uca22Yaml(`${prefix}${i}@sp1.example.com`)}\n---\ncommand: UserGetRequest23V2\nuserId: ${prefix}${i}@sp1.example.com\n`,
  ).join('---\n');
  const prepared = prepareSend(yaml, 'yaml', builtinModel(), { checks: DEFAULT_CHECK_OPTIONS });
  assert.deepEqual(prepared.errors, []);
  return prepared.commands;
}

/** What the simulator's request log shows from line `from` on: logins per connection, and each added user id with its connection. */
function seen(sim: Sim, from = 0): { logins: string[]; adds: { tag: string; userId: string }[]; closed: Set<string> } {
  const logins: string[] = [];
  const adds: { tag: string; userId: string }[] = [];
  const closed = new Set<string>();
  for (const line of sim.logLines.slice(from)) {
    const tag = /^\[([^\]]+)\]/.exec(line)?.[1] ?? '';
    if (/ closed$/.test(line)) closed.add(tag);
    if (!/ request: /.test(line)) continue;
    if (/xsi:type="LoginRequest(14sp4|22V5)"/.test(line)) logins.push(tag);
    for (const m of line.matchAll(/xsi:type="UserConsolidatedAddRequest22"[^>]*>.*?<userId>([^<]*)<\/userId>/g))
      adds.push({ tag, userId: m[1] });
  }
  return { logins, adds, closed };
}

describe('sessionShares', () => {
  test('contiguous shares of whole units, covering every command once, as even as the units allow', () => {
    assert.deepEqual(sessionShares(20, 4, 2), [
      { first: 0, end: 6 },
      { first: 6, end: 12 },
      { first: 12, end: 16 },
      { first: 16, end: 20 },
    ]);
    assert.deepEqual(sessionShares(3, 8, 1), [
      { first: 0, end: 1 },
      { first: 1, end: 2 },
      { first: 2, end: 3 },
    ]);
    assert.deepEqual(sessionShares(0, 3, 1), [{ first: 0, end: 0 }]);
    for (let n = 0; n <= 40; n++)
      for (const unit of [1, 2, 3])
        for (let s = 1; s <= 8; s++) {
          const shares = sessionShares(n * unit, s, unit);
          let at = 0;
          for (const sh of shares) {
            assert.equal(sh.first, at);
            assert.equal(sh.first % unit, 0);
            at = sh.end;
          }
          assert.equal(at, n * unit);
          assert.ok(shares.length <= Math.max(1, Math.min(s, n)));
        }
  });
});

describe('runSendSessions against the simulator over TCP', () => {
  let sim: Sim;
  before(async () => {
    sim = await startTestSimulator();
  });
  after(async () => {
    await sim.close();
  });
  const server = (): ServerConfig => ({
    name: 'Sim',
    host: '127.0.0.1',
    port: sim.ports.tcp,
    transport: 'tcp',
    username: ADMIN,
    production: false,
  });

  test('3 sessions: 3 logins, each row once, in one session, results in row order with their own outcomes', async () => {
    // Rows 4 and 9 (0-based) add users that already exist: those rows fail, the others succeed.
    const pre = prepareSend(`${uca22Yaml('par4@sp1.example.com')}\n---\n${uca22Yaml('par9@sp1.example.com')}\n`, 'yaml', builtinModel(), {
      checks: DEFAULT_CHECK_OPTIONS,
    });
    const warm = await runSendSessions({ server: server(), password: ADMIN_PASSWORD, commands: pre.commands, sessions: 1 });
    assert.deepEqual(
      warm.rows.map((r) => r.kind),
      ['success', 'success'],
    );
    const from = sim.logLines.length;
    const commands = rows(12, 'par');
    const progress: number[] = [];
    const outcome = await runSendSessions({
      server: server(),
      password: ADMIN_PASSWORD,
      commands,
      sessions: 3,
      unitSize: 2,
      batchSize: 3,
      onProgress: (done, total) => {
        assert.equal(total, 24);
        progress.push(done);
      },
    });
    assert.equal(outcome.failure, undefined);
    assert.equal(outcome.sessions, 3);
    assert.deepEqual(outcome.sessionFailures, []);
    const log = seen(sim, from);
    assert.equal(log.logins.length, 3, 'three logins');
    assert.equal(new Set(log.logins).size, 3, 'on three connections');
    // Every row's add exactly once; the rows of one session are one contiguous share (4 rows each).
    assert.deepEqual(log.adds.map((a) => a.userId).sort(), Array.from({ length: 12 }, (_, i) => `par${i}@sp1.example.com`).sort());
    const tagOf = new Map(log.adds.map((a) => [a.userId, a.tag]));
    for (let i = 0; i < 12; i++) assert.equal(tagOf.get(`par${i}@sp1.example.com`), tagOf.get(`par${i - (i % 4)}@sp1.example.com`));
    // One result per command, in command order; each row's read follows its own add in its session.
    assert.deepEqual(
      outcome.rows.map((r) => r.index),
      commands.map((c) => c.index),
    );
    outcome.rows.forEach((r, i) => {
      const row = Math.floor(i / 2);
      if (i % 2 === 0) assert.equal(r.kind, row === 4 || row === 9 ? 'error' : 'success', `row ${row}: ${r.summary}`);
      else assert.equal(r.kind, 'data', `row ${row} read: ${r.summary}`);
    });
    assert.equal(progress[progress.length - 1], 24);
    assert.ok(progress.every((d, i) => i === 0 || d >= progress[i - 1]));
    for (let i = 0; i < 12; i++) assert.ok(sim.state.users[`par${i}@sp1.example.com`]);
  });

  test('Cancel stops every session: nothing more is sent, every connection closes, no row twice', async () => {
    sim.setFaults({ delayMs: 120 });
    try {
      const from = sim.logLines.length;
      const commands = rows(15, 'can');
      const abort = new AbortController();
      const outcome = await runSendSessions({
        server: server(),
        password: ADMIN_PASSWORD,
        commands,
        sessions: 3,
        unitSize: 2,
        batchSize: 1,
        signal: abort.signal,
        onProgress: (done) => {
          if (done >= 4) abort.abort();
        },
      });
      const atEnd = seen(sim, from);
      await new Promise((r) => setTimeout(r, 600));
      const later = seen(sim, from);
      assert.equal(later.adds.length, atEnd.adds.length, 'nothing is sent after the send returned');
      assert.equal(later.logins.length, 3);
      for (const tag of later.logins) assert.ok(later.closed.has(tag), `session ${tag} closed`);
      const ids = later.adds.map((a) => a.userId);
      assert.equal(new Set(ids).size, ids.length, 'no row sent twice');
      assert.ok(ids.length < 15, `cancelled early (${ids.length} of 15 adds sent)`);
      assert.deepEqual(
        outcome.rows.map((r) => r.index),
        commands.map((c) => c.index),
      );
      const notSent = outcome.rows.filter((r) => r.kind === 'not-sent');
      assert.ok(notSent.length > 0 && notSent.every((r) => /cancelled/.test(r.summary ?? '')));
      // What the results call done is what the server holds.
      for (const r of outcome.rows.filter((x) => x.type === 'UserConsolidatedAddRequest22' && x.kind === 'success'))
        assert.ok(sim.state.users[r.userId!], r.userId);
      for (const r of outcome.rows.filter((x) => x.type === 'UserConsolidatedAddRequest22' && x.kind === 'not-sent'))
        assert.equal(sim.state.users[r.userId!], undefined, r.userId);
    } finally {
      sim.setFaults({});
    }
  });

  test('no session can log in: the outcome of runSend (failure, no rows)', async () => {
    sim.setFaults({ refuseLogin: true });
    try {
      const outcome = await runSendSessions({
        server: server(),
        password: ADMIN_PASSWORD,
        commands: rows(4, 'ref'),
        sessions: 2,
        unitSize: 2,
      });
      assert.equal(outcome.failure?.stage, 'login');
      assert.deepEqual(outcome.rows, []);
      assert.equal(sim.state.users['ref0@sp1.example.com'], undefined);
    } finally {
      sim.setFaults({});
    }
  });
});
