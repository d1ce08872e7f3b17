/** CodeLens "Send all" at the top of an OCI-P file and "Send" above each command. */
import * as vscode from 'vscode';
import { parseSource } from '../../core/syntax';
import { formatOf } from './document';

export class SendCodeLens implements vscode.CodeLensProvider {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeCodeLenses = this.changed.event;

  refresh(): void {
    this.changed.fire();
  }

  provideCodeLenses(doc: vscode.TextDocument): vscode.CodeLens[] {
    if (!vscode.workspace.getConfiguration('ocip', doc.uri).get<boolean>('send.codeLens', true)) return [];
    const format = formatOf(doc);
    if (!format) return [];
    const file = parseSource(doc.getText(), format);
    if (!file.commands.length) return [];
    const top = new vscode.Range(0, 0, 0, 0);
    const lenses = [new vscode.CodeLens(top, { title: `$(send) Send all (${file.commands.length})`, command: 'ocip.sendAll', arguments: [doc.uri], tooltip: 'OCI-P: send every command of this file' })];
    for (const c of file.commands) {
      const line = doc.positionAt(c.span.start).line;
      lenses.push(new vscode.CodeLens(new vscode.Range(line, 0, line, 0), { title: '$(play) Send', command: 'ocip.send', arguments: [doc.uri, c.index], tooltip: `OCI-P: send command #${c.index + 1}${c.name ? ` (${c.name})` : ''}` }));
    }
    return lenses;
  }
}
