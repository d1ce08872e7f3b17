// "Safe in anyone's VS Code", in a real VS Code (code-server):
// - a pom.xml opened alone starts no OCI-P language server and shows no OCI-P status; a BroadsoftDocument .xml
//   is switched to OCI-P XML and starts it;
// - a workspace's .vscode/settings.json that redefines the user's server "prod" (same name and user, another
//   address, allowSelfSigned) is ignored, and when the user's own settings move "prod" elsewhere the stored
//   password is not used: a fresh prompt, and a recording listener at the new address receives nothing;
// - Start / Stop Local Simulator leave the user and workspace settings files byte-identical, and Stop gives
//   back the active server that was configured before.
import { after, before } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startSimulator, type RunningSimulator } from '../../sim/index';
import seed from '../../sim/seed.example.json';
import { VSCodeSession, e2eTest } from './harness';
import { REPO_ROOT } from './prerequisites';

const ADMIN = seed.accounts.find((a) => a.level === 'System')!;
const MINIMAL = 'add-user-minimal.ocip.yaml';
const QUIET_FOR_TEST = { 'security.workspace.trust.enabled': false };

let vs: VSCodeSession | undefined;
let sim: RunningSimulator | undefined;
let tmp = '';
/** Everything the impostor listener received: connections and bytes. */
const impostor = { connections: 0, bytes: Buffer.alloc(0) };
let impostorServer: Server | undefined;
let impostorPort = 0;

const prodAt = (port: number, extra: Record<string, unknown> = {}) => ({
  name: 'prod',
  host: '127.0.0.1',
  port,
  transport: 'tcp',
  username: ADMIN.userId,
  ...extra,
});
const userSettingsFile = () => join(vs!.userDataDir, 'User/settings.json');
const workspaceSettingsFile = () => join(vs!.workspaceDir, '.vscode/settings.json');
const passwordBox = () =>
  vs!.page.locator('.quick-input-widget', { has: vs!.page.locator('.quick-input-title', { hasText: /^OCI-P: Password$/ }) });

/** Command lines of the OCI-P language servers of this code-server (its extensions folder). */
function languageServers(): string[] {
  const extensions = join(vs!.userDataDir, '..', 'extensions');
  const ps = execFileSync('ps', ['-eo', 'args'], { encoding: 'utf8' });
  return ps.split('\n').filter((l) => l.includes(extensions) && /dist\/server\.js/.test(l));
}

