/**
 * Native conventions of the language server, over stdio: every diagnostic links to its row in docs/rules.md,
 * ocip.diagnostics.severity overrides a rule's severity (or hides it), and the server logs what it does.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { LspTestClient, REPO } from '../helpers/lsp-client';
import { UCA_YAML } from '../helpers/uca22';

/** UCA_YAML lacks lastName (OCI-MISSING, an error) and has a misspelt element (OCI-UNKNOWN-ELEMENT, an error). */
const TEXT = UCA_YAML + 'frstName: Jon\n';

describe('language server: rule links, severity overrides, logs', () => {
  let client: LspTestClient;
  before(async () => {
    client = new LspTestClient({ settings: { diagnostics: { debounceMs: 0 } } });
    await client.initialize();
  });
  after(() => client.shutdown());

  it('gives every diagnostic a codeDescription that points at an anchor docs/rules.md really has', async () => {
    const uri = 'file:///w/links.ocip.yaml';
    client.open(uri, 'ocip-yaml', TEXT + '---\ncommand: NoSuchRequest\n---\n[a\n');
    const diags = await client.diagnosticsFor(uri, 1);
    const codes = new Set(diags.map((d) => d.code));
    for (const c of ['OCI-MISSING', 'OCI-UNKNOWN-ELEMENT', 'OCI-UNKNOWN-COMMAND']) assert.ok(codes.has(c), `${c} in ${[...codes]}`);
    const doc = readFileSync(join(REPO, 'docs', 'rules.md'), 'utf8');
    for (const d of diags) {
      const href = d.codeDescription?.href;
      assert.ok(href, `${d.code} has no codeDescription`);
      const [page, anchor] = href.split('#');
      assert.equal(page, 'https://github.com/ocip-tools/ocip-vscode/blob/main/docs/rules.md');
      assert.ok(doc.includes(`<a id="${anchor}"></a>\`${d.code}\``), `docs/rules.md has no anchor ${anchor} for ${d.code}`);
    }
  });

  it('applies ocip.diagnostics.severity: a rule turned into a hint, another turned off, the rest unchanged', async () => {
    const uri = 'file:///w/severity.ocip.yaml';
    client.changeSettings({ diagnostics: { debounceMs: 0, severity: { 'OCI-MISSING': 'hint', 'oci-unknown-element': 'Off' } } });
    client.open(uri, 'ocip-yaml', TEXT);
    const diags = (await client.waitForDiagnostics(uri, (p) => p.diagnostics.some((d) => d.code === 'OCI-MISSING' && d.severity === 4)))
      .diagnostics;
    assert.equal(diags.filter((d) => d.code === 'OCI-UNKNOWN-ELEMENT').length, 0, JSON.stringify(diags));
    assert.ok(
      diags.every((d) => d.severity !== 1),
      JSON.stringify(diags),
    );

    // Back to the defaults: both are errors again, on the same open document.
    client.changeSettings({ diagnostics: { debounceMs: 0 } });
    const back = (await client.waitForDiagnostics(uri, (p) => p.diagnostics.some((d) => d.code === 'OCI-UNKNOWN-ELEMENT'))).diagnostics;
    assert.equal(back.find((d) => d.code === 'OCI-MISSING')?.severity, 1);
    assert.equal(back.find((d) => d.code === 'OCI-UNKNOWN-ELEMENT')?.severity, 1);
  });

  it('does not offer to fix, in "fix all", a rule the user turned off', async () => {
    const uri = 'file:///w/fixall.ocip.yaml';
    client.changeSettings({ diagnostics: { debounceMs: 0, severity: { 'OCI-UNKNOWN-ELEMENT': 'off' } } });
    client.open(uri, 'ocip-yaml', 'command: UserDeleteRequest\nuserIdd: a@b\n');
    await client.waitForDiagnostics(uri, (p) => !p.diagnostics.some((d) => d.code === 'OCI-UNKNOWN-ELEMENT'));
    const actions = await client.request<{ title: string }[]>('textDocument/codeAction', {
      textDocument: { uri },
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      context: { diagnostics: [], only: ['source.fixAll'] },
    });
    assert.deepEqual(actions, []);
    client.changeSettings({ diagnostics: { debounceMs: 0 } });
  });

  it('logs its start and model, and a warning naming a severity entry it cannot use', async () => {
    assert.ok(
      client.logs.some((l) => l.type === 3 && /language server .* started/.test(l.message)),
      JSON.stringify(client.logs),
    );
    assert.ok(
      client.logs.some((l) => l.type === 3 && /Built-in model: \d+ request commands/.test(l.message)),
      JSON.stringify(client.logs),
    );
    const uri = 'file:///w/bad-setting.ocip.yaml';
    client.changeSettings({ diagnostics: { debounceMs: 0, severity: { 'OCI-NOPE': 'off', 'OCI-MISSING': 'loud' } } });
    client.open(uri, 'ocip-yaml', TEXT);
    const diags = await client.diagnosticsFor(uri, 1);
    assert.equal(diags.find((d) => d.code === 'OCI-MISSING')?.severity, 1, 'an unusable level keeps the default severity');
    const warnings = client.logs.filter((l) => l.type === 2).map((l) => l.message);
    assert.ok(
      warnings.some((m) => m.includes("unknown rule code 'OCI-NOPE'")),
      JSON.stringify(warnings),
    );
    assert.ok(
      warnings.some((m) => m.includes("'OCI-MISSING' must be off, hint, information, warning or error")),
      JSON.stringify(warnings),
    );
    assert.ok(client.logs.some((l) => l.type === 3 && /Settings changed: re-checking \d+ open document/.test(l.message)));
    client.changeSettings({ diagnostics: { debounceMs: 0 } });
  });

  it('logs, as an error, a schema folder it cannot use', async () => {
    const uri = 'file:///w/bad-dir.ocip.yaml';
    client.changeSettings({ diagnostics: { debounceMs: 0 }, schemaDirectory: '/nonexistent/ocip-xsd' });
    client.open(uri, 'ocip-yaml', TEXT);
    await client.diagnosticsFor(uri, 1);
    assert.ok(
      client.logs.some((l) => l.type === 1 && l.message.includes("ocip.schemaDirectory '/nonexistent/ocip-xsd' could not be used")),
      JSON.stringify(client.logs),
    );
    client.changeSettings({ diagnostics: { debounceMs: 0 } });
  });
});

describe('language server: a configuration notification that changes nothing', () => {
  let client: LspTestClient;
  before(async () => {
    client = new LspTestClient({ settings: { diagnostics: { debounceMs: 0 } } });
    await client.initialize();
  });
  after(() => client.shutdown());

  it('keeps the analyses (VS Code sends one right after start-up); a real change re-checks', async () => {
    const uri = 'file:///w/unchanged-settings.ocip.yaml';
    client.open(uri, 'ocip-yaml', TEXT);
    await client.diagnosticsFor(uri, 1);
    const rechecks = () => client.logs.filter((l) => /Settings changed: re-checking/.test(l.message)).length;
    assert.equal(rechecks(), 0);
    client.changeSettings({ diagnostics: { debounceMs: 0 } });
    client.changeSettings({ diagnostics: { debounceMs: 0, severity: { 'OCI-MISSING': 'hint' } } });
    await client.waitForDiagnostics(uri, (p) => p.diagnostics.some((d) => d.code === 'OCI-MISSING' && d.severity === 4));
    assert.equal(rechecks(), 1, JSON.stringify(client.logs.map((l) => l.message)));
  });
});
