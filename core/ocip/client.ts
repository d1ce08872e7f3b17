/**
 * The OCI-P session API used by the VS Code "Send to BroadWorks" command and `ocip send`.
 *
 * SAFETY RULE: a command that may have reached the server is never resent automatically. If a document was
 * written and its response not read (connection lost, timeout, cancel, unreadable answer), its commands are
 * reported as 'unknown' and the later documents are not sent ('not-sent'). There is no automatic reconnect.
 */
import {
  buildDocument,
  MAX_COMMANDS_PER_DOCUMENT,
  newSessionId,
  parseResponseDocument,
  simpleCommand,
  type EncodedCommand,
} from './envelope';
import { MAY_HAVE_EXECUTED, OcipError } from './errors';
import { login, type LoginInfo, type LoginMethod } from './login';
import { logExcerpt, redactPassword } from './mask';
import { mapResponses, type CommandResult } from './messages';
import { SoapTransport } from './transport/soap';
import { connectTcp } from './transport/tcp';
import { connectTls } from './transport/tls';
import type { TlsOptions, Transport } from './transport/types';

export interface ServerOptions {
  name?: string;
  host: string;
  port?: number;
  transport: 'tcp' | 'tls' | 'soap';
  /** For transport 'soap': http(s)://host[:port][/path]; default https://host[:port]/webservice/services/ProvisioningService. */
  soapUrl?: string;
  username: string;
  tls?: TlsOptions;
  /** 'auto' (default) = plain LoginRequest22V5 on TLS/HTTPS, signed two-step on TCP/HTTP. */
  loginMethod?: LoginMethod;
  /** Per-response timeout, default 30 s. */
  timeoutMs?: number;
  /** Connect (and TLS handshake) timeout, default 10 s. */
  connectTimeoutMs?: number;
}

export interface OcipClientOptions extends ServerOptions {
  password: string;
  /** Wire log: every document sent (">> ") and received ("<< "), secrets masked, plus connection events. */
  log?: (line: string) => void;
  /** Security warnings (e.g. TLS verification disabled). Also written to the log. */
  onWarning?: (message: string) => void;
  /** Send LoginRequest22V5 with the plain password even over plain TCP/HTTP. Off by default. */
  allowPlainPasswordOnInsecureTransport?: boolean;
  /** Commands per document, 1..15 (default 15; 1 = unbatched). */
  batchSize?: number;
  /** Maximum response size in bytes, default 64 MiB. */
  maxResponseBytes?: number;
  /** Bound for waiting on the LogoutRequest at close, default 1 s. */
  logoutWaitMs?: number;
}

export interface SendOptions {
  signal?: AbortSignal;
  onProgress?: (done: number, total: number) => void;
}

type State = 'new' | 'connected' | 'logged-in' | 'broken' | 'closed';

export class OcipClient {
  /** One random session id for the whole session (every document carries it). */
  readonly sessionId = newSessionId();
  loginInfo?: LoginInfo;
  private transport?: Transport;
  private state: State = 'new';
  private readonly batchSize: number;

  constructor(private readonly options: OcipClientOptions) {
    const size = options.batchSize ?? MAX_COMMANDS_PER_DOCUMENT;
    if (!Number.isInteger(size) || size < 1 || size > MAX_COMMANDS_PER_DOCUMENT) {
      throw new OcipError('usage', `batchSize must be an integer from 1 to ${MAX_COMMANDS_PER_DOCUMENT}, not ${size}`);
    }
    this.batchSize = size;
  }

  get connected(): boolean {
    return this.state === 'connected' || this.state === 'logged-in';
  }

  async connect(signal?: AbortSignal): Promise<void> {
    return this.guard(async () => {
      if (this.state !== 'new') throw new OcipError('state', `connect() on a client that is ${this.state}; create a new client`);
      const o = this.options;
      const common = {
        host: o.host,
        port: o.port,
        tls: o.tls,
        timeoutMs: o.timeoutMs,
        connectTimeoutMs: o.connectTimeoutMs,
        maxResponseBytes: o.maxResponseBytes,
        onWarning: (m: string) => this.warn(m),
      };
      this.log(`connecting to ${this.target()}`);
      this.transport =
        o.transport === 'tcp'
          ? await connectTcp(common, signal)
          : o.transport === 'tls'
            ? await connectTls(common, signal)
            : new SoapTransport({ ...common, url: o.soapUrl ?? `https://${o.host}${o.port ? `:${o.port}` : ''}` });
      this.state = 'connected';
      this.log(`connected: ${this.transport.description}`);
    });
  }

  async login(): Promise<LoginInfo> {
    return this.guard(async () => {
      if (this.state !== 'connected') throw new OcipError('state', `login() needs a connected client (it is ${this.state})`);
      const transport = this.transport!;
      try {
        this.loginInfo = await login({
          username: this.options.username,
          password: this.options.password,
          method: this.options.loginMethod,
          secure: transport.secure,
          allowPlainPasswordOnInsecureTransport: this.options.allowPlainPasswordOnInsecureTransport,
          exchange: async (command) => {
            const [result] = await this.exchangeDocument([{ ...command, index: 0 }]);
            return result;
          },
        });
      } catch (err) {
        if (err instanceof OcipError && err.code !== 'insecure-login') await this.abandon();
        throw err;
      }
      this.state = 'logged-in';
      const i = this.loginInfo;
      this.log(
        `logged in as ${this.options.username}: ${i.loginType ?? '?'}${i.serviceProviderId ? ` ${i.serviceProviderId}` : ''}${i.groupId ? `/${i.groupId}` : ''}`,
      );
      return i;
    });
  }

