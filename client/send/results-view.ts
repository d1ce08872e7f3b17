/**
 * The "OCI-P Results" view: a read-only virtual document (scheme ocip-results) whose tab is titled
 * "OCI-P Results". Plain text, so it can be read, searched, copied and saved like any file.
 */
import * as vscode from 'vscode';

export const RESULTS_SCHEME = 'ocip-results';
/** ocip-results:OCI-P Results (a function: no vscode API use at module load). */
export function resultsUri(): vscode.Uri {
  return vscode.Uri.from({ scheme: RESULTS_SCHEME, path: 'OCI-P Results' });
}

export class ResultsView implements vscode.TextDocumentContentProvider, vscode.Disposable {
  private text = 'OCI-P Results\n\nNothing sent yet.\n';
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;
  private readonly registration = vscode.workspace.registerTextDocumentContentProvider(RESULTS_SCHEME, this);

  provideTextDocumentContent(): string {
    return this.text;
  }

  get content(): string {
    return this.text;
  }

  async show(text: string): Promise<void> {
    this.text = text;
    this.changed.fire(resultsUri());
    const doc = await vscode.workspace.openTextDocument(resultsUri());
    await vscode.window.showTextDocument(doc, { viewColumn: vscode.ViewColumn.Beside, preview: false, preserveFocus: true });
  }

  async save(): Promise<void> {
    const target = await vscode.window.showSaveDialog({ title: 'Save OCI-P Results', filters: { Text: ['txt'] }, defaultUri: vscode.Uri.file('ocip-results.txt') });
    if (!target) return;
    await vscode.workspace.fs.writeFile(target, Buffer.from(this.text, 'utf8'));
    void vscode.window.showInformationMessage(`OCI-P: results saved to ${target.fsPath}`);
  }

  async copy(): Promise<void> {
    await vscode.env.clipboard.writeText(this.text);
    void vscode.window.showInformationMessage('OCI-P: results copied to the clipboard');
  }

  dispose(): void {
    this.registration.dispose();
    this.changed.dispose();
  }
}
