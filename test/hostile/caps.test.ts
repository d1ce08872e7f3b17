/**
 * What one document can produce is capped: a command with thousands of list items, one mistake each, gets the
 * first LSP_LIMITS.diagnosticsPerDocument / CLI_LIMITS.diagnosticsPerFile diagnostics plus one OCI-MORE-PROBLEMS
 * counting the rest. Before: a million such items published 999,998 diagnostics (2.2 GB) and printed 400 MB.
 */
import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CLI_LIMITS, LSP_LIMITS } from '../../core/limits';
import { LspTestClient, REPO } from '../helpers/lsp-client';
import { DocumentAnalyzer } from '../../core/analysis/analyzer';
import { builtinModel } from '../../core/model';
import { DEFAULT_CHECK_OPTIONS } from '../../core/checks/types';

const ITEMS = 3000;
// Each item is a malformed alias (a warning) and, past the third, one too many (an error).
const text = `command: UserConsolidatedAddRequest22\nuserId: u@example.com\nlastName: L\nfirstName: F\ncallingLineIdLastName: L\ncallingLineIdFirstName: F\npassword: Abcdef12!x\nalias:\n${Array.from({ length: ITEMS }, (_, i) => `  - not-an-alias-${i}\n`).join('')}`;
// Every diagnostic of the file, uncapped, straight from the core.
const all = new DocumentAnalyzer('yaml', builtinModel(), DEFAULT_CHECK_OPTIONS).analyze(text).diagnostics;
const count = (severity: string) => all.filter((d) => d.severity === severity).length;
const dir = mkdtempSync(join(tmpdir(), 'ocip-caps-'));
after(() => rmSync(dir, { recursive: true, force: true }));

describe('diagnostics per file are capped', () => {
  it('ocip validate lists the first ones, then one summary; the totals count everything', { timeout: 120_000 }, () => {
    const file = join(dir, 'many.ocip.yaml');
    writeFileSync(file, text);
    const r = spawnSync(process.execPath, [join(REPO, 'bin', 'ocip.js'), 'validate', file], {
      encoding: 'utf8',
      timeout: 60_000,
      maxBuffer: 64 << 20,
    });
    assert.equal(r.status, 1);
    const lines = r.stdout.trimEnd().split('\n');
    assert.equal(lines.length, CLI_LIMITS.diagnosticsPerFile + 2, 'the listed diagnostics, the summary diagnostic, the totals line');
    const summary = lines.at(-2)!;
    assert.match(
      summary,
      /error OCI-MORE-PROBLEMS (\d+) more problems \((\d+) errors\) from here on are not listed: at most 1000 are listed per file/,
    );
    const [, more] = /OCI-MORE-PROBLEMS (\d+)/.exec(summary)!;
    assert.ok(all.length > 2 * CLI_LIMITS.diagnosticsPerFile);
    assert.equal(Number(more) + CLI_LIMITS.diagnosticsPerFile, all.length);
    assert.equal(lines.at(-1), `1 file checked: ${count('error')} errors, ${count('warning')} warnings.`);
  });

  it('the language server publishes the first ones and one summary', { timeout: 120_000 }, async () => {
    const client = new LspTestClient({ settings: { diagnostics: { debounceMs: 0 } } });
    try {
      await client.initialize();
      const uri = 'file:///w/many.ocip.yaml';
      client.open(uri, 'ocip-yaml', text);
      const diags = await client.diagnosticsFor(uri, 1);
      assert.equal(diags.length, LSP_LIMITS.diagnosticsPerDocument + 1);
      const last = diags.at(-1)!;
      assert.equal(last.code, 'OCI-MORE-PROBLEMS');
      assert.equal(last.severity, 1);
      assert.match(last.message, new RegExp(`^${all.length - LSP_LIMITS.diagnosticsPerDocument} more problems`));
      // At the first problem left out, after every listed one.
      assert.ok(diags.slice(0, -1).every((d) => d.range.start.line <= last.range.start.line));
    } finally {
      await client.shutdown();
    }
  });
});
