/**
 * Task type `ocip`: runs the bundled `ocip validate` (dist/cli.js) over the workspace folder or the given paths,
 * with the folder's OCI-P settings as flags (data mode, administrator level, schema folder, per-rule severity), so
 * the task reports what the editor shows. Its output is read by the `$ocip` problem matcher (package.json).
 */
import * as vscode from 'vscode';
import { isAbsolute, resolve } from 'node:path';

export const TASK_TYPE = 'ocip';

interface OcipTaskDefinition extends vscode.TaskDefinition {
  /** Files or folders to check, relative to the workspace folder; default: the whole folder. */
  paths?: string[];
  /** More `ocip validate` flags, e.g. ["--format", "text"]. */
  args?: string[];
}

export function registerValidateTasks(context: vscode.ExtensionContext): void {
  const cli = context.asAbsolutePath('dist/cli.js');
  context.subscriptions.push(
    vscode.tasks.registerTaskProvider(TASK_TYPE, {
      provideTasks: () => (vscode.workspace.workspaceFolders ?? []).map((folder) => validateTask(cli, folder, { type: TASK_TYPE })),
      resolveTask: (task) => {
        const folder = task.scope && typeof task.scope === 'object' ? task.scope : vscode.workspace.workspaceFolders?.[0];
        if (!folder) return undefined;
        return validateTask(cli, folder, task.definition as OcipTaskDefinition, task);
      },
    }),
  );
}

function validateTask(cli: string, folder: vscode.WorkspaceFolder, definition: OcipTaskDefinition, original?: vscode.Task): vscode.Task {
  const paths = Array.isArray(definition.paths) && definition.paths.length ? definition.paths.map(String) : ['.'];
  const extra = Array.isArray(definition.args) ? definition.args.map(String) : [];
  const args = [cli, 'validate', ...flagsFromSettings(folder), ...extra, ...paths];
  // The extension host's own runtime runs the bundle: Node in code-server, Electron as Node in desktop VS Code.
  const execution = new vscode.ProcessExecution(process.execPath, args, { cwd: folder.uri.fsPath, env: { ELECTRON_RUN_AS_NODE: '1' } });
  const task = new vscode.Task(definition, folder, original?.name ?? vscode.l10n.t('validate'), TASK_TYPE, execution, ['$ocip']);
  task.group = vscode.TaskGroup.Build;
  task.detail = vscode.l10n.t('Check the OCI-P files of {0} with ocip validate', folder.name);
  return task;
}

/** The folder's settings as `ocip validate` flags; values the CLI would refuse are left to its own defaults. */
function flagsFromSettings(folder: vscode.WorkspaceFolder): string[] {
  const config = vscode.workspace.getConfiguration('ocip', folder.uri);
  const flags: string[] = [];
  const mode = config.get<unknown>('dataMode');
  if (mode === 'AS' || mode === 'XS') flags.push('--data-mode', mode);
  const level = config.get<unknown>('adminLevel');
  if (typeof level === 'string' && level) flags.push('--admin-level', level);
  const dir = config.get<unknown>('schemaDirectory');
  if (typeof dir === 'string' && dir.trim()) flags.push('--schema-dir', isAbsolute(dir) ? dir : resolve(folder.uri.fsPath, dir));
  const severity = config.get<unknown>('diagnostics.severity');
  if (severity && typeof severity === 'object') {
    for (const [code, value] of Object.entries(severity)) if (typeof value === 'string') flags.push('--severity', `${code}=${value}`);
  }
  return flags;
}
