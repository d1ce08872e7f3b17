/**
 * "OCI-P: Convert to XML" and "OCI-P: Convert to YAML": the active OCI-P document converted by the language
 * server (ocip/convert, which uses the document's own schema model). The result opens in a new untitled
 * editor with the target language, beside the source; nothing is written to disk until the user saves it.
 */
import * as vscode from 'vscode';
import type { BaseLanguageClient as LanguageClient } from 'vscode-languageclient';
import { CONVERT_REQUEST, type ConvertParams, type ConvertResult } from '../core/protocol/messages';

export const CONVERT_TO_XML_COMMAND = 'ocip.convertToXml';
export const CONVERT_TO_YAML_COMMAND = 'ocip.convertToYaml';

/** The active editor's document when it is an OCI-P file, else a message and undefined. */
export function activeOcipDocument(): vscode.TextDocument | undefined {
  const doc = vscode.window.activeTextEditor?.document;
  if (!doc || (doc.languageId !== 'ocip-yaml' && doc.languageId !== 'ocip-xml')) {
    void vscode.window.showWarningMessage('Open an OCI-P file (.ocip.yaml or .ocip.xml) first.');
    return undefined;
  }
  return doc;
}

async function convert(getClient: () => LanguageClient | undefined, to: ConvertParams['to'], uri?: vscode.Uri): Promise<void> {
  const client = getClient();
  const doc = uri ? await vscode.workspace.openTextDocument(uri) : activeOcipDocument();
  if (!client || !doc) return;
  const result = await client.sendRequest<ConvertResult>(CONVERT_REQUEST, { uri: doc.uri.toString(), to } satisfies ConvertParams);
  if ('error' in result) {
    void vscode.window.showErrorMessage(`Cannot convert ${vscode.workspace.asRelativePath(doc.uri)}: ${result.error}`);
    return;
  }
  const converted = await vscode.workspace.openTextDocument({ language: result.languageId, content: result.text });
  await vscode.window.showTextDocument(converted, { viewColumn: vscode.ViewColumn.Beside, preview: false });
}

export function registerConvertCommands(context: vscode.ExtensionContext, getClient: () => LanguageClient | undefined): void {
  context.subscriptions.push(
    vscode.commands.registerCommand(CONVERT_TO_XML_COMMAND, (uri?: vscode.Uri) => convert(getClient, 'xml', uri)),
    vscode.commands.registerCommand(CONVERT_TO_YAML_COMMAND, (uri?: vscode.Uri) => convert(getClient, 'yaml', uri)),
  );
}
