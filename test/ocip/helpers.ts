/** Scripted loopback OCI-P servers for the client tests (plain TCP, TLS, HTTP). */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer as createHttpServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { createServer as createNetServer, type Server, type Socket } from 'node:net';
import { join } from 'node:path';
import { createServer as createTlsServer } from 'node:tls';

export const TLS_KEY = readFileSync(join(__dirname, '../fixtures/tls/server-key.pem'), 'utf8');
export const TLS_CERT = readFileSync(join(__dirname, '../fixtures/tls/server-cert.pem'), 'utf8');

export const XSI = 'http://www.w3.org/2001/XMLSchema-instance';
export const SUCCESS = '<command echo="" xsi:type="c:SuccessResponse" xmlns:c="C" xmlns=""/>';

export function errorCommand(summary: string, extra: { type?: string; code?: number; detail?: string } = {}): string {
  return (
    `<command type="${extra.type ?? 'Error'}" echo="" xsi:type="c:ErrorResponse" xmlns:c="C" xmlns="">` +
    (extra.code !== undefined ? `<errorCode>${extra.code}</errorCode>` : '') +
    `<summary>${summary}</summary><summaryEnglish>${summary}</summaryEnglish>` +
    (extra.detail !== undefined ? `<detail>${extra.detail}</detail>` : '') +
    '</command>'
  );
}

export function responseDoc(sessionId: string, commands: string[], encoding = 'ISO-8859-1'): string {
  return (
    `<?xml version="1.0" encoding="${encoding}"?><BroadsoftDocument protocol="OCI" xmlns="C" xmlns:xsi="${XSI}">` +
    `<sessionId xmlns="">${sessionId}</sessionId>${commands.join('')}</BroadsoftDocument>\n`
  );
}

export function commandTypes(doc: string): string[] {
  return [...doc.matchAll(/<command\b[^>]*\bxsi:type="([^"]+)"/g)].map((m) => m[1]);
}

export function sessionIdOf(doc: string): string {
  return /<sessionId[^>]*>([^<]*)<\/sessionId>/.exec(doc)?.[1] ?? '';
}

export function field(doc: string, name: string): string | undefined {
  return new RegExp(`<${name}>([^<]*)</${name}>`).exec(doc)?.[1];
}

/** One accepted connection, seen from the server: read whole documents, write raw bytes. */
export class Conn {
  private buf = Buffer.alloc(0);
  private waiters: (() => void)[] = [];
  ended = false;
  constructor(readonly socket: Socket) {
    socket.on('data', (c: Buffer) => {
      this.buf = Buffer.concat([this.buf, c]);
      this.wake();
    });
    socket.on('close', () => {
      this.ended = true;
      this.wake();
    });
    socket.on('error', () => undefined);
  }
  private wake() {
    for (const w of this.waiters.splice(0)) w();
  }
  /** The next request document (latin1), or undefined when the client closed first. */
  async readDocument(): Promise<string | undefined> {
    for (;;) {
      const text = this.buf.toString('latin1');
      const end = text.indexOf('</BroadsoftDocument>');
      if (end >= 0) {
        let cut = end + '</BroadsoftDocument>'.length;
        while (text[cut] === '\n' || text[cut] === '\r') cut++;
        this.buf = this.buf.subarray(cut);
        return text.slice(0, cut).trim();
      }
      if (this.ended) return undefined;
      await new Promise<void>((r) => this.waiters.push(r));
    }
  }
  /** Resolves once written; on a dead socket marks the connection ended (so write loops stop) and resolves. */
  write(data: string | Buffer): Promise<void> {
    if (this.socket.destroyed || !this.socket.writable) {
      this.ended = true;
      return new Promise((resolve) => setImmediate(resolve));
    }
    return new Promise((resolve) =>
      this.socket.write(typeof data === 'string' ? Buffer.from(data, 'latin1') : data, (err) => {
        if (err) this.ended = true;
        setImmediate(resolve); // let I/O events (close) run between writes
      }),
    );
  }
  destroy() {
    this.socket.destroy();
  }
  /** Resolves when the client has closed the connection. */
  closed(): Promise<void> {
    return this.ended ? Promise.resolve() : new Promise((r) => this.socket.once('close', () => r()));
  }
}

export interface Scripted {
  port: number;
  /** Every request document received, on every connection, in order. */
  docs: string[];
  /** Raw bytes received per connection (to prove nothing was written). */
  bytesReceived: () => number;
  connections: number;
  close(): Promise<void>;
}

