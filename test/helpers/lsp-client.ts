/**
 * A real LSP client for tests: spawns `node dist/server.js --stdio` and speaks JSON-RPC over its stdio.
 * Diagnostics are collected per URI; `waitForDiagnostics` resolves on the next publication that passes a predicate.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';
import type { Diagnostic, PublishDiagnosticsParams } from 'vscode-languageserver-protocol';

export const REPO = join(__dirname, '..', '..');

export interface LspClientOptions {
  /** Settings returned for workspace/configuration requests (section 'ocip'). */
  settings?: Record<string, unknown>;
  initializationOptions?: Record<string, unknown>;
  /** Workspace folders announced at initialize (for settings resolved against a folder). */
  workspaceFolders?: { uri: string; name: string }[];
  /** Declare workspace folder support (the server then follows workspace/didChangeWorkspaceFolders). */
  workspaceFolderChanges?: boolean;
}

export class LspTestClient {
  readonly proc: ChildProcess;
  readonly conn: MessageConnection;
  settings: Record<string, unknown>;
  private readonly published = new Map<string, PublishDiagnosticsParams>();
  private waiters: { uri: string; pred: (p: PublishDiagnosticsParams) => boolean; resolve: (p: PublishDiagnosticsParams) => void }[] = [];
  private versions = new Map<string, number>();
  stderr = '';
  /** Messages the server showed the user (window/showMessage and window/showMessageRequest). */
  readonly messages: string[] = [];
  /** window/logMessage notifications (type 1 error, 2 warning, 3 info, 4 log, 5 debug). */
  readonly logs: { type: number; message: string }[] = [];

  constructor(opts: LspClientOptions = {}) {
    this.settings = opts.settings ?? {};
    this.proc = spawn(process.execPath, [join(REPO, 'dist', 'server.js'), '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
    this.proc.stderr!.on('data', (d) => (this.stderr += d));
    this.conn = createMessageConnection(new StreamMessageReader(this.proc.stdout!), new StreamMessageWriter(this.proc.stdin!));
    this.conn.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => {
      this.published.set(p.uri, p);
      const ready = this.waiters.filter((w) => w.uri === p.uri && w.pred(p));
      this.waiters = this.waiters.filter((w) => !ready.includes(w));
      for (const w of ready) w.resolve(p);
    });
    this.conn.onRequest('workspace/configuration', (params: { items: { section?: string }[] }) => params.items.map(() => this.settings));
    this.conn.onRequest('client/registerCapability', () => null);
    this.conn.onRequest('window/workDoneProgress/create', () => null);
    this.conn.onNotification('window/showMessage', (p: { message: string }) => this.messages.push(p.message));
    this.conn.onRequest('window/showMessageRequest', (p: { message: string }) => {
      this.messages.push(p.message);
      return null;
    });
    this.conn.onNotification('window/logMessage', (p: { type: number; message: string }) => this.logs.push(p));
    this.conn.listen();
  }

  async initialize(opts: LspClientOptions = {}): Promise<unknown> {
    const result = await this.conn.sendRequest('initialize', {
      processId: process.pid,
      rootUri: null,
      capabilities: {
        workspace: {
          configuration: true,
          didChangeConfiguration: { dynamicRegistration: false },
          ...(opts.workspaceFolderChanges ? { workspaceFolders: true } : {}),
        },
        textDocument: {
          publishDiagnostics: { relatedInformation: true, tagSupport: { valueSet: [1, 2] }, versionSupport: true },
          completion: { completionItem: { snippetSupport: true, documentationFormat: ['markdown', 'plaintext'] } },
          hover: { contentFormat: ['markdown', 'plaintext'] },
          codeAction: {
            codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'source', 'source.fixAll'] } },
            resolveSupport: { properties: ['edit'] },
          },
          documentSymbol: { hierarchicalDocumentSymbolSupport: true },
        },
      },
      initializationOptions: opts.initializationOptions,
      workspaceFolders: opts.workspaceFolders ?? null,
    });
    await this.conn.sendNotification('initialized', {});
    return result;
  }

  open(uri: string, languageId: string, text: string): void {
    this.versions.set(uri, 1);
    void this.conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version: 1, text } });
  }

  /** Replace the text between two offsets-as-positions; `range` in LSP line/character. */
  change(
    uri: string,
    changes: (
      { range: { start: { line: number; character: number }; end: { line: number; character: number } }; text: string } | { text: string }
    )[],
  ): number {
    const version = (this.versions.get(uri) ?? 1) + 1;
    this.versions.set(uri, version);
    void this.conn.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: changes });
    return version;
  }

  close(uri: string): void {
    void this.conn.sendNotification('textDocument/didClose', { textDocument: { uri } });
  }

  changeSettings(settings: Record<string, unknown>): void {
    this.settings = settings;
    void this.conn.sendNotification('workspace/didChangeConfiguration', { settings: { ocip: settings } });
  }

  /** The next diagnostics publication for `uri` satisfying `pred` (default: any), or the current one if it already does. */
  waitForDiagnostics(
    uri: string,
    pred: (p: PublishDiagnosticsParams) => boolean = () => true,
    timeoutMs = 20000,
  ): Promise<PublishDiagnosticsParams> {
    const current = this.published.get(uri);
    if (current && pred(current)) return Promise.resolve(current);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(
        () =>
          reject(
            new Error(
              `no matching diagnostics for ${uri} within ${timeoutMs} ms; last: ${JSON.stringify(this.published.get(uri)?.diagnostics.map((d) => d.code))}; stderr: ${this.stderr}`,
            ),
          ),
        timeoutMs,
      );
      this.waiters.push({ uri, pred, resolve: (p) => (clearTimeout(timer), resolve(p)) });
    });
  }

  /** Diagnostics for the given document version. */
  diagnosticsFor(uri: string, version: number): Promise<Diagnostic[]> {
    return this.waitForDiagnostics(uri, (p) => p.version === version).then((p) => p.diagnostics);
  }

  request<R>(method: string, params: unknown): Promise<R> {
    return this.conn.sendRequest(method, params) as Promise<R>;
  }

  async shutdown(): Promise<void> {
    try {
      await Promise.race([this.conn.sendRequest('shutdown'), new Promise((r) => setTimeout(r, 2000))]);
      // Awaited and caught: the server may exit (and the pipe close) before the write completes.
      await this.conn.sendNotification('exit').catch(() => undefined);
    } catch {
      /* the server may already be gone */
    }
    this.conn.dispose();
    if (this.proc.exitCode === null) this.proc.kill();
  }
}
