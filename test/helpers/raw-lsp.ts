/**
 * The language server over raw stdio, for hostile-client tests: any bytes can be written (garbage headers,
 * noise, malformed JSON-RPC), and answers are read with a tolerant frame parser of our own. `health()` is the
 * question asked after each attack: a documentSymbol request on a document opened at start, which must be
 * answered with its one command.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { REPO } from './lsp-client';

export const HEALTH_URI = 'file:///health/ok.ocip.yaml';
const HEALTH_TEXT = 'command: UserDeleteRequest\nuserId: a@b.c\n';

export function frame(message: unknown): Buffer {
  const body = Buffer.from(JSON.stringify(message), 'utf8');
  return Buffer.concat([Buffer.from(`Content-Length: ${body.length}\r\n\r\n`, 'ascii'), body]);
}

export class RawLspServer {
  readonly proc: ChildProcess;
  stderr = '';
  exit: { code: number | null; signal: string | null } | undefined;
  private out = Buffer.alloc(0);
  private nextId = 1_000_000;
  private readonly waiting = new Map<number | string, (m: Record<string, unknown>) => void>();
  /** Notifications received, by method (counts only, to stay small). */
  readonly notifications = new Map<string, number>();
  /** Every publishDiagnostics received, newest last. */
  readonly published: { uri: string; version?: number; diagnostics: { message: string; code?: unknown }[] }[] = [];

  constructor() {
    this.proc = spawn(process.execPath, [join(REPO, 'dist', 'server.js'), '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
    this.proc.stderr!.on('data', (d) => (this.stderr = (this.stderr + d).slice(-20_000)));
    this.proc.stdout!.on('data', (d: Buffer) => this.read(d));
    this.proc.stdin!.on('error', () => undefined);
    this.proc.on('exit', (code, signal) => (this.exit = { code, signal }));
  }

  /** Chunks of the answer being read, and its body length once its header is read (linear in the bytes read). */
  private chunks: Buffer[] = [];
  private buffered = 0;
  private bodyLength = -1;

  private read(d: Buffer): void {
    this.chunks.push(d);
    this.buffered += d.length;
    for (;;) {
      if (this.bodyLength < 0) {
        this.out = Buffer.concat(this.chunks);
        this.chunks = [this.out];
        const end = this.out.indexOf('\r\n\r\n');
        if (end < 0) return;
        const m = /Content-Length: (\d+)/i.exec(this.out.subarray(0, end).toString('ascii'));
        this.bodyLength = Number(m?.[1]);
        this.out = this.out.subarray(end + 4);
        this.chunks = [this.out];
        this.buffered = this.out.length;
      }
      if (this.buffered < this.bodyLength) return;
      const all = Buffer.concat(this.chunks);
      const message = JSON.parse(all.subarray(0, this.bodyLength).toString('utf8')) as Record<string, unknown>;
      this.out = all.subarray(this.bodyLength);
      this.chunks = [this.out];
      this.buffered = this.out.length;
      this.bodyLength = -1;
      this.dispatch(message);
    }
  }

  private dispatch(m: Record<string, unknown>): void {
    if (typeof m.method === 'string' && m.id !== undefined) {
      // A request from the server (workspace/configuration, ...): answer it like a plain client.
      const items = (m.params as { items?: unknown[] } | undefined)?.items;
      this.write(
        frame({
          jsonrpc: '2.0',
          id: m.id,
          result: m.method === 'workspace/configuration' ? (items ?? []).map(() => ({ diagnostics: { debounceMs: 0 } })) : null,
        }),
      );
      return;
    }
    if (typeof m.method === 'string') {
      this.notifications.set(m.method, (this.notifications.get(m.method) ?? 0) + 1);
      if (m.method === 'textDocument/publishDiagnostics') this.published.push(m.params as RawLspServer['published'][number]);
      return;
    }
    const resolve = this.waiting.get(m.id as number);
    if (resolve) {
      this.waiting.delete(m.id as number);
      resolve(m);
    }
  }

  write(bytes: Buffer | string): void {
    if (this.proc.stdin!.writable) this.proc.stdin!.write(bytes);
  }

  notify(method: string, params: unknown): void {
    this.write(frame({ jsonrpc: '2.0', method, params }));
  }

  /**
   * Sends a request and resolves with the whole response message, or rejects after timeoutMs. `then`: bytes
   * written in the same write as the request (e.g. its $/cancelRequest).
   */
  request(
    method: string,
    params: unknown,
    timeoutMs = 20_000,
    id: number | string = this.nextId++,
    then?: Buffer,
  ): Promise<Record<string, unknown>> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiting.delete(id);
        reject(
          new Error(
            `no answer to ${method} within ${timeoutMs} ms (exit: ${JSON.stringify(this.exit)}); stderr: ${this.stderr.slice(-2000)}`,
          ),
        );
      }, timeoutMs);
      this.waiting.set(id, (m) => (clearTimeout(timer), resolve(m)));
      const bytes = frame({ jsonrpc: '2.0', id, method, params });
      this.write(then ? Buffer.concat([bytes, then]) : bytes);
    });
  }

  async initialize(): Promise<void> {
    await this.request('initialize', { processId: null, rootUri: null, capabilities: { workspace: { configuration: true } } });
    this.notify('initialized', {});
    this.notify('textDocument/didOpen', { textDocument: { uri: HEALTH_URI, languageId: 'ocip-yaml', version: 1, text: HEALTH_TEXT } });
  }

  /** The server is alive and its document store intact: the health document's outline comes back. */
  async health(timeoutMs = 20_000): Promise<void> {
    const answer = await this.request('textDocument/documentSymbol', { textDocument: { uri: HEALTH_URI } }, timeoutMs);
    const symbols = answer.result as { name: string }[] | null;
    if (!Array.isArray(symbols) || symbols.length !== 1 || !symbols[0].name.startsWith('UserDeleteRequest'))
      throw new Error(`health: unexpected answer ${JSON.stringify(answer).slice(0, 300)}`);
  }

  async close(): Promise<void> {
    if (this.exit) return;
    const gone = new Promise((r) => this.proc.once('exit', r));
    this.proc.kill();
    await gone;
  }
}
