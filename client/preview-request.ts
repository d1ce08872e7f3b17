/**
 * "OCI-P: Preview Request": the exact XML the send command would transmit (envelope, batches of 15 commands,
 * placeholder sessionId, passwords masked), computed by the language server (ocip/previewRequest) and shown
 * read-only-in-spirit in a new untitled XML editor beside the source.
 */
import * as vscode from 'vscode';
import type { BaseLanguageClient as LanguageClient } from 'vscode-languageclient';
import { PREVIEW_REQUEST, type PreviewParams, type PreviewResult } from '../core/protocol/messages';
import { activeOcipDocument } from './convert-commands';

export const PREVIEW_REQUEST_COMMAND = 'ocip.previewRequest';

async function preview(getClient: () => LanguageClient | undefined, uri?: vscode.Uri): Promise<void> {
  const client = getClient();
  const doc = uri ? await vscode.workspace.openTextDocument(uri) : activeOcipDocument();
  if (!client || !doc) return;
  const result = await client.sendRequest<PreviewResult>(PREVIEW_REQUEST, { uri: doc.uri.toString() } satisfies PreviewParams);
  if ('error' in result) {
    void vscode.window.showErrorMessage(`Cannot preview ${vscode.workspace.asRelativePath(doc.uri)}: ${result.error}`);
    return;
  }
  // Plain 'xml': the preview may hold several documents, which the OCI-P checks would flag as one broken file.
  const shown = await vscode.workspace.openTextDocument({ language: 'xml', content: result.text });
  await vscode.window.showTextDocument(shown, { viewColumn: vscode.ViewColumn.Beside, preview: true });
}

export function registerPreviewCommand(context: vscode.ExtensionContext, getClient: () => LanguageClient | undefined): void {
  context.subscriptions.push(vscode.commands.registerCommand(PREVIEW_REQUEST_COMMAND, (uri?: vscode.Uri) => preview(getClient, uri)));
}
