/** Runs the built `ocip` binary (bin/ocip.js) as a child process; `buildOnce` builds dist/ first where a test file needs it. */
import { execFile, spawnSync } from 'node:child_process';
import { join } from 'node:path';

export const ROOT = join(__dirname, '..', '..');

export function buildOnce(): void {
  const res = spawnSync(process.execPath, ['esbuild.mjs'], { cwd: ROOT, encoding: 'utf8' });
  if (res.status !== 0) throw new Error(`build failed: ${res.stderr}`);
}

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

export function runOcip(args: string[], opts: { env?: Record<string, string | undefined>; cwd?: string } = {}): Promise<CliRun> {
  // No send history in the user's home from tests (a test that wants one sets OCIP_HISTORY_FILE).
  const env: Record<string, string | undefined> = { ...process.env, OCIP_PASSWORD: undefined, OCIP_HISTORY_FILE: 'off', ...opts.env };
  for (const k of Object.keys(env)) if (env[k] === undefined) delete env[k];
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [join(ROOT, 'bin', 'ocip.js'), ...args],
      { cwd: opts.cwd ?? ROOT, env: env as NodeJS.ProcessEnv, timeout: 60_000, maxBuffer: 64 << 20 },
      (err, stdout, stderr) => {
        const code = err ? (typeof (err as { code?: unknown }).code === 'number' ? (err as { code: number }).code : -1) : 0;
        resolve({ code, stdout, stderr });
      },
    );
  });
}
