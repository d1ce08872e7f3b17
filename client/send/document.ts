/** Which documents can be sent, in which format, checked against which model and options. */
import * as vscode from 'vscode';
import { join } from 'node:path';
import { builtinModel, loadSchemaDirCached, type ModelIndex } from '../../core/model';
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

/** The same model the language server uses: ocip.schemaDirectory when set and loadable, else the built-in one. */
export function modelFor(doc: vscode.TextDocument, storage: vscode.Uri): ModelIndex {
  const dir = vscode.workspace.getConfiguration('ocip', doc.uri).get<string>('schemaDirectory', '').trim();
  if (!dir) return builtinModel();
  try {
    return loadSchemaDirCached(dir, join(storage.fsPath, 'schema-cache'));
  } catch {
    return builtinModel(); // the language server reports the unusable folder
  }
}

/** The `ocip.*` settings of a document through core's one normalizer, as the language server reads them. */
export function settingsFor(doc: vscode.TextDocument): OcipSettings {
  const folder = vscode.workspace.getWorkspaceFolder(doc.uri);
  const raw = vscode.workspace.getConfiguration(undefined, doc.uri).get<Record<string, unknown>>('ocip');
  return normalizeSettings(raw, { workspaceFolder: folder?.uri.scheme === 'file' ? folder.uri.fsPath : undefined }).settings;
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
