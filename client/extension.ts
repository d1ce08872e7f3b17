/** The VS Code extension: starts the language server and registers the OCI-P commands and views. */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { createLanguageClient } from './language-client';
import { registerXmlDetection } from './xml-detection';

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  registerXmlDetection(context);
  client = createLanguageClient(context);
  await client.start();
}

export async function deactivate(): Promise<void> {
  await client?.stop();
}
