// The whole test suite (`npm test`, also what CI runs): installs what is missing, builds, then runs every
// test/**/*.test.ts with Node's test runner. `npm test -- syntax server` runs the files whose path contains
// one of the words. The end-to-end tests set up code-server and Chromium themselves (scripts/setup-e2e.sh).
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { ensureJdk, ensureNodeModules } from './ensure-deps.mjs';

function walk(dir) {
  const out = [];
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...walk(p));
    else if (name.endsWith('.test.ts')) out.push(p);
  }
  return out;
}

ensureNodeModules();
ensureJdk();
process.env.OCIP_SCHEMA_DIR ??= join(process.cwd(), '..', 'shared', 'reference', 'ocip-schema-r25');

const filters = process.argv.slice(2);
const build = spawnSync(process.execPath, ['esbuild.mjs'], { stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);

let files = walk('test').sort();
if (filters.length) files = files.filter((f) => filters.some((x) => f.includes(x)));
// End-to-end tests last and alone: they drive a real VS Code and need the whole machine.
const e2e = files.filter((f) => f.includes(`test${'/'}e2e${'/'}`));
const rest = files.filter((f) => !e2e.includes(f));
let status = 0;
for (const [group, concurrency] of [[rest, 2], [e2e, 1]]) {
  if (!group.length) continue;
  const res = spawnSync(process.execPath, ['--import', 'tsx', '--test', `--test-concurrency=${concurrency}`, '--test-timeout=900000', ...group], { stdio: 'inherit' });
  if (res.status !== 0) status = res.status ?? 1;
}
process.exit(status);
