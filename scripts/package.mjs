// Packages the extension into a .vsix: production build (minified, no source maps), then `vsce package`.
//   node scripts/package.mjs [--no-build] [--out FILE]
// --no-build packages dist/ as it is (the e2e tests use it so they never rewrite dist/ under other running tests).
// esbuild bundles every dependency, so vsce runs with --no-dependencies and the .vsix holds no node_modules.
// After packaging, the file list is checked: every path the manifest points at must be inside,
// and nothing that must stay out (sources, maps, tests, node_modules) may be.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, renameSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const outIndex = args.indexOf('--out');
const out = resolve(outIndex >= 0 ? args[outIndex + 1] : resolve(root, 'ocip-vscode.vsix'));
const vsce = resolve(root, 'node_modules/@vscode/vsce/vsce');

function run(what, cmd, cmdArgs) {
  // stdin ignored: if vsce ever asks a yes/no question it gets "no" and fails instead of hanging CI.
  const res = spawnSync(cmd, cmdArgs, { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  if (res.status !== 0) {
    process.stderr.write(`package: ${what} failed (exit ${res.status})\n${res.stdout}${res.stderr}`);
    process.exit(1);
  }
  // vsce's warnings (e.g. a missing repository link) are worth seeing even when it succeeds.
  for (const line of `${res.stdout}\n${res.stderr}`.split('\n')) if (/WARN/i.test(line)) console.warn(`package: ${line.trim()}`);
  return res.stdout;
}

if (!args.includes('--no-build')) {
  console.log('package: production build');
  run('node esbuild.mjs --production', process.execPath, ['esbuild.mjs', '--production']);
}

const files = run('vsce ls', process.execPath, [vsce, 'ls', '--no-dependencies'])
  .split('\n')
  .map((l) => l.trim())
  .filter(Boolean);

const forbidden = files.filter(
  (f) => /\.(map|ts|tsx)$/.test(f) || /(^|\/)(node_modules|test|core|server|client|cli|sim|scripts|bench)\//.test(f),
);
if (forbidden.length) {
  console.error(`package: files that must not ship would be packaged:\n  ${forbidden.join('\n  ')}`);
  process.exit(1);
}

// Paths the manifest refers to; a missing one makes a broken extension that vsce itself does not notice.
const manifest = JSON.parse(readFileSync(resolve(root, 'package.json'), 'utf8'));
const contributes = manifest.contributes ?? {};
const referenced = [
  manifest.main,
  manifest.browser,
  manifest.browser && 'dist/web/server.js',
  manifest.icon,
  ...(contributes.languages ?? []).map((l) => l.configuration),
  ...(contributes.languages ?? []).map((l) => l.icon?.light),
  ...(contributes.languages ?? []).map((l) => l.icon?.dark),
  ...(contributes.grammars ?? []).map((g) => g.path),
  ...(contributes.snippets ?? []).map((s) => s.path),
  ...(contributes.jsonValidation ?? []).map((j) => j.url).filter((u) => u && !/^https?:/.test(u)),
  // %key% placeholders are resolved from package.nls.json, which must ship.
  JSON.stringify(manifest).includes('"%') ? 'package.nls.json' : undefined,
]
  .filter((p) => typeof p === 'string')
  .map((p) => p.replace(/^\.\//, ''));
const missing = referenced.filter((p) => !files.includes(p));
if (missing.length) {
  console.error(`package: the manifest refers to files that would not be packaged:\n  ${missing.join('\n  ')}`);
  process.exit(1);
}

// Package to a temporary name and rename: concurrent e2e test files may package at the same time.
mkdirSync(dirname(out), { recursive: true });
const tmp = `${out}.${process.pid}.tmp`;
run('vsce package', process.execPath, [vsce, 'package', '--no-dependencies', '--out', tmp]);
if (!existsSync(tmp)) {
  console.error(`package: vsce reported success but wrote no ${tmp}`);
  process.exit(1);
}
renameSync(tmp, out);

const kib = (statSync(out).size / 1024).toFixed(1);
console.log(`package: ${out} (${kib} KiB, ${files.length} files)`);
for (const f of files) console.log(`  ${f}`);
// The published (production, minified) .vsix stays under 2 MiB; the web build's bundled model is the largest part.
// --no-build packages the unminified development bundles (e2e), which may be larger.
const MAX_VSIX_BYTES = 2 * 1024 * 1024;
if (!args.includes('--no-build') && statSync(out).size > MAX_VSIX_BYTES) {
  console.error(`package: ${out} is ${kib} KiB, over the 2048 KiB limit`);
  process.exit(1);
}
