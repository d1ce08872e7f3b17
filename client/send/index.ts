/** Registers "Send to BroadWorks": commands, status bar, CodeLens, results view, diagnostics, history, simulator. */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { join } from 'node:path';
import { HistoryStore } from '../../core/send';
import { SendCodeLens } from './codelens';
import { pickHistoryEntry, showHistory } from './history-commands';
import { SendLog } from './output';
import { Passwords } from './passwords';
import { ResultsView } from './results-view';
import { SendDiagnostics } from './send-diagnostics';
import { ServerChecks } from './server-check';
import { sendFlow, type SendServices } from './send-flow';
import { pickServer, readServers, registerServerStatus } from './servers';
import { disposeSimulator, startLocalSimulator, stopLocalSimulator } from './simulator';
import { undoSend } from './undo-command';
import { filterFailedRows, resendFailedRows, sendAllRows, trackTemplateEditor } from './template-send';

export { disposeSimulator };

export function registerSend(
  context: vscode.ExtensionContext,
  channel: vscode.LogOutputChannel,
  languageClient: () => Promise<LanguageClient | undefined>,
): SendServices {
  const storage = context.globalStorageUri;
  const services: SendServices = {
    log: new SendLog(channel),
    passwords: new Passwords(context.secrets),
    results: new ResultsView(),
    diagnostics: new SendDiagnostics(),
    history: new HistoryStore(join(storage.fsPath, 'send-history.json')),
    storage,
    languageClient,
  };
  const codeLens = new SendCodeLens(languageClient);
  const serverChecks = new ServerChecks(services.passwords, services.log, languageClient);
  const index = (v: unknown) => (typeof v === 'number' && Number.isInteger(v) && v >= 0 ? [v] : undefined);
  const reg = (id: string, fn: (...args: unknown[]) => unknown, trustedOnly = false) =>
    vscode.commands.registerCommand(id, async (...args: unknown[]) => {
      // Restricted Mode: the workspace's files may be read and checked, but nothing is sent on their behalf.
      if (trustedOnly && !vscode.workspace.isTrusted) {
        void vscode.window.showWarningMessage('OCI-P: sending is off in Restricted Mode. Trust this workspace to send its commands.');
        return undefined;
      }
      try {
        return await fn(...args);
      } catch (e) {
        void vscode.window.showErrorMessage(`OCI-P: ${(e as Error).message}`);
      }
    });

  context.subscriptions.push(
    services.log,
    services.results,
    services.diagnostics,
    codeLens,
    vscode.languages.registerCodeLensProvider([{ language: 'ocip-yaml' }, { language: 'ocip-xml' }], codeLens),
    serverChecks,
    trackTemplateEditor(),
    vscode.workspace.onDidChangeConfiguration(
      (e) => (e.affectsConfiguration('ocip.send.codeLens') || e.affectsConfiguration('ocip.serverChecks')) && codeLens.refresh(),
    ),
    // ocip.checkServer(uri?, commandIndex?): read-only checks of the file (or one command) against the active server.
    reg('ocip.checkServer', (target?: unknown, commandIndex?: unknown) => serverChecks.check(target, index(commandIndex)), true),
    reg('ocip.clearServerCache', () => {
      serverChecks.clearCache();
      void vscode.window.showInformationMessage('OCI-P: the server check cache is cleared.');
    }),
    // ocip.send(uri?, commandIndex?): one command when an index is given (CodeLens), else the whole file.
    reg('ocip.send', (target?: unknown, commandIndex?: unknown) => sendFlow(services, { target, only: index(commandIndex) }), true),
    reg('ocip.sendAll', (target?: unknown) => sendFlow(services, { target }), true),
    reg('ocip.selectServer', () => pickServer()),
    reg('ocip.forgetPassword', async (name?: unknown) => {
      const { servers } = readServers();
      const server =
        typeof name === 'string'
          ? servers.find((s) => s.name === name)
          : await pickServer('OCI-P: Forget the password of…', {
              makeActive: false,
              placeHolder: 'Server whose stored password to forget',
            });
      if (!server) return;
      await services.passwords.forget(server);
      void vscode.window.showInformationMessage(`OCI-P: the password of ${server.username} on ${server.name} is forgotten.`);
    }),
    reg('ocip.showHistory', () => showHistory(services.history, services.results)),
    reg(
      'ocip.resend',
      async (id?: unknown) => {
        const entry = typeof id === 'string' ? services.history.find(id) : await pickHistoryEntry(services.history, 'OCI-P: Resend');
        if (!entry) return;
        return sendFlow(services, { target: entry.file, only: entry.only, serverName: entry.server.name });
      },
      true,
    ),
    // Templates: ocip.sendAllRows(uri?, rows?: spreadsheet row numbers).
    reg(
      'ocip.sendAllRows',
      (target?: unknown, rows?: unknown) =>
        sendAllRows(services, target, Array.isArray(rows) ? rows.filter((r) => typeof r === 'number') : undefined),
      true,
    ),
    reg('ocip.resendFailedRows', () => resendFailedRows(services), true),
    reg('ocip.showFailedRows', (only?: unknown) => filterFailedRows(services, typeof only === 'boolean' ? only : undefined)),
    reg('ocip.undoSend', (id?: unknown) => undoSend(services, id), true),
    reg('ocip.startSimulator', () => startLocalSimulator(storage, services.passwords, services.log), true),
    reg('ocip.stopSimulator', () => stopLocalSimulator(services.log)),
    reg('ocip.saveResults', () => services.results.save()),
    reg('ocip.copyResults', () => services.results.copy()),
    reg('ocip.showResultXml', (n?: unknown) => services.results.showRawXml(n)),
    { dispose: () => void disposeSimulator() },
  );
  registerServerStatus(context);
  return services;
}
