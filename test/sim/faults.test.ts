import { after, afterEach, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { request } from 'node:http';
import { startSimulator, type RunningSimulator } from '../../sim/index';
import { command, ociDocument, RawClient, responseCommands } from './client';
import { PASSWORDS, testSeed } from './fixtures';

const VERSION = ociDocument(command('SystemSoftwareVersionGetRequest', '')) + '\n';

describe('fault injection over TCP', () => {
  let sim: RunningSimulator;
  let clients: RawClient[] = [];
  const log: string[] = [];
  before(async () => {
    sim = await startSimulator({ tcpPort: 0, soapPort: 0, seed: testSeed(), log: (l) => log.push(l) });
  });
  afterEach(() => {
    sim.setFaults({});
    for (const c of clients) c.close();
    clients = [];
  });
  after(() => sim.close());

  async function loggedIn(): Promise<RawClient> {
    const c = await RawClient.connect(sim.ports.tcp!);
    clients.push(c);
    assert.equal((await c.login22('sys', PASSWORDS.sys)).type, 'LoginResponse22V5');
    return c;
  }

  it('delayMs: the response still arrives intact', async () => {
    const c = await loggedIn();
    sim.setFaults({ delayMs: 30 });
    await c.write(VERSION);
    assert.equal(responseCommands(await c.nextDocument())[0].type, 'SystemSoftwareVersionGetResponse');
  });

  it('delayMs: the response is held back (nothing arrives before the connection is closed)', async () => {
    const c = await loggedIn();
    const before = c.received.length;
    sim.setFaults({ delayMs: 60_000 });
    await c.write(VERSION);
    // A second, immediate request on another connection is answered while the first one is still held back.
    const other = await RawClient.connect(sim.ports.tcp!);
    clients.push(other);
    sim.setFaults({});
    await other.write(ociDocument(command('AuthenticationRequest', '<userId>sys</userId>')));
    await other.nextDocument();
    assert.equal(c.received.length, before, 'the delayed response has not been written');
  });

  it('dropMidResponse: half a document, then the socket is destroyed', async () => {
    const c = await loggedIn();
    sim.setFaults({ dropMidResponse: true });
    await c.write(VERSION);
    await c.waitClosed();
    const text = c.allText.split('</BroadsoftDocument>\n').pop()!;
    assert.ok(text.startsWith('<?xml version="1.0"'), 'a response was started');
    assert.ok(!text.includes('</BroadsoftDocument>'), 'but not finished');
  });

  it('byteByByte: the document arrives whole, in many writes', async () => {
    const c = await loggedIn();
    sim.setFaults({ byteByByte: true });
    await c.write(VERSION);
    const doc = await c.nextDocument();
    assert.equal(responseCommands(doc)[0].type, 'SystemSoftwareVersionGetResponse');
    // Whether the kernel hands the reader one chunk or many depends on timing; the writes are what the fault does.
    const line = log.find((l) => /fault byteByByte: \d+ bytes written in \d+ writes/.test(l));
    assert.ok(line, 'the simulator logged its writes');
    const [, bytes, writes] = /(\d+) bytes written in (\d+) writes/.exec(line)!;
    assert.equal(writes, bytes);
    assert.ok(Number(bytes) > 100);
  });

  it('garbage: the reply is not XML', async () => {
    const c = await loggedIn();
    sim.setFaults({ garbage: true });
    const start = c.allText.length;
    await c.write(VERSION);
    await new Promise<void>((resolve) => c.socket.once('data', () => resolve()));
    const reply = c.allText.slice(start);
    assert.ok(reply.length > 0);
    assert.ok(!reply.includes('<?xml') && !reply.includes('BroadsoftDocument'));
  });

  it('refuseLogin: a correct password is refused with 4962, set at run time', async () => {
    sim.setFaults({ refuseLogin: true });
    const c = await RawClient.connect(sim.ports.tcp!);
    clients.push(c);
    assert.equal((await c.login22('sys', PASSWORDS.sys)).summary, '[Error 4962] Invalid password');
    assert.equal((await c.login14('sys', PASSWORDS.sys)).summary, '[Error 4962] Invalid password');
  });

  it('serverLogout: after login the server pushes a LogoutRequest and closes', async () => {
    sim.setFaults({ serverLogout: true });
    const c = await RawClient.connect(sim.ports.tcp!);
    clients.push(c);
    assert.equal((await c.login22('sys', PASSWORDS.sys)).type, 'LoginResponse22V5');
    const pushed = await c.nextDocument();
    const [logout] = responseCommands(pushed);
    assert.equal(logout.type, 'LogoutRequest');
    assert.match(logout.xml, /<userId>sys<\/userId><reason>Open Client Server Forced Logout<\/reason>/);
    await c.waitClosed();
  });

  it('per-listener faults apply only to that listener', async () => {
    sim.setFaults({ perListener: { soap: { garbage: true } } });
    const c = await loggedIn();
    await c.write(VERSION);
    assert.equal(responseCommands(await c.nextDocument())[0].type, 'SystemSoftwareVersionGetResponse');
    const body = await new Promise<string>((resolve, reject) => {
      const req = request(
        { host: '127.0.0.1', port: sim.ports.soap!, method: 'POST', path: '/webservice/services/ProvisioningService' },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (d: Buffer) => chunks.push(d));
          res.on('end', () => resolve(Buffer.concat(chunks).toString('latin1')));
        },
      );
      req.on('error', reject);
      req.end('<Envelope/>');
    });
    assert.ok(!body.includes('<'), 'SOAP answered garbage');
  });
});

describe('fault injection over SOAP', () => {
  let sim: RunningSimulator;
  before(async () => {
    sim = await startSimulator({ soapPort: 0, seed: testSeed() });
  });
  after(() => sim.close());

  const post = (body: string) =>
    new Promise<{ status: number; body: string }>((resolve, reject) => {
      const req = request(
        { host: '127.0.0.1', port: sim.ports.soap!, method: 'POST', path: '/webservice/services/ProvisioningService' },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (d: Buffer) => chunks.push(d));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
          res.on('error', reject);
          res.on('aborted', () => reject(new Error('aborted')));
        },
      );
      req.on('error', reject);
      req.end(body);
    });
  const auth =
    '<e:Envelope xmlns:e="http://schemas.xmlsoap.org/soap/envelope/"><e:Body><processOCIMessage><in0>' +
    ociDocument(command('AuthenticationRequest', '<userId>sys</userId>'))
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;') +
    '</in0></processOCIMessage></e:Body></e:Envelope>';

  it('byteByByte and delayMs still deliver the whole envelope', async () => {
    sim.setFaults({ byteByByte: true, delayMs: 5 });
    const r = await post(auth);
    assert.equal(r.status, 200);
    assert.match(r.body, /AuthenticationResponse/);
    sim.setFaults({});
  });

  it('dropMidResponse aborts the HTTP response', async () => {
    sim.setFaults({ dropMidResponse: true });
    await assert.rejects(post(auth));
    sim.setFaults({});
  });
});
