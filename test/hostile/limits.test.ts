/**
 * Size and encoding limits: an oversized or endless server response is cut off (too-large / timeout) without the
 * client buffering without end; malformed UTF-8 from the server or in a file gives a clear error; enormous single
 * lines (5 MB YAML value, 5 MB XML text) get clear, short diagnostics from the core, `ocip validate` and the language server.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { builtinModel } from '../../core/model';
import { checkFile } from '../../core/checks';
import { parseXml, parseYaml } from '../../core/syntax';
import { OcipClient } from '../../core/ocip';
import { LspTestClient, REPO } from '../helpers/lsp-client';
import { cmd, fakeBroadWorks, scriptedServer, sessionIdOf, XSI, type Conn } from '../ocip/helpers';

const model = builtinModel();
const dir = mkdtempSync(join(tmpdir(), 'ocip-limits-'));
after(() => rmSync(dir, { recursive: true, force: true }));

const FIVE_MB = 5 * 1024 * 1024;
// A valid-looking user id (with @domain), only far too long.
const HUGE = `${'x'.repeat(FIVE_MB - 2)}@x`;
const hugeYaml = `command: UserDeleteRequest\nuserId: ${HUGE}\n`;
const hugeXml = `<command xsi:type="UserDeleteRequest" xmlns=""><userId>${HUGE}</userId></command>\n`;

const ocip = (...args: string[]) =>
  spawnSync(process.execPath, [join(REPO, 'bin', 'ocip.js'), ...args], { encoding: 'utf8', timeout: 30_000, maxBuffer: 64 << 20 });

/** A server that logs in normally, then answers the first command with `respond` (which owns the connection). */
async function answering(respond: (conn: Conn, sessionId: string) => Promise<void>) {
  return scriptedServer((conn) =>
    fakeBroadWorks(conn, {
      password: 'pw',
      onDocument: async (doc) => {
        await respond(conn, sessionIdOf(doc));
        return false;
      },
    }),
  );
}

async function sendOne(port: number, extra: { maxResponseBytes?: number; timeoutMs?: number } = {}) {
  const client = new OcipClient({
    host: '127.0.0.1',
    port,
    transport: 'tcp',
    username: 'admin',
    password: 'pw',
    timeoutMs: 10_000,
    ...extra,
  });
  try {
    await client.connect();
    await client.login();
    return await client.send([cmd('UserDeleteRequest', '<userId>u@x</userId>')]);
  } finally {
    await client.close();
  }
}

const head = (sid: string, encoding = 'ISO-8859-1') =>
  `<?xml version="1.0" encoding="${encoding}"?><BroadsoftDocument protocol="OCI" xmlns="C" xmlns:xsi="${XSI}"><sessionId xmlns="">${sid}</sessionId>` +
  `<command type="Error" echo="" xsi:type="c:ErrorResponse" xmlns:c="C" xmlns=""><summary>`;
const tail = '</summary></command></BroadsoftDocument>\n';

