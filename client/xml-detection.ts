/**
 * A plain *.xml file whose root element is BroadsoftDocument is an OCI-P document: switch its language to
 * ocip-xml so it gets the same checks. (The manifest's firstLine pattern catches files whose first line
 * already holds the root; this catches the usual `<?xml ...?>` first line.)
 */
import * as vscode from 'vscode';
import { detectFormat } from '../core/syntax';

export function registerXmlDetection(context: vscode.ExtensionContext): void {
  const check = (doc: vscode.TextDocument) => {
    if (doc.languageId !== 'xml' || doc.uri.scheme === 'git') return;
    const head = doc.getText(new vscode.Range(0, 0, 50, 0));
    if (detectFormat(doc.fileName, head) === 'xml') void vscode.languages.setTextDocumentLanguage(doc, 'ocip-xml');
  };
  vscode.workspace.textDocuments.forEach(check);
  context.subscriptions.push(vscode.workspace.onDidOpenTextDocument(check));
}
