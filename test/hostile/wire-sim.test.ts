/**
 * The simulator against hostile clients (issue 15, issue 9 class 10): each attack is a raw client in the test,
 * and the simulator must keep answering everyone else, within the test's time bound.
 */
import assert from 'node:assert/strict';
import { Agent, request } from 'node:http';
import { connect, type Socket } from 'node:net';
import { once } from 'node:events';
import { after, before, describe, it } from 'node:test';
import { startSimulator, type RunningSimulator } from '../../sim/index';
import { SOAP_LIMITS, STREAM_LIMITS } from '../../sim/limits';
import { command, ociDocument, RawClient, responseCommands } from '../sim/client';
import { PASSWORDS, testSeed } from '../sim/fixtures';

const VERSION = command('SystemSoftwareVersionGetRequest', '');
const PATH = '/webservice/services/ProvisioningService';
const xmlEscape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const soap = (inner: string) =>
  `<soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/"><soapenv:Body><processOCIMessage xmlns="urn:com:broadsoft:webservice"><in0>${xmlEscape(inner)}</in0></processOCIMessage></soapenv:Body></soapenv:Envelope>`;

function post(port: number, body: string, cookie?: string, agent?: Agent): Promise<{ status: number; body: string; cookie?: string }> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string> = { 'Content-Type': 'text/xml; charset=utf-8', SOAPAction: '""' };
    if (cookie) headers.Cookie = cookie;
    const req = request({ host: '127.0.0.1', port, method: 'POST', path: PATH, headers, agent }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () =>
        resolve({
          status: res.statusCode ?? 0,
          body: Buffer.concat(chunks).toString('utf8'),
          cookie: /JSESSIONID=[^;]+/.exec(String(res.headers['set-cookie'] ?? ''))?.[0],
        }),
      );
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(body);
  });
}

/** Writes `total` bytes in `size` writes, as fast as the peer takes them; returns the bytes written before an error. */
async function flood(socket: Socket, head: Buffer, filler: Buffer, total: number): Promise<number> {
  let written = 0;
  try {
    if (!socket.write(head)) await once(socket, 'drain');
    written += head.length;
    while (written < total && !socket.destroyed) {
      if (!socket.write(filler)) await Promise.race([once(socket, 'drain'), once(socket, 'close')]);
      written += filler.length;
    }
  } catch {
    // the peer closed the connection
  }
  return written;
}

