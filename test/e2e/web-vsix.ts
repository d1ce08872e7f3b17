/**
 * A web-only variant of the extension for web-build.test.ts: the same files as the .vsix, with a manifest that has
 * no `main`, only `browser` (dist/web/client.js). VS Code then can only run it in the web worker extension host,
 * as vscode.dev and github.dev do; code-server would otherwise prefer the Node extension host for a workspace
 * extension. Packaged with vsce from a temp copy of the files `vsce ls` lists (dist/ as it is, like ensureVsix).
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { REPO_ROOT } from './prerequisites';

const VSCE = join(REPO_ROOT, 'node_modules/@vscode/vsce/vsce');

function run(args: string[], cwd: string): string {
  const res = spawnSync(process.execPath, [VSCE, ...args], { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  if (res.status !== 0) throw new Error(`vsce ${args.join(' ')} failed (exit ${res.status}):\n${res.stdout}${res.stderr}`);
  return res.stdout;
}

/** Builds the web-only .vsix at `out` (default .e2e/ocip-vscode-web.vsix) and returns its path. */
export function buildWebOnlyVsix(out = join(REPO_ROOT, '.e2e/ocip-vscode-web.vsix')): string {
  const files = run(['ls', '--no-dependencies'], REPO_ROOT)
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
  for (const bundle of ['dist/web/client.js', 'dist/web/server.js'])
    if (!files.includes(bundle)) throw new Error(`${bundle} is missing: build with \`node esbuild.mjs\` first`);
  const dir = mkdtempSync(join(tmpdir(), 'ocip-web-vsix-'));
  try {
    for (const f of files) {
      mkdirSync(dirname(join(dir, f)), { recursive: true });
      cpSync(join(REPO_ROOT, f), join(dir, f));
    }
    cpSync(join(REPO_ROOT, '.vscodeignore'), join(dir, '.vscodeignore'));
    const manifest = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8'));
    delete manifest.main;
    delete manifest.scripts;
    delete manifest.bin;
    writeFileSync(join(dir, 'package.json'), JSON.stringify(manifest, null, 2));
    mkdirSync(dirname(out), { recursive: true });
    run(['package', '--no-dependencies', '--out', out], dir);
    return out;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
