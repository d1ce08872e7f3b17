/**
 * What an e2e run needs before it starts, made ready on demand:
 * - code-server and Chromium (scripts/setup-e2e.sh, skipped when both are there),
 * - the packaged extension (.e2e/ocip-vscode.vsix, repackaged when dist/ or the manifest is newer),
 *   or the .vsix named by OCIP_E2E_VSIX (e.g. the production one from `npm run package`).
 * The e2e tests install the real .vsix, so what they prove is what users get.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

// import.meta.url, not __dirname: this file is also loaded as ESM (from scripts/screenshots.mjs).
export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const E2E_HOME = process.env.OCIP_E2E_HOME ?? join(homedir(), '.cache/ocip-e2e');
export const CODE_SERVER_BIN = join(E2E_HOME, 'code-server/node_modules/.bin/code-server');
export const CHROMIUM_BIN = process.env.OCIP_E2E_CHROMIUM ?? '/usr/bin/chromium';
export const E2E_VSIX = join(REPO_ROOT, '.e2e/ocip-vscode.vsix');

function runOrThrow(what: string, cmd: string, args: string[]): void {
  const res = spawnSync(cmd, args, { cwd: REPO_ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  if (res.status !== 0) {
    throw new Error(`${what} failed (exit ${res.status ?? res.signal}):\n${res.stdout}${res.stderr}`);
  }
}

export function ensureCodeServer(): void {
  if (existsSync(CODE_SERVER_BIN) && existsSync(CHROMIUM_BIN)) return;
  runOrThrow('scripts/setup-e2e.sh', 'bash', [join(REPO_ROOT, 'scripts/setup-e2e.sh')]);
}

/** Newest modification time of the files that end up in the .vsix. */
function newestInputTime(): number {
  const inputs = [join(REPO_ROOT, 'package.json'), join(REPO_ROOT, 'package.nls.json')];
  for (const dir of ['dist', 'snippets', 'syntaxes', 'languages', 'media']) {
    const full = join(REPO_ROOT, dir);
    if (!existsSync(full)) continue;
    for (const name of readdirSync(full)) inputs.push(join(full, name));
  }
  for (const name of readdirSync(REPO_ROOT)) {
    if (name.includes('language-configuration')) inputs.push(join(REPO_ROOT, name));
  }
  return Math.max(...inputs.map((p) => statSync(p).mtimeMs));
}

/**
 * Returns the path of an up-to-date .vsix (`out`, default .e2e/ocip-vscode.vsix). Packages dist/ as it is (no production build) so that
 * dist/, which other test files run from, is never rewritten during a test run.
 */
export function ensureVsix(out = E2E_VSIX): string {
  if (process.env.OCIP_E2E_VSIX && out === E2E_VSIX) return resolve(process.env.OCIP_E2E_VSIX);
  if (!existsSync(join(REPO_ROOT, 'dist/client.js'))) {
    runOrThrow('node esbuild.mjs', process.execPath, ['esbuild.mjs']);
  }
  if (existsSync(out) && statSync(out).mtimeMs >= newestInputTime()) return out;
  runOrThrow('scripts/package.mjs', process.execPath, ['scripts/package.mjs', '--no-build', '--out', out]);
  return out;
}
