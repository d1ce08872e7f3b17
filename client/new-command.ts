/**
 * "OCI-P: New Command…": a quick pick of every command of the document's model (the language server's list,
 * onboarding commands first, family shown and searchable), then the command's required skeleton inserted as a
 * snippet where a new command belongs (ocip/newCommand).
 */
import * as vscode from 'vscode';
import type { BaseLanguageClient as LanguageClient } from 'vscode-languageclient';
import {
  COMMAND_LIST_REQUEST,
  NEW_COMMAND_REQUEST,
  type CommandListParams,
  type CommandListResult,
  type NewCommandParams,
  type NewCommandResult,
} from '../core/protocol/messages';
import { activeOcipDocument } from './convert-commands';

export const NEW_COMMAND_COMMAND = 'ocip.newCommand';

async function newCommand(getClient: () => LanguageClient | undefined, preset?: string): Promise<void> {
  const client = getClient();
  const editor = vscode.window.activeTextEditor;
  const doc = activeOcipDocument();
  if (!client || !doc || !editor || editor.document !== doc) return;
  const uri = doc.uri.toString();
  let command = preset;
  if (!command) {
    const list = await client.sendRequest<CommandListResult>(COMMAND_LIST_REQUEST, { uri } satisfies CommandListParams);
    if ('error' in list) return void vscode.window.showErrorMessage(list.error);
    const picked = await vscode.window.showQuickPick(
      list.commands.map((c) => ({ label: c.name, description: c.family })),
      { placeHolder: 'Command to add (type to search: e.g. "group add", "UserCallForwarding")', matchOnDescription: true },
    );
    if (!picked) return;
    command = picked.label;
  }
  const result = await client.sendRequest<NewCommandResult>(NEW_COMMAND_REQUEST, { uri, command } satisfies NewCommandParams);
  if ('error' in result) return void vscode.window.showErrorMessage(result.error);
  const at = doc.positionAt(result.offset);
  await editor.insertSnippet(new vscode.SnippetString(result.snippet), at);
}

export function registerNewCommandCommand(context: vscode.ExtensionContext, getClient: () => LanguageClient | undefined): void {
  context.subscriptions.push(
    vscode.commands.registerCommand(NEW_COMMAND_COMMAND, (command?: string) =>
      newCommand(getClient, typeof command === 'string' ? command : undefined),
    ),
  );
}
