/**
 * A small raw-socket OCI-P test client, independent of core/ocip: writes bytes as told, collects what
 * arrives, and splits it into documents at "</BroadsoftDocument>\n".
 */
import { createHash } from 'node:crypto';
import { connect as netConnect, type Socket } from 'node:net';
import { connect as tlsConnect } from 'node:tls';
import { once } from 'node:events';

export const md5 = (s: string) => createHash('md5').update(s).digest('hex');
export const sha1 = (s: string) => createHash('sha1').update(s).digest('hex');

export function ociDocument(commands: string, sessionId = 'test-session-1'): string {
  return (
    '<?xml version="1.0" encoding="ISO-8859-1"?>\n' +
    '<BroadsoftDocument protocol="OCI" xmlns="C" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
    `<sessionId xmlns="">${sessionId}</sessionId>${commands}</BroadsoftDocument>`
  );
}

export function command(type: string, inner: string, attrs = ''): string {
  return `<command xsi:type="${type}" xmlns=""${attrs}>${inner}</command>`;
}

export interface ResponseCommand {
  type: string;
  summary?: string;
  xml: string;
}

/** The <command> elements of a response document, with xsi:type and ErrorResponse summary. */
export function responseCommands(doc: string): ResponseCommand[] {
  const out: ResponseCommand[] = [];
  for (const m of doc.matchAll(/<command\b([^>]*?)(\/>|>([\s\S]*?)<\/command>)/g)) {
    const type = /xsi:type="([^"]+)"/.exec(m[1])?.[1] ?? '';
    const summary = /<summary>([^<]*)<\/summary>/.exec(m[3] ?? '')?.[1];
    out.push({ type, summary, xml: m[0] });
  }
  return out;
}

export function field(xml: string, name: string): string | undefined {
  return new RegExp(`<${name}>([^<]*)</${name}>`).exec(xml)?.[1];
}

export class RawClient {
  readonly received: Buffer[] = [];
  private buffer = Buffer.alloc(0);
  private waiters: (() => void)[] = [];
  closed = false;

  private constructor(readonly socket: Socket) {
    socket.on('data', (d: Buffer) => {
      this.received.push(d);
      this.buffer = Buffer.concat([this.buffer, d]);
      this.wake();
    });
    socket.on('close', () => {
      this.closed = true;
      this.wake();
    });
    socket.on('error', () => undefined);
  }

  static async connect(port: number, opts: { tls?: boolean } = {}): Promise<RawClient> {
    if (opts.tls) {
      const s = tlsConnect({ host: '127.0.0.1', port, rejectUnauthorized: false });
      await once(s, 'secureConnect');
      return new RawClient(s);
    }
    const s = netConnect(port, '127.0.0.1');
    await once(s, 'connect');
    return new RawClient(s);
  }

  private wake(): void {
    const w = this.waiters;
    this.waiters = [];
    for (const f of w) f();
  }

  private async waitFor<T>(check: () => T | undefined, what: string, timeoutMs = 5000): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const v = check();
      if (v !== undefined) return v;
      if (this.closed) throw new Error(`connection closed while waiting for ${what}`);
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`timed out waiting for ${what}`);
      await new Promise<void>((resolve) => {
        const t = setTimeout(resolve, left);
        this.waiters.push(() => {
          clearTimeout(t);
          resolve();
        });
      });
    }
  }

  write(data: string | Buffer): Promise<void> {
    return new Promise((resolve, reject) => this.socket.write(data, (e) => (e ? reject(e) : resolve())));
  }

  /** The next complete response document (bytes decoded as ISO-8859-1, trailing "\n" removed). */
  async nextDocument(timeoutMs?: number): Promise<string> {
    const end = Buffer.from('</BroadsoftDocument>\n', 'latin1');
    return this.waitFor(
      () => {
        const i = this.buffer.indexOf(end);
        if (i < 0) return undefined;
        const doc = this.buffer.subarray(0, i + end.length - 1).toString('latin1');
        this.buffer = this.buffer.subarray(i + end.length);
        return doc;
      },
      'a response document',
      timeoutMs,
    );
  }

  async request(commands: string, sessionId?: string): Promise<ResponseCommand[]> {
    await this.write(ociDocument(commands, sessionId) + '\n');
    return responseCommands(await this.nextDocument());
  }

  /** Resolves once the server has closed the connection. */
  async waitClosed(timeoutMs = 5000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!this.closed) {
      const left = deadline - Date.now();
      if (left <= 0) throw new Error('timed out waiting for the server to close');
      await new Promise<void>((resolve) => {
        const t = setTimeout(resolve, left);
        this.waiters.push(() => {
          clearTimeout(t);
          resolve();
        });
      });
    }
  }

  /** Everything received so far, as ISO-8859-1 text. */
  get allText(): string {
    return Buffer.concat(this.received).toString('latin1');
  }

  close(): void {
    this.socket.destroy();
  }

  async login14(userId: string, password: string): Promise<ResponseCommand> {
    const [auth] = await this.request(command('AuthenticationRequest', `<userId>${userId}</userId>`));
    const nonce = field(auth.xml, 'nonce');
    if (!nonce) throw new Error(`no nonce in ${auth.xml}`);
    const signed = md5(`${nonce}:${sha1(password)}`);
    const [login] = await this.request(
      command('LoginRequest14sp4', `<userId>${userId}</userId><signedPassword>${signed}</signedPassword>`),
    );
    return login;
  }

  async login22(userId: string, password: string): Promise<ResponseCommand> {
    const [login] = await this.request(command('LoginRequest22V5', `<userId>${userId}</userId><password>${password}</password>`));
    return login;
  }
}
