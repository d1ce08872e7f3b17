/**
 * CodeLens "Send all" at the top of an OCI-P file and "Send" (and "Check") above each command. Where the commands
 * are comes from the language server (ocip/codeLenses: one line number per command, from the analysis it already
 * holds); the extension host parses nothing, and a lens's command is only filled in when VS Code shows it. In a file
 * of WINDOW_MIN_COMMANDS commands or more, only the lenses near what the editors show are returned (./codelens-window):
 * VS Code converts and sends every returned lens on every keystroke, shown or not.
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { CODE_LENS_REQUEST, type CodeLensParams, type CodeLensResult } from '../../core/protocol/messages';
import { commandsIn, coveredLines, needsRefetch, WINDOW_MIN_COMMANDS, type LineInterval } from './codelens-window';

class SendLens extends vscode.CodeLens {
  constructor(
    range: vscode.Range,
    readonly uri: vscode.Uri,
    readonly index: number,
  ) {
    super(range);
  }
}

/** "Check" next to "Send": this command against the server's state (the earlier commands' effects included). */
class CheckLens extends SendLens {}

export class SendCodeLens implements vscode.CodeLensProvider<vscode.CodeLens>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeCodeLenses = this.changed.event;
  /** Per windowed document (URI): the lines its last lenses cover. Absent: every lens was returned. */
  private readonly covered = new Map<string, LineInterval[]>();
  private readonly subscriptions: vscode.Disposable[];

  constructor(private readonly languageClient: () => Promise<LanguageClient | undefined>) {
    this.subscriptions = [
      this.changed,
      vscode.window.onDidChangeTextEditorVisibleRanges((e) => this.scrolled(e.textEditor.document)),
      vscode.window.onDidChangeVisibleTextEditors((editors) => editors.forEach((e) => this.scrolled(e.document))),
      vscode.workspace.onDidCloseTextDocument((doc) => this.covered.delete(doc.uri.toString())),
    ];
  }

  refresh(): void {
    this.changed.fire();
  }

  dispose(): void {
    for (const s of this.subscriptions) s.dispose();
  }

  async provideCodeLenses(doc: vscode.TextDocument, token: vscode.CancellationToken): Promise<vscode.CodeLens[]> {
    if (!vscode.workspace.getConfiguration('ocip', doc.uri).get<boolean>('send.codeLens', true)) return [];
    const client = await this.languageClient();
    if (!client || token.isCancellationRequested) return [];
    const result = await client.sendRequest<CodeLensResult>(CODE_LENS_REQUEST, { uri: doc.uri.toString() } satisfies CodeLensParams, token);
    if (!result) return [];
    const checks = vscode.workspace.getConfiguration('ocip', doc.uri).get<string>('serverChecks', 'onDemand') !== 'off';
    const key = doc.uri.toString();
    if (result.lines.length < WINDOW_MIN_COMMANDS) {
      this.covered.delete(key);
      return sendLenses(result.lines, doc.uri, checks);
    }
    const covered = coveredLines(visibleLines(doc));
    this.covered.set(key, covered);
    return sendLenses(result.lines, doc.uri, checks, commandsIn(result.lines, covered));
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

  /** An editor of a windowed document scrolled (or appeared): ask VS Code again when it nears the covered edge. */
  private scrolled(doc: vscode.TextDocument): void {
    const covered = this.covered.get(doc.uri.toString());
    if (!covered) return;
    if (!needsRefetch(visibleLines(doc), covered, doc.lineCount - 1)) return;
    // Until VS Code asks again, count the document as covered everywhere: one refetch per approach, not per event.
    this.covered.set(doc.uri.toString(), [{ start: 0, end: Number.MAX_SAFE_INTEGER }]);
    this.changed.fire();
  }
}

/** The line ranges the visible editors show of `doc`. */
function visibleLines(doc: vscode.TextDocument): LineInterval[] {
  const key = doc.uri.toString();
  return vscode.window.visibleTextEditors
    .filter((e) => e.document.uri.toString() === key)
    .flatMap((e) => e.visibleRanges.map((r) => ({ start: r.start.line, end: r.end.line })));
}

/**
 * "Send all (N)" (and "Check against server") on line 0, and an unresolved "Send" (and "Check") lens per command
 * line, or per command of `only` (indices into `lines`). The two lenses of a command share one Range.
 */
export function sendLenses(lines: readonly number[], uri: vscode.Uri, checks = false, only?: readonly number[]): vscode.CodeLens[] {
  if (!lines.length) return [];
  const top = new vscode.Range(0, 0, 0, 0);
  const lenses: vscode.CodeLens[] = [
    new vscode.CodeLens(top, {
      title: `$(send) Send all (${lines.length})`,
      command: 'ocip.sendAll',
      arguments: [uri],
      tooltip: 'OCI-P: send every command of this file',
    }),
  ];
  if (checks)
    lenses.push(
      new vscode.CodeLens(top, {
        title: '$(checklist) Check against server',
        command: 'ocip.checkServer',
        arguments: [uri],
        tooltip: "OCI-P: check every command against the server's state (read-only)",
      }),
    );
  const add = (i: number) => {
    const range = new vscode.Range(lines[i], 0, lines[i], 0);
    lenses.push(new SendLens(range, uri, i));
    if (checks) lenses.push(new CheckLens(range, uri, i));
  };
  if (only) only.forEach(add);
  else for (let i = 0; i < lines.length; i++) add(i);
  return lenses;
}
