// The demo's workspace (scripts/demo-workspace.ts): copied once, never overwritten; the simulator's server goes
// to the demo's user settings, never to the workspace.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { demoServerSettings, ensureWorkspace } from '../../scripts/demo-workspace';
import { REPO_ROOT } from './prerequisites';

function withTempDir(fn: (dir: string) => void): void {
  const dir = mkdtempSync(join(tmpdir(), 'ocip-demo-ws-'));
  try {
    fn(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

test('the workspace is copied from examples/ once; an edited file survives the next start', () => {
  withTempDir((dir) => {
    const workspace = join(dir, 'workspace');
    const examples = join(REPO_ROOT, 'examples');
    assert.deepEqual(ensureWorkspace(workspace, examples), { created: true });
    const file = join(workspace, 'add-user-minimal.ocip.yaml');
    assert.equal(readFileSync(file, 'utf8'), readFileSync(join(examples, 'add-user-minimal.ocip.yaml'), 'utf8'));
    writeFileSync(file, 'command: UserGetRequest23V2\nuserId: edited@example.com\n');
    assert.deepEqual(ensureWorkspace(workspace, examples), { created: false });
    assert.equal(readFileSync(file, 'utf8'), 'command: UserGetRequest23V2\nuserId: edited@example.com\n');
  });
});

test("settings: the simulator entry for the demo's user settings (never a workspace file)", () => {
  assert.deepEqual(demoServerSettings({ port: 40001, username: 'sysadmin' }), {
    'ocip.servers': [
      { name: 'Local simulator', host: '127.0.0.1', port: 40001, transport: 'tcp', username: 'sysadmin', production: false },
    ],
    'ocip.activeServer': 'Local simulator',
  });
});
