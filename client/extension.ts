/** The VS Code extension: starts the language server and registers the OCI-P commands and views. */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { createLanguageClient } from './language-client';
import { registerXmlDetection } from './xml-detection';
import { disposeSimulator, registerSend } from './send';
import { registerConvertCommands } from './convert-commands';
import { registerPreviewCommand } from './preview-request';
import { registerNewFileCommands } from './new-file';
import { createLog } from './log';
import { registerServerCommands } from './server-commands';
import { registerValidateTasks } from './validate-task';

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const log = createLog();
  context.subscriptions.push(log);
  registerXmlDetection(context);
  registerSend(context, log);
  registerConvertCommands(context, () => client);
  registerPreviewCommand(context, () => client);
  registerNewFileCommands(context);
  registerServerCommands(context, log, () => client);
  registerValidateTasks(context);
  client = createLanguageClient(context, log);
  await client.start();
}

export async function deactivate(): Promise<void> {
  await disposeSimulator();
  await client?.stop();
}
