/**
 * The language status of OCI-P documents (the `{}` entry next to the language mode, for ocip-yaml and ocip-xml
 * only): the model checking the document (from the server's ocip/modelStatus), the data mode and administrator
 * level the checks assume (the settings as core's normalizer reads them), and the server Send would use.
 */
import * as vscode from 'vscode';
import type { ModelStatus } from '../core/protocol/messages';
import { settingsFor } from './send/document';
import { activeServer, onDidChangeServers } from './send/servers';
import { serverAddress } from '../core/send';

const SELECTOR: vscode.DocumentSelector = [{ language: 'ocip-yaml' }, { language: 'ocip-xml' }];

export interface OcipLanguageStatus {
  /** Called with each ocip/modelStatus notification. */
  modelStatus(status: ModelStatus): void;
}

export function registerLanguageStatus(context: vscode.ExtensionContext): OcipLanguageStatus {
  const model = vscode.languages.createLanguageStatusItem('ocip.model', SELECTOR);
  model.name = 'OCI-P Model';
  model.text = 'OCI-P: built-in R25 model';
  model.command = { title: 'Schema folder', command: 'workbench.action.openSettings', arguments: ['ocip.schemaDirectory'] };
  const checks = vscode.languages.createLanguageStatusItem('ocip.checks', SELECTOR);
  checks.name = 'OCI-P Data Mode and Administrator Level';
  checks.command = { title: 'Change', command: 'workbench.action.openSettings', arguments: ['ocip.adminLevel'] };
  const server = vscode.languages.createLanguageStatusItem('ocip.server', SELECTOR);
  server.name = 'OCI-P Server';
  server.command = { title: 'Select Server', command: 'ocip.selectServer' };
  const byUri = new Map<string, ModelStatus>();

  const update = () => {
    const doc = vscode.window.activeTextEditor?.document;
    const status = doc && byUri.get(doc.uri.toString());
    if (status) {
      model.text = status.source === 'builtin' ? `OCI-P: built-in ${status.release} model` : `OCI-P: ${status.release} schema folder`;
      model.detail = `${status.commands} commands`;
      model.severity = status.error ? vscode.LanguageStatusSeverity.Warning : vscode.LanguageStatusSeverity.Information;
    }
    if (doc && (doc.languageId === 'ocip-yaml' || doc.languageId === 'ocip-xml')) {
      const s = settingsFor(doc);
      checks.text = `${s.dataMode} data mode, ${s.adminLevel} administrator`;
    }
    const active = activeServer();
    server.text = active ? `Send to ${active.name}` : 'No OCI-P server';
    server.detail = active ? `${serverAddress(active)} as ${active.username}` : undefined;
    server.severity = active?.production ? vscode.LanguageStatusSeverity.Warning : vscode.LanguageStatusSeverity.Information;
  };
  update();
  context.subscriptions.push(
    model,
    checks,
    server,
    vscode.window.onDidChangeActiveTextEditor(update),
    vscode.workspace.onDidChangeConfiguration((e) => e.affectsConfiguration('ocip') && update()),
    onDidChangeServers(update),
    vscode.workspace.onDidCloseTextDocument((d) => byUri.delete(d.uri.toString())),
  );
  return {
    modelStatus(status) {
      byUri.set(status.uri, status);
      update();
    },
  };
}
