/**
 * Entity bombs and external entities are never expanded or fetched, wherever hostile XML comes in: a file checked by
 * the core, by the language server over stdio and by `ocip validate`/`ocip convert`, and a server response read by
 * the OCI-P client. The proof for external entities is a local file with a unique marker named in a SYSTEM entity:
 * the marker appears in no output, diagnostic, parsed value, result or log line. YAML alias bombs are the YAML twin.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { builtinModel } from '../../core/model';
import { checkFile } from '../../core/checks';
import { encodeCommandXml, toYaml } from '../../core/encode';
import { parseXml, parseYaml } from '../../core/syntax';
import { OcipClient, OcipError, parseResponseDocument } from '../../core/ocip';
import { LspTestClient, REPO } from '../helpers/lsp-client';
import { cmd, fakeBroadWorks, responseDoc, scriptedServer, sessionIdOf, SUCCESS, XSI } from '../ocip/helpers';

const model = builtinModel();
const MARKER = `XXE-MARKER-${randomUUID()}`;
const dir = mkdtempSync(join(tmpdir(), 'ocip-hostile-'));
const secretFile = join(dir, 'secret.txt');
writeFileSync(secretFile, MARKER);
const secretUrl = pathToFileURL(secretFile).href;

function laughs(levels = 9): string {
  const decls = ['<!ENTITY lol "lol">'];
  for (let i = 1; i <= levels; i++) decls.push(`<!ENTITY lol${i} "${`&lol${i === 1 ? '' : i - 1};`.repeat(10)}">`);
  return decls.join('');
}

/** A request file with a billion-laughs DTD and two external entities (file URL and plain path). */
const HOSTILE_XML = `<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE BroadsoftDocument [${laughs()}<!ENTITY xxe SYSTEM "${secretUrl}"><!ENTITY xxp SYSTEM "${secretFile}"><!ENTITY % pe SYSTEM "${secretUrl}"> %pe;]>
<BroadsoftDocument protocol="OCI" xmlns="C" xmlns:xsi="${XSI}">
  <sessionId xmlns="">s1</sessionId>
  <command xsi:type="UserDeleteRequest" xmlns="">
    <userId>&xxe;&lol9;&xxp;</userId>
  </command>
</BroadsoftDocument>
`;

/** YAML's billion laughs: anchored mappings of ten aliases each, nine levels deep (10^9 leaves if expanded). */
function yamlBomb(levels = 9): string {
  const keys = (value: string) => `{${Array.from({ length: 10 }, (_, k) => `k${k}: ${value}`).join(', ')}}`;
  const lines = ['command: UserDeleteRequest', `a0: &a0 ${keys('lol')}`];
  for (let i = 1; i <= levels; i++) lines.push(`a${i}: &a${i} ${keys(`*a${i - 1}`)}`);
  lines.push(`userId: *a${levels}`);
  return lines.join('\n') + '\n';
}

const noMarker = (what: string, text: string) => assert.ok(!text.includes(MARKER), `${what} contains the secret file's marker`);

after(() => rmSync(dir, { recursive: true, force: true }));