describe('server responses', () => {
  it(
    'an endless response is cut at maxResponseBytes: the command is unknown, and the server is stopped from sending',
    { timeout: 60_000 },
    async () => {
      let written = 0;
      const chunk = Buffer.alloc(64 * 1024, 'A');
      const server = await answering(async (conn, sid) => {
        await conn.write(head(sid));
        // Endless: only the client closing the connection stops this loop (each write waits for the socket).
        while (!conn.ended) {
          await conn.write(chunk);
          written += chunk.length;
        }
      });
      try {
        const [result] = await sendOne(server.port, { maxResponseBytes: 1 << 20 });
        assert.equal(result.kind, 'unknown');
        assert.match(result.summary!, /maximum size of 1048576 bytes/);
        assert.match(result.summary!, /may or may not have been executed/);
      } finally {
        await server.close();
      }
      // What the server got out before the client hung up: the 1 MiB read plus at most what the sockets buffer.
      assert.ok(written < (1 << 20) + (32 << 20), `${written} bytes written before the client closed`);
    },
  );

  it('an endless trickle within the size limit ends at the response timeout', { timeout: 60_000 }, async () => {
    const server = await answering(async (conn, sid) => {
      await conn.write(head(sid));
      while (!conn.ended) await conn.write('A');
    });
    try {
      const [result] = await sendOne(server.port, { timeoutMs: 800 });
      assert.equal(result.kind, 'unknown');
      assert.match(result.summary!, /timed out|no complete response|timeout/i);
    } finally {
      await server.close();
    }
  });

  it(
    'a response declared UTF-8 with malformed bytes is a clear bad-response, and the client stays usable for close',
    { timeout: 30_000 },
    async () => {
      const server = await answering(async (conn, sid) => {
        await conn.write(
          Buffer.concat([
            Buffer.from(head(sid, 'UTF-8'), 'latin1'),
            Buffer.from([0x41, 0xc3, 0x28, 0xff, 0xfe, 0xe2, 0x82]),
            Buffer.from(tail, 'latin1'),
          ]),
        );
      });
      try {
        const [result] = await sendOne(server.port);
        assert.equal(result.kind, 'unknown');
        assert.match(result.summary!, /not valid UTF-8/);
      } finally {
        await server.close();
      }
    },
  );

  it('ISO-8859-1 bytes above 0x7F (the AS default) are read as Latin-1 characters, not as errors', { timeout: 30_000 }, async () => {
    const server = await answering(async (conn, sid) => {
      await conn.write(
        Buffer.concat([Buffer.from(head(sid), 'latin1'), Buffer.from([0x52, 0x65, 0x6e, 0xe9, 0xff]), Buffer.from(tail, 'latin1')]),
      );
    });
    try {
      const [result] = await sendOne(server.port);
      assert.equal(result.kind, 'error');
      assert.equal(result.summary, 'Ren\u00e9\u00ff');
    } finally {
      await server.close();
    }
  });
});

describe('malformed UTF-8 in a file given to ocip validate', () => {
  it('is reported with its position instead of silently becoming U+FFFD', () => {
    const file = join(dir, 'bad-utf8.ocip.yaml');
    writeFileSync(
      file,
      Buffer.concat([
        Buffer.from('command: UserDeleteRequest\nuserId: ab', 'latin1'),
        Buffer.from([0xff, 0xc3, 0x28]),
        Buffer.from('cd@x\n', 'latin1'),
      ]),
    );
    const r = ocip('validate', file);
    assert.equal(r.status, 1, r.stdout + r.stderr);
    assert.match(r.stdout + r.stderr, /UTF-8/);
    assert.match(r.stdout, /bad-utf8\.ocip\.yaml:2:11/);
  });

  it('an XML file declared ISO-8859-1 is read as ISO-8859-1', () => {
    const file = join(dir, 'latin1.ocip.xml');
    writeFileSync(
      file,
      Buffer.concat([
        Buffer.from('<?xml version="1.0" encoding="ISO-8859-1"?>\n<command xsi:type="UserDeleteRequest" xmlns=""><userId>Ren', 'latin1'),
        Buffer.from([0xe9]),
        Buffer.from('@x</userId></command>\n', 'latin1'),
      ]),
    );
    assert.equal(ocip('validate', file).status, 0);
    const converted = ocip('convert', file, '--to', 'yaml');
    assert.match(converted.stdout, /userId: René@x/);
  });

  it('does not crash the CLI, whatever the bytes', { timeout: 60_000 }, () => {
    const file = join(dir, 'noise.ocip.xml');
    writeFileSync(file, Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919 + 13) % 256)));
    const r = ocip('validate', '--format', 'json', file);
    assert.equal(r.status, 1, r.stderr);
    assert.doesNotMatch(r.stderr, /at \w+ \(|TypeError|RangeError/);
    assert.ok(Array.isArray(JSON.parse(r.stdout)));
  });
});

