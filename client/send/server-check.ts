/**
 * "OCI-P: Check Against Server": the file's commands judged against the active server's state (core/server-checks:
 * read requests only, through its one allow-list). Runs on demand (command, editor title, CodeLens) or on save
 * (ocip.serverChecks), never on the edit path. The language server plans (the reads the document's commands need)
 * and judges (answers → diagnostics); the extension host only reads, so the password and the connection stay here
 * and no document is parsed here. The diagnostics (collection 'ocip-server') carry the server's name and the time of
 * the check; they stay until the next check of the file or until an edit touches their element, and move with edits
 * elsewhere. Answers are cached per server and administrator for ocip.serverChecks.cacheSeconds.
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import type { AdminLevel } from '../../core/checks/types';
import {
  SERVER_CHECK_JUDGE_REQUEST,
  SERVER_CHECK_PLAN_REQUEST,
  type ServerCheckJudgeParams,
  type ServerCheckJudgeResult,
  type ServerCheckPlanParams,
  type ServerCheckPlanResult,
} from '../../core/protocol/messages';
import { serverAddress, type ServerConfig } from '../../core/send';
import { cacheSeconds, readServerState, serverCheckMode, ServerStateCache, type ServerCheckOutcome } from '../../core/server-checks';
import { formatOf, resolveDocument } from './document';
import type { SendLog } from './output';
import type { Passwords } from './passwords';
import { activeServer, pickServer } from './servers';

type JudgedDiagnostic = Extract<ServerCheckJudgeResult, { version: number }>['diagnostics'][number];

/** What a check did: a failure, or the diagnostics published and what the reads cost. */
export type CheckRun =
  | { failure: NonNullable<ServerCheckOutcome['failure']>; diagnostics?: undefined }
  | { failure?: undefined; diagnostics: JudgedDiagnostic[]; requestsSent: number; cached: number };

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
    private readonly languageClient: () => Promise<LanguageClient | undefined>,
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

  /** The command: the active editor's file (or `target`), every command or only `only`. */
  async check(target?: unknown, only?: number[]): Promise<CheckRun | undefined> {
    const doc = await resolveDocument(target);
    if (!doc || !formatOf(doc)) {
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
    const run = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Window, title: `OCI-P: checking against ${server.name}` },
      () => this.run(doc, server, secret.password, only),
    );
    if (!run) return undefined;
    if (run.failure) {
      if (run.failure.stage === 'login' && secret.stored) await this.passwords.forget(server);
      const what = run.failure.stage === 'login' ? `login to ${server.name} failed` : `cannot check against ${server.name}`;
      void vscode.window.showErrorMessage(`OCI-P: ${what}: ${run.failure.message}`);
      return run;
    }
    if (!secret.stored) await this.passwords.store(server, secret.password);
    const errors = run.diagnostics.filter((d) => d.severity === 'error').length;
    const found = errors ? `${errors} problem${errors === 1 ? '' : 's'} the server would refuse` : 'no problem found';
    const cost = `${run.requestsSent} read request${run.requestsSent === 1 ? '' : 's'}, ${run.cached} cached`;
    const text = `OCI-P: checked against ${server.name}: ${found} (${cost}).`;
    if (errors) void vscode.window.showWarningMessage(text);
    else void vscode.window.showInformationMessage(text);
    return run;
  }

  /** On save with ocip.serverChecks = onSave: only with the active server and a stored password (never a prompt). */
  private async onSave(doc: vscode.TextDocument): Promise<void> {
    if (!formatOf(doc) || !vscode.workspace.isTrusted) return;
    if (serverCheckMode(vscode.workspace.getConfiguration('ocip', doc.uri).get('serverChecks')) !== 'onSave') return;
    const server = activeServer();
    if (!server) return;
    const password = await this.passwords.stored(server);
    if (!password) return;
    const run = await this.run(doc, server, password);
    if (run?.failure) this.log.write(`server check on save: ${run.failure.message}`, password);
  }

  private async run(doc: vscode.TextDocument, server: ServerConfig, password: string, only?: number[]): Promise<CheckRun | undefined> {
    const key = doc.uri.toString();
    if (this.running.has(key)) return undefined;
    const client = await this.languageClient();
    if (!client) return { failure: { stage: 'usage', code: 'usage', message: 'the OCI-P language server is not running' } };
    this.running.add(key);
    try {
      const plan = await client.sendRequest<ServerCheckPlanResult>(SERVER_CHECK_PLAN_REQUEST, {
        uri: key,
        only,
      } satisfies ServerCheckPlanParams);
      if ('error' in plan) return { failure: { stage: 'usage', code: 'usage', message: plan.error } };
      this.log.write(`checking ${doc.uri.fsPath || key} against ${server.name} (${serverAddress(server)}) as ${server.username}`, password);
      const checkedAt = new Date();
      const state = await readServerState({
        server,
        password,
        queries: plan.queries,
        adminLevel: plan.adminLevel as AdminLevel,
        cache: this.cache,
        log: (line) => this.log.write(line, password),
      });
      if (state.failure) return { failure: state.failure };
      const judged = await client.sendRequest<ServerCheckJudgeResult>(SERVER_CHECK_JUDGE_REQUEST, {
        uri: key,
        version: plan.version,
        only,
        answers: [...state.answers],
        level: state.level,
        serverName: server.name,
        checkedAt: checkedAt.toISOString(),
      } satisfies ServerCheckJudgeParams);
      // An edit made while the check ran moved things: the diagnostics would point at the wrong text.
      if ('error' in judged || judged.version !== doc.version) {
        return { failure: { stage: 'usage', code: 'changed', message: 'the file changed during the check; check again' } };
      }
      this.log.write(
        `server check: ${judged.diagnostics.length} diagnostic(s), ${state.requestsSent} read request(s), ${state.cached} cached`,
      );
      this.publish(doc, judged.diagnostics, server, only);
      return { diagnostics: judged.diagnostics, requestsSent: state.requestsSent, cached: state.cached };
    } finally {
      this.running.delete(key);
    }
  }

  private publish(doc: vscode.TextDocument, found: readonly JudgedDiagnostic[], server: ServerConfig, only?: number[]): void {
    const key = doc.uri.toString();
    // A check of some commands replaces only their diagnostics.
    const kept = only ? (this.entries.get(key) ?? []).filter((e) => e.command === undefined || !only.includes(e.command)) : [];
    const fresh: Entry[] = found.map((d) => {
      const range = new vscode.Range(doc.positionAt(d.span.start), doc.positionAt(d.span.end));
      const diagnostic = new vscode.Diagnostic(range, d.message, SEVERITY[d.severity]);
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
    // VS Code lists the changes of one event from the end of the document backwards: earlier offsets stay valid.
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

  dispose(): void {
    for (const s of this.subscriptions) s.dispose();
    this.collection.dispose();
  }
}
