/**
 * A plain *.xml file whose root element is BroadsoftDocument is an OCI-P document: switch its language to
 * ocip-xml so it gets the same checks (setting ocip.detectXml, default on). The manifest's firstLine pattern
 * never fires for .xml (the extension association wins), so this is the only way such a file is recognized.
 * Cheap: only the first 4 KB are read, and nothing else (no language server) runs for other XML files.
 */
import * as vscode from 'vscode';
import { detectFormat } from '../core/syntax';

const HEAD_CHARS = 4096;

export function isOcipDocument(doc: vscode.TextDocument): boolean {
  return doc.languageId === 'ocip-yaml' || doc.languageId === 'ocip-xml';
}

export function registerXmlDetection(context: vscode.ExtensionContext): void {
  const check = (doc: vscode.TextDocument) => {
    if (doc.languageId !== 'xml' || doc.uri.scheme === 'git') return;
    if (!vscode.workspace.getConfiguration('ocip', doc.uri).get<boolean>('detectXml', true)) return;
    const head = doc.getText(new vscode.Range(new vscode.Position(0, 0), doc.positionAt(HEAD_CHARS)));
    if (detectFormat(doc.fileName, head) === 'xml') void vscode.languages.setTextDocumentLanguage(doc, 'ocip-xml');
  };
  vscode.workspace.textDocuments.forEach(check);
  context.subscriptions.push(vscode.workspace.onDidOpenTextDocument(check));
}