async function until(what: string, cond: () => boolean, timeoutMs = 45_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!cond()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

/**
 * Rewrites the user's settings.json with these ocip.* values (over what is there) the way a user does: in the
 * settings JSON editor, saved. (VS Code's own write path; no reliance on a file watcher.)
 */
async function writeUserSettings(values: Record<string, unknown>): Promise<void> {
  const current = JSON.parse(readFileSync(userSettingsFile(), 'utf8'));
  await vs!.runCommand('Preferences: Open User Settings (JSON)');
  await vs!.page.locator('.editor-group-container.active .tabs-container .tab.active', { hasText: 'settings.json' }).waitFor();
  await vs!.page.locator('.editor-group-container.active .monaco-editor textarea').first().focus();
  await vs!.page.keyboard.press('Control+A');
  await vs!.page.keyboard.press('Delete');
  await vs!.insertText(JSON.stringify({ ...current, ...values }, null, 2));
  // Whatever the editor auto-closed after the cursor (a '}' for the typed '{') goes.
  await vs!.page.keyboard.press('Control+Shift+End');
  await vs!.page.keyboard.press('Delete');
  await vs!.page.keyboard.press('Control+S');
  await vs!.page.locator('.editor-group-container.active .tabs-container .tab.active.dirty').waitFor({ state: 'detached' });
  await vs!.runCommand('View: Close Editor');
}

async function sendMinimal(): Promise<void> {
  await vs!.clearNotifications();
  await vs!.runCommand('View: Focus First Editor Group');
  await vs!.openFile(MINIMAL);
  await vs!.runCommand('OCI-P: Send to BroadWorks');
}

before(async () => {
  sim = await startSimulator({ tcpPort: 0, stateFile: join(mkdtempSync(join(tmpdir(), 'ocip-e2e-safe-sim-')), 'state.json') });
  impostorServer = createServer((socket) => {
    impostor.connections++;
    socket.on('data', (d) => (impostor.bytes = Buffer.concat([impostor.bytes, d])));
  });
  await new Promise<void>((r) => impostorServer!.listen(0, '127.0.0.1', r));
  impostorPort = (impostorServer.address() as { port: number }).port;

  tmp = mkdtempSync(join(tmpdir(), 'ocip-e2e-safe-ws-'));
  cpSync(join(REPO_ROOT, 'test/e2e/safe-workspace'), tmp, { recursive: true });
  mkdirSync(join(tmp, '.vscode'), { recursive: true });
  // The hostile repository: same server name and user, its own address, TLS checks off.
  writeFileSync(
    join(tmp, '.vscode/settings.json'),
    JSON.stringify(
      { 'ocip.servers': [prodAt(impostorPort, { tls: { allowSelfSigned: true } })], 'ocip.activeServer': 'prod', 'editor.tabSize': 2 },
      null,
      2,
    ) + '\n',
  );
  vs = await VSCodeSession.start({
    workspace: tmp,
    settings: { ...QUIET_FOR_TEST, 'ocip.servers': [prodAt(sim.ports.tcp!)], 'ocip.activeServer': 'prod' },
  });
});

after(async () => {
  await vs?.close();
  await sim?.close();
  await new Promise((r) => impostorServer?.close(r));
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

e2eTest(
  'a pom.xml opened alone starts no language server and shows no OCI-P status; a BroadsoftDocument .xml does',
  () => vs,
  async () => {
    await vs!.openFile('pom.xml');
    await vs!.waitForLanguageMode('XML');
    // The extension is activated by XML files (for the BroadsoftDocument check) and has run its activate().
    assert.match(await vs!.runningExtension('OCI-P for BroadWorks'), /Activation/);
    await vs!.runCommand('View: Focus First Editor Group');
    await vs!.openFile('pom.xml');
    await vs!.waitForLanguageMode('XML');
    assert.deepEqual(languageServers(), [], 'no OCI-P language server for a pom.xml');
    const statusTexts = (await vs!.page.locator('.part.statusbar .statusbar-item').allInnerTexts()).map((t) => t.trim());
    assert.ok(!statusTexts.some((t) => /OCI-P|prod/.test(t)), JSON.stringify(statusTexts));

    await vs!.openFile('legacy-users.xml');
    await vs!.waitForLanguageMode('OCI-P XML');
    await until('the language server to start', () => languageServers().length === 1);
    await vs!.waitForStatusBarItem('prod');
  },
);

e2eTest(
  'a workspace redefining "prod" is ignored: the send goes to the user\'s prod, the impostor receives nothing',
  () => vs,
  async () => {
    await sendMinimal();
    await vs!.answerInputBox('OCI-P: Password', ADMIN.password);
    await vs!.waitForMessage(/^OCI-P: 1 of 1 command succeeded\.$/);
    assert.equal(sim!.state.users['alice.martin@acme.example.com']?.lastName, 'Martin', "the user's own server executed it");
    assert.equal(impostor.connections, 0);
    assert.equal(impostor.bytes.length, 0);
  },
);

e2eTest(
  '"prod" moved to another address: a fresh password prompt, and the stored password reaches nothing',
  () => vs,
  async () => {
    await writeUserSettings({ 'ocip.servers': [prodAt(impostorPort)] });
    await vs!.runCommand('View: Focus First Editor Group');
    await vs!.openFile(MINIMAL);
    await vs!.waitForStatusBarItem('prod');
    await vs!.page
      .locator('.part.statusbar .statusbar-item a[aria-label*="127.0.0.1:' + impostorPort + '"]')
      .first()
      .waitFor();
    await sendMinimal();
    await passwordBox().waitFor();
    await vs!.page.keyboard.press('Escape');
    await passwordBox().waitFor({ state: 'hidden' });
    assert.equal(impostor.connections, 0, 'nothing connected to the new address without a password typed for it');
    assert.equal(impostor.bytes.length, 0);
    await writeUserSettings({ 'ocip.servers': [prodAt(sim!.ports.tcp!)] });
    await vs!.page
      .locator('.part.statusbar .statusbar-item a[aria-label*="127.0.0.1:' + sim!.ports.tcp + '"]')
      .first()
      .waitFor();
  },
);

e2eTest(
  'Start and Stop Local Simulator leave both settings files byte-identical and give back the active server',
  () => vs,
  async () => {
    const userBefore = readFileSync(userSettingsFile());
    const workspaceBefore = readFileSync(workspaceSettingsFile());
    await vs!.runCommand('View: Focus First Editor Group');
    await vs!.openFile(MINIMAL);
    await vs!.clearNotifications();
    await vs!.runCommand('OCI-P: Start Local Simulator');
    await vs!.waitForMessage(/^OCI-P: local simulator running on 127\.0\.0\.1:\d+; "Local simulator" is the active server\.$/);
    await vs!.waitForStatusBarItem('Local simulator');
    await sendMinimal();
    await vs!.waitForMessage(/^OCI-P: 1 of 1 command succeeded\.$/);
    assert.equal(await passwordBox().isVisible(), false, "no prompt: the simulator's password is in the secret store");
    await vs!.clearNotifications();
    await vs!.runCommand('OCI-P: Stop Local Simulator');
    await vs!.waitForMessage('OCI-P: local simulator stopped.');
    await vs!.runCommand('View: Focus First Editor Group');
    await vs!.openFile(MINIMAL);
    const label = await vs!.waitForStatusBarItem('prod');
    assert.match(label, new RegExp(`127\\.0\\.0\\.1:${sim!.ports.tcp}`));
    assert.ok(readFileSync(userSettingsFile()).equals(userBefore), 'user settings.json unchanged');
    assert.ok(readFileSync(workspaceSettingsFile()).equals(workspaceBefore), '.vscode/settings.json unchanged');
  },
);

e2eTest(
  'the language status of an OCI-P file shows the model, the data mode and level, and the server',
  () => vs,
  async () => {
    await vs!.runCommand('View: Focus First Editor Group');
    await vs!.openFile(MINIMAL);
    await vs!.page.locator('[id="status.languageStatus"]').click();
    const entries = vs!.page.locator('.hover-language-status');
    await entries.filter({ hasText: 'AS data mode, System administrator' }).first().waitFor();
    await entries.filter({ hasText: 'Send to prod' }).first().waitFor();
    await entries.filter({ hasText: 'built-in R25 model' }).first().waitFor();
    await vs!.page.keyboard.press('Escape');
  },
);
