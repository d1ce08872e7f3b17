// The whole test suite (`npm test`, also what CI runs): installs what is missing, builds, runs the static checks
// (typecheck, lint, format check: `npm run check`), then every test/**/*.test.ts with Node's test runner. A failed
// check fails the run, after the tests have run too. `npm test -- syntax server` runs the files whose path
// contains one of the words, without the static checks (the quick loop while working on one area; add
// `--checks` to run them there too). The end-to-end tests set up code-server and Chromium themselves (scripts/setup-e2e.sh).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureJdk, ensureNodeModules } from './ensure-deps.mjs';

ensureNodeModules();
ensureJdk();
process.env.OCIP_SCHEMA_DIR ??= join(process.cwd(), '..', 'shared', 'reference', 'ocip-schema-r25');

const args = process.argv.slice(2);
const withChecks = args.includes('--checks');
const filters = args.filter((a) => a !== '--checks');
const build = spawnSync(process.execPath, ['esbuild.mjs'], { stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);

const failedChecks = [];
if (withChecks || filters.length === 0) {
  const bin = (pkg, file) => join('node_modules', pkg, file);
  for (const [name, script, scriptArgs] of [
    ['typecheck', bin('typescript', 'bin/tsc'), ['-p', '.', '--noEmit']],
    ['lint', bin('eslint', 'bin/eslint.js'), ['.']],
    ['format check', bin('prettier', 'bin/prettier.cjs'), ['--check', '--log-level', 'warn', '.']],
  ]) {
    console.log(`\n# ${name}`);
    const res = spawnSync(process.execPath, [script, ...scriptArgs], { stdio: 'inherit' });
    if (res.status !== 0) failedChecks.push(name);
  }
  if (failedChecks.includes('format check')) console.log('Formatting differs: `npm run format` rewrites the files, then review the diff.');
}

let files = readdirSync('test', { recursive: true })
  .filter((f) => f.endsWith('.test.ts'))
  .map((f) => join('test', f))
  .sort();
if (filters.length) files = files.filter((f) => filters.some((x) => f.includes(x)));
// End-to-end tests last and alone: they drive a real VS Code and need the whole machine.
const e2e = files.filter((f) => f.startsWith('test/e2e/'));
const rest = files.filter((f) => !e2e.includes(f));
let status = 0;
const totals = { pass: 0, fail: 0, skipped: 0, todo: 0 };
const tapDir = mkdtempSync(join(tmpdir(), 'ocip-test-'));
for (const [name, group, concurrency] of [
  ['unit', rest, 2],
  ['e2e', e2e, 1],
]) {
  if (!group.length) continue;
  const tap = join(tapDir, `${name}.tap`);
  const res = spawnSync(
    process.execPath,
    [
      '--import',
      'tsx',
      '--test',
      `--test-concurrency=${concurrency}`,
      '--test-timeout=900000',
      '--test-reporter=spec',
      '--test-reporter-destination=stdout',
      '--test-reporter=tap',
      `--test-reporter-destination=${tap}`,
      ...group,
    ],
    { stdio: 'inherit' },
  );
  if (res.status !== 0) status = res.status ?? 1;
  // The two runs print separate summaries; add them up for one closing line.
  const text = readFileSync(tap, 'utf8');
  for (const key of Object.keys(totals)) totals[key] += Number(new RegExp(`^# ${key} (\\d+)$`, 'm').exec(text)?.[1] ?? 0);
}
console.log(`\ntests: ${totals.pass} passed, ${totals.fail} failed, ${totals.skipped} skipped`);
if (failedChecks.length) {
  console.log(`static checks failed: ${failedChecks.join(', ')}`);
  status ||= 1;
}
process.exit(status);
