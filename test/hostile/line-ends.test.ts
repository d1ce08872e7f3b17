/**
 * YAML with CR-only and mixed CR / CRLF / LF line ends gets the same diagnostics at the same positions as with LF,
 * on both YAML paths (the fast path and the `yaml` package path: anchors, block and multi-line scalars, syntax
 * errors), from the core, `ocip validate` and the language server. Before, a CR-only file was one long line of
 * syntax errors.
 */
import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DocumentAnalyzer } from '../../core/analysis/analyzer';
import { builtinModel } from '../../core/model';
import { DEFAULT_CHECK_OPTIONS } from '../../core/checks/types';
import { LineIndex } from '../../core/text/line-index';
import { LspTestClient, REPO } from '../helpers/lsp-client';

const SAMPLES: Record<string, string> = {
  'fast path': 'command: UserDeleteRequest\nuserId: a@b.c\nfoo: 1\n---\ncommand: UserDeleteRequest\nuserId: nodomain\nbar: 2\n',
  'anchors and aliases (yaml package)': 'command: UserDeleteRequest\nuserId: &x a\nbar: *x\n',
  'block and multi-line scalars':
    'command: UserConsolidatedAddRequest22\nuserId: u@example.com\nlastName: |\n  two\n  lines\nfirstName: "quoted\n  on two lines"\ncallingLineIdLastName: >-\n  folded\n  text\ncallingLineIdFirstName: F\n',
  'syntax errors':
    'command: UserDeleteRequest\nuserId: [a, b\n  c: d\n---\n- x\n- y\n---\ncommand: UserDeleteRequest\nuserId: "unterminated\n',
  'lists and comments':
    '# head\ncommand: UserConsolidatedAddRequest22 # trailing\nuserId: u@example.com\nalias:\n  - one\n  - two@x.y\n  - three\n  - four\n\n\n',
};

/** Seeded choice of a line end per line: the same file every run. */
function mixed(text: string, seed: number): string {
  let s = seed;
  return text.replace(/\n/g, () => {
    s = (s * 1103515245 + 12345) & 0x7fffffff;
    return ['\n', '\r\n', '\r'][s % 3];
  });
}

function variants(text: string): [string, string][] {
  return [
    ['CR', text.replace(/\n/g, '\r')],
    ['CRLF', text.replace(/\n/g, '\r\n')],
    ...[1, 2, 3, 4].map((seed): [string, string] => [`mixed #${seed}`, mixed(text, seed)]),
  ];
}

const normal = (s: string) => s.replace(/\r\n?/g, '\n');
function diagnostics(text: string) {
  const lines = new LineIndex(text);
  return new DocumentAnalyzer('yaml', builtinModel(), DEFAULT_CHECK_OPTIONS).analyze(text).diagnostics.map((d) => ({
    code: d.code,
    message: normal(d.message),
    start: lines.positionAt(d.span.start),
    end: lines.positionAt(d.span.end),
  }));
}

describe('YAML line ends', () => {
  for (const [name, lf] of Object.entries(SAMPLES)) {
    const expected = diagnostics(lf);
    for (const [kind, text] of variants(lf)) {
      it(`${name}, ${kind}: the LF file's diagnostics at the same positions`, () => {
        assert.deepEqual(diagnostics(text), expected);
      });
    }
  }

  it('the fast path sample has diagnostics to compare (the comparison is not vacuous)', () => {
    assert.ok(diagnostics(SAMPLES['fast path']).length >= 2);
    assert.ok(diagnostics(SAMPLES['syntax errors']).some((d) => d.code === 'OCI-YAML-SYNTAX'));
  });

  const dir = mkdtempSync(join(tmpdir(), 'ocip-line-ends-'));
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('ocip validate: a CR-only file reports what the LF file reports, at the same lines and columns', () => {
    const run = (name: string, text: string) => {
      writeFileSync(join(dir, name), text);
      return spawnSync(process.execPath, [join(REPO, 'bin', 'ocip.js'), 'validate', name], { encoding: 'utf8', cwd: dir, timeout: 30_000 })
        .stdout;
    };
    const lf = run('a.ocip.yaml', SAMPLES['fast path']);
    assert.match(lf, /a\.ocip\.yaml:3:1: error OCI-UNKNOWN-ELEMENT/);
    assert.equal(run('a.ocip.yaml', SAMPLES['fast path'].replace(/\n/g, '\r')), lf);
  });

  it('the language server: the same diagnostic ranges for CR-only and mixed line ends', { timeout: 60_000 }, async () => {
    const client = new LspTestClient({ settings: { diagnostics: { debounceMs: 0 } } });
    try {
      await client.initialize();
      const publish = async (uri: string, text: string) => {
        client.open(uri, 'ocip-yaml', text);
        return (await client.diagnosticsFor(uri, 1)).map((d) => ({ code: d.code, range: d.range }));
      };
      const text = `${SAMPLES['fast path']}---\n${SAMPLES['anchors and aliases (yaml package)']}`;
      const lf = await publish('file:///w/lf.ocip.yaml', text);
      assert.ok(lf.length >= 3);
      assert.deepEqual(await publish('file:///w/cr.ocip.yaml', text.replace(/\n/g, '\r')), lf);
      assert.deepEqual(await publish('file:///w/mixed.ocip.yaml', mixed(text, 7)), lf);
    } finally {
      await client.shutdown();
    }
  });
});
