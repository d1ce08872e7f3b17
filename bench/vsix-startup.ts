/**
 * The .vsix start-up as users get it: code-server (the e2e harness, test/e2e) installs the packaged extension, a
 * small OCI-P file is opened, and the extension's own log line "Start-up: first diagnostics N ms after activation"
 * (client/language-client.ts: from the start of activate() to the first diagnostics the server publishes; it
 * includes starting the server process and loading the built-in model) is read from the OCI-P log file VS Code
 * writes. Each run is a fresh code-server (new user data), so every activation is a cold one. The other start-up
 * lines of that log split the time: activate() → the language server started (client/extension.ts), the server
 * process's own clock (code loaded, initialize received: server/serve.ts), initialized as the client sees it. Beside
 * it, Node's own floor measured in the same run: `node -e ''` spawned and waited for (the server is such a process).
 * The .vsix is the one users install: a production build (minified, no source maps) packaged by scripts/package.mjs
 * into .e2e/ocip-vscode-production.vsix, after which dist/ is rebuilt as the development build the rest uses
 * (OCIP_E2E_VSIX names another .vsix instead, e.g. the development one the e2e tests use).
 * Run alone: `node --import tsx bench/vsix-startup.ts [RUNS]`; `npm run bench` includes it.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { VSCodeSession } from '../test/e2e/harness';
import { REPO_ROOT } from '../test/e2e/prerequisites';
import { summarize, type Summary } from './stats';

/** Every file named `name` under `dir`. */
function findFiles(dir: string, name: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir)) {
    const full = join(dir, entry);
    if (statSync(full).isDirectory()) out.push(...findFiles(full, name));
    else if (entry === name) out.push(full);
  }
  return out;
}

/** The start-up figures of one run, ms. */
interface StartupLines {
  firstDiagnostics: number;
  /** activate() → the language client asked to start the server. */
  serverStarting?: number;
  /** activate() → the client got the answer to initialize. */
  serverInitialized?: number;
  /** The server process's clock: its bundle loaded, then initialize received. */
  serverCodeLoaded?: number;
  serverInitializeReceived?: number;
}

async function startupLines(userDataDir: string): Promise<StartupLines | undefined> {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    for (const file of findFiles(join(userDataDir, 'logs'), 'OCI-P.log')) {
      const log = readFileSync(file, 'utf8');
      const n = (re: RegExp) => {
        const m = re.exec(log);
        return m ? Number(m[1]) : undefined;
      };
      const first = n(/Start-up: first diagnostics (\d+) ms after activation/);
      if (first !== undefined)
        return {
          firstDiagnostics: first,
          serverStarting: n(/Start-up: starting the language server (\d+) ms after activation/),
          serverInitialized: n(/Start-up: language server initialized (\d+) ms after activation/),
          serverCodeLoaded: n(/Code loaded at (\d+) ms/),
          serverInitializeReceived: n(/initialize received at (\d+) ms/),
        };
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  return undefined;
}

/** The production .vsix (see above), or OCIP_E2E_VSIX. */
function shippedVsix(): string {
  if (process.env.OCIP_E2E_VSIX) return process.env.OCIP_E2E_VSIX;
  const out = join(REPO_ROOT, '.e2e', 'ocip-vscode-production.vsix');
  for (const args of [['scripts/package.mjs', '--out', out], ['esbuild.mjs']]) {
    const run = spawnSync(process.execPath, args, { cwd: REPO_ROOT, encoding: 'utf8' });
    if (run.status !== 0) throw new Error(`node ${args.join(' ')} failed: ${run.stderr}`);
  }
  return out;
}

/** `node -e ''` spawned and waited for, ms: what any Node process (the server's) costs before our code runs. */
function nodeSpawnMs(): number {
  const started = performance.now();
  spawnSync(process.execPath, ['-e', '']);
  return performance.now() - started;
}

export interface VsixStartup {
  runs: number;
  firstDiagnostics?: Summary;
  /** The parts of the start-up (medians over the runs that logged them), ms. */
  parts?: { serverStarting?: Summary; serverInitialized?: Summary; serverCodeLoaded?: Summary; serverInitializeReceived?: Summary };
  /** `node -e ''`, spawned from the bench right after each run. */
  nodeSpawn?: Summary;
  failures: string[];
}

export async function benchVsixStartup(runs: number): Promise<VsixStartup> {
  const samples: StartupLines[] = [];
  const spawns: number[] = [];
  const failures: string[] = [];
  const vsix = shippedVsix();
  for (let i = 0; i < runs; i++) {
    let vs: VSCodeSession | undefined;
    try {
      vs = await VSCodeSession.start({ vsix });
      await vs.openFile('missing-lastName.ocip.yaml');
      await vs.waitForProblem(/lastName/, 'missing-lastName.ocip.yaml');
      const lines = await startupLines(vs.userDataDir);
      if (lines === undefined) failures.push(`run ${i + 1}: no start-up line in the OCI-P log`);
      else samples.push(lines);
      spawns.push(nodeSpawnMs());
    } catch (e) {
      failures.push(`run ${i + 1}: ${(e as Error).message.split('\n')[0]}`);
    } finally {
      await vs?.close();
    }
  }
  const part = (k: keyof StartupLines) => {
    const xs = samples.map((x) => x[k]).filter((x): x is number => x !== undefined);
    return xs.length ? summarize(xs) : undefined;
  };
  return {
    runs,
    firstDiagnostics: part('firstDiagnostics'),
    parts: {
      serverStarting: part('serverStarting'),
      serverInitialized: part('serverInitialized'),
      serverCodeLoaded: part('serverCodeLoaded'),
      serverInitializeReceived: part('serverInitializeReceived'),
    },
    nodeSpawn: spawns.length ? summarize(spawns) : undefined,
    failures,
  };
}

if (require.main === module) {
  void benchVsixStartup(Number(process.argv[2] ?? 3)).then((r) => console.log(JSON.stringify(r, null, 2)));
}