  /**
   * Sends the commands in documents of at most `batchSize`, in order, and returns one result per command.
   * Never rejects for a failure of the server or connection: those show as 'unknown' / 'not-sent' results.
   */
  async send(commands: readonly EncodedCommand[], opts: SendOptions = {}): Promise<CommandResult[]> {
    return this.guard(async () => {
      if (this.state !== 'logged-in') throw new OcipError('state', `send() needs a logged-in client (it is ${this.state})`);
      commands.forEach((c, i) => {
        if (!c || typeof c.type !== 'string' || typeof c.xml !== 'string' || !c.xml.trim()) {
          throw new OcipError('usage', `command ${i + 1} has no type or XML`);
        }
      });
      const indexed = commands.map((c, index) => ({ ...c, index }));
      const results: CommandResult[] = [];
      const total = commands.length;
      for (let start = 0; start < total; start += this.batchSize) {
        const batch = indexed.slice(start, start + this.batchSize);
        if (this.state !== 'logged-in' || opts.signal?.aborted) {
          const why = opts.signal?.aborted ? 'cancelled' : 'an earlier document failed';
          results.push(...indexed.slice(start).map((c) => notSent(c, `not sent: ${why}`)));
          break;
        }
        try {
          results.push(...(await this.exchangeDocument(batch, opts.signal)));
        } catch (err) {
          const e = err instanceof OcipError ? err : new OcipError('bad-response', String(err), { mayHaveExecuted: true });
          const message = redactPassword(e.message, this.options.password);
          this.log(`error: ${message}`);
          results.push(...batch.map((c) => (e.mayHaveExecuted ? unknown(c, message) : notSent(c, message))));
          results.push(...indexed.slice(start + batch.length).map((c) => notSent(c, `not sent: an earlier document failed (${message})`)));
          await this.abandon();
          break;
        }
        opts.onProgress?.(results.length, total);
      }
      return results;
    });
  }

  /** Logs out (not waiting long for a reply) and closes the connection. Idempotent. */
  async close(): Promise<void> {
    const transport = this.transport;
    const wasLoggedIn = this.state === 'logged-in';
    if (this.state === 'closed') return;
    this.state = 'closed';
    if (!transport) return;
    if (wasLoggedIn) {
      const doc = buildDocument(this.sessionId, [
        simpleCommand('LogoutRequest', [
          ['userId', this.options.username],
          ['reason', 'Client Logout'],
        ]),
      ]);
      this.logDoc('>> ', doc);
      try {
        this.logDoc('<< ', await transport.exchange(doc, AbortSignal.timeout(this.options.logoutWaitMs ?? 1000)));
      } catch {
        // The server often closes without answering a LogoutRequest; that is fine.
      }
    }
    await transport.close();
    this.log('connection closed');
  }

  /** One document out, one in; results mapped by position. Errors say whether the commands may have executed. */
  private async exchangeDocument(batch: (EncodedCommand & { index: number })[], signal?: AbortSignal): Promise<CommandResult[]> {
    const doc = buildDocument(this.sessionId, batch);
    this.logDoc('>> ', doc);
    const reply = await this.transport!.exchange(doc, signal);
    this.logDoc('<< ', reply);
    try {
      const response = parseResponseDocument(reply);
      // An answer for another session is not the answer to this document (a proxy or server mixing sessions up).
      if (response.sessionId !== undefined && response.sessionId.trim() !== this.sessionId) {
        throw new OcipError(
          'bad-response',
          `the response carries another sessionId ("${snippetOf(response.sessionId)}") than this session's`,
        );
      }
      return mapResponses(batch, response.commands);
    } catch (err) {
      // The document was answered, so it reached the server, but the answer cannot be read.
      const e = err instanceof OcipError ? err : new OcipError('bad-response', String(err));
      throw new OcipError(e.code, e.mayHaveExecuted ? e.message : `${e.message}; ${MAY_HAVE_EXECUTED}`, { mayHaveExecuted: true });
    }
  }

  /** After a failure the connection may be out of step: never use it again. */
  private async abandon(): Promise<void> {
    this.state = 'broken';
    await this.transport?.close().catch(() => undefined);
  }

  private target(): string {
    const o = this.options;
    return o.transport === 'soap' ? (o.soapUrl ?? `https://${o.host}`) : `${o.transport}://${o.host}${o.port ? `:${o.port}` : ''}`;
  }

  private warn(message: string): void {
    this.log(`WARNING: ${message}`);
    this.options.onWarning?.(redactPassword(message, this.options.password));
  }

  private log(line: string): void {
    this.options.log?.(redactPassword(line, this.options.password));
  }

  private logDoc(prefix: string, doc: string): void {
    // Bounded (core/limits LOG_LIMITS): a huge answer is not masked and copied whole into a log.
    if (this.options.log) this.log(prefix + logExcerpt(doc, this.options.password));
  }

  /** Last line of defence: no error leaving the client carries the password. */
  private async guard<T>(fn: () => Promise<T>): Promise<T> {
    try {
      return await fn();
    } catch (err) {
      if (err instanceof Error) err.message = redactPassword(err.message, this.options.password);
      throw err;
    }
  }
}

function snippetOf(text: string): string {
  return text.length > 60 ? `${text.slice(0, 60)}…` : text;
}

function unknown(c: { index: number; type: string }, message: string): CommandResult {
  const summary = message.includes(MAY_HAVE_EXECUTED) ? message : `${message}; ${MAY_HAVE_EXECUTED}`;
  return { index: c.index, requestType: c.type, kind: 'unknown', summary, rawXml: '' };
}

function notSent(c: { index: number; type: string }, message: string): CommandResult {
  return { index: c.index, requestType: c.type, kind: 'not-sent', summary: message, rawXml: '' };
}
