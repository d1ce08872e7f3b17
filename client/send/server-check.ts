/**
 * "OCI-P: Check Against Server": the file's commands judged against the active server's state (core/server-checks:
 * read requests only, through its one allow-list). Runs on demand (command, editor title, CodeLens) or on save
 * (ocip.serverChecks), never on the edit path. Its diagnostics (collection 'ocip-server') carry the server's name and
 * the time of the check; they stay until the next check of the file or until an edit touches their element, and
 * move with edits elsewhere. Answers are cached per server and administrator for ocip.serverChecks.cacheSeconds.
 */
import * as vscode from 'vscode';
import type { Diagnostic } from '../../core/checks/types';
import { serverAddress, type ServerConfig } from '../../core/send';
import { cacheSeconds, runServerCheck, serverCheckMode, ServerStateCache, type ServerCheckOutcome } from '../../core/server-checks';
import { parseSource } from '../../core/syntax';
import { checkOptionsFor, formatOf, resolveDocument } from './document';
import type { SendLog } from './output';
import type { Passwords } from './passwords';
import { activeServer, pickServer } from './servers';

interface Entry {
  start: number;
  end: number;
  command?: number;
  diagnostic: vscode.Diagnostic;
}

const SEVERITY = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  information: vscode.DiagnosticSeverity.Information,
  hint: vscode.DiagnosticSeverity.Hint,
} as const;

export class ServerChecks implements vscode.Disposable {
  private readonly collection = vscode.languages.createDiagnosticCollection('ocip-server');
  private readonly entries = new Map<string, Entry[]>();
  private cache = new ServerStateCache({ ttlSeconds: this.ttl() });
  private readonly running = new Set<string>();
  private readonly subscriptions: vscode.Disposable[];

