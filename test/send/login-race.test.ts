/**
 * The once-in-three-runs failure of secrets.test.ts ("wrong password: exit 1 instead of 2") was not in the login:
 * test files call buildOnce() (esbuild.mjs) while other test files run bin/ocip.js, and esbuild truncated
 * dist/cli.js before writing it, so `require` could load an empty or half bundle ("require(...).main is not a
 * function", an uncaught error: exit 1). esbuild.mjs now writes every output to a temporary file and renames it.
 * Here: the wrong-password scenario in a loop, in-process and as `ocip send` children while dist/ is rebuilt.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { builtinModel } from '../../core/model';
import { DEFAULT_CHECK_OPTIONS } from '../../core/checks/types';
import { prepareSend, runSend, type ServerConfig } from '../../core/send';
import { ADMIN, startTestSimulator, tempDir, uca22Yaml } from './fixtures';
import { buildOnce, ROOT, runOcip } from '../helpers/ocip-cli';

const WRONG_PASSWORD = 'Wr0ng&<Secret>-5150';
const BUILDS = 4;

/** Runs esbuild.mjs `times` times in a row; `running()` is true until the last build has exited. */
function rebuildLoop(times: number): { running: () => boolean; finished: Promise<number[]> } {
  let running = true;
  const finished = (async () => {
    const codes: number[] = [];
    for (let i = 0; i < times; i++) {
      const child = spawn(process.execPath, ['esbuild.mjs'], { cwd: ROOT, stdio: 'ignore' });
      codes.push(await new Promise<number>((resolve) => child.on('exit', (code) => resolve(code ?? -1))));
    }
    running = false;
    return codes;
  })();
  return { running: () => running, finished };
}

describe('a wrong password is always a login failure (exit 2)', () => {
  let sim: Awaited<ReturnType<typeof startTestSimulator>>;
  const tmp = tempDir();
  before(async () => {
    buildOnce();
    sim = await startTestSimulator();
  });
  after(async () => {
    await sim.close();
    tmp.cleanup();
  });

  test(
    '50 in-process sends with a wrong password, TLS and TCP: each fails at the login stage, nothing sent',
    { timeout: 120_000 },
    async () => {
      const prepared = prepareSend(uca22Yaml('race-a@sp1.example.com') + '\n', 'yaml', builtinModel(), { checks: DEFAULT_CHECK_OPTIONS });
      assert.deepEqual(prepared.errors, []);
      const servers: ServerConfig[] = [
        {
          name: 'tls',
          host: '127.0.0.1',
          port: sim.ports.tls,
          transport: 'tls',
          username: ADMIN,
          production: false,
          tls: { fingerprint: sim.tlsFingerprint },
        },
        { name: 'tcp', host: '127.0.0.1', port: sim.ports.tcp, transport: 'tcp', username: ADMIN, production: false },
      ];
      for (let i = 0; i < 50; i++) {
        const outcome = await runSend({ server: servers[i % 2], password: WRONG_PASSWORD, commands: prepared.commands });
        assert.equal(outcome.failure?.stage, 'login', `iteration ${i}: ${JSON.stringify(outcome.failure)}`);
        assert.deepEqual(outcome.rows, []);
      }
      assert.equal(sim.state.users['race-a@sp1.example.com'], undefined);
    },
  );

  test('while dist/ is rebuilt: dist/cli.js is never read half-written, and every `ocip send` exits 2', { timeout: 300_000 }, async () => {
    const file = tmp.write('race.ocip.yaml', uca22Yaml('race-b@sp1.example.com') + '\n');
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
    ];
    const builds = rebuildLoop(BUILDS);

    const readWhileBuilding = async () => {
      let reads = 0;
      const partial: number[] = [];
      while (builds.running()) {
        const text = await readFile(join(ROOT, 'dist', 'cli.js'), 'utf8');
        reads++;
        if (!text.trimEnd().endsWith('//# sourceMappingURL=cli.js.map')) partial.push(text.length);
      }
      return { reads, partial };
    };
    const sendWhileBuilding = async () => {
      const codes: number[] = [];
      while (builds.running() || codes.length < 10) {
        const r = await runOcip(args, { env: { OCIP_PASSWORD: WRONG_PASSWORD } });
        codes.push(r.code);
        if (r.code !== 2) assert.fail(`run ${codes.length}: exit ${r.code}: ${r.stderr.slice(-800)}`);
      }
      return codes;
    };

    const [buildCodes, reading, sends] = await Promise.all([builds.finished, readWhileBuilding(), sendWhileBuilding()]);
    assert.deepEqual(buildCodes, Array(BUILDS).fill(0));
    assert.ok(reading.reads > BUILDS, `${reading.reads} reads`);
    assert.deepEqual(reading.partial, [], `half-written dist/cli.js seen ${reading.partial.length} times in ${reading.reads} reads`);
    assert.ok(sends.every((c) => c === 2));
  });
});