describe('hostile XML in an edited file', () => {
  it('core: reported as OCI-XML-DTD / OCI-XML-ENTITY, nothing expanded or read, through checks, encoder and conversion', () => {
    const file = parseXml(HOSTILE_XML);
    const diagnostics = checkFile(file, model);
    const codes = new Set(diagnostics.map((d) => d.code));
    assert.ok(codes.has('OCI-XML-DTD') && codes.has('OCI-XML-ENTITY'), [...codes].join());
    const userId = file.commands[0].children[0].value!.text;
    assert.equal(userId, '&xxe;&lol9;&xxp;', 'undefined references stay literal text');
    for (const [what, text] of [
      ['tree', JSON.stringify(file)],
      ['diagnostics', JSON.stringify(diagnostics)],
      ['wire XML', encodeCommandXml(file.commands[0], model)],
      ['YAML conversion', toYaml(file, model)],
    ] as const) {
      noMarker(what, text);
      assert.ok(text.length < 50_000, `${what}: ${text.length} characters, something was expanded`);
    }
  });

  it('core: a YAML alias bomb is reported and expansion stops at the bound', () => {
    const text = yamlBomb();
    const file = parseYaml(text);
    const diagnostics = checkFile(file, model);
    assert.ok(
      diagnostics.some((d) => d.code === 'OCI-YAML-ALIAS'),
      JSON.stringify(diagnostics.map((d) => d.code)),
    );
    // Expansion stops at the documented bound (20,000 nodes), far from the 10^9 leaves of a full expansion.
    const count = (nodes: { children?: unknown[] }[]): number =>
      nodes.reduce((n, e) => n + 1 + count((e.children ?? []) as { children?: unknown[] }[]), 0);
    assert.ok(count(file.commands[0].children) <= 20_100, `${count(file.commands[0].children)} elements in the tree`);
    assert.ok(diagnostics.length < 100, `${diagnostics.length} diagnostics`);
  });

  describe('language server over stdio', () => {
    let client: LspTestClient;
    before(async () => {
      client = new LspTestClient({ settings: { diagnostics: { debounceMs: 0 } } });
      await client.initialize();
    });
    after(() => client.shutdown());

    it('XML: diagnostics name the DTD, symbols and hover carry no marker, the server keeps running', async () => {
      const uri = 'file:///hostile/xxe.ocip.xml';
      client.open(uri, 'ocip-xml', HOSTILE_XML);
      const diagnostics = await client.diagnosticsFor(uri, 1);
      const codes = diagnostics.map((d) => d.code);
      assert.ok(codes.includes('OCI-XML-DTD') && codes.includes('OCI-XML-ENTITY'), codes.join());
      const symbols = await client.request('textDocument/documentSymbol', { textDocument: { uri } });
      const line = HOSTILE_XML.split('\n').findIndex((l) => l.includes('&xxe;'));
      const hover = await client.request('textDocument/hover', { textDocument: { uri }, position: { line, character: 16 } });
      noMarker('diagnostics', JSON.stringify(diagnostics));
      noMarker('symbols', JSON.stringify(symbols));
      noMarker('hover', JSON.stringify(hover));
      noMarker('server stderr', client.stderr);
      assert.ok(JSON.stringify(diagnostics).length < 50_000);
    });

    it('YAML: an alias bomb gets OCI-YAML-ALIAS and the server answers the next request', async () => {
      const uri = 'file:///hostile/bomb.ocip.yaml';
      client.open(uri, 'ocip-yaml', yamlBomb());
      const diagnostics = await client.diagnosticsFor(uri, 1);
      assert.ok(
        diagnostics.some((d) => d.code === 'OCI-YAML-ALIAS'),
        JSON.stringify(diagnostics.map((d) => d.code)),
      );
      const symbols = await client.request<unknown[]>('textDocument/documentSymbol', { textDocument: { uri } });
      assert.ok(Array.isArray(symbols));
    });
  });

  it('ocip validate (text and json) and ocip convert: errors, no marker, bounded output', { timeout: 60_000 }, () => {
    const xmlFile = join(dir, 'xxe.ocip.xml');
    const yamlFile = join(dir, 'bomb.ocip.yaml');
    writeFileSync(xmlFile, HOSTILE_XML);
    writeFileSync(yamlFile, yamlBomb());
    const ocip = (...args: string[]) =>
      spawnSync(process.execPath, [join(REPO, 'bin', 'ocip.js'), ...args], { encoding: 'utf8', timeout: 30_000 });
    for (const format of ['text', 'json']) {
      const r = ocip('validate', '--format', format, xmlFile, yamlFile);
      assert.equal(r.status, 1, r.stderr);
      for (const code of ['OCI-XML-DTD', 'OCI-XML-ENTITY', 'OCI-YAML-ALIAS'])
        assert.ok(r.stdout.includes(code), `${format}: ${code} in\n${r.stdout}`);
      noMarker(`validate ${format} stdout`, r.stdout);
      noMarker(`validate ${format} stderr`, r.stderr);
      assert.ok(r.stdout.length < 100_000);
    }
    const converted = ocip('convert', xmlFile, '--to', 'yaml');
    assert.equal(converted.status, 1, 'a file with syntax errors is refused');
    noMarker('convert stdout', converted.stdout);
    noMarker('convert stderr', converted.stderr);
  });
});