/** A TCP (or TLS) server that runs `script` for each connection. */
export async function scriptedServer(script: (conn: Conn, docs: string[]) => Promise<void>, tls = false): Promise<Scripted> {
  const docs: string[] = [];
  const sockets = new Set<Socket>();
  let bytes = 0;
  const state = { connections: 0 };
  const onConn = (socket: Socket) => {
    state.connections++;
    sockets.add(socket);
    socket.on('data', (c: Buffer) => (bytes += c.length));
    socket.on('close', () => sockets.delete(socket));
    const conn = new Conn(socket);
    const origRead = conn.readDocument.bind(conn);
    conn.readDocument = async () => {
      const d = await origRead();
      if (d !== undefined) docs.push(d);
      return d;
    };
    script(conn, docs).catch(() => socket.destroy());
  };
  const server: Server = tls ? createTlsServer({ key: TLS_KEY, cert: TLS_CERT }, onConn) : createNetServer(onConn);
  server.on('tlsClientError', () => undefined);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  const port = (server.address() as { port: number }).port;
  return {
    port,
    docs,
    bytesReceived: () => bytes,
    get connections() {
      return state.connections;
    },
    close: async () => {
      for (const s of sockets) s.destroy();
      await new Promise<void>((r) => server.close(() => r()));
    },
  };
}

export const NONCE = '1234567890123';

export function expectedSigned(password: string, nonce = NONCE): string {
  const sha1 = createHash('sha1').update(password, 'utf8').digest('hex');
  return createHash('md5').update(`${nonce}:${sha1}`).digest('hex');
}

export const LOGIN_RESPONSE_FIELDS =
  '<loginType>Service Provider</loginType><locale>en_US</locale><encoding>ISO-8859-1</encoding>' +
  '<serviceProviderId>SP123</serviceProviderId><isEnterprise>false</isEnterprise>' +
  '<passwordExpiresDays>2147483647</passwordExpiresDays><userDomain>test.com</userDomain>';

/**
 * Answers the login commands like an AS (both flows); every other command goes to `onCommand`
 * (default: SuccessResponse). LogoutRequest closes the connection. Returns when the client hangs up.
 */
export async function fakeBroadWorks(
  conn: Conn,
  o: { password: string; onDocument?: (doc: string, types: string[]) => Promise<boolean | void> | boolean | void },
): Promise<void> {
  for (;;) {
    const doc = await conn.readDocument();
    if (doc === undefined) return;
    const types = commandTypes(doc);
    const sid = sessionIdOf(doc);
    if (types[0] === 'AuthenticationRequest') {
      await conn.write(
        responseDoc(sid, [
          `<command echo="" xsi:type="AuthenticationResponse" xmlns=""><userId>${field(doc, 'userId')}</userId><nonce>${NONCE}</nonce><passwordAlgorithm>MD5</passwordAlgorithm></command>`,
        ]),
      );
    } else if (types[0] === 'LoginRequest14sp4') {
      const ok = field(doc, 'signedPassword') === expectedSigned(o.password);
      await conn.write(
        responseDoc(sid, [
          ok
            ? `<command echo="" xsi:type="LoginResponse14sp4" xmlns="">${LOGIN_RESPONSE_FIELDS}</command>`
            : errorCommand('[Error 4962] Invalid password'),
        ]),
      );
    } else if (types[0] === 'LoginRequest22V5') {
      const ok = field(doc, 'password') === o.password;
      await conn.write(
        responseDoc(sid, [
          ok
            ? `<command echo="" xsi:type="LoginResponse22V5" xmlns="">${LOGIN_RESPONSE_FIELDS}</command>`
            : errorCommand('[Error 4962] Invalid password'),
        ]),
      );
    } else if (types[0] === 'LogoutRequest') {
      conn.destroy();
      return;
    } else {
      const handled = await o.onDocument?.(doc, types);
      if (handled === true) continue;
      if (handled === false) return;
      await conn.write(
        responseDoc(
          sid,
          types.map(() => SUCCESS),
        ),
      );
    }
  }
}

export function cmd(type: string, inner = ''): { type: string; xml: string } {
  return { type, xml: `<command xsi:type="${type}" xmlns="">${inner}</command>` };
}

export interface HttpScripted {
  url: string;
  requests: { headers: IncomingMessage['headers']; body: string }[];
  close(): Promise<void>;
}

export async function scriptedHttp(handler: (req: IncomingMessage, body: string, res: ServerResponse) => void): Promise<HttpScripted> {
  const requests: HttpScripted['requests'] = [];
  const server = createHttpServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      requests.push({ headers: req.headers, body });
      handler(req, body, res);
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  const port = (server.address() as { port: number }).port;
  return {
    url: `http://127.0.0.1:${port}/webservice/services/ProvisioningService`,
    requests,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((r) => server.close(() => r()));
    },
  };
}