describe('hostile clients against the simulator', () => {
  let sim: RunningSimulator;
  const log: string[] = [];
  before(async () => {
    // With a request log: masking runs on every request, as with `ocip sim --verbose`.
    sim = await startSimulator({ tcpPort: 0, soapPort: 0, seed: testSeed(), log: (l) => log.push(l.slice(0, 200)) });
  });
  after(() => sim.close());

  it(
    'after login, a document whose root is not BroadsoftDocument gets one ErrorResponse, and the stream resynchronises',
    { timeout: 30_000 },
    async () => {
      const c = await RawClient.connect(sim.ports.tcp!);
      try {
        await c.login22('sys', PASSWORDS.sys);
        await c.write('<?xml version="1.0"?><Foo xmlns="C"><sessionId>x</sessionId><command/></Foo>\n<Empty/>\n');
        for (let i = 0; i < 2; i++) {
          const [r] = responseCommands(await c.nextDocument(10_000));
          assert.equal(r.summary, '[Error 6004] OCI XML Request validation error');
        }
        const [v] = await c.request(VERSION);
        assert.equal(v.type, 'SystemSoftwareVersionGetResponse', 'the next request is read cleanly');
      } finally {
        c.close();
      }
    },
  );

  it(
    'after login, a line that is not XML gets one ErrorResponse, and the next request is not glued to it',
    { timeout: 30_000 },
    async () => {
      const c = await RawClient.connect(sim.ports.tcp!);
      try {
        await c.login22('sys', PASSWORDS.sys);
        await c.write('hello, is this BroadWorks?\r\n');
        const [r] = responseCommands(await c.nextDocument(10_000));
        assert.equal(r.summary, '[Error 6004] OCI XML Request validation error');
        const [v] = await c.request(VERSION);
        assert.equal(v.type, 'SystemSoftwareVersionGetResponse');
      } finally {
        c.close();
      }
    },
  );

  it('an unfinished document growing to 15 MiB in 16 KiB writes is scanned once, then answered', { timeout: 60_000 }, async () => {
    const c = await RawClient.connect(sim.ports.tcp!);
    try {
      const doc = ociDocument(command('AuthenticationRequest', `<userId>sys</userId><x>${'y'.repeat(15 * 1024 * 1024)}</x>`));
      const bytes = Buffer.from(doc, 'latin1');
      for (let i = 0; i < bytes.length; i += 16 * 1024) c.socket.write(bytes.subarray(i, i + 16 * 1024));
      const answer = await c.nextDocument(50_000);
      assert.match(answer, /ErrorResponse|AuthenticationResponse/);
    } finally {
      c.close();
    }
  });

  it(
    'a request without an end tag is cut at the bound, not read to the end; others are served meanwhile',
    { timeout: 60_000 },
    async () => {
      const s = connect(sim.ports.tcp!, '127.0.0.1');
      s.on('error', () => undefined);
      await once(s, 'connect');
      const sent = flood(
        s,
        Buffer.from(`<BroadsoftDocument protocol="OCI" xmlns="C"><x>`),
        Buffer.alloc(64 * 1024, 0x61),
        100 * 1024 * 1024,
      );
      const other = await RawClient.connect(sim.ports.tcp!);
      await other.login22('sys', PASSWORDS.sys);
      other.close();
      const written = await sent;
      s.destroy();
      assert.ok(written < 40 * 1024 * 1024, `closed after ${written} bytes, not read to the end`);
      assert.ok(written > STREAM_LIMITS.maxDocumentBytes - 1024 * 1024);
    },
  );

  it('pipelined requests that are never read stop being read (backpressure), instead of growing memory', { timeout: 60_000 }, async () => {
    const s = connect(sim.ports.tcp!, '127.0.0.1');
    s.on('error', () => undefined);
    s.pause(); // never read an answer
    await once(s, 'connect');
    const one = ociDocument(command('AuthenticationRequest', '<userId>sys</userId>')) + '\n';
    const batch = Buffer.from(one.repeat(1000), 'latin1');
    let total = 0;
    while (total < 32 * 1024 * 1024) {
      s.write(batch);
      total += batch.length;
    }
    // Wait until the simulator stops taking bytes: all of them (no backpressure) or it stalls.
    let last = -1;
    for (let i = 0; i < 100 && s.writableLength !== last && s.writableLength > 0; i++) {
      last = s.writableLength;
      await new Promise((r) => setTimeout(r, 300));
    }
    const unread = s.writableLength;
    s.destroy();
    assert.ok(unread > 16 * 1024 * 1024, `the simulator stopped reading (${unread} of ${total} bytes left with the client)`);
  });

  it(
    'a pre-login document with 150,000 unclosed <password> tags does not hold up another login (log masked linearly)',
    { timeout: 60_000 },
    async () => {
      const attacker = await RawClient.connect(sim.ports.tcp!);
      const victim = await RawClient.connect(sim.ports.tcp!);
      try {
        const doc = ociDocument(command('LoginRequest22V5', `<userId>sys</userId>${'<password>x'.repeat(150_000)}`));
        void attacker.write(doc + '\n');
        const login = await victim.login22('sys', PASSWORDS.sys);
        assert.equal(login.type, 'LoginResponse22V5');
        const [answer] = responseCommands(await attacker.nextDocument(50_000));
        assert.equal(answer.summary, '[Error 6004] OCI XML Request validation error');
        assert.ok(!log.some((l) => /<password>x/.test(l)), 'no password content in the log');
      } finally {
        attacker.close();
        victim.close();
      }
    },
  );

  it('a 100 MB SOAP request is refused at the bound (413) without being read to the end', { timeout: 60_000 }, async () => {
    const s = connect(sim.ports.soap!, '127.0.0.1');
    s.on('error', () => undefined);
    await once(s, 'connect');
    let reply = '';
    s.on('data', (d: Buffer) => (reply += d.toString('latin1')));
    const head = Buffer.from(`POST ${PATH} HTTP/1.1\r\nHost: x\r\nContent-Type: text/xml\r\nTransfer-Encoding: chunked\r\n\r\n`);
    const chunk = Buffer.concat([Buffer.from('10000\r\n'), Buffer.alloc(0x10000, 0x61), Buffer.from('\r\n')]);
    const written = await flood(s, head, chunk, 100 * 1024 * 1024);
    s.destroy();
    assert.match(reply, /^HTTP\/1\.1 413/);
    assert.ok(written < 40 * 1024 * 1024, `closed after ${written} bytes`);
  });

  it('cookie-less SOAP requests from anyone never log out an existing session', { timeout: 120_000 }, async () => {
    const port = sim.ports.soap!;
    const login = await post(
      port,
      soap(ociDocument(command('LoginRequest22V5', `<userId>sys</userId><password>${PASSWORDS.sys}</password>`), 'victim')),
    );
    assert.equal(login.status, 200);
    const agent = new Agent({ keepAlive: true, maxSockets: 8 });
    const anonymous = soap(ociDocument(command('AuthenticationRequest', '<userId>sys</userId>'), 'anon'));
    const total = SOAP_LIMITS.maxPendingSessions + 100;
    for (let i = 0; i < total; i += 200)
      await Promise.all(Array.from({ length: Math.min(200, total - i) }, () => post(port, anonymous, undefined, agent)));
    agent.destroy();
    const after = await post(port, soap(ociDocument(VERSION, 'victim')), login.cookie);
    assert.equal(after.status, 200, after.body.slice(0, 300));
    assert.match(after.body, /SystemSoftwareVersionGetResponse/);
  });
});
