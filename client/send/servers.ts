/**
 * Servers from the `ocip.servers` setting and the active one. The active server is the setting
 * `ocip.activeServer` (a name): visible, editable, and shared with `ocip send --server`. The picker writes it to
 * the workspace settings when a folder is open, else to the user settings.
 */
import * as vscode from 'vscode';
import { parseServers, serverAddress, type ServerConfig } from '../../core/send';

export function readServers(): { servers: ServerConfig[]; problems: string[] } {
  return parseServers(vscode.workspace.getConfiguration('ocip').get('servers'));
}

/** The configured active server; with a single server and none chosen, that one. */
export function activeServer(): ServerConfig | undefined {
  const { servers } = readServers();
  const name = vscode.workspace.getConfiguration('ocip').get<string>('activeServer', '');
  if (name) return servers.find((s) => s.name === name);
  return servers.length === 1 ? servers[0] : undefined;
}

export function settingsTarget(): vscode.ConfigurationTarget {
  return vscode.workspace.workspaceFolders?.length ? vscode.ConfigurationTarget.Workspace : vscode.ConfigurationTarget.Global;
}

export async function setActiveServer(name: string): Promise<void> {
  await vscode.workspace.getConfiguration('ocip').update('activeServer', name, settingsTarget());
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
    detail: [s.name === current ? 'active' : '', s.production ? '$(warning) production: sending asks for confirmation' : ''].filter(Boolean).join(' · ') || undefined,
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

/** The status bar item: "$(server) <name>"; clicking it opens the picker. */
export function registerServerStatus(context: vscode.ExtensionContext): void {
  const item = vscode.window.createStatusBarItem('ocip.server', vscode.StatusBarAlignment.Left, 50);
  item.name = 'OCI-P Server';
  item.command = 'ocip.selectServer';
  const update = () => {
    const s = activeServer();
    item.text = s ? `$(server) ${s.name}` : '$(server) No OCI-P server';
    item.tooltip = s ? `OCI-P: sending to ${s.name} (${serverAddress(s)}) as ${s.username}${s.production ? ', a PRODUCTION server' : ''}. Click to change.` : 'OCI-P: no server selected. Click to select one.';
    item.backgroundColor = s?.production ? new vscode.ThemeColor('statusBarItem.warningBackground') : undefined;
    item.show();
  };
  update();
  context.subscriptions.push(
    item,
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('ocip.servers') || e.affectsConfiguration('ocip.activeServer')) update();
    }),
  );
}
