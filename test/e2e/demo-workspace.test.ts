// The demo's workspace (scripts/demo-workspace.ts): copied once, never overwritten; its settings point at the
// simulator while the user's other settings and servers stay.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureWorkspace, writeServerSettings } from '../../scripts/demo-workspace';
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

test('settings: the simulator entry is added, then replaced by name; other settings and servers stay', () => {
  withTempDir((workspace) => {
    mkdirSync(join(workspace, '.vscode'));
    const file = join(workspace, '.vscode/settings.json');
    writeFileSync(
      file,
      `{
  // the user's own
  "editor.tabSize": 2,
  "ocip.servers": [{ "name": "Lab", "host": "10.0.0.5", "username": "admin" }, { "name": "Local simulator", "host": "127.0.0.1", "port": 1, "username": "x" }],
  "ocip.activeServer": "Lab",
}`,
    );
    writeServerSettings(workspace, { port: 2208, username: 'sysadmin' });
    writeServerSettings(workspace, { port: 40001, username: 'sysadmin' });
    const settings = JSON.parse(readFileSync(file, 'utf8'));
    assert.equal(settings['editor.tabSize'], 2);
    assert.deepEqual(settings['ocip.servers'], [
      { name: 'Lab', host: '10.0.0.5', username: 'admin' },
      { name: 'Local simulator', host: '127.0.0.1', port: 40001, transport: 'tcp', username: 'sysadmin', production: false },
    ]);
    assert.equal(settings['ocip.activeServer'], 'Local simulator');
  });
});

test('settings: a broken settings.json is reported with its position and left untouched', () => {
  withTempDir((workspace) => {
    mkdirSync(join(workspace, '.vscode'));
    const file = join(workspace, '.vscode/settings.json');
    writeFileSync(file, '{\n  "editor.tabSize": 2\n  "x": 1\n}');
    assert.throws(() => writeServerSettings(workspace, { port: 2208, username: 'sysadmin' }), /settings\.json:3:\d+: not valid JSON/);
    assert.equal(readFileSync(file, 'utf8'), '{\n  "editor.tabSize": 2\n  "x": 1\n}');
  });
});
