/**
 * Progressive diagnostics over stdio: a file of PROGRESSIVE_MIN_UNITS documents or more may get publications of the
 * diagnostics found so far while its first validation runs; each is part of the final list, and the last one of the
 * version is complete. Smaller files get one publication per version, complete from the first.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { DiagnosticSeverity, type PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import { LspTestClient } from '../helpers/lsp-client';
import { PROGRESSIVE_MIN_UNITS } from '../../server/validation';
import { LSP_LIMITS } from '../../core/limits';

/** `count` UserDeleteRequest documents; every `every`-th has an unknown element. */
function file(count: number, every: number): { text: string; mistakes: number } {
  const docs: string[] = [];
  let mistakes = 0;
  for (let i = 0; i < count; i++) {
    const wrong = i % every === every - 1;
    if (wrong) mistakes++;
    docs.push(`command: UserDeleteRequest\nuserId: user${i}@acme.example\n${wrong ? `userid: again${i}\n` : ''}`);
  }
  return { text: docs.join('---\n'), mistakes };
}

const key = (d: PublishDiagnosticsParams['diagnostics'][number]) => JSON.stringify([d.code, d.range, d.message]);

describe('progressive diagnostics of large files', () => {
  let client: LspTestClient;
  before(async () => {
    client = new LspTestClient({ settings: { diagnostics: { debounceMs: 0 } } });
    await client.initialize();
  });
  after(() => client.shutdown());

  it('a large file: every publication of the version is part of the complete last one', { timeout: 300_000 }, async () => {
    const uri = 'file:///w/large.ocip.yaml';
    const { text, mistakes } = file(PROGRESSIVE_MIN_UNITS, 500);
    const seen: PublishDiagnosticsParams[] = [];
    const done = client.waitForDiagnostics(
      uri,
      (p) => {
        if (p.version === 1) seen.push(p);
        return p.version === 1 && p.diagnostics.length === mistakes;
      },
      280_000,
    );
    client.open(uri, 'ocip-yaml', text);
    const final = await done;
    assert.ok(
      final.diagnostics.every((d) => d.code === 'OCI-UNKNOWN-ELEMENT' && /Did you mean `userId`\?/.test(d.message)),
      JSON.stringify(final.diagnostics[0]),
    );
    const all = new Set(final.diagnostics.map(key));
    for (const p of seen) for (const d of p.diagnostics) assert.ok(all.has(key(d)), `partial diagnostic not in the final list: ${key(d)}`);
    // The counts never go down: each publication extends the one before.
    for (let i = 1; i < seen.length; i++) assert.ok(seen[i].diagnostics.length >= seen[i - 1].diagnostics.length);
  });

  it(
    'every publication, progressive ones too, has the configured severities and at most the per-document limit',
    { timeout: 300_000 },
    async () => {
      const severe = new LspTestClient({ settings: { diagnostics: { debounceMs: 0, severity: { 'OCI-UNKNOWN-ELEMENT': 'warning' } } } });
      await severe.initialize();
      try {
        const uri = 'file:///w/many-mistakes.ocip.yaml';
        const { text, mistakes } = file(PROGRESSIVE_MIN_UNITS, 10);
        const limit = LSP_LIMITS.diagnosticsPerDocument;
        assert.ok(mistakes > limit);
        const seen: PublishDiagnosticsParams[] = [];
        const summary = `${mistakes - limit} more problems (0 errors)`;
        const done = severe.waitForDiagnostics(
          uri,
          (p) => {
            if (p.version === 1) seen.push(p);
            return p.version === 1 && p.diagnostics.length === limit + 1 && p.diagnostics[limit].message.startsWith(summary);
          },
          280_000,
        );
        severe.open(uri, 'ocip-yaml', text);
        await done;
        for (const p of seen) {
          assert.ok(p.diagnostics.length <= limit + 1, `a publication of ${p.diagnostics.length} diagnostics`);
          assert.ok(
            p.diagnostics.every((d) => d.severity === DiagnosticSeverity.Warning),
            `a publication (${p.diagnostics.length} diagnostics) without the configured severity`,
          );
        }
      } finally {
        await severe.shutdown();
      }
    },
  );

  it('a smaller file: the first publication of the version is the complete one', { timeout: 120_000 }, async () => {
    const uri = 'file:///w/small.ocip.yaml';
    const { text, mistakes } = file(2000, 100);
    client.open(uri, 'ocip-yaml', text);
    const first = await client.waitForDiagnostics(uri, (p) => p.version === 1, 110_000);
    assert.equal(first.diagnostics.length, mistakes);
  });
});
