// `npm run bench [-- --quick] [-- --no-write]`: builds dist/ (the server and CLI are measured as shipped), then
// runs bench/run.ts with tsx. Results: bench/RESULTS.md (--quick only prints them).
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = join(dirname(fileURLToPath(import.meta.url)), '..');
const build = spawnSync(process.execPath, [join(repo, 'esbuild.mjs')], { cwd: repo, stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);
const run = spawnSync(process.execPath, ['--expose-gc', '--import', 'tsx', join(repo, 'bench', 'run.ts'), ...process.argv.slice(2)], {
  cwd: repo,
  stdio: 'inherit',
});
process.exit(run.status ?? 1);
