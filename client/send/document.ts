/** Which documents can be sent, in which format, checked against which model and options. */
import * as vscode from 'vscode';
import { join } from 'node:path';
import { builtinModel, loadSchemaDirCached, type ModelIndex } from '../../core/model';
import { detectFormat } from '../../core/syntax';
import { checkOptionsFromSettings } from '../../core/send';
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

export function checkOptionsFor(doc: vscode.TextDocument): CheckOptions {
  const c = vscode.workspace.getConfiguration('ocip', doc.uri);
  return checkOptionsFromSettings({
    dataMode: c.get('dataMode'),
    adminLevel: c.get('adminLevel'),
    externalAuthentication: c.get('externalAuthentication'),
    servicePacks: c.get('servicePacks'),
    newUserTemplateServices: c.get('newUserTemplateServices'),
  });
}

/** A document from a command argument (Uri or string, from CodeLens, menus, history) or the active editor. */
export async function resolveDocument(arg: unknown): Promise<vscode.TextDocument | undefined> {
  if (arg instanceof vscode.Uri) return vscode.workspace.openTextDocument(arg);
  if (typeof arg === 'string' && arg) return vscode.workspace.openTextDocument(vscode.Uri.parse(arg));
  return vscode.window.activeTextEditor?.document;
}
