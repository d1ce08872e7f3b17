import assert from 'node:assert/strict';
import { test } from 'node:test';
import { OcipClient } from '../../core/ocip/client';
import { OcipError } from '../../core/ocip/errors';
import { SoapTransport } from '../../core/ocip/transport/soap';
import {
  cmd,
  commandTypes,
  expectedSigned,
  field,
  LOGIN_RESPONSE_FIELDS,
  NONCE,
  responseDoc,
  scriptedHttp,
  sessionIdOf,
  SUCCESS,
} from './helpers';

const PASSWORD = 'soap-Secret-42';

function escape(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
function unescape(s: string): string {
  return s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&');
}

/** The class A envelope shape: unqualified wrapper, namespace-qualified return element. */
function soapReply(inner: string): string {
  return (
    '<?xml version="1.0" encoding="UTF-8"?><soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/" xmlns:xsd="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
    `<soapenv:Body><processOCIMessageResponse xmlns=""><ns1:processOCIMessageReturn xmlns:ns1="urn:com:broadsoft:webservice">${escape(inner)}</ns1:processOCIMessageReturn></processOCIMessageResponse></soapenv:Body></soapenv:Envelope>`
  );
}

const FAULT =
  '<?xml version="1.0" encoding="utf-8"?><soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/"><soapenv:Body><soapenv:Fault>' +
  '<faultcode>soapenv:Server.generalException</faultcode><faultstring>INVALID_REQUEST</faultstring><faultactor>ProvisioningService</faultactor>' +
  '<detail><string>Cannot process any request before user is logged in.</string></detail></soapenv:Fault></soapenv:Body></soapenv:Envelope>';

test('SOAP: signed login, JSESSIONID kept and resent, inner documents escaped and unescaped', async () => {
  const server = await scriptedHttp((req, body, res) => {
    const doc = unescape(/<in0>([\s\S]*)<\/in0>/.exec(body)![1]);
    const sid = sessionIdOf(doc);
    const type = commandTypes(doc)[0];
    const reply = (inner: string, cookie?: string) => {
      res.writeHead(200, { 'Content-Type': 'text/xml; charset=utf-8', ...(cookie ? { 'Set-Cookie': `${cookie}; Path=/; HttpOnly` } : {}) });
      res.end(soapReply(inner));
    };
    if (type === 'AuthenticationRequest') {
      return reply(
        responseDoc(
          sid,
          [
            `<command echo="" xsi:type="AuthenticationResponse" xmlns=""><userId>u</userId><nonce>${NONCE}</nonce><passwordAlgorithm>MD5</passwordAlgorithm></command>`,
          ],
          'UTF-8',
        ),
        'JSESSIONID=abc123',
      );
    }
    if (req.headers.cookie !== 'JSESSIONID=abc123') {
      res.writeHead(500, { 'Content-Type': 'text/xml; charset=utf-8' });
      return res.end(FAULT);
    }
    if (type === 'LoginRequest14sp4') {
      assert.equal(field(doc, 'signedPassword'), expectedSigned(PASSWORD));
      return reply(responseDoc(sid, [`<command echo="" xsi:type="LoginResponse14sp4" xmlns="">${LOGIN_RESPONSE_FIELDS}</command>`]));
    }
    reply(
      responseDoc(
        sid,
        commandTypes(doc).map(() => SUCCESS),
      ),
    );
  });
  const client = new OcipClient({ host: '127.0.0.1', transport: 'soap', soapUrl: server.url, username: 'u', password: PASSWORD });
  try {
    await client.connect();
    const info = await client.login();
    assert.equal(info.serviceProviderId, 'SP123');
    const results = await client.send([cmd('GroupModifyRequest', '<name>a &amp; b</name>'), cmd('UserDeleteRequest')]);
    assert.deepEqual(
      results.map((r) => r.kind),
      ['success', 'success'],
    );
    const first = server.requests[0];
    assert.equal(first.headers['content-type'], 'text/xml; charset=utf-8');
    assert.equal(first.headers.soapaction, '""');
    assert.match(first.body, /<processOCIMessage xmlns="urn:com:broadsoft:webservice"><in0>&lt;\?xml /);
    assert.equal(first.headers.cookie, undefined);
    assert.deepEqual(
      server.requests.slice(1).map((r) => r.headers.cookie),
      ['JSESSIONID=abc123', 'JSESSIONID=abc123'],
    );
    assert.ok(unescape(server.requests[2].body).includes('<name>a &amp; b</name>'), 'command XML travels intact inside in0');
  } finally {
    await client.close();
    await server.close();
  }
});

test('SOAP Fault (HTTP 500) becomes a clear error with faultstring and detail', async () => {
  const server = await scriptedHttp((_req, _body, res) => {
    res.writeHead(500, { 'Content-Type': 'text/xml; charset=utf-8' });
    res.end(FAULT);
  });
  const transport = new SoapTransport({ url: server.url });
  try {
    await assert.rejects(transport.exchange(responseDoc('s', [cmd('UserGetRequest').xml])), (e: unknown) => {
      assert.ok(e instanceof OcipError);
      assert.equal(e.code, 'soap-fault');
      assert.match(e.message, /SOAP Fault \(HTTP 500\): INVALID_REQUEST - Cannot process any request before user is logged in\./);
      return true;
    });
  } finally {
    await server.close();
  }
});

test('SOAP: unexpected HTTP status and a reply without processOCIMessageReturn are clear errors', async () => {
  let mode = 'status';
  const server = await scriptedHttp((_req, _body, res) => {
    if (mode === 'status') {
      res.writeHead(404, { 'Content-Type': 'text/html' });
      res.end('<html>Not here</html>');
    } else {
      res.writeHead(200, { 'Content-Type': 'text/xml' });
      res.end(
        '<soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/"><soapenv:Body><other/></soapenv:Body></soapenv:Envelope>',
      );
    }
  });
  const transport = new SoapTransport({ url: server.url });
  try {
    await assert.rejects(transport.exchange(responseDoc('s', [SUCCESS])), /HTTP 404 from .*Not here/);
    mode = 'missing';
    await assert.rejects(transport.exchange(responseDoc('s', [SUCCESS])), /no processOCIMessageReturn/);
  } finally {
    await server.close();
  }
});

test('SOAP URL without a path gets the ProvisioningService path; plain password refused over http', async () => {
  const t = new SoapTransport({ url: 'http://127.0.0.1:1' });
  assert.equal(t.description, 'http://127.0.0.1:1/webservice/services/ProvisioningService');
  assert.equal(t.secure, false);
  const server = await scriptedHttp((_req, _body, res) => res.end());
  const client = new OcipClient({
    host: '127.0.0.1',
    transport: 'soap',
    soapUrl: server.url,
    username: 'u',
    password: PASSWORD,
    loginMethod: 'plain',
  });
  try {
    await client.connect();
    await assert.rejects(client.login(), /refusing to send the plain password/);
    assert.equal(server.requests.length, 0);
  } finally {
    await client.close();
    await server.close();
  }
});

test('SOAP over HTTPS uses the same TLS rules: rejected by default, accepted with the pinned fingerprint', async () => {
  const { createServer } = await import('node:https');
  const { X509Certificate } = await import('node:crypto');
  const { TLS_CERT, TLS_KEY } = await import('./helpers');
  let posts = 0;
  const server = createServer({ key: TLS_KEY, cert: TLS_CERT }, (req, res) => {
    req.resume();
    req.on('end', () => {
      posts++;
      res.writeHead(200, { 'Content-Type': 'text/xml; charset=utf-8' });
      res.end(soapReply(responseDoc('s', [SUCCESS])));
    });
  });
  server.on('tlsClientError', () => undefined);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  const url = `https://127.0.0.1:${(server.address() as { port: number }).port}`;
  try {
    await assert.rejects(
      new SoapTransport({ url }).exchange(responseDoc('s', [SUCCESS])),
      (e: unknown) => e instanceof OcipError && e.code === 'tls',
    );
    assert.equal(posts, 0, 'nothing was posted to the unverified server');
    const pinned = new SoapTransport({ url, tls: { fingerprint: new X509Certificate(TLS_CERT).fingerprint256 } });
    assert.equal(pinned.secure, true);
    assert.match(await pinned.exchange(responseDoc('s', [SUCCESS])), /c:SuccessResponse/);
    assert.equal(posts, 1);
  } finally {
    server.closeAllConnections();
    await new Promise<void>((r) => server.close(() => r()));
  }
});
