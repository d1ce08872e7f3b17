/**
 * An alias bomb by size: a 240 KB YAML file with 20,000 aliases of one 100 KB scalar expands to 2 GB of text.
 * Before: `ocip validate` ran past 60 s, `ocip convert` failed after seconds with "Invalid string length" (an
 * internal error), and the language server's hovers waited. Now expansion is bounded by the characters it
 * copies (ALIAS_LIMITS.expandedChars): one clear OCI-YAML-ALIAS error, and conversions refuse with it.
 */
import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseYaml } from '../../core/syntax';
import { LspTestClient, REPO } from '../helpers/lsp-client';

const BOMB = `command: UserConsolidatedAddRequest22\nuserId: &a ${'x'.repeat(100_000)}\nalias:\n${'  - *a\n'.repeat(20_000)}`;
const FLOW_BOMB = `command: UserConsolidatedAddRequest22\nuserId: u@x\naddress: &m {addressLine1: "${'y'.repeat(100_000)}"}\ncontact: [${Array(20_000).fill('*m').join(', ')}]\n`;
const dir = mkdtempSync(join(tmpdir(), 'ocip-alias-'));
after(() => rmSync(dir, { recursive: true, force: true }));
const ocip = (...args: string[]) =>
  spawnSync(process.execPath, [join(REPO, 'bin', 'ocip.js'), ...args], { encoding: 'utf8', timeout: 30_000, maxBuffer: 256 << 20 });
const LIMIT = /Aliases expand to more than 4 MiB of text; the rest is not read/;

describe('aliases bounded by the size they expand to', () => {
  it('20,000 aliases of a 100 KB scalar: one OCI-YAML-ALIAS error at the first alias past the limit', () => {
    const problems = parseYaml(BOMB).problems.filter((p) => p.code === 'OCI-YAML-ALIAS');
    assert.equal(problems.length, 1);
    assert.match(problems[0].message, LIMIT);
    // 4 MiB of 100,000-character copies: the 42nd alias is the first past the limit.
    const line = BOMB.slice(0, problems[0].span.start).split('\n').length;
    assert.equal(line, 3 + 42);
  });

  it('aliases of a large mapping are counted by its size too', () => {
    const problems = parseYaml(FLOW_BOMB).problems.filter((p) => p.code === 'OCI-YAML-ALIAS');
    assert.equal(problems.length, 1);
    assert.match(problems[0].message, LIMIT);
  });

  it('ocip validate reports it and finishes; ocip convert refuses clearly', { timeout: 120_000 }, () => {
    const file = join(dir, 'bomb.ocip.yaml');
    writeFileSync(file, BOMB);
    const v = ocip('validate', file);
    assert.equal(v.error, undefined, 'validate must finish');
    assert.equal(v.status, 1);
    assert.match(v.stdout, /bomb\.ocip\.yaml:45:5: error OCI-YAML-ALIAS Aliases expand to more than 4 MiB of text/);
    const c = ocip('convert', '--to', 'xml', file);
    assert.equal(c.error, undefined, 'convert must finish');
    assert.equal(c.status, 1);
    assert.doesNotMatch(c.stderr, /Invalid string length/);
    assert.match(
      c.stderr,
      /line 45, column 5: Aliases expand to more than 4 MiB of text; the rest is not read\. Fix the syntax errors first\./,
    );
  });

  it('the language server: diagnostics, ocip/convert and preview refuse clearly, hover answers', { timeout: 120_000 }, async () => {
    const client = new LspTestClient({ settings: { diagnostics: { debounceMs: 0 } } });
    try {
      await client.initialize();
      const uri = 'file:///w/bomb.ocip.yaml';
      client.open(uri, 'ocip-yaml', BOMB);
      const diags = await client.diagnosticsFor(uri, 1);
      assert.ok(diags.some((d) => d.code === 'OCI-YAML-ALIAS' && LIMIT.test(d.message)));
      const hover = await client.request<{ contents: unknown } | null>('textDocument/hover', {
        textDocument: { uri },
        position: { line: 0, character: 3 },
      });
      assert.ok(hover);
      const converted = await client.request<{ error?: string }>('ocip/convert', { uri, to: 'xml' });
      assert.match(converted.error ?? '', LIMIT);
      const preview = await client.request<{ error?: string }>('ocip/previewRequest', { uri });
      assert.match(preview.error ?? '', LIMIT);
    } finally {
      await client.shutdown();
    }
  });
});
