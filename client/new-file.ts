/**
 * "OCI-P: New YAML Command File" / "New XML Command File": an untitled document in the right language with a
 * UserConsolidatedAddRequest22 skeleton (every required element as a tab stop), the walkthrough's first step.
 */
import * as vscode from 'vscode';
import { commandSkeleton, xmlDocumentSkeleton } from '../core/authoring/completion-text';
import type { CheckOptions } from '../core/checks/types';
import { normalizeSettings, toCheckOptions } from '../core/settings';
import { builtinModel } from '../core/model';

const COMMAND = 'UserConsolidatedAddRequest22';

function checkOptions(): CheckOptions {
  return toCheckOptions(normalizeSettings(vscode.workspace.getConfiguration().get('ocip')).settings);
}

async function newFile(format: 'yaml' | 'xml'): Promise<void> {
  const doc = await vscode.workspace.openTextDocument({ language: format === 'yaml' ? 'ocip-yaml' : 'ocip-xml', content: '' });
  const editor = await vscode.window.showTextDocument(doc);
  const style = { format, snippet: true, stop: { n: 1 } } as const;
  const body =
    format === 'yaml'
      ? commandSkeleton(builtinModel(), COMMAND, checkOptions(), { ...style, stop: { n: 1 } })
      : xmlDocumentSkeleton(builtinModel(), COMMAND, checkOptions(), { ...style, stop: { n: 1 } });
  await editor.insertSnippet(new vscode.SnippetString(body + '\n'));
}

export function registerNewFileCommands(context: vscode.ExtensionContext): void {
  context.subscriptions.push(
    vscode.commands.registerCommand('ocip.newYamlFile', () => newFile('yaml')),
    vscode.commands.registerCommand('ocip.newXmlFile', () => newFile('xml')),
  );
}
