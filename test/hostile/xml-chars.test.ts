/**
 * Characters outside XML 1.0's Char (NUL, other C0 controls, U+FFFE, U+FFFF, lone surrogates) in an XML file:
 * BroadWorks' parser refuses them, so they are errors with their position, from the editor's XML front end
 * (core/syntax), the strict reader (core/xml), `ocip validate` and the language server. Before, none was reported.
 */
import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseXml } from '../../core/syntax';
import { parseXmlTree, XmlError } from '../../core/xml';
import { LspTestClient, REPO } from '../helpers/lsp-client';

const command = (userId: string) => `<command xsi:type="UserDeleteRequest" xmlns=""><userId>${userId}</userId></command>\n`;
const BAD = ['\u0000', '\u0001', '\u001f', '\uFFFE', '\uFFFF', '\uD800'];
const dir = mkdtempSync(join(tmpdir(), 'ocip-xml-chars-'));
after(() => rmSync(dir, { recursive: true, force: true }));

describe('characters XML does not allow', () => {
  for (const bad of BAD) {
    const name = [...bad].map((c) => `U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`).join(' ');
    it(`${name}: an OCI-XML-SYNTAX error at the character (editor front end)`, () => {
      const text = command(`a${bad}b@c.d`);
      const at = text.indexOf(bad.at(-1)!);
      const problems = parseXml(text).problems.filter((p) => /is not allowed in XML/.test(p.message));
      assert.equal(problems.length, 1, JSON.stringify(parseXml(text).problems));
      assert.equal(problems[0].code, 'OCI-XML-SYNTAX');
      assert.deepEqual(problems[0].span, { start: at, end: at + 1 });
    });
    it(`${name}: refused by the strict reader with its line and column`, () => {
      const text = `<a>\n  <b>x${bad}</b></a>`;
      assert.throws(
        () => parseXmlTree(text),
        (e: unknown) => e instanceof XmlError && e.line === 2 && e.column === 7 && /is not allowed in XML/.test(e.message),
      );
    });
  }

  it('allowed characters stay allowed: tab, CR, LF, U+FFFD, U+FEFF, a surrogate pair', () => {
    const text = command('a\t\r\n\uFFFD\uFEFF\u{1F600}b@c.d');
    assert.deepEqual(
      parseXml(text).problems.filter((p) => /is not allowed in XML/.test(p.message)),
      [],
    );
    assert.doesNotThrow(() => parseXmlTree('<a>\t\r\n\uFFFD\u{1F600}</a>'));
  });

  it('ocip validate reports a NUL with its line and column', () => {
    const file = join(dir, 'nul.ocip.xml');
    writeFileSync(file, `<?xml version="1.0" encoding="UTF-8"?>\n${command('a\u0000b@c.d')}`);
    const r = spawnSync(process.execPath, [join(REPO, 'bin', 'ocip.js'), 'validate', file], { encoding: 'utf8', timeout: 30_000 });
    assert.equal(r.status, 1);
    assert.match(r.stdout, /nul\.ocip\.xml:2:57: error OCI-XML-SYNTAX The character U\+0000 is not allowed in XML/);
  });

  it('the language server publishes the error', { timeout: 60_000 }, async () => {
    const client = new LspTestClient({ settings: { diagnostics: { debounceMs: 0 } } });
    try {
      await client.initialize();
      const uri = 'file:///w/nul.ocip.xml';
      client.open(uri, 'ocip-xml', command('a\u0000b@c.d'));
      const diags = await client.diagnosticsFor(uri, 1);
      const nul = diags.find((d) => /U\+0000 is not allowed/.test(d.message));
      assert.ok(nul, JSON.stringify(diags));
      assert.deepEqual(nul.range, { start: { line: 0, character: 56 }, end: { line: 0, character: 57 } });
    } finally {
      await client.shutdown();
    }
  });
});
