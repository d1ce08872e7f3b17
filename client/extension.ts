/** The VS Code extension: starts the language server and registers the OCI-P commands and views. */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { createLanguageClient } from './language-client';
import { registerXmlDetection } from './xml-detection';
import { disposeSimulator, registerSend } from './send';
import { registerConvertCommands } from './convert-commands';
import { registerNewCommandCommand } from './new-command';
import { registerPreviewCommand } from './preview-request';
import { registerNewFileCommands } from './new-file';

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  registerXmlDetection(context);
  registerSend(context);
  registerConvertCommands(context, () => client);
  registerNewCommandCommand(context, () => client);
  registerPreviewCommand(context, () => client);
  registerNewFileCommands(context);
  client = createLanguageClient(context);
  await client.start();
}

export async function deactivate(): Promise<void> {
  await disposeSimulator();
  await client?.stop();
}
