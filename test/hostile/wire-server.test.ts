/**
 * `ocip send`'s client against a hostile server (issue 15): every attack is a scripted server in the test, and the
 * client must answer within the test's time bound, with each command's result saying what really happened.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { OcipClient } from '../../core/ocip';
import { DocumentReader } from '../../core/ocip/transport/framing';
import { cmd, fakeBroadWorks, responseDoc, scriptedServer, sessionIdOf, SUCCESS, XSI, type Conn } from '../ocip/helpers';

const PASSWORD = 'pw-hostile-1';

/** A server that logs in normally, then answers every later document with `respond`. */
async function answering(respond: (conn: Conn, sessionId: string, doc: string) => Promise<void>) {
  return scriptedServer((conn) =>
    fakeBroadWorks(conn, {
      password: PASSWORD,
      onDocument: async (doc) => {
        await respond(conn, sessionIdOf(doc), doc);
        return true;
      },
    }),
  );
}

async function sendAll(
  port: number,
  commands = [cmd('UserDeleteRequest', '<userId>u@x</userId>')],
  extra: { timeoutMs?: number; log?: (l: string) => void } = {},
) {
  const client = new OcipClient({
    host: '127.0.0.1',
    port,
    transport: 'tcp',
    username: 'admin',
    password: PASSWORD,
    timeoutMs: 10_000,
    ...extra,
  });
  try {
    await client.connect();
    await client.login();
    return await client.send(commands);
  } finally {
    await client.close();
  }
}

const head = (sid: string) =>
  `<?xml version="1.0" encoding="ISO-8859-1"?><BroadsoftDocument protocol="OCI" xmlns="C" xmlns:xsi="${XSI}"><sessionId xmlns="">${sid}</sessionId>`;

describe('hostile server: masking the wire log', () => {
  for (const [name, unit] of [
    ['unclosed <password> tags', '<password>x'],
    ['escaped <password> tags', '&lt;password&gt;x'],
    ['escaped, never closed', '&lt;password&gt;x&lt;/b&gt;'],
  ] as const) {
    it(
      `150,000 ${name} in an answer are masked in one pass; the send ends with a result, the timeout intact`,
      { timeout: 60_000 },
      async () => {
        const server = await answering(async (conn, sid) => {
          await conn.write(
            `${head(sid)}<command echo="" xsi:type="c:ErrorResponse" xmlns:c="C" xmlns=""><summary>${unit.repeat(150_000)}</summary></command></BroadsoftDocument>\n`,
          );
        });
        const log: string[] = [];
        try {
          const [r] = await sendAll(server.port, undefined, { timeoutMs: 3_000, log: (l) => log.push(l) });
          assert.ok(['error', 'unknown'].includes(r.kind), r.kind);
          const answer = log.find((l) => l.startsWith('<< ') && l.includes('summary'));
          assert.ok(answer, 'the answer is in the wire log');
          assert.ok(!/password(&gt;|>)x/.test(answer), 'every password content is masked');
        } finally {
          await server.close();
        }
      },
    );
  }
});

describe("hostile server: answers that are not this command's", () => {
  it('a response carrying another sessionId is not accepted: the commands are unknown', { timeout: 30_000 }, async () => {
    const server = await answering(async (conn) => {
      await conn.write(responseDoc('someone-else', [SUCCESS]));
    });
    try {
      const [r] = await sendAll(server.port);
      assert.equal(r.kind, 'unknown');
      assert.match(r.summary ?? '', /another sessionId/);
    } finally {
      await server.close();
    }
  });

  it('a data response to an add request is not success; a SuccessResponse to a get request is not data', { timeout: 30_000 }, async () => {
    const server = await answering(async (conn, sid) => {
      await conn.write(
        responseDoc(sid, [
          '<command echo="" xsi:type="UserGetResponse23V2" xmlns=""><lastName>x</lastName></command>',
          SUCCESS,
          '<command echo="" xsi:type="UserGetResponse23V2" xmlns=""><lastName>x</lastName></command>',
        ]),
      );
    });
    try {
      const results = await sendAll(server.port, [
        cmd('UserConsolidatedAddRequest22', '<userId>u@x</userId>'),
        cmd('UserGetRequest23V2', '<userId>u@x</userId>'),
        cmd('UserGetRequest23V2', '<userId>u@x</userId>'),
      ]);
      assert.deepEqual(
        results.map((r) => r.kind),
        ['unknown', 'unknown', 'data'],
      );
      assert.match(results[0].summary ?? '', /answered UserGetResponse23V2 to UserConsolidatedAddRequest22, which cannot return it/);
      assert.match(results[1].summary ?? '', /answered SuccessResponse to UserGetRequest23V2/);
    } finally {
      await server.close();
    }
  });
});