describe('hostile XML in a server response', () => {
  it('parseResponseDocument rejects a DOCTYPE as hostile-xml, naming the position, without expanding', () => {
    const doc = `<?xml version="1.0"?><!DOCTYPE BroadsoftDocument [${laughs()}<!ENTITY xxe SYSTEM "${secretUrl}">]><BroadsoftDocument protocol="OCI" xmlns="C" xmlns:xsi="${XSI}"><sessionId xmlns="">s</sessionId><command xsi:type="c:ErrorResponse" xmlns:c="C" xmlns=""><summary>&xxe;&lol9;</summary></command></BroadsoftDocument>`;
    assert.throws(
      () => parseResponseDocument(doc),
      (e: unknown) => e instanceof OcipError && e.code === 'hostile-xml' && /line 1/.test(e.message) && !e.message.includes(MARKER),
    );
  });

  for (const where of ['login', 'command'] as const) {
    it(`over TCP, at ${where}: the client fails clearly and nothing it reports or logs holds the marker`, { timeout: 30_000 }, async () => {
      const hostile = (sid: string) =>
        `<?xml version="1.0"?><!DOCTYPE BroadsoftDocument [${laughs()}<!ENTITY xxe SYSTEM "${secretUrl}">]>` +
        responseDoc(sid, [`<command xsi:type="c:ErrorResponse" xmlns:c="C" xmlns=""><summary>&xxe;&lol9;</summary></command>`]).replace(
          /^<\?xml[^>]*\?>/,
          '',
        );
      const server = await scriptedServer(async (conn) => {
        if (where === 'login') {
          const doc = await conn.readDocument();
          if (doc) await conn.write(hostile(sessionIdOf(doc)));
          await conn.closed();
          return;
        }
        await fakeBroadWorks(conn, {
          password: 'pw-hostile',
          onDocument: async (doc) => {
            await conn.write(hostile(sessionIdOf(doc)));
            return true;
          },
        });
      });
      const log: string[] = [];
      const client = new OcipClient({
        host: '127.0.0.1',
        port: server.port,
        transport: 'tcp',
        username: 'admin',
        password: 'pw-hostile',
        timeoutMs: 5000,
        batchSize: 1,
        log: (l) => log.push(l),
      });
      try {
        await client.connect();
        if (where === 'login') {
          const err = await client.login().then(
            () => undefined,
            (e: unknown) => e,
          );
          assert.ok(err instanceof OcipError && err.code === 'hostile-xml', String(err));
          noMarker('login error', String((err as Error).message));
        } else {
          await client.login();
          const results = await client.send([
            cmd('UserDeleteRequest', '<userId>u@x</userId>'),
            cmd('UserDeleteRequest', '<userId>v@x</userId>'),
          ]);
          assert.deepEqual(
            results.map((r) => r.kind),
            ['unknown', 'not-sent'],
          );
          assert.match(results[0].summary!, /DOCTYPE or entity declaration/);
          noMarker('results', JSON.stringify(results));
        }
        noMarker('wire log', log.join('\n'));
      } finally {
        await client.close();
        await server.close();
      }
    });
  }

  it('a well-formed response around a hostile one is still read normally (control)', { timeout: 30_000 }, async () => {
    const server = await scriptedServer((conn) =>
      fakeBroadWorks(conn, {
        password: 'pw',
        onDocument: async (doc) => (await conn.write(responseDoc(sessionIdOf(doc), [SUCCESS])), true),
      }),
    );
    const client = new OcipClient({
      host: '127.0.0.1',
      port: server.port,
      transport: 'tcp',
      username: 'admin',
      password: 'pw',
      timeoutMs: 5000,
    });
    try {
      await client.connect();
      await client.login();
      assert.deepEqual(
        (await client.send([cmd('UserDeleteRequest', '<userId>u@x</userId>')])).map((r) => r.kind),
        ['success'],
      );
    } finally {
      await client.close();
      await server.close();
    }
  });
});
