/**
 * The "OCI-P Results" view: a read-only virtual document (scheme ocip-results) whose tab is titled
 * "OCI-P Results". Plain text, so it can be read, searched, copied and saved like any file.
 * Each data response has a "Raw XML" CodeLens that opens that command's request and response as XML
 * (scheme ocip-results-xml), so the raw form is one click away from the table or tree.
 */
import * as vscode from 'vscode';
import { DATA_HEADING, rawXmlText, type ResultsView as ResultsData } from './render-results';
import { ROWS_HEADING } from './render-row-results';

export const RESULTS_SCHEME = 'ocip-results';
export const RAW_XML_SCHEME = 'ocip-results-xml';
/** ocip-results:OCI-P Results (a function: no vscode API use at module load). */
export function resultsUri(): vscode.Uri {
  return vscode.Uri.from({ scheme: RESULTS_SCHEME, path: 'OCI-P Results' });
}

export class ResultsView implements vscode.TextDocumentContentProvider, vscode.CodeLensProvider, vscode.Disposable {
  private text = 'OCI-P Results\n\nNothing sent yet.\n';
  private data?: Pick<ResultsData, 'rows' | 'commands'>;
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;
  private readonly registrations = [
    vscode.workspace.registerTextDocumentContentProvider(RESULTS_SCHEME, this),
    vscode.workspace.registerTextDocumentContentProvider(RAW_XML_SCHEME, { provideTextDocumentContent: (uri) => this.rawXml(uri) }),
    vscode.languages.registerCodeLensProvider({ scheme: RESULTS_SCHEME }, this),
  ];

  provideTextDocumentContent(): string {
    return this.text;
  }

  provideCodeLenses(doc: vscode.TextDocument): vscode.CodeLens[] {
    const lenses: vscode.CodeLens[] = [];
    // A template send's rows (./render-row-results): the row actions on their heading.
    for (let i = 0; i < doc.lineCount; i++)
      if (doc.lineAt(i).text.startsWith(ROWS_HEADING)) {
        const at = new vscode.Range(i, 0, i, 0);
        const filtered = doc.lineAt(i).text !== ROWS_HEADING;
        lenses.push(
          new vscode.CodeLens(at, { title: 'Re-send Failed Rows', command: 'ocip.resendFailedRows' }),
          new vscode.CodeLens(at, {
            title: filtered ? 'Show All Rows' : 'Show Failed Rows Only',
            command: 'ocip.showFailedRows',
            arguments: [!filtered],
          }),
        );
        break;
      }
    if (!this.data) return lenses;
    for (let i = 0; i < doc.lineCount; i++) {
      const m = DATA_HEADING.exec(doc.lineAt(i).text);
      if (m)
        lenses.push(
          new vscode.CodeLens(new vscode.Range(i, 0, i, 0), { title: 'Raw XML', command: 'ocip.showResultXml', arguments: [Number(m[1])] }),
        );
    }
    return lenses;
  }

  get content(): string {
    return this.text;
  }

  /** `data` (rows and sent commands) backs the Raw XML CodeLenses; a history entry has none. */
  async show(text: string, data?: Pick<ResultsData, 'rows' | 'commands'>): Promise<void> {
    this.text = text;
    this.data = data;
    this.changed.fire(resultsUri());
    const doc = await vscode.workspace.openTextDocument(resultsUri());
    await vscode.window.showTextDocument(doc, { viewColumn: vscode.ViewColumn.Beside, preview: false, preserveFocus: true });
  }

  /** Opens the request and response XML of command #number (1-based) of the last send; asks which when not given. */
  async showRawXml(number?: unknown): Promise<void> {
    const data = this.data;
    if (!data?.rows.length) {
      void vscode.window.showInformationMessage('OCI-P: no results with XML to show; send a file first.');
      return;
    }
    let n = typeof number === 'number' ? number : undefined;
    if (n === undefined) {
      const pick = await vscode.window.showQuickPick(
        data.rows.map((r) => ({ label: `#${r.index + 1} ${r.type}`, description: r.responseType ?? r.kind, n: r.index + 1 })),
        { placeHolder: 'Show the raw XML of which command?' },
      );
      if (!pick) return;
      n = pick.n;
    }
    const uri = vscode.Uri.from({ scheme: RAW_XML_SCHEME, path: `OCI-P Result ${n}.xml` });
    let doc = await vscode.workspace.openTextDocument(uri);
    try {
      doc = await vscode.languages.setTextDocumentLanguage(doc, 'xml');
    } catch {
      // no XML language here: plain text still shows it
    }
    await vscode.window.showTextDocument(doc, { viewColumn: vscode.ViewColumn.Beside, preview: true });
  }

  private rawXml(uri: vscode.Uri): string {
    const n = Number(/(\d+)\.xml$/.exec(uri.path)?.[1]);
    return (this.data && rawXmlText(this.data, n)) ?? '<!-- no such result -->\n';
  }

  async save(): Promise<void> {
    const target = await vscode.window.showSaveDialog({
      title: 'Save OCI-P Results',
      filters: { Text: ['txt'] },
      defaultUri: vscode.Uri.file('ocip-results.txt'),
    });
    if (!target) return;
    await vscode.workspace.fs.writeFile(target, Buffer.from(this.text, 'utf8'));
    void vscode.window.showInformationMessage(`OCI-P: results saved to ${target.fsPath}`);
  }

  async copy(): Promise<void> {
    await vscode.env.clipboard.writeText(this.text);
    void vscode.window.showInformationMessage('OCI-P: results copied to the clipboard');
  }

  dispose(): void {
    for (const r of this.registrations) r.dispose();
    this.changed.dispose();
  }
}
