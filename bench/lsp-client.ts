/**
 * A minimal LSP client for benchmarks: spawns any stdio language server, answers configuration requests,
 * times publications, and reads the server's memory from /proc.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';

export interface Publication {
  uri: string;
  version?: number;
  diagnostics: unknown[];
  at: number;
}

export class BenchLspClient {
  readonly proc: ChildProcess;
  readonly conn: MessageConnection;
  capabilities: Record<string, unknown> = {};
  private waiters: { pred: (p: Publication) => boolean; resolve: (p: Publication) => void }[] = [];
  private versions = new Map<string, number>();
  stderr = '';

  constructor(
    args: string[],
    private readonly settings: (section: string) => unknown,
  ) {
    this.proc = spawn(process.execPath, args, { stdio: ['pipe', 'pipe', 'pipe'] });
    this.proc.stderr!.on('data', (d) => (this.stderr = (this.stderr + d).slice(-4000)));
    this.conn = createMessageConnection(new StreamMessageReader(this.proc.stdout!), new StreamMessageWriter(this.proc.stdin!));
    this.conn.onNotification('textDocument/publishDiagnostics', (p: Omit<Publication, 'at'>) => {
      const pub = { ...p, at: performance.now() };
      const ready = this.waiters.filter((w) => w.pred(pub));
      this.waiters = this.waiters.filter((w) => !ready.includes(w));
      for (const w of ready) w.resolve(pub);
    });
    this.conn.onRequest('workspace/configuration', (params: { items: { section?: string }[] }) =>
      params.items.map((i) => this.settings(i.section ?? '')),
    );
    this.conn.onRequest('client/registerCapability', () => null);
    this.conn.onRequest('client/unregisterCapability', () => null);
    this.conn.onRequest('window/workDoneProgress/create', () => null);
    this.conn.onRequest('workspace/workspaceFolders', () => null);
    this.conn.onNotification(() => undefined);
    this.conn.listen();
  }

  async initialize(workspaceUri: string | null, initializationOptions?: unknown): Promise<void> {
    const result = (await this.conn.sendRequest('initialize', {
      processId: process.pid,
      rootUri: workspaceUri,
      workspaceFolders: workspaceUri ? [{ uri: workspaceUri, name: 'bench' }] : null,
      capabilities: {
        workspace: { configuration: true, didChangeConfiguration: { dynamicRegistration: false } },
        textDocument: {
          publishDiagnostics: { relatedInformation: true, versionSupport: true },
          completion: { completionItem: { snippetSupport: true, documentationFormat: ['markdown', 'plaintext'] } },
          hover: { contentFormat: ['markdown', 'plaintext'] },
          synchronization: { didSave: false, dynamicRegistration: false },
        },
      },
      initializationOptions,
    })) as { capabilities: Record<string, unknown> };
    this.capabilities = result.capabilities ?? {};
    await this.conn.sendNotification('initialized', {});
  }

  /** Resolves on the next publication for `uri` that satisfies `pred`. */
  nextPublication(uri: string, pred: (p: Publication) => boolean = () => true, timeoutMs = 120000): Promise<Publication> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`no diagnostics for ${uri} within ${timeoutMs} ms; stderr: ${this.stderr}`)),
        timeoutMs,
      );
      this.waiters.push({ pred: (p) => p.uri === uri && pred(p), resolve: (p) => (clearTimeout(timer), resolve(p)) });
    });
  }

  open(uri: string, languageId: string, text: string): void {
    this.versions.set(uri, 1);
    void this.conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version: 1, text } });
  }

  /** Inserts or deletes text at an LSP position; returns the new version. */
  edit(uri: string, range: { start: Position; end: Position }, text: string): number {
    const version = (this.versions.get(uri) ?? 1) + 1;
    this.versions.set(uri, version);
    void this.conn.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ range, text }] });
    return version;
  }

  request<R>(method: string, params: unknown): Promise<R> {
    return this.conn.sendRequest(method, params) as Promise<R>;
  }

  /** VmRSS and VmHWM (peak) of the server process, in MB. */
  memory(): { rssMb: number; peakMb: number } {
    const status = readFileSync(`/proc/${this.proc.pid}/status`, 'utf8');
    const kb = (key: string) => Number(new RegExp(`^${key}:\\s+(\\d+)`, 'm').exec(status)?.[1] ?? NaN);
    return { rssMb: kb('VmRSS') / 1024, peakMb: kb('VmHWM') / 1024 };
  }

  /** Shuts the server down; kills it if it has not exited after `waitExitMs` (longer when it writes a --cpu-prof profile). */
  async close(waitExitMs = 50): Promise<void> {
    try {
      await Promise.race([this.conn.sendRequest('shutdown'), new Promise((r) => setTimeout(r, 2000))]);
      void this.conn.sendNotification('exit');
    } catch {
      /* already gone */
    }
    if (this.proc.exitCode === null)
      await new Promise((r) => {
        const timer = setTimeout(r, waitExitMs);
        this.proc.once('exit', () => (clearTimeout(timer), r(undefined)));
      });
    this.conn.dispose();
    if (this.proc.exitCode === null) this.proc.kill();
  }
}

export interface Position {
  line: number;
  character: number;
}

/** Line/character of a UTF-16 offset. */
export function positionAt(text: string, offset: number): Position {
  let line = 0;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, character: offset - lineStart };
}
