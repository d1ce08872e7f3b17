/**
 * SOAP over HTTP, as the XSP serves it (protocol.md §1.2): POST /webservice/services/ProvisioningService with
 * processOCIMessage(in0|arg0), JSESSIONID cookie + sessionId binding, the class-A response envelope, and the
 * not-logged-in Fault with HTTP 500. GET ...?wsdl returns a minimal WSDL.
 */
import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { effectiveFaults, GARBAGE, type FaultOptions, type FaultSettings } from '../faults';
import { logDocument, type LogFn } from '../log';
import { OciSession, type SessionEnv } from '../protocol/session';
import { ISO_DECLARATION, UTF8_DECLARATION } from '../wire/response';
import { parseXmlDocument, XmlParseError, type XElement } from '../xml/parse';
import { escapeAttr } from '../../core/ocip/envelope';
import { toLatin1Safe } from '../xml/write';
import { WSDL } from './wsdl';
import { SOAP_LIMITS } from '../limits';

export const SOAP_PATH = '/webservice/services/ProvisioningService';
const SOAP_ENV = 'http://schemas.xmlsoap.org/soap/envelope/';

export interface SoapDeps {
  env: Omit<SessionEnv, 'faults' | 'requireSameSessionId' | 'logoutSuccessResponse'>;
  faults: () => FaultOptions | undefined;
  log?: LogFn;
}

function envelope(body: string): string {
  return (
    '<?xml version="1.0" encoding="UTF-8"?><soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/" ' +
    'xmlns:xsd="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><soapenv:Body>' +
    body +
    '</soapenv:Body></soapenv:Envelope>'
  );
}

function returnEnvelope(innerDocument: string): string {
  return envelope(
    '<processOCIMessageResponse xmlns=""><ns1:processOCIMessageReturn xmlns:ns1="urn:com:broadsoft:webservice">' +
      escapeAttr(innerDocument) +
      '</ns1:processOCIMessageReturn></processOCIMessageResponse>',
  );
}

export function faultEnvelope(code: string, text: string, detail: string): string {
  return envelope(
    `<soapenv:Fault><faultcode>${code}</faultcode><faultstring>${escapeAttr(text)}</faultstring><faultactor>ProvisioningService</faultactor>` +
      `<detail><string>${escapeAttr(detail)}</string></detail></soapenv:Fault>`,
  );
}

const NOT_LOGGED_IN = faultEnvelope(
  'soapenv:Server.generalException',
  'INVALID_REQUEST',
  'Cannot process any request before user is logged in.',
);

/** The OCI document inside processOCIMessage: the first child element's text, whatever its name or namespace. */
function innerDocument(root: XElement): string {
  if (root.local !== 'Envelope' || root.ns !== SOAP_ENV) throw new XmlParseError('Not a SOAP 1.1 envelope');
  const body = root.children.find((c) => c.local === 'Body' && c.ns === SOAP_ENV);
  const op = body?.children.find((c) => c.local === 'processOCIMessage');
  if (!op) throw new XmlParseError('No processOCIMessage operation in the SOAP body');
  const arg = op.children[0];
  if (!arg) throw new XmlParseError('processOCIMessage has no argument');
  return arg.text;
}

function cookieValue(req: IncomingMessage, name: string): string | undefined {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const [k, ...v] = part.trim().split('=');
    if (k === name) return v.join('=');
  }
  return undefined;
}

class BodyTooLarge extends Error {}

