/**
 * "OCI-P: Start Local Simulator": the BroadWorks simulator in the extension host on a free loopback TCP port,
 * with fresh random administrator passwords and a state file in globalStorage (simulator/state.json, reset on
 * each start). It becomes the server "Local simulator", held in memory only (no settings file is written: a random port in
 * a committed .vscode/settings.json, or a workspace list hiding the user's own servers, were the old faults),
 * made active until Stop, which removes it so the active server is the configured one again. Its System
 * administrator's password goes to SecretStorage under the key of that endpoint and is deleted on Stop.
 */
import * as vscode from 'vscode';
import { randomBytes } from 'node:crypto';
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { startSimulator, type RunningSimulator, type SeedData } from '../../sim/index';
import defaultSeed from '../../sim/seed.example.json';
import { loadSchemaDirCached, type ModelIndex } from '../../core/model';
import { normalizeSettings } from '../../core/settings';
import type { SendLog } from './output';
import type { Passwords } from './passwords';
import { clearTransientServer, setTransientServer } from './servers';
import type { ServerConfig } from '../../core/send';

export const SIMULATOR_SERVER_NAME = 'Local simulator';

let running: { sim: RunningSimulator; stateFile: string; server: ServerConfig; passwords: Passwords } | undefined;

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
  // With ocip.schemaDirectory, the simulator accepts every command of that release (and answers what it can).
  const model = simulatorModel(storage, log);
  const sim = await startSimulator({ tcpPort: 0, stateFile, seed, model, log: (line) => log.write(`[sim] ${line}`, admin.password) });
  const port = sim.ports.tcp!;
  const server: ServerConfig = {
    name: SIMULATOR_SERVER_NAME,
    host: '127.0.0.1',
    port,
    transport: 'tcp',
    username: admin.userId,
    production: false,
  };
  running = { sim, stateFile, server, passwords };
  setRunningContext(true);
  await passwords.store(server, admin.password);
  setTransientServer(server);
  log.write(
    `local simulator started on tcp://127.0.0.1:${port} (${sim.dataMode} data mode), state ${stateFile}; administrators: ${sim.accountNames.join(', ')}`,
  );
  void vscode.window.showInformationMessage(
    `OCI-P: local simulator running on 127.0.0.1:${port}; "${SIMULATOR_SERVER_NAME}" is the active server.`,
  );
}

function simulatorModel(storage: vscode.Uri, log: SendLog): ModelIndex | undefined {
  // The one settings normalizer: a relative folder is the first workspace folder's, never the process's directory.
  const folder = vscode.workspace.workspaceFolders?.[0];
  const raw = vscode.workspace.getConfiguration(undefined, folder?.uri).get<Record<string, unknown>>('ocip');
  const dir = normalizeSettings(raw, { workspaceFolder: folder?.uri.scheme === 'file' ? folder.uri.fsPath : undefined }).settings
    .schemaDirectory;
  if (!dir) return undefined;
  try {
    return loadSchemaDirCached(dir, join(storage.fsPath, 'schema-cache'));
  } catch (e) {
    log.write(`local simulator: ocip.schemaDirectory is not usable (${(e as Error).message}); using the built-in model`);
    return undefined;
  }
}

export async function stopLocalSimulator(log: SendLog): Promise<void> {
  if (!running) {
    void vscode.window.showInformationMessage('OCI-P: the local simulator is not running.');
    return;
  }
  await disposeSimulator();
  log.write('local simulator stopped');
  void vscode.window.showInformationMessage('OCI-P: local simulator stopped.');
}

/** Context key `ocip.simulatorRunning`: Start and Stop Local Simulator appear in the palette only when they can act. */
function setRunningContext(on: boolean): void {
  void vscode.commands.executeCommand('setContext', 'ocip.simulatorRunning', on);
}

/** Stops the simulator, removes its in-memory server entry and forgets its one-time password. */
export async function disposeSimulator(): Promise<void> {
  const r = running;
  running = undefined;
  setRunningContext(false);
  if (!r) return;
  clearTransientServer();
  await r.sim.close();
  await Promise.resolve(r.passwords.forget(r.server)).catch(() => undefined); // the secret store may be gone at shutdown
}
