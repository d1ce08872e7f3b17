/**
 * "OCI-P: Preview Rendered Rows": the commands a template renders, for every row of its data or one row, as YAML or
 * XML, in an untitled editor beside the template (the language server renders: ocip/renderTemplate). Nothing is
 * written to disk.
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { RENDER_TEMPLATE_REQUEST, type RenderTemplateParams, type RenderTemplateResult } from '../core/protocol/messages';
import { activeOcipDocument } from './convert-commands';

export const PREVIEW_ROWS_COMMAND = 'ocip.previewRenderedRows';

async function preview(getClient: () => LanguageClient | undefined): Promise<void> {
  const client = getClient();
  const doc = activeOcipDocument();
  if (!client || !doc) return;
  const own = doc.languageId === 'ocip-xml' ? 'xml' : 'yaml';
  const other = own === 'xml' ? 'yaml' : 'xml';
  const choice = await vscode.window.showQuickPick(
    [
      { label: 'All rows', to: own, one: false },
      { label: 'One row…', to: own, one: true },
      { label: `All rows as ${other.toUpperCase()}`, to: other, one: false },
      { label: `One row as ${other.toUpperCase()}…`, to: other, one: true },
    ],
    { title: 'OCI-P: Preview Rendered Rows', placeHolder: 'Preview the commands the template renders' },
  );
  if (!choice) return;
  let row: number | undefined;
  if (choice.one) {
    const given = await vscode.window.showInputBox({
      title: 'OCI-P: Row to preview',
      prompt: 'Row number in the spreadsheet (the header is row 1)',
      value: '2',
      validateInput: (v) => (/^\d+$/.test(v.trim()) && Number(v) >= 2 ? undefined : 'A row number, 2 or more'),
    });
    if (given === undefined) return;
    row = Number(given.trim());
  }
  const result = await client.sendRequest<RenderTemplateResult>(RENDER_TEMPLATE_REQUEST, {
    uri: doc.uri.toString(),
    row,
    to: choice.to as RenderTemplateParams['to'],
  } satisfies RenderTemplateParams);
  if ('error' in result) {
    void vscode.window.showErrorMessage(`Cannot render ${vscode.workspace.asRelativePath(doc.uri)}: ${result.error}`);
    return;
  }
  const rendered = await vscode.workspace.openTextDocument({ language: result.languageId, content: result.text });
  await vscode.window.showTextDocument(rendered, { viewColumn: vscode.ViewColumn.Beside, preview: false });
}

export function registerTemplatePreview(context: vscode.ExtensionContext, getClient: () => LanguageClient | undefined): void {
  context.subscriptions.push(vscode.commands.registerCommand(PREVIEW_ROWS_COMMAND, () => preview(getClient)));
}
