// Installs the project's npm dependencies when they are missing or older than the lock file, and the JDK
// (for the XSD-agreement test) when `javac` is missing and we can install Debian packages.
// Used by `npm test` and `npm start`, so that one command works on a fresh clone.
import { spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';

function run(cmd, args) {
  const r = spawnSync(cmd, args, { stdio: 'inherit' });
  if (r.status !== 0) {
    console.error(`ensure-deps: '${cmd} ${args.join(' ')}' failed`);
    process.exit(r.status ?? 1);
  }
}

export function ensureNodeModules() {
  const stamp = 'node_modules/.package-lock.json';
  if (!existsSync(stamp) || statSync(stamp).mtimeMs < statSync('package-lock.json').mtimeMs) {
    console.log('ensure-deps: npm ci');
    run('npm', ['ci', '--no-audit', '--no-fund']);
  }
}

export function ensureJdk() {
  if (spawnSync('javac', ['-version']).status === 0) return;
  if (process.getuid?.() !== 0) {
    console.log('ensure-deps: javac missing and not root: the XSD-agreement test will be skipped (outside CI)');
    return;
  }
  console.log('ensure-deps: apt-get install default-jdk-headless');
  run('apt-get', ['update', '-q']);
  run('apt-get', ['install', '-y', '-q', '--no-install-recommends', 'default-jdk-headless']);
}
