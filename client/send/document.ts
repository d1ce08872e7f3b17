/** Which documents can be sent, in which format, under which settings (the model is the language server's). */
import * as vscode from 'vscode';
import { detectFormat } from '../../core/syntax';
import { normalizeSettings, toCheckOptions } from '../../core/settings';
import type { OcipSettings } from '../../core/protocol/messages';
import type { CheckOptions } from '../../core/checks/types';
import type { FileFormat } from '../../core/tree/types';

export function formatOf(doc: vscode.TextDocument): FileFormat | undefined {
  if (doc.languageId === 'ocip-yaml') return 'yaml';
  if (doc.languageId === 'ocip-xml') return 'xml';
  return detectFormat(doc.fileName, doc.getText(new vscode.Range(0, 0, 50, 0)));
}

const warned = new Set<string>();

/**
 * The `ocip.*` settings of a document through core's one normalizer, as the language server reads them. The
 * server warns about the checking settings; the send settings (ocip.send.*) only the extension reads, so it
 * warns about those, once each.
 */
export function settingsFor(doc: vscode.TextDocument): OcipSettings {
  const folder = vscode.workspace.getWorkspaceFolder(doc.uri);
  const raw = vscode.workspace.getConfiguration(undefined, doc.uri).get<Record<string, unknown>>('ocip');
  const { settings, problems } = normalizeSettings(raw, { workspaceFolder: folder?.uri.scheme === 'file' ? folder.uri.fsPath : undefined });
  for (const p of problems) {
    if (!p.setting.startsWith('ocip.send.') || warned.has(p.message)) continue;
    warned.add(p.message);
    void vscode.window.showWarningMessage(`OCI-P: ${p.message}`);
  }
  return settings;
}

export function checkOptionsFor(doc: vscode.TextDocument): CheckOptions {
  return toCheckOptions(settingsFor(doc));
}

/** A document from a command argument (Uri or string, from CodeLens, menus, history) or the active editor. */
export async function resolveDocument(arg: unknown): Promise<vscode.TextDocument | undefined> {
  if (arg instanceof vscode.Uri) return vscode.workspace.openTextDocument(arg);
  if (typeof arg === 'string' && arg) return vscode.workspace.openTextDocument(vscode.Uri.parse(arg));
  return vscode.window.activeTextEditor?.document;
}
