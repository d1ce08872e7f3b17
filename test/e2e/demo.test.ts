// `npm start` (scripts/start.mjs → scripts/demo.ts) as a user runs it: it prints a "ready" line with the address,
// that address is VS Code with the examples and the extension, the simulator is the active server and answers a
// send, and Ctrl+C (SIGINT) stops everything: no process and no listening port is left.
import { StateStore } from '../../sim/engine/store';
import { after, before } from 'node:test';
import assert from 'node:assert/strict';
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import seed from '../../sim/seed.example.json';
import { VSCodeSession, e2eTest } from './harness';
import { REPO_ROOT } from './prerequisites';

const READY = /OCI-P demo ready: (http:\/\/127\.0\.0\.1:\d+\/\?folder=\S+)/;
const SIM_PORT = /OCI-P TCP 127\.0\.0\.1:(\d+)/;

let demoDir: string;
let demo: ChildProcess | undefined;
let exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
let output = '';
let url = '';
let simPort = 0;
let vs: VSCodeSession | undefined;

/** Pids of processes whose command line or environment mentions `text` (the demo's folder). */
function processesMentioning(text: string): number[] {
  const pids: number[] = [];
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name) || Number(name) === process.pid) continue;
    try {
      const cmdline = readFileSync(`/proc/${name}/cmdline`, 'utf8');
      const environ = readFileSync(`/proc/${name}/environ`, 'utf8');
      if (cmdline.includes(text) || environ.includes(text)) pids.push(Number(name));
    } catch {
      // gone meanwhile, or not ours to read
    }
  }
  return pids;
}

/** True when something accepts connections on 127.0.0.1:port. */
function listening(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

/** Resolves when `predicate` holds, checking on every tick of a short interval; rejects after `ms`. */
function until(what: string, predicate: () => boolean | Promise<boolean>, ms: number): Promise<void> {
  const deadline = Date.now() + ms;
  return new Promise((resolve, reject) => {
    const check = async () => {
      if (await predicate()) return resolve();
      if (Date.now() > deadline) return reject(new Error(`timed out waiting for ${what}`));
      setTimeout(check, 100);
    };
    void check();
  });
}

before(async () => {
  demoDir = mkdtempSync(join(tmpdir(), 'ocip-demo-'));
  demo = spawn(process.execPath, ['scripts/start.mjs'], {
    cwd: REPO_ROOT,
    env: { ...process.env, OCIP_DEMO_DIR: demoDir },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true, // its own process group, so after() can stop whatever is left of it
  });
  exited = new Promise((resolve) => demo!.once('exit', (code, signal) => resolve({ code, signal })));
  demo.stdout!.on('data', (d) => (output += d));
  demo.stderr!.on('data', (d) => (output += d));
  await Promise.race([
    until('the ready line', () => READY.test(output), 180_000),
    exited.then(({ code }) => {
      throw new Error(`npm start exited (${code}) before it was ready:\n${output}`);
    }),
  ]);
  url = READY.exec(output)![1];
  simPort = Number(SIM_PORT.exec(output)?.[1]);
});

after(async () => {
  await vs?.close();
  if (demo && demo.exitCode === null && demo.signalCode === null) {
    process.kill(demo.pid!, 'SIGINT');
    await Promise.race([exited, until('the demo to stop', () => demo!.exitCode !== null, 15_000).catch(() => {})]);
    try {
      process.kill(-demo.pid!, 'SIGKILL');
    } catch {
      // already gone
    }
  }
  // Whatever a failed test left behind: only processes of this demo folder, by id.
  for (const pid of processesMentioning(demoDir)) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // gone
    }
  }
  rmSync(demoDir, { recursive: true, force: true });
});

e2eTest(
  'the ready line names a loopback address and the demo folder as the workspace',
  () => vs,
  async () => {
    const folder = new URL(url).searchParams.get('folder');
    assert.equal(folder, join(demoDir, 'workspace'));
    assert.match(output, /Ctrl\+Alt\+Enter/);
    assert.ok(simPort > 0, output);
    // ocip.servers is application-scoped: the demo writes its server to the demo's user settings, never to the workspace.
    assert.ok(!existsSync(join(folder!, '.vscode/settings.json')), 'no workspace settings file');
    const settings = JSON.parse(readFileSync(join(demoDir, 'code-server/user-data/User/settings.json'), 'utf8'));
    assert.deepEqual(settings['ocip.servers'], [
      { name: 'Local simulator', host: '127.0.0.1', port: simPort, transport: 'tcp', username: 'sysadmin', production: false },
    ]);
    assert.equal(settings['ocip.activeServer'], 'Local simulator');
  },
);

e2eTest(
  'the address opens VS Code with the examples; "Local simulator" is the active server and answers a send',
  () => vs,
  async () => {
    vs = await VSCodeSession.attach(url, new URL(url).searchParams.get('folder')!);
    const explorer = await vs.page.locator('.explorer-folders-view .monaco-list-row .label-name').allInnerTexts();
    for (const name of ['mistakes', 'add-user-minimal.ocip.yaml', 'add-user.ocip.xml'])
      assert.ok(explorer.includes(name), `${name} in ${explorer}`);
    await vs.openFile('add-user-minimal.ocip.yaml');
    await vs.waitForStatusBarItem('Local simulator');
    // What the ready message tells the user to do: Ctrl+Alt+Enter in the file, then the seed's password.
    await vs.goTo(2, 1);
    await vs.page.keyboard.press('Control+Alt+Enter');
    await vs.answerInputBox('OCI-P: Password', seed.accounts.find((a) => a.level === 'System')!.password);
    await vs.waitForMessage(/^OCI-P: 1 of 1 command succeeded\.$/);
    // The state file is a snapshot plus an append-only journal (sim/engine/store.ts): read both.
    const state = StateStore.read(join(demoDir, 'sim-state.json'));
    assert.ok(state.users['alice.martin@acme.example.com'], 'the simulator persisted the new user');
  },
);

e2eTest(
  'Ctrl+C (SIGINT) stops the demo, code-server and the simulator',
  () => vs,
  async () => {
    await vs?.close();
    vs = undefined;
    const codeServerPort = Number(new URL(url).port);
    assert.ok(await listening(codeServerPort));
    assert.ok(await listening(simPort));
    process.kill(demo!.pid!, 'SIGINT');
    const { code } = await exited;
    assert.equal(code, 0, output);
    assert.match(output, /demo: stopped/);
    assert.equal(await listening(codeServerPort), false, 'code-server still listening');
    assert.equal(await listening(simPort), false, 'the simulator still listening');
    assert.deepEqual(processesMentioning(demoDir), []);
  },
);
