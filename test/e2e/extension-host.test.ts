// The extension-host test suite (test/vscode/suite.ts, written against the VS Code API for @vscode/test-electron)
// run here inside code-server's extension host: the workbench is opened with VS Code's own development payload
// (`extensionDevelopmentPath` = this repository, `extensionTestsPath` = the bundled suite, both vscode-remote URIs),
// so the remote extension host loads the extension under development and calls the suite's run(), exactly as
// desktop VS Code does for `--extensionTestsPath`. The suite writes its per-case results to OCIP_HOST_TEST_REPORT.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { startCodeServer } from './codeServer';
import { CHROMIUM_ARGS, DEFAULT_WORKSPACE } from './harness';
import { CHROMIUM_BIN, ensureCodeServer, ensureVsix, REPO_ROOT } from './prerequisites';

test('the extension-host suite passes inside code-server', { timeout: 600_000 }, async (t) => {
  ensureCodeServer();
  const suite = join(REPO_ROOT, 'out/test/vscode/suite.js');
  assert.ok(existsSync(suite), 'out/test/vscode/suite.js is built by esbuild.mjs');
  const reportDir = mkdtempSync(join(tmpdir(), 'ocip-host-tests-'));
  const report = join(reportDir, 'report.json');
  // The extension host inherits code-server's environment, which startCodeServer copies from ours.
  process.env.OCIP_HOST_TEST_REPORT = report;
  const server = await startCodeServer({ vsix: ensureVsix(), workspace: DEFAULT_WORKSPACE });
  const browser = await chromium.launch({ executablePath: CHROMIUM_BIN, args: CHROMIUM_ARGS, headless: true });
  try {
    const page = await browser.newPage();
    const exitCode = new Promise<number>((resolve) => {
      // The browser workbench reports the end of an extension test run through window.codeAutomationExit.
      void page.exposeFunction('codeAutomationExit', (code: number) => resolve(code));
    });
    const remote = (path: string) => `vscode-remote://127.0.0.1:${server.port}${path}`;
    const payload = JSON.stringify([
      ['extensionDevelopmentPath', remote(REPO_ROOT)],
      ['extensionTestsPath', remote(suite)],
    ]);
    await page.goto(`${server.url}/?folder=${encodeURIComponent(server.workspaceDir)}&payload=${encodeURIComponent(payload)}`);
    // The timer is cleared once the run ends: left running, it kept this test file's process alive for 5 minutes.
    let timer: ReturnType<typeof setTimeout> | undefined;
    const code = await Promise.race([
      exitCode,
      new Promise<number>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`no end of the test run within 5 minutes\n${server.log()}`)), 300_000);
      }),
    ]).finally(() => clearTimeout(timer));
    assert.ok(existsSync(report), `the suite wrote no report (exit code ${code})\n${server.log()}`);
    const results = JSON.parse(readFileSync(report, 'utf8')) as { name: string; ok: boolean; error?: string }[];
    for (const r of results) t.diagnostic(`${r.ok ? 'ok' : 'FAILED'} - ${r.name}${r.error ? `\n${r.error}` : ''}`);
    assert.ok(results.length >= 9, `${results.length} cases ran`);
    assert.deepEqual(
      results.filter((r) => !r.ok).map((r) => `${r.name}: ${r.error}`),
      [],
    );
    assert.equal(code, 0);
  } finally {
    delete process.env.OCIP_HOST_TEST_REPORT;
    await browser.close();
    await server.stop();
    rmSync(reportDir, { recursive: true, force: true });
  }
});
