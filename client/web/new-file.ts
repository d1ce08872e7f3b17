/**
 * "OCI-P: New YAML / XML Command File" in VS Code for the Web: the same untitled document and
 * UserConsolidatedAddRequest22 skeleton as the desktop (client/new-file.ts), but written by the language server
 * (ocip/newCommand through *New Command…*), so the web extension host does not carry the model.
 */
import * as vscode from 'vscode';
import { NEW_COMMAND_COMMAND } from '../new-command';

const COMMAND = 'UserConsolidatedAddRequest22';

export function registerWebNewFileCommands(context: vscode.ExtensionContext, serverReady: () => Promise<unknown>): void {
  const newFile = async (format: 'yaml' | 'xml') => {
    const doc = await vscode.workspace.openTextDocument({ language: format === 'yaml' ? 'ocip-yaml' : 'ocip-xml', content: '' });
    await vscode.window.showTextDocument(doc);
    await serverReady();
    await vscode.commands.executeCommand(NEW_COMMAND_COMMAND, COMMAND);
  };
  context.subscriptions.push(
    vscode.commands.registerCommand('ocip.newYamlFile', () => newFile('yaml')),
    vscode.commands.registerCommand('ocip.newXmlFile', () => newFile('xml')),
  );
}
