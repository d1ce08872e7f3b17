import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { request } from 'node:http';
import { startSimulator, type RunningSimulator } from '../../sim/index';
import { command, field, md5, ociDocument, responseCommands, sha1 } from './client';
import { PASSWORDS, testSeed } from './fixtures';

const PATH = '/webservice/services/ProvisioningService';

interface HttpResult {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

function http(port: number, method: string, path: string, body?: string, cookie?: string): Promise<HttpResult> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string> = { 'Content-Type': 'text/xml; charset=utf-8', SOAPAction: '""' };
    if (cookie) headers.Cookie = cookie;
    const req = request({ host: '127.0.0.1', port, method, path, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(body);
  });
}

const xmlEscape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const unescape = (s: string) =>
  s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&');

/** Document/literal style (in0, namespaced). */
function literal(inner: string): string {
  return (
    '<soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/"><soapenv:Body>' +
    `<processOCIMessage xmlns="urn:com:broadsoft:webservice"><in0>${xmlEscape(inner)}</in0></processOCIMessage></soapenv:Body></soapenv:Envelope>`
  );
}

/** RPC/encoded style (arg0, no namespace). */
function rpc(inner: string): string {
  return (
    '<?xml version="1.0" encoding="UTF-8"?><soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><soapenv:Body>' +
    '<processOCIMessage soapenv:encodingStyle="http://schemas.xmlsoap.org/soap/encoding/">' +
    `<arg0 xsi:type="soapenc:string" xmlns:soapenc="http://schemas.xmlsoap.org/soap/encoding/">${xmlEscape(inner)}</arg0></processOCIMessage></soapenv:Body></soapenv:Envelope>`
  );
}

/** The inner OCI document of a processOCIMessageResponse. */
function innerOf(body: string): string {
  const m =
    /<processOCIMessageResponse xmlns=""><ns1:processOCIMessageReturn xmlns:ns1="urn:com:broadsoft:webservice">([\s\S]*)<\/ns1:processOCIMessageReturn><\/processOCIMessageResponse>/.exec(
      body,
    );
  assert.ok(m, `not a processOCIMessageResponse: ${body}`);
  return unescape(m[1]);
}

function jsession(r: HttpResult): string {
  const set = r.headers['set-cookie'];
  const line = Array.isArray(set) ? set[0] : set;
  const m = /JSESSIONID=([^;]+)/.exec(line ?? '');
  assert.ok(m, 'Set-Cookie JSESSIONID expected');
  return `JSESSIONID=${m[1]}`;
}

describe('SOAP listener', () => {
  let sim: RunningSimulator;
  before(async () => {
    sim = await startSimulator({ soapPort: 0, seed: testSeed() });
  });
  after(() => sim.close());

  it('serves a WSDL', async () => {
    const r = await http(sim.ports.soap!, 'GET', `${PATH}?wsdl`);
    assert.equal(r.status, 200);
    assert.match(r.body, /targetNamespace="urn:com:broadsoft:webservice"/);
    assert.match(r.body, /<wsdl:operation name="processOCIMessage">/);
  });

  it('answers a command before login with the INVALID_REQUEST fault and HTTP 500', async () => {
    const r = await http(sim.ports.soap!, 'POST', PATH, literal(ociDocument(command('SystemSoftwareVersionGetRequest', ''))));
    assert.equal(r.status, 500);
    assert.match(r.body, /<faultcode>soapenv:Server\.generalException<\/faultcode><faultstring>INVALID_REQUEST<\/faultstring>/);
    assert.match(r.body, /Cannot process any request before user is logged in\./);
  });

  it('logs in with cookie + sessionId, and requires both afterwards', async () => {
    const port = sim.ports.soap!;
    const auth = await http(port, 'POST', PATH, literal(ociDocument(command('AuthenticationRequest', '<userId>sys</userId>'), 'soap-s1')));
    assert.equal(auth.status, 200);
    const cookie = jsession(auth);
    const authDoc = innerOf(auth.body);
    assert.ok(
      authDoc.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<BroadsoftDocument'),
      'XSP-built documents carry the UTF-8 declaration',
    );
    const nonce = field(authDoc, 'nonce')!;
    const signed = md5(`${nonce}:${sha1(PASSWORDS.sys)}`);
    const login = await http(
      port,
      'POST',
      PATH,
      rpc(ociDocument(command('LoginRequest14sp4', `<userId>sys</userId><signedPassword>${signed}</signedPassword>`), 'soap-s1')),
      cookie,
    );
    assert.equal(login.status, 200);
    assert.equal(login.headers['set-cookie'], undefined, 'the cookie is set once');
    const loginDoc = innerOf(login.body);
    assert.ok(loginDoc.startsWith('<?xml version="1.0" encoding="ISO-8859-1"?><BroadsoftDocument'));
    assert.equal(responseCommands(loginDoc)[0].type, 'LoginResponse14sp4');

    const get = await http(port, 'POST', PATH, literal(ociDocument(command('SystemSoftwareVersionGetRequest', ''), 'soap-s1')), cookie);
    assert.equal(get.status, 200);
    assert.equal(field(innerOf(get.body), 'version'), sim.state.softwareVersion);

    const otherSession = await http(
      port,
      'POST',
      PATH,
      literal(ociDocument(command('SystemSoftwareVersionGetRequest', ''), 'soap-other')),
      cookie,
    );
    assert.equal(otherSession.status, 500, 'same cookie, different sessionId');
    const noCookie = await http(port, 'POST', PATH, literal(ociDocument(command('SystemSoftwareVersionGetRequest', ''), 'soap-s1')));
    assert.equal(noCookie.status, 500, 'same sessionId, no cookie');
  });

  it('LoginRequest22V5 over SOAP and a wrong password', async () => {
    const port = sim.ports.soap!;
    const bad = await http(
      port,
      'POST',
      PATH,
      literal(ociDocument(command('LoginRequest22V5', '<userId>sys</userId><password>nope</password>'))),
    );
    assert.equal(bad.status, 200);
    assert.equal(responseCommands(innerOf(bad.body))[0].summary, '[Error 4962] Invalid password');
    const good = await http(
      port,
      'POST',
      PATH,
      literal(ociDocument(command('LoginRequest22V5', `<userId>sys</userId><password>${PASSWORDS.sys}</password>`))),
      jsession(bad),
    );
    assert.equal(responseCommands(innerOf(good.body))[0].type, 'LoginResponse22V5');
  });

  it('rejects an envelope with a DOCTYPE as a client fault', async () => {
    const r = await http(sim.ports.soap!, 'POST', PATH, '<!DOCTYPE x [<!ENTITY e "boom">]>' + literal('x'));
    assert.equal(r.status, 500);
    assert.match(r.body, /DOCTYPE/);
  });
});
