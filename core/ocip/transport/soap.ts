/**
 * SOAP 1.1 over HTTP(S) to the XSP/ADP ProvisioningService (Apache Axis): each OCI-P document is POSTed as the
 * escaped text of processOCIMessage/in0; the answer is the escaped text of processOCIMessageReturn. The login is
 * tied to the JSESSIONID cookie plus the OCI sessionId, so cookies from Set-Cookie are sent on every later POST.
 * Each POST uses a fresh connection, opened (and for HTTPS verified) before a single byte is written.
 */
import { request, type IncomingMessage } from 'node:http';
import { connect as netConnect, type Socket } from 'node:net';
import { escapeText } from '../envelope';
import { MAY_HAVE_EXECUTED, OcipError, type OcipErrorCode } from '../errors';
import { maskSecrets } from '../mask';
import { parseXml, type XNode } from '../xml';
import { awaitConnected } from './connect';
import { decodeDocument } from './framing';
import { openTlsSocket } from './tls-socket';
import { DEFAULTS, type Transport, type TransportOptions } from './types';

export interface SoapOptions extends Omit<TransportOptions, 'host' | 'port'> {
  /** http(s)://host[:port][/path]; the path defaults to /webservice/services/ProvisioningService. */
  url: string;
}

const LOGOUT_REQUEST = /<command\b[^>]*?\btype\s*=\s*["'](?:[A-Za-z_][\w.-]*:)?LogoutRequest["']/;

export function soapEnvelope(docXml: string): string {
  return (
    '<?xml version="1.0" encoding="UTF-8"?>' +
    '<soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/"><soapenv:Body>' +
    `<processOCIMessage xmlns="urn:com:broadsoft:webservice"><in0>${escapeText(docXml)}</in0></processOCIMessage>` +
    '</soapenv:Body></soapenv:Envelope>'
  );
}

export function parseSoapUrl(text: string): URL {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new OcipError('usage', `SOAP URL "${text}" is not a valid URL`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new OcipError('usage', `SOAP URL "${text}" must start with http:// or https://`);
  }
  if (url.pathname === '/' || url.pathname === '') url.pathname = DEFAULTS.soapPath;
  return url;
}

export class SoapTransport implements Transport {
  readonly secure: boolean;
  readonly description: string;
  private readonly url: URL;
  private readonly cookies = new Map<string, string>();
  private inFlight = false;
  private closed = false;

  constructor(private readonly options: SoapOptions) {
    this.url = parseSoapUrl(options.url);
    this.secure = this.url.protocol === 'https:';
    this.description = `${this.url.protocol}//${this.url.host}${this.url.pathname}`;
  }

  /** Cookie header value currently held (for tests and diagnostics). */
  get cookieHeader(): string | undefined {
    return this.cookies.size ? [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ') : undefined;
  }

  async exchange(docXml: string, signal?: AbortSignal): Promise<string> {
    if (this.closed) throw new OcipError('state', 'the SOAP session is closed (nothing was sent)');
    if (this.inFlight) throw new OcipError('state', 'another request is still in flight on this session');
    this.inFlight = true;
    try {
      const socket = await this.openSocket(signal); // nothing written yet: failures here are "not sent"
      const { status, body } = await this.post(socket, soapEnvelope(docXml), signal);
      return this.readReply(status, body);
    } finally {
      this.inFlight = false;
    }
  }

  async close(): Promise<void> {
    this.closed = true;
  }

  private openSocket(signal?: AbortSignal): Promise<Socket> {
    const host = this.url.hostname.replace(/^\[|\]$/g, '');
    if (this.secure) {
      return openTlsSocket({ ...this.options, host, port: Number(this.url.port || 443) }, signal);
    }
    const port = Number(this.url.port || 80);
    return awaitConnected(netConnect({ host, port }), 'connect', `http://${host}:${port}`, this.options.connectTimeoutMs, signal);
  }

  private post(socket: Socket, body: string, signal?: AbortSignal): Promise<{ status: number; body: string }> {
    const payload = Buffer.from(body, 'utf8');
    const timeoutMs = this.options.timeoutMs ?? DEFAULTS.timeoutMs;
    const maxBytes = this.options.maxResponseBytes ?? DEFAULTS.maxResponseBytes;
    const headers: Record<string, string | number> = {
      Host: this.url.host,
      'Content-Type': 'text/xml; charset=utf-8',
      SOAPAction: '""',
      'Content-Length': payload.length,
      Accept: 'text/xml, text/*',
      Connection: 'close',
    };
    const cookie = this.cookieHeader;
    if (cookie) headers.Cookie = cookie;
    return new Promise((resolve, reject) => {
      let settled = false;
      const finish = (err: OcipError | undefined, value?: { status: number; body: string }) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        signal?.removeEventListener('abort', onAbort);
        if (err) {
          req.destroy();
          socket.destroy();
          reject(err);
        } else resolve(value!);
      };
      const fail = (code: OcipErrorCode, message: string) =>
        finish(new OcipError(code, `${message}; ${MAY_HAVE_EXECUTED}`, { mayHaveExecuted: true }));
      const timer = setTimeout(() => fail('timeout', `no complete SOAP response within ${timeoutMs} ms`), timeoutMs);
      const onAbort = () => fail('cancelled', 'cancelled; connection closed');
      signal?.addEventListener('abort', onAbort, { once: true });
      const req = request({
        method: 'POST',
        host: this.url.hostname,
        port: this.url.port || (this.secure ? 443 : 80),
        path: this.url.pathname + this.url.search,
        headers,
        createConnection: () => socket,
      });
      req.on('error', (e) => fail('closed', `SOAP request failed: ${e.message}`));
      req.on('response', (res: IncomingMessage) => {
        this.keepCookies(res.headers['set-cookie']);
        const chunks: Buffer[] = [];
        let size = 0;
        res.on('data', (c: Buffer) => {
          size += c.length;
          if (size > maxBytes) return fail('too-large', `SOAP response exceeds the maximum size of ${maxBytes} bytes; connection closed`);
          chunks.push(c);
        });
        res.on('error', (e) => fail('closed', `SOAP response failed: ${e.message}`));
        res.on('aborted', () => fail('closed', 'the server closed the connection in the middle of the SOAP response'));
        res.on('end', () => {
          if (!res.complete) return fail('closed', 'the server closed the connection in the middle of the SOAP response');
          try {
            finish(undefined, { status: res.statusCode ?? 0, body: decodeBody(Buffer.concat(chunks), res.headers['content-type']) });
          } catch (e) {
            finish(e instanceof OcipError ? withExecutedNote(e) : new OcipError('bad-response', String(e), { mayHaveExecuted: true }));
          }
        });
      });
      req.end(payload);
    });
  }

  private keepCookies(setCookie: string[] | undefined): void {
    for (const line of setCookie ?? []) {
      const m = /^\s*([^=;\s]+)=([^;]*)/.exec(line);
      if (m) this.cookies.set(m[1], m[2].trim());
    }
  }

  /** Turns a SOAP reply into the inner OCI-P document, or a clear error (Fault, HTTP status, malformed). */
  private readReply(status: number, body: string): string {
    let root: XNode | undefined;
    let parseError: OcipError | undefined;
    try {
      root = parseXml(body).root;
    } catch (e) {
      parseError = e instanceof OcipError ? e : new OcipError('bad-response', String(e));
    }
    const fault = root && find(root, 'Fault');
    if (fault) {
      const part = (n: string) => find(fault, n);
      const faultString = part('faultstring')?.text.trim() || '(no faultstring)';
      const detail = textOf(part('detail')).trim();
      const code = part('faultcode')?.text.trim();
      throw new OcipError(
        'soap-fault',
        maskSecrets(`SOAP Fault (HTTP ${status}): ${faultString}${detail ? ` - ${detail}` : ''}${code ? ` [${code}]` : ''}`),
        { mayHaveExecuted: true },
      );
    }
    if (status !== 200) {
      throw new OcipError('http', `HTTP ${status} from ${this.description}: ${snippet(body)}; ${MAY_HAVE_EXECUTED}`, {
        mayHaveExecuted: true,
      });
    }
    if (parseError) throw withExecutedNote(new OcipError(parseError.code, `SOAP response: ${parseError.message}`));
    const ret = find(root!, 'processOCIMessageReturn');
    if (!ret) throw withExecutedNote(new OcipError('bad-response', `SOAP response has no processOCIMessageReturn: ${snippet(body)}`));
    const inner = ret.text.trim();
    if (LOGOUT_REQUEST.test(inner)) {
      throw new OcipError('server-logout', `the server logged us out (it sent a LogoutRequest); ${MAY_HAVE_EXECUTED}`, {
        mayHaveExecuted: true,
      });
    }
    return inner;
  }
}

function withExecutedNote(e: OcipError): OcipError {
  return e.mayHaveExecuted ? e : new OcipError(e.code, `${e.message}; ${MAY_HAVE_EXECUTED}`, { mayHaveExecuted: true });
}

function decodeBody(bytes: Buffer, contentType: string | undefined): string {
  const head = bytes.subarray(0, 100).toString('latin1');
  if (/^\uFEFF?\s*<\?xml/.test(head) || bytes[0] === 0xef) return decodeDocument(bytes);
  const charset = /charset\s*=\s*"?([\w-]+)/i.exec(contentType ?? '')?.[1]?.toLowerCase();
  return charset && /^(iso-8859-1|latin1|us-ascii)$/.test(charset) ? bytes.toString('latin1') : bytes.toString('utf8');
}

/** First element with this local name, depth-first (namespace-qualified or not). */
function find(node: XNode, local: string): XNode | undefined {
  for (const c of node.children) {
    if (c.local === local) return c;
    const deeper = find(c, local);
    if (deeper) return deeper;
  }
  return undefined;
}

function textOf(node: XNode | undefined): string {
  if (!node) return '';
  return [node.text.trim(), ...node.children.map(textOf)].filter(Boolean).join(' ');
}

function snippet(text: string): string {
  const masked = maskSecrets(text).replace(/\s+/g, ' ');
  return masked.length > 200 ? `${masked.slice(0, 200)}…` : masked;
}
