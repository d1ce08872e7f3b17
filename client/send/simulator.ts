/**
 * "OCI-P: Start Local Simulator": the BroadWorks simulator in the extension host on a free loopback TCP port,
 * with fresh random administrator passwords and a state file in globalStorage (simulator/state.json, reset on
 * each start). It becomes the server "Local simulator" in ocip.servers (workspace settings when a folder is
 * open, else user settings), made active, its System administrator's password put in SecretStorage.
 */
import * as vscode from 'vscode';
import { randomBytes } from 'node:crypto';
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { startSimulator, type RunningSimulator, type SeedData } from '../../sim/index';
import defaultSeed from '../../sim/seed.example.json';
import type { SendLog } from './output';
import type { Passwords } from './passwords';
import { settingsTarget } from './servers';

export const SIMULATOR_SERVER_NAME = 'Local simulator';

let running: { sim: RunningSimulator; stateFile: string } | undefined;

export function simulatorStateFile(storage: vscode.Uri): string {
  return join(storage.fsPath, 'simulator', 'state.json');
}

export async function startLocalSimulator(storage: vscode.Uri, passwords: Passwords, log: SendLog): Promise<void> {
  if (running) {
    void vscode.window.showInformationMessage(`OCI-P: the local simulator is already running on 127.0.0.1:${running.sim.ports.tcp}.`);
    return;
  }
  const stateFile = simulatorStateFile(storage);
  mkdirSync(join(storage.fsPath, 'simulator'), { recursive: true });
  rmSync(stateFile, { force: true });
  const seed = structuredClone(defaultSeed) as SeedData;
  for (const account of seed.accounts) account.password = `sim-${randomBytes(12).toString('base64url')}`;
  const admin = seed.accounts.find((a) => a.level === 'System' && !a.disabled);
  if (!admin) throw new Error('the simulator seed has no System administrator');
  const sim = await startSimulator({ tcpPort: 0, stateFile, seed, log: (line) => log.write(`[sim] ${line}`, admin.password) });
  running = { sim, stateFile };
  setRunningContext(true);
  const port = sim.ports.tcp!;
  await passwords.store({ name: SIMULATOR_SERVER_NAME, username: admin.userId }, admin.password);
  await upsertServerEntry({ name: SIMULATOR_SERVER_NAME, host: '127.0.0.1', port, transport: 'tcp', username: admin.userId });
  log.write(`local simulator started on tcp://127.0.0.1:${port} (${sim.dataMode} data mode), state ${stateFile}; administrators: ${sim.accountNames.join(', ')}`);
  void vscode.window.showInformationMessage(`OCI-P: local simulator running on 127.0.0.1:${port}; "${SIMULATOR_SERVER_NAME}" is the active server.`);
}

export async function stopLocalSimulator(log: SendLog): Promise<void> {
  if (!running) {
    void vscode.window.showInformationMessage('OCI-P: the local simulator is not running.');
    return;
  }
  const { sim } = running;
  running = undefined;
  setRunningContext(false);
  await sim.close();
  log.write('local simulator stopped');
  void vscode.window.showInformationMessage('OCI-P: local simulator stopped.');
}

/** Context key `ocip.simulatorRunning`: Start and Stop Local Simulator appear in the palette only when they can act. */
function setRunningContext(on: boolean): void {
  void vscode.commands.executeCommand('setContext', 'ocip.simulatorRunning', on);
}

export async function disposeSimulator(): Promise<void> {
  const r = running;
  running = undefined;
  await r?.sim.close();
}

/** Adds or replaces the simulator's entry in ocip.servers at the settings level we write to, and makes it active. */
async function upsertServerEntry(entry: { name: string; host: string; port: number; transport: 'tcp'; username: string }): Promise<void> {
  const config = vscode.workspace.getConfiguration('ocip');
  const target = settingsTarget();
  const inspected = config.inspect<unknown[]>('servers');
  const current = (target === vscode.ConfigurationTarget.Workspace ? inspected?.workspaceValue : inspected?.globalValue) ?? [];
  const others = (Array.isArray(current) ? current : []).filter((s) => !(s && typeof s === 'object' && (s as { name?: unknown }).name === entry.name));
  await config.update('servers', [...others, { ...entry, production: false }], target);
  await config.update('activeServer', entry.name, target);
}