  constructor(
    private readonly passwords: Passwords,
    private readonly log: SendLog,
  ) {
    this.subscriptions = [
      vscode.workspace.onDidChangeTextDocument((e) => this.onEdit(e)),
      vscode.workspace.onDidSaveTextDocument((doc) => void this.onSave(doc)),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('ocip.serverChecks.cacheSeconds')) this.cache = new ServerStateCache({ ttlSeconds: this.ttl() });
      }),
    ];
  }

  private ttl(): number {
    return cacheSeconds(vscode.workspace.getConfiguration('ocip').get('serverChecks.cacheSeconds'));
  }

  clearCache(): void {
    this.cache.clear();
  }

  get(uri: vscode.Uri): readonly vscode.Diagnostic[] {
    return this.collection.get(uri) ?? [];
  }

  /** The command: the active editor's file (or `target`), every command or only `only`. */
  async check(target?: unknown, only?: number[]): Promise<ServerCheckOutcome | undefined> {
    const doc = await resolveDocument(target);
    const format = doc && formatOf(doc);
    if (!doc || !format) {
      void vscode.window.showErrorMessage('OCI-P: open an OCI-P file (*.ocip.yaml, *.ocip.yml, *.ocip.xml) to check it against a server.');
      return undefined;
    }
    if (serverCheckMode(vscode.workspace.getConfiguration('ocip', doc.uri).get('serverChecks')) === 'off') {
      void vscode.window.showWarningMessage('OCI-P: server checks are off (setting ocip.serverChecks).');
      return undefined;
    }
    const server = activeServer() ?? (await pickServer('OCI-P: Select the server to check against'));
    if (!server) return undefined;
    const secret = await this.passwords.get(server);
    if (!secret) return undefined;
    const outcome = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Window, title: `OCI-P: checking against ${server.name}` },
      () => this.run(doc, server, secret.password, only),
    );
    if (!outcome) return undefined;
    if (outcome.failure) {
      if (outcome.failure.stage === 'login' && secret.stored) await this.passwords.forget(server);
      void vscode.window.showErrorMessage(
        `OCI-P: ${outcome.failure.stage === 'login' ? `login to ${server.name} failed` : `cannot check against ${server.name}`}: ${outcome.failure.message}`,
      );
      return outcome;
    }
    if (!secret.stored) await this.passwords.store(server, secret.password);
    const errors = outcome.diagnostics.filter((d) => d.severity === 'error').length;
    const text = `OCI-P: checked against ${server.name}: ${errors ? `${errors} problem${errors === 1 ? '' : 's'} the server would refuse` : 'no problem found'} (${outcome.requestsSent} read request${outcome.requestsSent === 1 ? '' : 's'}, ${outcome.cached} cached).`;
    if (errors) void vscode.window.showWarningMessage(text);
    else void vscode.window.showInformationMessage(text);
    return outcome;
  }

  /** On save with ocip.serverChecks = onSave: only with the active server and a stored password (never a prompt). */
  private async onSave(doc: vscode.TextDocument): Promise<void> {
    if (!formatOf(doc) || !vscode.workspace.isTrusted) return;
    if (serverCheckMode(vscode.workspace.getConfiguration('ocip', doc.uri).get('serverChecks')) !== 'onSave') return;
    const server = activeServer();
    if (!server) return;
    const password = await this.passwords.stored(server);
    if (!password) return;
    const outcome = await this.run(doc, server, password);
    if (outcome?.failure) this.log.write(`server check on save: ${outcome.failure.message}`, password);
  }

  private async run(
    doc: vscode.TextDocument,
    server: ServerConfig,
    password: string,
    only?: number[],
  ): Promise<ServerCheckOutcome | undefined> {
    const key = doc.uri.toString();
    if (this.running.has(key)) return undefined;
    this.running.add(key);
    try {
      const version = doc.version;
      const text = doc.getText();
      const options = checkOptionsFor(doc);
      this.log.write(`checking ${doc.uri.fsPath || key} against ${server.name} (${serverAddress(server)}) as ${server.username}`, password);
      const outcome = await runServerCheck({
        server,
        password,
        file: parseSource(text, formatOf(doc)!),
        dataMode: options.dataMode,
        adminLevel: options.adminLevel,
        newUserTemplateServices: options.newUserTemplateServices,
        only,
        cache: this.cache,
        log: (line) => this.log.write(line, password),
      });
      if (!outcome.failure) {
        this.log.write(
          `server check: ${outcome.diagnostics.length} diagnostic(s), ${outcome.requestsSent} read request(s), ${outcome.cached} cached`,
        );
        // An edit made while the check ran moved things: its diagnostics would point at the wrong text.
        if (doc.version === version) this.publish(doc, outcome.diagnostics, server, only);
      }
      return outcome;
    } finally {
      this.running.delete(key);
    }
  }

  private publish(doc: vscode.TextDocument, found: readonly Diagnostic[], server: ServerConfig, only?: number[]): void {
    const key = doc.uri.toString();
    // A check of some commands replaces only their diagnostics.
    const kept = only ? (this.entries.get(key) ?? []).filter((e) => e.command === undefined || !only.includes(e.command)) : [];
    const fresh: Entry[] = found.map((d) => {
      const diagnostic = new vscode.Diagnostic(
        new vscode.Range(doc.positionAt(d.span.start), doc.positionAt(d.span.end)),
        d.message,
        SEVERITY[d.severity],
      );
      diagnostic.source = `OCI-P server ${server.name}`;
      diagnostic.code = d.code;
      // The element the server would ignore is faded, like the editor's XS-ignored elements.
      if (d.code === 'OCI-SERVER-GROUP-PROPERTIES-IGNORED') diagnostic.tags = [vscode.DiagnosticTag.Unnecessary];
      return { start: d.span.start, end: d.span.end, command: d.command, diagnostic };
    });
    const list = [...kept, ...fresh];
    this.entries.set(key, list);
    this.collection.set(
      doc.uri,
      list.map((e) => e.diagnostic),
    );
  }

  /** An edit inside (or touching) an element drops its diagnostics; edits before it move them. */
  private onEdit(e: vscode.TextDocumentChangeEvent): void {
    const key = e.document.uri.toString();
    const list = this.entries.get(key);
    if (!list?.length || !e.contentChanges.length) return;
    let current = list;
    for (const c of e.contentChanges) {
      const from = c.rangeOffset;
      const to = c.rangeOffset + c.rangeLength;
      const delta = c.text.length - c.rangeLength;
      current = current.flatMap((entry) => {
        if (to < entry.start) return [{ ...entry, start: entry.start + delta, end: entry.end + delta }];
        if (from > entry.end) return [entry];
        return [];
      });
    }
    for (const entry of current)
      entry.diagnostic.range = new vscode.Range(e.document.positionAt(entry.start), e.document.positionAt(entry.end));
    this.entries.set(key, current);
    this.collection.set(
      e.document.uri,
      current.map((x) => x.diagnostic),
    );
  }

  clear(uri: vscode.Uri): void {
    this.entries.delete(uri.toString());
    this.collection.delete(uri);
  }

  dispose(): void {
    for (const s of this.subscriptions) s.dispose();
    this.collection.dispose();
  }
}