describe('hostile server: framing', () => {
  it('CDATA full of end tags is framed in one pass, over the wire', { timeout: 60_000 }, async () => {
    const endTags = '</BroadsoftDocument>'.repeat(200_000); // 4 MB of end tags inside one CDATA section
    const server = await answering(async (conn, sid) => {
      const doc = `${head(sid)}<command type="Error" echo="" xsi:type="c:ErrorResponse" xmlns:c="C" xmlns=""><summary>s</summary><detail><![CDATA[${endTags}]]></detail></command></BroadsoftDocument>\n`;
      const bytes = Buffer.from(doc, 'latin1');
      for (let i = 0; i < bytes.length; i += 65_536) await conn.write(bytes.subarray(i, i + 65_536));
    });
    try {
      const [r] = await sendAll(server.port, undefined, { timeoutMs: 30_000 });
      assert.equal(r.kind, 'error');
      assert.equal(r.detail?.length, endTags.length);
    } finally {
      await server.close();
    }
  });

  it('the reader finds an end tag split across reads, and none inside CDATA split across reads', () => {
    const doc = '<BroadsoftDocument><a><![CDATA[</BroadsoftDocument>]]></a></BroadsoftDocument>\n<Broad';
    for (let cut = 1; cut < doc.length - 7; cut++) {
      const r = new DocumentReader(1 << 20);
      const bytes = Buffer.from(doc, 'latin1');
      for (let i = 0; i < bytes.length; i += cut) r.push(bytes.subarray(i, i + cut));
      assert.equal(r.next(), doc.slice(0, doc.indexOf('\n')), `chunks of ${cut}`);
      assert.equal(r.next(), undefined);
    }
  });

  it('a flood of whitespace before the document is read once, then cut at the bound', () => {
    const r = new DocumentReader(8 << 20);
    const spaces = Buffer.alloc(65_536, 0x20);
    assert.throws(() => {
      for (let i = 0; i < 200; i++) r.push(spaces);
    }, /exceeds the maximum size/);
  });
});

describe('hostile server: a huge answer in the wire log', () => {
  it('is logged up to the bound (core/limits LOG_LIMITS) with a count of the rest, never copied whole', { timeout: 60_000 }, async () => {
    const filler = 'y'.repeat(3 * 1024 * 1024);
    const server = await answering(async (conn, sid) => {
      await conn.write(
        `${head(sid)}<command echo="" xsi:type="c:ErrorResponse" xmlns:c="C" xmlns=""><summary>${filler}</summary></command></BroadsoftDocument>\n`,
      );
    });
    const log: string[] = [];
    try {
      const [r] = await sendAll(server.port, undefined, { log: (l) => log.push(l) });
      assert.equal(r.kind, 'error');
      const answer = log.find((l) => l.startsWith('<< ') && l.includes('<summary>'));
      assert.ok(answer, 'the answer is in the wire log');
      assert.ok(answer.length < 1024 * 1024 + 100, `logged ${answer.length} characters`);
      assert.match(answer, / … \(\d+ more characters not logged\)$/);
    } finally {
      await server.close();
    }
  });
});
