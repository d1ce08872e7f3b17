/** `ocip sim` as a child process: prints its ports and admins (no passwords), serves, stops on SIGTERM. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { buildOnce, ROOT } from '../helpers/ocip-cli';

test('ocip sim starts, listens and stops on SIGTERM', async () => {
  buildOnce();
  const child = spawn(
    process.execPath,
    [join(ROOT, 'bin', 'ocip.js'), 'sim', '--tcp-port', '0', '--tls-port', 'off', '--soap-port', 'off'],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let out = '';
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  try {
    await new Promise<void>((resolve, reject) => {
      child.stdout.on('data', (d) => {
        out += d;
        if (out.includes('Press Ctrl+C')) resolve();
      });
      child.on('exit', () => reject(new Error(`ocip sim exited early: ${out}`)));
    });
    assert.match(out, /OCI-P TCP  127\.0\.0\.1:\d+/);
    assert.match(out, /admins +sysadmin/);
    assert.doesNotMatch(out, /sim-System-1/);
  } finally {
    child.kill('SIGTERM');
  }
  assert.equal(await exited, 0);
  assert.match(out, /Simulator stopped\./);
});