describe('enormous single lines', () => {
  const shortMessages = (messages: string[]) =>
    assert.ok(
      messages.every((m) => m.length < 1000),
      'messages do not quote the 5 MB value',
    );

  it('core: a 5 MB YAML value and a 5 MB XML text get one OCI-LENGTH each, on the value', () => {
    for (const [text, file] of [
      [hugeYaml, parseYaml(hugeYaml)],
      [hugeXml, parseXml(hugeXml)],
    ] as const) {
      const diagnostics = checkFile(file, model);
      assert.deepEqual(
        diagnostics.map((d) => d.code),
        ['OCI-LENGTH'],
      );
      const { span } = diagnostics[0];
      assert.equal(text.slice(span.start, span.end), HUGE);
      shortMessages(diagnostics.map((d) => d.message));
    }
  });

  it('core: a 5 MB line of markup noise finishes with bounded problems', () => {
    for (const text of [
      '<'.repeat(FIVE_MB),
      '&'.repeat(FIVE_MB),
      `a: "${'\\'.repeat(FIVE_MB)}`,
      `command: UserDeleteRequest\nuserId: ${'- '.repeat(FIVE_MB / 2)}`,
    ]) {
      const file = text.startsWith('<') || text.startsWith('&') ? parseXml(text) : parseYaml(text);
      const diagnostics = checkFile(file, model);
      assert.ok(diagnostics.length > 0 && diagnostics.length < 2000, `${diagnostics.length} diagnostics`);
      shortMessages(diagnostics.map((d) => d.message));
    }
  });

  it('core: enormous names and values are shortened in every message that quotes them', () => {
    const big = 'x'.repeat(FIVE_MB);
    const cases = [
      parseYaml(`command: UserDeleteRequest\nuserId: a@b\n${big}: 1\n`),
      parseYaml(`command: ${big}\n`),
      parseYaml(`command: UserConsolidatedAddRequest22\ngroupProperties:\n  userLimit: 1${'0'.repeat(FIVE_MB)}\n`),
      parseYaml(`command: UserConsolidatedAddRequest22\nphoneNumber: ${big}\nalias: [${big}]\n`),
      parseXml(`<command xsi:type="UserDeleteRequest" xmlns=""><userId>a@b</userId><${big}/></command>`),
      parseXml(
        `<BroadsoftDocument protocol="${big}" xmlns="C"><sessionId xmlns="">s</sessionId><command xsi:type="UserDeleteRequest" xmlns=""><userId>a@b</userId></command></BroadsoftDocument>`,
      ),
    ];
    for (const file of cases) {
      const diagnostics = checkFile(file, model);
      assert.ok(diagnostics.length > 0);
      shortMessages(diagnostics.map((d) => d.message));
    }
  });

  it('core: 5 MB of nested YAML flow brackets finish in bounded memory with a clear message', { timeout: 120_000 }, () => {
    const file = join(dir, 'brackets.ocip.yaml');
    writeFileSync(file, `command: UserDeleteRequest\nuserId: [${'['.repeat(FIVE_MB)}`);
    // In a child with a 512 MB heap, so an unbounded parse fails this test instead of killing the runner.
    const r = spawnSync(process.execPath, ['--max-old-space-size=512', join(REPO, 'bin', 'ocip.js'), 'validate', file], {
      encoding: 'utf8',
      timeout: 30_000,
      maxBuffer: 64 << 20,
    });
    assert.equal(r.status, 1, r.stderr.slice(0, 500));
    assert.doesNotMatch(r.stdout, /Maximum call stack/);
    assert.match(r.stdout, /OCI-YAML-TOO-DEEP/);
  });

  it('ocip validate: the 5 MB files give a short report with the position', { timeout: 120_000 }, () => {
    const yamlFile = join(dir, 'huge.ocip.yaml');
    const xmlFile = join(dir, 'huge.ocip.xml');
    writeFileSync(yamlFile, hugeYaml);
    writeFileSync(xmlFile, hugeXml);
    const r = ocip('validate', yamlFile, xmlFile);
    assert.equal(r.status, 1, r.stderr);
    assert.match(r.stdout, /huge\.ocip\.yaml:2:9: error OCI-LENGTH/);
    assert.match(r.stdout, /huge\.ocip\.xml:1:56: error OCI-LENGTH/);
    assert.ok(r.stdout.length < 10_000, `${r.stdout.length} characters of output`);
  });

  describe('language server', () => {
    let client: LspTestClient;
    before(async () => {
      client = new LspTestClient({ settings: { diagnostics: { debounceMs: 0 } } });
      await client.initialize();
    });
    after(() => client.shutdown());

    it('opens the 5 MB files and publishes OCI-LENGTH at the value', { timeout: 120_000 }, async () => {
      for (const [uri, languageId, text, character] of [
        ['file:///huge/a.ocip.yaml', 'ocip-yaml', hugeYaml, 8],
        ['file:///huge/b.ocip.xml', 'ocip-xml', hugeXml, 55],
      ] as const) {
        client.open(uri, languageId, text);
        const diagnostics = await client.diagnosticsFor(uri, 1);
        assert.deepEqual(
          diagnostics.map((d) => [d.code, d.range.start.character, d.range.end.character]),
          [['OCI-LENGTH', character, character + FIVE_MB]],
        );
        shortMessages(diagnostics.map((d) => d.message));
      }
    });
  });
});