/** Reads the body up to SOAP_LIMITS.maxBodyBytes; beyond it stops reading at once (the rest is never buffered). */
function readBody(req: IncomingMessage): Promise<Buffer> {
  const max = SOAP_LIMITS.maxBodyBytes;
  return new Promise((resolve, reject) => {
    if (Number(req.headers['content-length'] ?? 0) > max) return reject(new BodyTooLarge(`request body larger than ${max} bytes`));
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (c: Buffer) => {
      size += c.length;
      if (size <= max) return void chunks.push(c);
      req.off('data', onData);
      req.pause();
      reject(new BodyTooLarge(`request body larger than ${max} bytes`));
    };
    req.on('data', onData);
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

async function send(
  res: ServerResponse,
  status: number,
  body: string,
  headers: Record<string, string>,
  faults: FaultSettings,
): Promise<void> {
  if (faults.delayMs) {
    // Cut short when the client goes away, so a long injected delay never outlives its connection.
    await new Promise<void>((resolve) => {
      const done = () => {
        clearTimeout(timer);
        res.off('close', done);
        resolve();
      };
      const timer = setTimeout(done, faults.delayMs);
      res.once('close', done);
    });
    if (res.destroyed) return;
  }
  const bytes = faults.garbage ? GARBAGE : Buffer.from(body, 'utf8');
  res.writeHead(status, { 'Content-Type': 'text/xml; charset=utf-8', 'Content-Length': String(bytes.length), ...headers });
  if (faults.dropMidResponse) {
    res.write(bytes.subarray(0, Math.max(1, Math.floor(bytes.length / 2))), () => res.socket?.destroy());
    return;
  }
  if (faults.byteByByte) {
    for (let i = 0; i < bytes.length && !res.destroyed; i++) await new Promise<void>((r) => res.write(bytes.subarray(i, i + 1), () => r()));
    res.end();
    return;
  }
  res.end(bytes);
}

export function createSoapServer(deps: SoapDeps): Server {
  // Sessions not logged in yet and logged-in ones are kept apart: anyone can create the former without a cookie
  // (bounded, the oldest dropped first), but that never drops a logged-in session.
  const pending = new Map<string, OciSession>();
  const active = new Map<string, OciSession>();
  let nextRequest = 1;

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (url.pathname !== SOAP_PATH) {
      res.writeHead(404, { 'Content-Type': 'text/plain' }).end('Not found\n');
      return;
    }
    if (req.method === 'GET' && url.search.toLowerCase() === '?wsdl') {
      res.writeHead(200, { 'Content-Type': 'text/xml; charset=utf-8' }).end(WSDL);
      return;
    }
    if (req.method !== 'POST') {
      res.writeHead(405, { Allow: 'POST, GET', 'Content-Type': 'text/plain' }).end('POST a SOAP envelope, or GET ?wsdl\n');
      return;
    }
    const tag = `[soap#${nextRequest++}]`;
    const faults = effectiveFaults(deps.faults(), 'soap');
    let body: Buffer;
    try {
      body = await readBody(req);
    } catch (e) {
      if (!(e instanceof BodyTooLarge)) throw e;
      deps.log?.(`${tag} closing: ${e.message}`);
      // The whole answer is written (its Content-Length says where it ends), reading stops, and the socket closes
      // 2 s later. Not res.end(): Node's server then destroys the socket as soon as the answer is out
      // (destroySoon) while the client is still sending, and closing with unread bytes sends a reset that makes
      // the client's TCP stack drop the 413 it had not read yet (a CI failure, seen under load).
      const message = `${e.message}\n`;
      res.writeHead(413, { 'Content-Type': 'text/plain', 'Content-Length': Buffer.byteLength(message), Connection: 'close' });
      res.write(message);
      req.socket.pause();
      setTimeout(() => req.socket.destroy(), 2_000).unref();
      return;
    }
    let cookie = cookieValue(req, 'JSESSIONID');
    const headers: Record<string, string> = {};
    if (!cookie || !(active.has(cookie) || pending.has(cookie))) {
      // Bounded: the oldest session not logged in goes first (Maps iterate in insertion order).
      if (pending.size >= SOAP_LIMITS.maxPendingSessions) pending.delete(pending.keys().next().value!);
      cookie = randomBytes(16).toString('hex').toUpperCase();
      pending.set(
        cookie,
        new OciSession({
          ...deps.env,
          faults: () => effectiveFaults(deps.faults(), 'soap'),
          requireSameSessionId: true,
          logoutSuccessResponse: true,
        }),
      );
      headers['Set-Cookie'] = `JSESSIONID=${cookie}; Path=/webservice; HttpOnly`;
    }
    const session = (active.get(cookie) ?? pending.get(cookie))!;
    let inner: string;
    try {
      inner = innerDocument(parseXmlDocument(body.toString('utf8')));
    } catch (e) {
      const msg = e instanceof Error ? e.message : String(e);
      deps.log?.(`${tag} bad SOAP request: ${msg}`);
      await send(res, 500, faultEnvelope('soapenv:Client', 'INVALID_REQUEST', msg), headers, faults);
      return;
    }
    logDocument(deps.log, tag, 'request', inner);
    const outcome = session.handle(inner);
    if (outcome.notLoggedIn) {
      logDocument(deps.log, tag, 'response', NOT_LOGGED_IN);
      await send(res, 500, NOT_LOGGED_IN, headers, faults);
      return;
    }
    if (outcome.close) {
      active.delete(cookie);
      pending.delete(cookie);
    } else if (session.loggedIn && pending.has(cookie)) {
      pending.delete(cookie);
      if (active.size >= SOAP_LIMITS.maxLoggedInSessions) {
        deps.log?.(`${tag} login refused: ${active.size} sessions are logged in`);
        await send(
          res,
          500,
          faultEnvelope('soapenv:Server.generalException', 'INVALID_REQUEST', 'Too many sessions are logged in.'),
          headers,
          faults,
        );
        return;
      }
      active.set(cookie, session);
    }
    let doc = toLatin1Safe(outcome.response ?? '');
    if (outcome.xspBuilt) doc = UTF8_DECLARATION + doc.slice(ISO_DECLARATION.length);
    logDocument(deps.log, tag, 'response', doc);
    await send(res, 200, returnEnvelope(doc), headers, faults);
  }

  return createServer((req, res) => {
    handle(req, res).catch((e) => {
      deps.log?.(`[soap] error: ${e instanceof Error ? e.message : String(e)}`);
      if (!res.headersSent) res.writeHead(500, { 'Content-Type': 'text/plain' });
      res.end();
    });
  });
}
