/**
 * The VS Code extension in VS Code for the Web (vscode.dev, github.dev): the package.json `browser` entry,
 * bundled as dist/web/client.js. Checking, completion, hover, outline, folding, formatting, conversion, preview
 * and New Command come from the language server in a web worker, over the built-in R25 model; the commands that
 * need the desktop say so (./desktop-only.ts). The desktop entry is client/extension.ts.
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/browser';
import { isOcipDocument, registerXmlDetection } from '../xml-detection';
import { registerConvertCommands } from '../convert-commands';
import { registerNewCommandCommand } from '../new-command';
import { registerPreviewCommand } from '../preview-request';
import { registerLanguageStatus, type SendTarget } from '../language-status';
import { MODEL_STATUS_NOTIFICATION, type ModelStatus } from '../../core/protocol/messages';
import { createLog } from '../log';
import { createWebLanguageClient, type WebLanguageClient } from './language-client';
import { DESKTOP_ONLY_COMMANDS, needsDesktopMessage, registerDesktopOnlyCommands } from './desktop-only';
import { registerWebNewFileCommands } from './new-file';

let running: WebLanguageClient | undefined;
let starting: Promise<LanguageClient> | undefined;

const webSendTarget: SendTarget = {
  current: () => ({
    text: vscode.l10n.t('Sending needs VS Code desktop'),
    detail: needsDesktopMessage(DESKTOP_ONLY_COMMANDS['ocip.send']),
    command: { title: vscode.l10n.t('Why'), command: 'ocip.send' },
  }),
  onDidChange: () => ({ dispose: () => undefined }),
};

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const log = createLog();
  context.subscriptions.push(log);
  log.info(
    'OCI-P for VS Code for the Web: the language server runs in a web worker with the built-in R25 model; sending needs VS Code desktop.',
  );
  const status = registerLanguageStatus(context, webSendTarget);
  const languageClient = () =>
    (starting ??= (async () => {
      running = await createWebLanguageClient(context, log);
      const client = running.client;
      context.subscriptions.push(client.onNotification(MODEL_STATUS_NOTIFICATION, (s: ModelStatus) => status.modelStatus(s)));
      await client.start();
      return client;
    })());
  const current = () => running?.client;
  registerXmlDetection(context);
  registerConvertCommands(context, current);
  registerNewCommandCommand(context, current);
  registerPreviewCommand(context, current);
  registerWebNewFileCommands(context, languageClient);
  registerDesktopOnlyCommands(context, log);
  context.subscriptions.push(
    vscode.commands.registerCommand('ocip.showOutput', () => log.show()),
    vscode.commands.registerCommand('ocip.restartServer', async () => {
      log.info('Restarting the language server (OCI-P: Restart Language Server).');
      const old = running;
      starting = undefined;
      running = undefined;
      await old?.dispose().catch((e: Error) => log.warn(`The old language server did not stop cleanly: ${e.message}`));
      await languageClient();
    }),
    vscode.workspace.onDidOpenTextDocument((doc) => isOcipDocument(doc) && void languageClient()),
  );
  if (vscode.workspace.textDocuments.some(isOcipDocument)) await languageClient();
}

export async function deactivate(): Promise<void> {
  await running?.dispose();
}
