/**
 * The state store (sim/engine/store.ts): a failed save leaves memory as it was, every acknowledged add survives
 * kill -9, and the journal is folded into the snapshot without losing or replaying twice.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { startSimulator } from '../../sim';
import { StateStore } from '../../sim/engine/store';
import { emptyState } from '../../sim/engine/state';
import { STORE_LIMITS } from '../../sim/limits';
import { command, RawClient } from './client';
import { PASSWORDS, testSeed, uca22 } from './fixtures';

const OK = 'c:SuccessResponse';

function tmp(): { dir: string; done: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'ocip-store-'));
  return { dir, done: () => rmSync(dir, { recursive: true, force: true }) };
}

describe('state store', () => {
  it(
    'an add that cannot be saved is reported failed and is not applied in memory (a later get and re-add agree)',
    { timeout: 30_000 },
    async () => {
      const t = tmp();
      const stateFile = join(t.dir, 'state.json');
      const sim = await startSimulator({ tcpPort: 0, seed: testSeed(), stateFile });
      const c = await RawClient.connect(sim.ports.tcp!);
      try {
        assert.equal((await c.login22('sys', PASSWORDS.sys)).type, 'LoginResponse22V5');
        // Nothing can be saved: the state file's directory is gone (a disk unmounted, a cleanup script).
        rmSync(t.dir, { recursive: true, force: true });
        const [failed] = await c.request(uca22({ userId: 'unsaved@sp1.example.com', group: 'tmpl' }));
        assert.equal(failed.type, 'c:ErrorResponse', 'the add is reported failed');
        const [get] = await c.request(command('UserGetRequest23V2', '<userId>unsaved@sp1.example.com</userId>'));
        assert.equal(get.summary, '[Error 4008] User not found: unsaved@sp1.example.com', 'and it is not in memory');
        assert.equal(sim.state.users['unsaved@sp1.example.com'], undefined);
        mkdirSync(t.dir);
        const [again] = await c.request(uca22({ userId: 'unsaved@sp1.example.com', group: 'tmpl' }));
        assert.equal(again.type, OK, 'once the disk is back, the same add succeeds (no 4200)');
      } finally {
        c.close();
        await sim.close();
        t.done();
      }
    },
  );

  it('every acknowledged add survives kill -9 of `ocip sim --state`', { timeout: 60_000 }, async () => {
    const t = tmp();
    const stateFile = join(t.dir, 'state.json');
    const seedFile = join(t.dir, 'seed.json');
    writeFileSync(seedFile, JSON.stringify(testSeed()));
    const child = spawn(
      process.execPath,
      [
        '--import',
        'tsx',
        join(__dirname, 'run-sim-cli.ts'),
        '--tcp-port',
        '0',
        '--tls-port',
        'off',
        '--soap-port',
        'off',
        '--state',
        stateFile,
        '--seed',
        seedFile,
      ],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    const acknowledged: string[] = [];
    try {
      let out = '';
      child.stdout.setEncoding('utf8');
      await new Promise<void>((resolve, reject) => {
        child.stdout.on('data', (d: string) => ((out += d), out.includes('Press Ctrl+C') && resolve()));
        child.on('exit', () => reject(new Error(`exited early: ${out}`)));
      });
      const port = Number(/OCI-P TCP\s+127\.0\.0\.1:(\d+)/.exec(out)?.[1]);
      const c = await RawClient.connect(port);
      assert.equal((await c.login22('sys', PASSWORDS.sys)).type, 'LoginResponse22V5');
      // Pipelined adds: the kill lands while some are being read, executed or journaled.
      const ids = Array.from({ length: 60 }, (_, i) => `k${i}@sp1.example.com`);
      for (const id of ids)
        c.socket.write(
          `${'<?xml version="1.0" encoding="ISO-8859-1"?>'}<BroadsoftDocument protocol="OCI" xmlns="C" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><sessionId xmlns="">test-session-1</sessionId>${uca22({ userId: id, group: 'tmpl' })}</BroadsoftDocument>\n`,
        );
      for (const id of ids) {
        const doc = await c.nextDocument(20_000);
        if (doc.includes('SuccessResponse')) acknowledged.push(id);
        if (acknowledged.length === 25) child.kill('SIGKILL');
        if (acknowledged.length >= 25) break;
      }
      c.close();
    } finally {
      child.kill('SIGKILL');
    }
    try {
      assert.equal(acknowledged.length, 25);
      const again = await startSimulator({ seed: testSeed(), stateFile });
      for (const id of acknowledged) assert.ok(again.state.users[id], `${id} was acknowledged before kill -9 and is stored`);
      await again.close();
    } finally {
      t.done();
    }
  });

  it('the journal is folded into the snapshot (constant work per change); reload neither loses nor repeats a change', () => {
    const t = tmp();
    const file = join(t.dir, 'state.json');
    const saved = STORE_LIMITS.compactMinBytes;
    STORE_LIMITS.compactMinBytes = 2_000;
    try {
      const store = StateStore.open(emptyState(), file);
      for (let i = 0; i < 200; i++) {
        const d = store.draft();
        d.users[`u${i}`] = {
          userId: `u${i}`,
          serviceProviderId: 's',
          groupId: 'g',
          lastName: 'L',
          firstName: 'F',
          callingLineIdLastName: 'L',
          callingLineIdFirstName: 'F',
          aliases: [],
          alternateUserIds: [],
          sharedCallAppearanceEndpoints: [],
          services: [],
          servicePacks: [],
          hasPassword: false,
          hasPasscode: false,
        };
        if (i % 3 === 0 && i > 0) delete d.users[`u${i - 1}`];
        store.commit(d);
      }
      const snap = JSON.parse(readFileSync(file, 'utf8')) as { journalSeq: number };
      assert.ok(snap.journalSeq > 100, `the journal was folded into the snapshot along the way (${snap.journalSeq})`);
      assert.ok(
        readFileSync(`${file}.journal`, 'utf8').length <= readFileSync(file, 'utf8').length + 1_000,
        'the journal never outgrows the snapshot',
      );
      const expected = Object.keys(store.state.users).sort();
      assert.equal(expected.length, 200 - 66);
      // A crash between writing the snapshot and emptying the journal: the old lines are still there.
      const snapshot = readFileSync(file, 'utf8');
      const journal = readFileSync(`${file}.journal`, 'utf8');
      const reopened = StateStore.open(emptyState(), file);
      assert.deepEqual(Object.keys(reopened.state.users).sort(), expected);
      writeFileSync(file, snapshot);
      writeFileSync(`${file}.journal`, journal + journal + '{"seq":99999,"chan'); // lines repeated, a torn last line
      assert.deepEqual(Object.keys(StateStore.open(emptyState(), file).state.users).sort(), expected);
      assert.equal(store.usersInGroup(store.draft(), 's', 'g'), expected.length);
    } finally {
      STORE_LIMITS.compactMinBytes = saved;
      t.done();
    }
  });
});
