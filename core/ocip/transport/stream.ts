/**
 * Request/response over a connected byte stream (plain TCP or TLS): write one document + "\n", read until the
 * response document is complete. Any failure breaks the connection for good: the stream may be out of step.
 */
import type { Socket } from 'node:net';
import { MAY_HAVE_EXECUTED, OcipError, type OcipErrorCode } from '../errors';
import { maskSecrets } from '../mask';
import { DocumentReader, encodeDocument } from './framing';
import { DEFAULTS, type Transport, type TransportOptions } from './types';

interface Pending {
  resolve: (doc: string) => void;
  reject: (err: OcipError) => void;
  written: boolean;
}

const LOGOUT_REQUEST = /<command\b[^>]*?\btype\s*=\s*["'](?:[A-Za-z_][\w.-]*:)?LogoutRequest["']/;

export class StreamTransport implements Transport {
  private readonly reader: DocumentReader;
  private readonly timeoutMs: number;
  private pending?: Pending;
  /** Set once the connection is unusable; every later exchange fails without writing. */
  private broken?: OcipError;
  private readonly closed: Promise<void>;

  constructor(
    private readonly socket: Socket,
    options: TransportOptions,
    readonly secure: boolean,
    readonly description: string,
  ) {
    this.reader = new DocumentReader(options.maxResponseBytes ?? DEFAULTS.maxResponseBytes);
    this.timeoutMs = options.timeoutMs ?? DEFAULTS.timeoutMs;
    this.closed = new Promise((resolve) => socket.once('close', () => resolve()));
    socket.on('data', (chunk: Buffer) => this.onData(chunk));
    socket.on('error', (err) => this.fail('closed', `connection error: ${err.message}`));
    socket.on('close', () => this.fail('closed', this.closedMessage()));
  }

  exchange(docXml: string, signal?: AbortSignal): Promise<string> {
    if (this.broken) {
      const { code, message } = this.broken;
      return Promise.reject(new OcipError(code, `connection is no longer usable (nothing was sent): ${message}`));
    }
    if (this.pending) return Promise.reject(new OcipError('state', 'another request is still in flight on this connection'));
    if (signal?.aborted) return Promise.reject(new OcipError('cancelled', 'cancelled before sending; nothing was sent'));
    let bytes: Buffer;
    try {
      bytes = Buffer.concat([encodeDocument(docXml), Buffer.from('\n')]);
    } catch (err) {
      return Promise.reject(err);
    }
    return new Promise<string>((resolve, reject) => {
      const timer = setTimeout(
        () => this.fail('timeout', `no complete response within ${this.timeoutMs} ms; connection closed`),
        this.timeoutMs,
      );
      const onAbort = () => this.fail('cancelled', 'cancelled; connection closed');
      const settle = () => {
        clearTimeout(timer);
        signal?.removeEventListener('abort', onAbort);
        this.pending = undefined;
      };
      this.pending = {
        resolve: (doc) => (settle(), resolve(doc)),
        reject: (err) => (settle(), reject(err)),
        written: false,
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      this.pending.written = true; // from here on, some bytes may reach the server
      this.socket.write(bytes);
    });
  }

  async close(): Promise<void> {
    this.fail('state', 'connection closed by the client');
    this.socket.destroy();
    await this.closed;
  }

  private onData(chunk: Buffer): void {
    if (this.broken) return;
    try {
      this.reader.push(chunk);
      for (let doc = this.reader.next(); doc !== undefined; doc = this.reader.next()) {
        this.onDocument(doc);
        if (this.broken) return;
      }
    } catch (err) {
      const e = err instanceof OcipError ? err : new OcipError('bad-response', String(err));
      this.fail(e.code, e.message);
    }
  }

  private onDocument(doc: string): void {
    if (LOGOUT_REQUEST.test(doc)) {
      this.fail('server-logout', 'the server logged us out (it sent a LogoutRequest); log in again on a new connection');
    } else if (this.pending) {
      this.pending.resolve(doc);
    } else {
      this.fail('bad-response', `the server sent a document nobody asked for: ${snippet(doc)}`);
    }
  }

  private closedMessage(): string {
    const n = this.reader.bufferedBytes;
    if (!this.pending) return 'the server closed the connection';
    return n === 0
      ? 'the server closed the connection before sending a response'
      : `the server closed the connection in the middle of a response (${n} bytes received: "${snippet(this.reader.sample())}")`;
  }

  /** Breaks the connection once, and rejects the request in flight, saying whether it may have executed. */
  private fail(code: OcipErrorCode, message: string): void {
    if (this.broken) return;
    this.broken = new OcipError(code, message);
    this.socket.destroy();
    const p = this.pending;
    if (p) p.reject(new OcipError(code, p.written ? `${message}; ${MAY_HAVE_EXECUTED}` : message, { mayHaveExecuted: p.written }));
  }
}

function snippet(text: string): string {
  const masked = maskSecrets(text);
  return masked.length > 120 ? `${masked.slice(0, 120)}…` : masked;
}
