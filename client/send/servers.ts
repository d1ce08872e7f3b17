/**
 * Servers from the `ocip.servers` setting, plus the local simulator's entry while it runs, and the active one.
 * Both settings have scope `application`: only the user's own settings define where a password goes, never a
 * workspace's `.vscode/settings.json`. The active server is `ocip.activeServer` (a name, shared with
 * `ocip send --server`), which the picker writes to the user settings; the simulator's entry and its turn as
 * the active server live in memory only, so no settings file is ever written for it.
 */
import * as vscode from 'vscode';
import { parseServers, serverAddress, type ServerConfig } from '../../core/send';

/** The in-memory server (the local simulator) and whether it is the active one. */
let transient: { server: ServerConfig; active: boolean } | undefined;
const changed = new vscode.EventEmitter<void>();
/** Fires when the list or the active server changes (settings or the simulator). */
export const onDidChangeServers = changed.event;

export function readServers(): { servers: ServerConfig[]; problems: string[] } {
  const parsed = parseServers(vscode.workspace.getConfiguration('ocip').get('servers'));
  if (!transient) return parsed;
  return { servers: [...parsed.servers.filter((s) => s.name !== transient!.server.name), transient.server], problems: parsed.problems };
}

/** The configured active server; with a single server and none chosen, that one. */
export function activeServer(): ServerConfig | undefined {
  if (transient?.active) return transient.server;
  const { servers } = readServers();
  const name = vscode.workspace.getConfiguration('ocip').get<string>('activeServer', '');
  if (name) return servers.find((s) => s.name === name);
  return servers.length === 1 ? servers[0] : undefined;
}

/** Adds (or replaces) the in-memory server and makes it active; the settings are not touched. */
export function setTransientServer(server: ServerConfig): void {
  transient = { server, active: true };
  changed.fire();
}

/** Removes the in-memory server: the active server is again the one of the settings, as before it was added. */
export function clearTransientServer(): void {
  if (!transient) return;
  transient = undefined;
  changed.fire();
}

export async function setActiveServer(name: string): Promise<void> {
  if (transient) {
    transient.active = transient.server.name === name;
    changed.fire();
    if (transient.active) return;
  }
  const config = vscode.workspace.getConfiguration('ocip');
  if (config.get<string>('activeServer', '') !== name) await config.update('activeServer', name, vscode.ConfigurationTarget.Global);
}

export interface PickServerOptions {
  /** Make the pick the active server (default true). False for questions about a server, like Forget Password. */
  makeActive?: boolean;
  placeHolder?: string;
}

/** Quick pick of the servers; resolves with the chosen one (now active, unless makeActive is false) or undefined. */
export async function pickServer(title = 'OCI-P: Select Server', options: PickServerOptions = {}): Promise<ServerConfig | undefined> {
  const { servers, problems } = readServers();
  if (problems.length) void vscode.window.showWarningMessage(`OCI-P: problems in ocip.servers: ${problems.join('; ')}`);
  if (!servers.length) {
    await offerSetup('No OCI-P server is configured (setting ocip.servers).');
    return undefined;
  }
  const current = activeServer()?.name;
  const items = servers.map((s) => ({
    label: s.name,
    description: `${serverAddress(s)} as ${s.username}`,
    detail:
      [s.name === current ? 'active' : '', s.production ? '$(warning) production: sending asks for confirmation' : '']
        .filter(Boolean)
        .join(' · ') || undefined,
    server: s,
  }));
  items.sort((a, b) => Number(b.server.name === current) - Number(a.server.name === current));
  const pick = await vscode.window.showQuickPick(items, { title, placeHolder: options.placeHolder ?? 'Server to send OCI-P commands to' });
  if (!pick) return undefined;
  if (options.makeActive !== false) await setActiveServer(pick.server.name);
  return pick.server;
}

export async function offerSetup(message: string): Promise<void> {
  const choice = await vscode.window.showErrorMessage(`OCI-P: ${message}`, 'Start Local Simulator', 'Open Settings');
  if (choice === 'Start Local Simulator') await vscode.commands.executeCommand('ocip.startSimulator');
  if (choice === 'Open Settings') await vscode.commands.executeCommand('workbench.action.openSettingsJson');
}

/** True for the editors the OCI-P status belongs to (not any .xml, nor other languages). */
export function isOcipEditor(editor: vscode.TextEditor | undefined): boolean {
  const id = editor?.document.languageId;
  return id === 'ocip-yaml' || id === 'ocip-xml';
}

/** The status bar item "$(server) <name>", shown only while an OCI-P editor is active; clicking it opens the picker. */
export function registerServerStatus(context: vscode.ExtensionContext): void {
  const item = vscode.window.createStatusBarItem('ocip.server', vscode.StatusBarAlignment.Left, 50);
  item.name = 'OCI-P Server';
  item.command = 'ocip.selectServer';
  const update = () => {
    const s = activeServer();
    item.text = s ? `$(server) ${s.name}` : '$(server) No OCI-P server';
    item.tooltip = s
      ? `OCI-P: sending to ${s.name} (${serverAddress(s)}) as ${s.username}${s.production ? ', a PRODUCTION server' : ''}. Click to change.`
      : 'OCI-P: no server selected. Click to select one.';
    item.backgroundColor = s?.production ? new vscode.ThemeColor('statusBarItem.warningBackground') : undefined;
    if (isOcipEditor(vscode.window.activeTextEditor)) item.show();
    else item.hide();
  };
  update();
  context.subscriptions.push(
    item,
    onDidChangeServers(update),
    vscode.window.onDidChangeActiveTextEditor(update),
    // A language change (a .xml switched to OCI-P XML) reopens the document in the same editor.
    vscode.window.onDidChangeVisibleTextEditors(update),
    vscode.workspace.onDidOpenTextDocument(() => setTimeout(update, 0)),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('ocip.servers') || e.affectsConfiguration('ocip.activeServer')) update();
    }),
  );
}
