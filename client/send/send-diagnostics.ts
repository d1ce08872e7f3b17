/**
 * Failed commands of the last send as diagnostics on the command in the file (collection 'ocip-send').
 * Cleared for a document on its next send, and per command when an edit touches that command.
 */
import * as vscode from 'vscode';
import { outcomeText, type PreparedCommand, type SendResultRow } from '../../core/send';

interface Entry {
  diagnostic: vscode.Diagnostic;
  /** The whole command, to know which edits touch it. */
  commandRange: vscode.Range;
}

export class SendDiagnostics implements vscode.Disposable {
  private readonly collection = vscode.languages.createDiagnosticCollection('ocip-send');
  private readonly entries = new Map<string, Entry[]>();
  private readonly listener = vscode.workspace.onDidChangeTextDocument((e) => this.onEdit(e));

  set(doc: vscode.TextDocument, commands: readonly PreparedCommand[], rows: readonly SendResultRow[]): void {
    const byIndex = new Map(commands.map((c) => [c.index, c]));
    const list: Entry[] = [];
    for (const r of rows) {
      if (r.kind === 'success' || r.kind === 'data') continue;
      const c = byIndex.get(r.index);
      if (!c) continue;
      const severity =
        r.kind === 'error'
          ? vscode.DiagnosticSeverity.Error
          : r.kind === 'info'
            ? vscode.DiagnosticSeverity.Information
            : vscode.DiagnosticSeverity.Warning;
      const range = new vscode.Range(doc.positionAt(c.headSpan.start), doc.positionAt(c.headSpan.end));
      const detail = r.detail?.trim() ? `\n${r.detail.trim()}` : '';
      const d = new vscode.Diagnostic(range, `Sent: ${outcomeText(r)}${detail}`, severity);
      d.source = 'OCI-P send';
      if (r.errorCode !== undefined) d.code = r.errorCode;
      list.push({ diagnostic: d, commandRange: new vscode.Range(doc.positionAt(c.span.start), doc.positionAt(c.span.end)) });
    }
    this.entries.set(doc.uri.toString(), list);
    this.collection.set(
      doc.uri,
      list.map((e) => e.diagnostic),
    );
  }

  clear(uri: vscode.Uri): void {
    this.entries.delete(uri.toString());
    this.collection.delete(uri);
  }

  get(uri: vscode.Uri): readonly vscode.Diagnostic[] {
    return this.collection.get(uri) ?? [];
  }

  private onEdit(e: vscode.TextDocumentChangeEvent): void {
    const list = this.entries.get(e.document.uri.toString());
    if (!list?.length || !e.contentChanges.length) return;
    const kept = list.filter((entry) => !e.contentChanges.some((c) => c.range.intersection(entry.commandRange) !== undefined));
    if (kept.length === list.length) return;
    this.entries.set(e.document.uri.toString(), kept);
    this.collection.set(
      e.document.uri,
      kept.map((k) => k.diagnostic),
    );
  }

  dispose(): void {
    this.listener.dispose();
    this.collection.dispose();
  }
}
