import assert from 'node:assert/strict';
import { X509Certificate } from 'node:crypto';
import { test } from 'node:test';
import { OcipClient } from '../../core/ocip/client';
import { OcipError } from '../../core/ocip/errors';
import { connectTls } from '../../core/ocip/transport/tls';
import { normalizeFingerprint } from '../../core/ocip/transport/tls-socket';
import { fakeBroadWorks, scriptedServer, TLS_CERT } from './helpers';

const FINGERPRINT = new X509Certificate(TLS_CERT).fingerprint256; // "AA:BB:..."
const WRONG = 'AB'.repeat(32);

test('fingerprints are accepted with colons or as plain hex in any case, and rejected when malformed', () => {
  assert.equal(normalizeFingerprint(FINGERPRINT.replace(/:/g, '').toLowerCase()), FINGERPRINT);
  assert.equal(normalizeFingerprint(FINGERPRINT.toLowerCase()), FINGERPRINT);
  assert.throws(() => normalizeFingerprint('AB:CD'), /not a SHA-256 fingerprint/);
});

test('verification is on by default: a self-signed server is rejected with a hint', async () => {
  const server = await scriptedServer((conn) => fakeBroadWorks(conn, { password: 'x' }), true);
  try {
    await assert.rejects(connectTls({ host: '127.0.0.1', port: server.port }), (e: unknown) => {
      assert.ok(e instanceof OcipError);
      assert.equal(e.code, 'tls');
      assert.match(e.message, /self-signed|not trusted/i);
      assert.match(e.message, /fingerprint/);
      return true;
    });
  } finally {
    await server.close();
  }
});

test('an extra CA PEM makes the self-signed certificate trusted (with host verification)', async () => {
  const server = await scriptedServer((conn) => fakeBroadWorks(conn, { password: 'x' }), true);
  try {
    const t = await connectTls({ host: '127.0.0.1', port: server.port, tls: { ca: TLS_CERT } });
    assert.equal(t.secure, true);
    await t.close();
  } finally {
    await server.close();
  }
});

test('a pinned fingerprint is accepted (colon or plain lowercase hex)', async () => {
  const server = await scriptedServer((conn) => fakeBroadWorks(conn, { password: 'pw' }), true);
  try {
    for (const fp of [FINGERPRINT, FINGERPRINT.replace(/:/g, '').toLowerCase()]) {
      const client = new OcipClient({
        host: '127.0.0.1',
        port: server.port,
        transport: 'tls',
        username: 'u',
        password: 'pw',
        tls: { fingerprint: fp },
      });
      await client.connect();
      await client.login();
      await client.close();
    }
    assert.equal(server.docs.filter((d) => d.includes('LoginRequest22V5')).length, 2);
  } finally {
    await server.close();
  }
});

test('a wrong pinned fingerprint is rejected before anything is written, showing expected and actual', async () => {
  const server = await scriptedServer((conn) => fakeBroadWorks(conn, { password: 'pw' }), true);
  const client = new OcipClient({
    host: '127.0.0.1',
    port: server.port,
    transport: 'tls',
    username: 'u',
    password: 'pw',
    tls: { fingerprint: WRONG },
  });
  try {
    await assert.rejects(client.connect(), (e: unknown) => {
      assert.ok(e instanceof OcipError);
      assert.equal(e.code, 'tls');
      assert.ok(e.message.includes(normalizeFingerprint(WRONG)), e.message);
      assert.ok(e.message.includes(FINGERPRINT), e.message);
      return true;
    });
    assert.equal(server.docs.length, 0);
  } finally {
    await client.close();
    await server.close();
  }
});

test('allowSelfSigned connects without verification and emits a warning', async () => {
  const server = await scriptedServer((conn) => fakeBroadWorks(conn, { password: 'pw' }), true);
  const warnings: string[] = [];
  const log: string[] = [];
  const client = new OcipClient({
    host: '127.0.0.1',
    port: server.port,
    transport: 'tls',
    username: 'u',
    password: 'pw',
    tls: { allowSelfSigned: true },
    onWarning: (m) => warnings.push(m),
    log: (l) => log.push(l),
  });
  try {
    await client.connect();
    await client.login();
    assert.equal(warnings.length, 1);
    assert.match(warnings[0], /verification is DISABLED/);
    assert.ok(log.some((l) => l.startsWith('WARNING:')));
  } finally {
    await client.close();
    await server.close();
  }
});
