import assert from 'node:assert/strict';
import { test } from 'node:test';
import { OcipClient, type OcipClientOptions } from '../../core/ocip/client';
import { MAY_HAVE_EXECUTED, OcipError } from '../../core/ocip/errors';
import {
  cmd,
  commandTypes,
  errorCommand,
  fakeBroadWorks,
  responseDoc,
  scriptedServer,
  sessionIdOf,
  SUCCESS,
  type Conn,
  type Scripted,
} from './helpers';

const PASSWORD = 'Hunter2-very-secret';

/** A logged-in client against a fake server whose non-login documents go to `onDocument`. */
async function setup(
  onDocument: (conn: Conn, doc: string, types: string[]) => Promise<boolean | void>,
  extra: Partial<OcipClientOptions> = {},
): Promise<{ server: Scripted; client: OcipClient; log: string[]; appDocs: () => string[]; done: () => Promise<void> }> {
  const server = await scriptedServer((conn) => fakeBroadWorks(conn, { password: PASSWORD, onDocument: (d, t) => onDocument(conn, d, t) }));
  const log: string[] = [];
  const client = new OcipClient({
    host: '127.0.0.1',
    port: server.port,
    transport: 'tcp',
    username: 'admin@example.com',
    password: PASSWORD,
    log: (l) => log.push(l),
    ...extra,
  });
  await client.connect();
  await client.login();
  const appDocs = () => server.docs.filter((d) => !/AuthenticationRequest|LoginRequest|LogoutRequest/.test(commandTypes(d)[0]));
  return { server, client, log, appDocs, done: async () => (await client.close(), await server.close()) };
}

const commands = (n: number) => Array.from({ length: n }, (_, i) => cmd(`Cmd${i}Request`, `<n>${i}</n>`));

test('20 commands go out as 2 documents (15 + 5) and the responses map back in order', async () => {
  const s = await setup(async (conn, doc, types) => {
    // Answer each command distinctly so the order is checkable: an error for every third one.
    await conn.write(
      responseDoc(
        sessionIdOf(doc),
        types.map((t) => (Number(/\d+/.exec(t)![0]) % 3 === 0 ? errorCommand(`[Error 4200] ${t}`) : SUCCESS)),
      ),
    );
    return true;
  });
  try {
    const progress: [number, number][] = [];
    const results = await s.client.send(commands(20), { onProgress: (d, t) => progress.push([d, t]) });
    assert.deepEqual(
      s.appDocs().map((d) => commandTypes(d).length),
      [15, 5],
    );
    assert.deepEqual(progress, [
      [15, 20],
      [20, 20],
    ]);
    assert.equal(results.length, 20);
    results.forEach((r, i) => {
      assert.equal(r.index, i);
      assert.equal(r.requestType, `Cmd${i}Request`);
      assert.equal(r.kind, i % 3 === 0 ? 'error' : 'success');
      if (i % 3 === 0) assert.equal(r.summary, `[Error 4200] Cmd${i}Request`);
    });
  } finally {
    await s.done();
  }
});

test('batchSize 1 sends one document per command', async () => {
  const s = await setup(async () => undefined, { batchSize: 1 });
  try {
    const results = await s.client.send(commands(3));
    assert.deepEqual(
      s.appDocs().map((d) => commandTypes(d).length),
      [1, 1, 1],
    );
    assert.deepEqual(
      results.map((r) => r.kind),
      ['success', 'success', 'success'],
    );
  } finally {
    await s.done();
  }
  assert.throws(() => new OcipClient({ host: 'h', transport: 'tcp', username: 'u', password: 'p', batchSize: 16 }), /batchSize/);
});

test('server closes mid-response: that batch is unknown, later ones not sent, nothing resent', async () => {
  const s = await setup(async (conn, doc) => {
    await conn.write(responseDoc(sessionIdOf(doc), [SUCCESS]).slice(0, 120)); // half a response, then hang up
    conn.destroy();
    return false;
  });
  try {
    const results = await s.client.send(commands(20));
    assert.equal(s.appDocs().length, 1, 'exactly one document reached the server');
    assert.equal(s.server.connections, 1, 'no reconnect');
    assert.deepEqual(
      results.slice(0, 15).map((r) => r.kind),
      Array(15).fill('unknown'),
    );
    assert.deepEqual(
      results.slice(15).map((r) => r.kind),
      Array(5).fill('not-sent'),
    );
    assert.match(results[0].summary!, /closed the connection in the middle of a response/);
    assert.ok(results[0].summary!.includes(MAY_HAVE_EXECUTED));
    await assert.rejects(s.client.send(commands(1)), (e: unknown) => e instanceof OcipError && e.code === 'state');
  } finally {
    await s.done();
  }
});

test('garbage response: clear error, batch unknown', async () => {
  const s = await setup(async (conn) => {
    await conn.write('HTTP/1.1 400 Bad Request\r\n\r\n<html>nope</html></BroadsoftDocument>\n');
    return true;
  });
  try {
    const results = await s.client.send(commands(2));
    assert.deepEqual(
      results.map((r) => r.kind),
      ['unknown', 'unknown'],
    );
    assert.match(results[0].summary!, /text outside the root element .*line 1, column 1/);
  } finally {
    await s.done();
  }
});

test('response timeout: clear error, no hang, connection dropped', async () => {
  const s = await setup(async () => true /* never answers */, { timeoutMs: 200 });
  try {
    const results = await s.client.send(commands(16));
    assert.deepEqual([...new Set(results.slice(0, 15).map((r) => r.kind))], ['unknown']);
    assert.equal(results[15].kind, 'not-sent');
    assert.match(results[0].summary!, /no complete response within 200 ms/);
  } finally {
    await s.done();
  }
});

