// `npm run test:electron`: the extension-host suite (test/vscode/suite.ts) in DESKTOP VS Code through
// @vscode/test-electron. It downloads VS Code 1.100.3 (the version of code-server 4.100.3) from
// update.code.visualstudio.com into .vscode-test/, so it needs the internet: the CI machines here cannot reach it,
// and run the same suite inside code-server's extension host instead (test/e2e/extension-host.test.ts, part of
// `npm test`). Set OCIP_VSCODE_EXECUTABLE to run an already installed VS Code without downloading.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { runTests } from '@vscode/test-electron';

const root = resolve(import.meta.dirname, '..');
const build = spawnSync(process.execPath, ['esbuild.mjs'], { cwd: root, stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);

// A copy of the test workspace: the suite changes workspace settings and must not touch the repository.
const workspace = join(mkdtempSync(join(tmpdir(), 'ocip-electron-')), 'workspace');
cpSync(join(root, 'test/e2e/workspace'), workspace, { recursive: true });

try {
  await runTests({
    version: '1.100.3',
    vscodeExecutablePath: process.env.OCIP_VSCODE_EXECUTABLE || undefined,
    extensionDevelopmentPath: root,
    extensionTestsPath: join(root, 'out/test/vscode/suite.js'),
    launchArgs: [workspace, '--disable-extensions', '--disable-workspace-trust', '--skip-welcome', '--skip-release-notes'],
  });
} catch (error) {
  console.error(`extension-host tests failed: ${error instanceof Error ? error.message : error}`);
  process.exit(1);
}
