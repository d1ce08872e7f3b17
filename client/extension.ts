/**
 * The VS Code extension: registers the OCI-P commands and views, and starts the language server on the first
 * OCI-P document (never for a plain .xml such as a pom.xml, which only gets the cheap BroadsoftDocument check).
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { createLanguageClient } from './language-client';
import { isOcipDocument, registerXmlDetection } from './xml-detection';
import { disposeSimulator, registerSend } from './send';
import { registerConvertCommands } from './convert-commands';
import { registerTemplatePreview } from './template-preview';
import { registerNewCommandCommand } from './new-command';
import { registerPreviewCommand } from './preview-request';
import { registerNewFileCommands } from './new-file';
import { registerLanguageStatus } from './language-status';
import { desktopSendTarget } from './send/send-target';
import { MODEL_STATUS_NOTIFICATION, type ModelStatus } from '../core/protocol/messages';
import { createLog } from './log';
import { registerServerCommands } from './server-commands';
import { registerValidateTasks } from './validate-task';

let client: LanguageClient | undefined;
let starting: Promise<LanguageClient | undefined> | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const activatedAt = performance.now();
  const log = createLog();
  context.subscriptions.push(log);
  const status = registerLanguageStatus(context, desktopSendTarget);
  /** The language server, started once, on the first OCI-P document or the first command that needs it. */
  const languageClient = () =>
    (starting ??= (async () => {
      client = createLanguageClient(context, log, activatedAt);
      context.subscriptions.push(client.onNotification(MODEL_STATUS_NOTIFICATION, (s: ModelStatus) => status.modelStatus(s)));
      log.info(`Start-up: starting the language server ${Math.round(performance.now() - activatedAt)} ms after activation.`);
      await client.start();
      // With the first-diagnostics line of ./language-client: where the start-up time goes (bench/vsix-startup.ts).
      log.info(`Start-up: language server initialized ${Math.round(performance.now() - activatedAt)} ms after activation.`);
      return client;
    })());
  // An OCI-P document is already open: the server process starts now and boots while the rest registers.
  const started = vscode.workspace.textDocuments.some(isOcipDocument) ? languageClient() : undefined;
  registerXmlDetection(context);
  registerSend(context, log, languageClient);
  registerConvertCommands(context, () => client);
  registerTemplatePreview(context, () => client);
  registerNewCommandCommand(context, () => client);
  registerPreviewCommand(context, () => client);
  registerNewFileCommands(context);
  registerServerCommands(context, log, () => client);
  registerValidateTasks(context);
  context.subscriptions.push(vscode.workspace.onDidOpenTextDocument((doc) => isOcipDocument(doc) && void languageClient()));
  await started;
}

export async function deactivate(): Promise<void> {
  await disposeSimulator();
  await client?.stop();
}
