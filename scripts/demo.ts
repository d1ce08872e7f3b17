/**
 * The demo behind `npm start` (scripts/start.mjs loads this once the npm dependencies are there):
 * build, package the .vsix, set up code-server when missing, start the BroadWorks simulator, prepare
 * .demo/workspace, then run code-server (the e2e harness's launcher) on 127.0.0.1 with the extension installed,
 * print the address and what to try, and run until Ctrl+C (SIGINT) or SIGTERM, then stop everything.
 *
 * Folder: .demo/ (or OCIP_DEMO_DIR, which the e2e test of the demo uses), holding ocip-vscode.vsix,
 * sim-state.json, workspace/ and code-server/ (user data, extensions), all kept between runs.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { freePort, startCodeServer, type CodeServer } from '../test/e2e/codeServer';
import { CHROMIUM_BIN, CODE_SERVER_BIN, REPO_ROOT, ensureVsix } from '../test/e2e/prerequisites';
import { startSimulator, type RunningSimulator } from '../sim/index';
import seed from '../sim/seed.example.json';
import { demoServerSettings, ensureWorkspace } from './demo-workspace';

const PREFERRED = { tcp: 2208, tls: 2209, soap: 8080, codeServer: 8443 };

function say(line = ''): void {
  process.stdout.write(`${line}\n`);
}

/** Runs a step with its output shown (a first setup takes minutes; the user sees it progress). */
function runVisible(what: string, cmd: string, args: string[]): void {
  say(`demo: ${what}`);
  const res = spawnSync(cmd, args, { cwd: REPO_ROOT, stdio: 'inherit' });
  if (res.status !== 0) throw new Error(`${what} failed (exit ${res.status ?? res.signal})`);
}

export async function runDemo(): Promise<void> {
  const demoDir = resolve(process.env.OCIP_DEMO_DIR ?? join(REPO_ROOT, '.demo'));
  const show = (p: string) => (p.startsWith(REPO_ROOT) ? relative(REPO_ROOT, p) : p);
  mkdirSync(demoDir, { recursive: true });

  runVisible('build (node esbuild.mjs)', process.execPath, ['esbuild.mjs']);
  say('demo: package the extension (scripts/package.mjs)');
  const vsix = ensureVsix(join(demoDir, 'ocip-vscode.vsix'));
  if (!existsSync(CODE_SERVER_BIN) || !existsSync(CHROMIUM_BIN)) {
    runVisible('set up code-server and Chromium (scripts/setup-e2e.sh, once)', 'bash', [join(REPO_ROOT, 'scripts/setup-e2e.sh')]);
  }

  let sim: RunningSimulator | undefined;
  let server: CodeServer | undefined;
  let stopping = false;
  const stop = async (why: string) => {
    if (stopping) return;
    stopping = true;
    say(`\ndemo: ${why}: stopping code-server and the simulator`);
    await server?.stop();
    await sim?.close();
    say('demo: stopped');
  };
  // Installed before anything is started, so a Ctrl+C during start-up also stops what is already running.
  const onSignal = (signal: NodeJS.Signals) => {
    if (stopping) {
      say('demo: stopping already; press Ctrl+C again to leave at once');
      process.once(signal, () => process.exit(130));
      return;
    }
    void stop(signal).then(
      () => process.exit(0),
      (e) => {
        console.error(`demo: ${e instanceof Error ? e.message : e}`);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);

  try {
    const stateFile = join(demoDir, 'sim-state.json');
    sim = await startSimulator({
      tcpPort: await freePort(PREFERRED.tcp),
      tlsPort: await freePort(PREFERRED.tls),
      soapPort: await freePort(PREFERRED.soap),
      stateFile,
    });
    if (stopping) {
      await sim.close(); // a Ctrl+C came while it started
      return;
    }
    const admin = seed.accounts.find((a) => a.level === 'System')!;
    const workspace = join(demoDir, 'workspace');
    const { created } = ensureWorkspace(workspace, join(REPO_ROOT, 'examples'));
    say(
      `demo: workspace ${show(workspace)} (${created ? 'copied from examples/' : 'kept as you left it'}); the demo's user settings point at the simulator`,
    );

    say('demo: start code-server');
    server = await startCodeServer({
      vsix,
      workspace,
      workspaceInPlace: true,
      home: join(demoDir, 'code-server'),
      settings: demoServerSettings({ port: sim.ports.tcp!, username: admin.userId }),
      preferredPort: PREFERRED.codeServer,
    });
    if (stopping) {
      await server.stop();
      return;
    }
    const url = `${server.url}/?folder=${encodeURIComponent(workspace)}`;
    say('');
    say(`OCI-P demo ready: ${url}`);
    say('');
    say('  Open that address in your browser: VS Code with the OCI-P extension and the examples.');
    say('  Try:');
    say('    - open add-user-minimal.ocip.yaml (Ctrl+P); the status bar shows "Local simulator";');
    say('    - press Ctrl+Alt+Enter (or click "Send" above the command) to send it to the simulator;');
    say(`    - the password of ${admin.userId} is the demo System administrator's in sim/seed.example.json (a test fixture);`);
    say('    - open mistakes/typical-mistakes.ocip.yaml: problems, hovers, completion (Ctrl+Space), quick fixes (Ctrl+.).');
    say(
      `  Simulator: OCI-P TCP 127.0.0.1:${sim.ports.tcp}, TLS ${sim.ports.tls ?? 'off'}, SOAP http://127.0.0.1:${sim.ports.soap}; state ${show(stateFile)}`,
    );
    say('  Stop with Ctrl+C.');
  } catch (error) {
    await stop('start-up failed');
    throw error;
  }
}
