/**
 * CodeLens "Send all" at the top of an OCI-P file and "Send" above each command. Where the commands are comes
 * from the language server (ocip/codeLenses: one line number per command, from the analysis it already holds);
 * the extension host parses nothing, and a lens's command is only filled in when VS Code shows it.
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { CODE_LENS_REQUEST, type CodeLensParams, type CodeLensResult } from '../../core/protocol/messages';

class SendLens extends vscode.CodeLens {
  constructor(
    line: number,
    readonly uri: vscode.Uri,
    readonly index: number,
  ) {
    super(new vscode.Range(line, 0, line, 0));
  }
}

/** "Check" next to "Send": this command against the server's state (the earlier commands' effects included). */
class CheckLens extends SendLens {}

export class SendCodeLens implements vscode.CodeLensProvider<vscode.CodeLens> {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeCodeLenses = this.changed.event;

  constructor(private readonly languageClient: () => Promise<LanguageClient | undefined>) {}

  refresh(): void {
    this.changed.fire();
  }

  async provideCodeLenses(doc: vscode.TextDocument, token: vscode.CancellationToken): Promise<vscode.CodeLens[]> {
    if (!vscode.workspace.getConfiguration('ocip', doc.uri).get<boolean>('send.codeLens', true)) return [];
    const client = await this.languageClient();
    if (!client || token.isCancellationRequested) return [];
    const result = await client.sendRequest<CodeLensResult>(CODE_LENS_REQUEST, { uri: doc.uri.toString() } satisfies CodeLensParams, token);
    if (!result) return [];
    const checks = vscode.workspace.getConfiguration('ocip', doc.uri).get<string>('serverChecks', 'onDemand') !== 'off';
    return sendLenses(result.lines, doc.uri, checks);
  }

  resolveCodeLens(lens: vscode.CodeLens): vscode.CodeLens {
    if (lens instanceof CheckLens) {
      lens.command = {
        title: '$(checklist) Check',
        command: 'ocip.checkServer',
        arguments: [lens.uri, lens.index],
        tooltip: `OCI-P: check command #${lens.index + 1} against the server's state (read-only)`,
      };
    } else if (lens instanceof SendLens) {
      lens.command = {
        title: '$(play) Send',
        command: 'ocip.send',
        arguments: [lens.uri, lens.index],
        tooltip: `OCI-P: send command #${lens.index + 1}`,
      };
    }
    return lens;
  }
}

/** "Send all (N)" on line 0 and an unresolved "Send" (and "Check") lens per command line. */
export function sendLenses(lines: readonly number[], uri: vscode.Uri, checks = false): vscode.CodeLens[] {
  if (!lines.length) return [];
  const lenses: vscode.CodeLens[] = [
    new vscode.CodeLens(new vscode.Range(0, 0, 0, 0), {
      title: `$(send) Send all (${lines.length})`,
      command: 'ocip.sendAll',
      arguments: [uri],
      tooltip: 'OCI-P: send every command of this file',
    }),
  ];
  if (checks)
    lenses.push(
      new vscode.CodeLens(new vscode.Range(0, 0, 0, 0), {
        title: '$(checklist) Check against server',
        command: 'ocip.checkServer',
        arguments: [uri],
        tooltip: "OCI-P: check every command against the server's state (read-only)",
      }),
    );
  for (let i = 0; i < lines.length; i++) {
    lenses.push(new SendLens(lines[i], uri, i));
    if (checks) lenses.push(new CheckLens(lines[i], uri, i));
  }
  return lenses;
}
