/**
 * The language status of OCI-P documents (the `{}` entry next to the language mode, for ocip-yaml and ocip-xml
 * only): the model checking the document (from the server's ocip/modelStatus), the data mode and administrator
 * level the checks assume (the settings as core's normalizer reads them), and the server Send would use.
 */
import * as vscode from 'vscode';
import type { ModelStatus } from '../core/protocol/messages';
import { settingsFor } from './send/document';

const SELECTOR: vscode.DocumentSelector = [{ language: 'ocip-yaml' }, { language: 'ocip-xml' }];

export interface OcipLanguageStatus {
  /** Called with each ocip/modelStatus notification. */
  modelStatus(status: ModelStatus): void;
}

/** Where Send would go, for the status's server item: the active server on the desktop (./send/send-target.ts). */
export interface SendTargetStatus {
  text: string;
  detail?: string;
  warning?: boolean;
  command: vscode.Command;
}
export interface SendTarget {
  current(): SendTargetStatus;
  onDidChange: vscode.Event<unknown>;
}

export function registerLanguageStatus(context: vscode.ExtensionContext, sendTarget: SendTarget): OcipLanguageStatus {
  const model = vscode.languages.createLanguageStatusItem('ocip.model', SELECTOR);
  model.name = 'OCI-P Model';
  model.text = 'OCI-P: built-in R25 model';
  model.command = { title: 'Schema folder', command: 'workbench.action.openSettings', arguments: ['ocip.schemaDirectory'] };
  const checks = vscode.languages.createLanguageStatusItem('ocip.checks', SELECTOR);
  checks.name = 'OCI-P Data Mode and Administrator Level';
  checks.command = { title: 'Change', command: 'workbench.action.openSettings', arguments: ['ocip.adminLevel'] };
  const server = vscode.languages.createLanguageStatusItem('ocip.server', SELECTOR);
  server.name = 'OCI-P Server';
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
    const target = sendTarget.current();
    server.text = target.text;
    server.detail = target.detail;
    server.command = target.command;
    server.severity = target.warning ? vscode.LanguageStatusSeverity.Warning : vscode.LanguageStatusSeverity.Information;
  };
  update();
  context.subscriptions.push(
    model,
    checks,
    server,
    vscode.window.onDidChangeActiveTextEditor(update),
    vscode.workspace.onDidChangeConfiguration((e) => e.affectsConfiguration('ocip') && update()),
    sendTarget.onDidChange(update),
    vscode.workspace.onDidCloseTextDocument((d) => byUri.delete(d.uri.toString())),
  );
  return {
    modelStatus(status) {
      byUri.set(status.uri, status);
      update();
    },
  };
}
