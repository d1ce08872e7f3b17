import assert from 'node:assert/strict';
import { test } from 'node:test';
import { OcipClient } from '../../core/ocip/client';
import { LoginError, OcipError } from '../../core/ocip/errors';
import { signedPassword } from '../../core/ocip/login';
import { commandTypes, fakeBroadWorks, scriptedServer, TLS_CERT } from './helpers';
import { X509Certificate } from 'node:crypto';

const PASSWORD = 'S3cret-Pa55!';
const FINGERPRINT = new X509Certificate(TLS_CERT).fingerprint256;

test('signedPassword matches the published test vector', () => {
  assert.equal(signedPassword('password', '1234567890123'), '77e4a6de3a1e00be05e121cf0ebee860');
});

test('signed two-step login over TCP: AuthenticationRequest then LoginRequest14sp4, same sessionId', async () => {
  const server = await scriptedServer((conn) => fakeBroadWorks(conn, { password: PASSWORD }));
  const client = new OcipClient({ host: '127.0.0.1', port: server.port, transport: 'tcp', username: 'admin', password: PASSWORD });
  try {
    await client.connect();
    const info = await client.login();
    assert.deepEqual(
      server.docs.map((d) => commandTypes(d)[0]),
      ['AuthenticationRequest', 'LoginRequest14sp4'],
    );
    assert.ok(server.docs.every((d) => d.includes(`<sessionId xmlns="">${client.sessionId}</sessionId>`)));
    assert.ok(!server.docs.some((d) => d.includes(PASSWORD)), 'the plain password never travels in the signed flow');
    assert.equal(info.responseType, 'LoginResponse14sp4');
    assert.equal(info.loginType, 'Service Provider');
    assert.equal(info.serviceProviderId, 'SP123');
    assert.equal(info.isEnterprise, false);
    assert.equal(info.passwordExpiresDays, 2147483647);
    assert.equal(info.userDomain, 'test.com');
  } finally {
    await client.close();
    await server.close();
  }
});

test('a refused login raises LoginError with the server summary, without the password', async () => {
  const server = await scriptedServer((conn) => fakeBroadWorks(conn, { password: 'other-password' }));
  const client = new OcipClient({ host: '127.0.0.1', port: server.port, transport: 'tcp', username: 'admin', password: PASSWORD });
  try {
    await client.connect();
    await assert.rejects(client.login(), (e: unknown) => {
      assert.ok(e instanceof LoginError);
      assert.equal(e.errorCode, 4962);
      assert.match(e.message, /\[Error 4962\] Invalid password/);
      assert.ok(!e.message.includes(PASSWORD));
      return true;
    });
  } finally {
    await client.close();
    await server.close();
  }
});

test('plain-password login is refused on TCP before anything is sent', async () => {
  const server = await scriptedServer((conn) => fakeBroadWorks(conn, { password: PASSWORD }));
  const client = new OcipClient({
    host: '127.0.0.1',
    port: server.port,
    transport: 'tcp',
    username: 'admin',
    password: PASSWORD,
    loginMethod: 'plain',
  });
  try {
    await client.connect();
    await assert.rejects(
      client.login(),
      (e: unknown) => e instanceof OcipError && e.code === 'insecure-login' && /unencrypted/.test(e.message),
    );
    assert.equal(server.bytesReceived(), 0);
  } finally {
    await client.close();
    await server.close();
  }
});

test('plain-password login over TCP works only when explicitly allowed', async () => {
  const server = await scriptedServer((conn) => fakeBroadWorks(conn, { password: PASSWORD }));
  const client = new OcipClient({
    host: '127.0.0.1',
    port: server.port,
    transport: 'tcp',
    username: 'admin',
    password: PASSWORD,
    loginMethod: 'plain',
    allowPlainPasswordOnInsecureTransport: true,
  });
  try {
    await client.connect();
    const info = await client.login();
    assert.equal(info.responseType, 'LoginResponse22V5');
    assert.deepEqual(
      server.docs.map((d) => commandTypes(d)[0]),
      ['LoginRequest22V5'],
    );
  } finally {
    await client.close();
    await server.close();
  }
});

test('over TLS, auto login uses LoginRequest22V5; the signed flow works over TLS too; logout on close', async () => {
  for (const [method, expected] of [
    ['auto', ['LoginRequest22V5']],
    ['signed', ['AuthenticationRequest', 'LoginRequest14sp4']],
  ] as const) {
    const server = await scriptedServer((conn) => fakeBroadWorks(conn, { password: PASSWORD }), true);
    const client = new OcipClient({
      host: '127.0.0.1',
      port: server.port,
      transport: 'tls',
      username: 'admin',
      password: PASSWORD,
      loginMethod: method,
      tls: { fingerprint: FINGERPRINT },
    });
    try {
      await client.connect();
      const info = await client.login();
      assert.equal(info.loginType, 'Service Provider');
      assert.deepEqual(
        server.docs.map((d) => commandTypes(d)[0]),
        expected,
      );
      await client.close();
      assert.equal(commandTypes(server.docs.at(-1)!)[0], 'LogoutRequest');
    } finally {
      await client.close();
      await server.close();
    }
  }
});
