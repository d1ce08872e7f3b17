/**
 * The .vsix start-up as users get it: code-server (the e2e harness, test/e2e) installs the packaged extension, a
 * small OCI-P file is opened, and the extension's own log line "Start-up: first diagnostics N ms after activation"
 * (client/language-client.ts: from the start of activate() to the first diagnostics the server publishes; it
 * includes starting the server process and loading the built-in model) is read from the OCI-P log file VS Code
 * writes. Each run is a fresh code-server (new user data), so every activation is a cold one.
 * Run alone: `node --import tsx bench/vsix-startup.ts [RUNS]`; `npm run bench` includes it.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { VSCodeSession } from '../test/e2e/harness';
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

async function startupLine(userDataDir: string): Promise<number | undefined> {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    for (const file of findFiles(join(userDataDir, 'logs'), 'OCI-P.log')) {
      const m = /Start-up: first diagnostics (\d+) ms after activation/.exec(readFileSync(file, 'utf8'));
      if (m) return Number(m[1]);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  return undefined;
}

export interface VsixStartup {
  runs: number;
  firstDiagnostics?: Summary;
  failures: string[];
}

export async function benchVsixStartup(runs: number): Promise<VsixStartup> {
  const samples: number[] = [];
  const failures: string[] = [];
  for (let i = 0; i < runs; i++) {
    let vs: VSCodeSession | undefined;
    try {
      vs = await VSCodeSession.start();
      await vs.openFile('missing-lastName.ocip.yaml');
      await vs.waitForProblem(/lastName/, 'missing-lastName.ocip.yaml');
      const ms = await startupLine(vs.userDataDir);
      if (ms === undefined) failures.push(`run ${i + 1}: no start-up line in the OCI-P log`);
      else samples.push(ms);
    } catch (e) {
      failures.push(`run ${i + 1}: ${(e as Error).message.split('\n')[0]}`);
    } finally {
      await vs?.close();
    }
  }
  return { runs, firstDiagnostics: samples.length ? summarize(samples) : undefined, failures };
}

if (require.main === module) {
  void benchVsixStartup(Number(process.argv[2] ?? 3)).then((r) => console.log(JSON.stringify(r, null, 2)));
}