test('an oversized response is bounded: error, connection closed', async () => {
  const s = await setup(
    async (conn, doc) => {
      await conn.write(
        `<?xml version="1.0"?><BroadsoftDocument protocol="OCI" xmlns="C"><sessionId xmlns="">${sessionIdOf(doc)}</sessionId>`,
      );
      const chunk = Buffer.alloc(64 * 1024, 0x41);
      while (!conn.ended) await conn.write(chunk);
      return false;
    },
    { maxResponseBytes: 1024 * 1024 },
  );
  try {
    const [r] = await s.client.send(commands(1));
    assert.equal(r.kind, 'unknown');
    assert.match(r.summary!, /exceeds the maximum size of 1048576 bytes/);
  } finally {
    await s.done();
  }
});

test('an unsolicited LogoutRequest from the server surfaces as "logged us out"', async () => {
  const s = await setup(async (conn, doc) => {
    await conn.write(
      responseDoc(sessionIdOf(doc), [
        '<command xsi:type="LogoutRequest" xmlns=""><userId>admin@example.com</userId><reason>Open Client Server Forced Logout</reason></command>',
      ]),
    );
    return true;
  });
  try {
    const results = await s.client.send(commands(1));
    assert.equal(results[0].kind, 'unknown');
    assert.match(results[0].summary!, /server logged us out/);
  } finally {
    await s.done();
  }
});

test('a LogoutRequest pushed after a response makes the next send fail without writing anything', async () => {
  const logout = '<command xsi:type="LogoutRequest" xmlns=""><userId>admin@example.com</userId></command>';
  const s = await setup(async (conn, doc) => {
    // One write (one loopback segment): the answer, then the forced logout right behind it.
    await conn.write(responseDoc(sessionIdOf(doc), [SUCCESS]) + responseDoc(sessionIdOf(doc), [logout]));
    return true;
  });
  try {
    assert.equal((await s.client.send(commands(1)))[0].kind, 'success');
    const [second] = await s.client.send(commands(1));
    assert.equal(second.kind, 'not-sent');
    assert.match(second.summary!, /server logged us out/);
    assert.equal(s.appDocs().length, 1);
  } finally {
    await s.done();
  }
});

test('cancellation via AbortSignal closes the connection; the batch may or may not have executed', async () => {
  let received!: () => void;
  const arrived = new Promise<void>((r) => (received = r));
  const s = await setup(async () => (received(), true));
  try {
    const ac = new AbortController();
    const pending = s.client.send(commands(17), { signal: ac.signal });
    await arrived;
    ac.abort();
    const results = await pending;
    assert.equal(results[0].kind, 'unknown');
    assert.match(results[0].summary!, /cancelled/);
    assert.ok(results[0].summary!.includes(MAY_HAVE_EXECUTED));
    assert.deepEqual(
      results.slice(15).map((r) => r.kind),
      ['not-sent', 'not-sent'],
    );
    assert.equal(s.appDocs().length, 1);
  } finally {
    await s.done();
  }
});

test('the password never appears in the wire log or in errors', async () => {
  const s = await setup(
    async (conn, doc) => {
      // A server that echoes the request (with its password) in an error detail.
      await conn.write(
        responseDoc(sessionIdOf(doc), [
          errorCommand('[Error 6004] OCI XML Request validation error', { detail: `<![CDATA[${doc.replace(/^<\?xml[^>]*\?>/, '')}]]>` }),
        ]),
      );
      return true;
    },
    { loginMethod: 'plain', allowPlainPasswordOnInsecureTransport: true },
  );
  try {
    const results = await s.client.send([
      cmd(
        'UserModifyRequest22',
        `<userId>u@x</userId><newPassword>${PASSWORD}</newPassword><sipAuthenticationPassword>${PASSWORD}</sipAuthenticationPassword>`,
      ),
    ]);
    assert.equal(results[0].kind, 'error');
    assert.ok(
      s.server.docs.some((d) => d.includes(PASSWORD)),
      'the server did receive the password (so masking is really exercised)',
    );
    const everything = [...s.log, JSON.stringify(results)].join('\n');
    assert.ok(s.log.some((l) => l.startsWith('>> ') && l.includes('<password>********</password>')));
    assert.ok(s.log.some((l) => l.includes('<newPassword>********</newPassword>')));
    assert.ok(!everything.includes(PASSWORD), 'password leaked into the log or results');
  } finally {
    await s.done();
  }
  // Errors: a server that quotes the password in a login refusal.
  const server = await scriptedServer(async (conn) => {
    const doc = await conn.readDocument();
    await conn.write(responseDoc(sessionIdOf(doc!), [errorCommand(`[Error 4962] Invalid password ${PASSWORD}`)]));
  });
  const client = new OcipClient({
    host: '127.0.0.1',
    port: server.port,
    transport: 'tcp',
    username: 'u',
    password: PASSWORD,
    loginMethod: 'plain',
    allowPlainPasswordOnInsecureTransport: true,
  });
  try {
    await client.connect();
    await assert.rejects(
      client.login(),
      (e: unknown) => e instanceof Error && /Invalid password/.test(e.message) && !e.message.includes(PASSWORD),
    );
  } finally {
    await client.close();
    await server.close();
  }
});

test('a refused connection is a clear connect error', async () => {
  const server = await scriptedServer(async () => undefined);
  const port = server.port;
  await server.close();
  const client = new OcipClient({ host: '127.0.0.1', port, transport: 'tcp', username: 'u', password: PASSWORD });
  await assert.rejects(
    client.connect(),
    (e: unknown) => e instanceof OcipError && e.code === 'connect' && e.message.includes(`tcp://127.0.0.1:${port}`),
  );
  await client.close();
});
