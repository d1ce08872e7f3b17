/**
 * Code actions over stdio: the light bulb's request (no `only`) offers "Fix all" from the published diagnostics
 * without working out its edits; codeAction/resolve gives the same edits as asking for source.fixAll directly.
 * A request with no fixable diagnostic in it and nothing to fix in the file offers nothing.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { LspTestClient } from '../helpers/lsp-client';

interface Action {
  title: string;
  kind?: string;
  edit?: { changes: Record<string, { newText: string }[]> };
  data?: unknown;
}

describe('language server: code actions', () => {
  let client: LspTestClient;
  before(async () => {
    client = new LspTestClient({ settings: { diagnostics: { debounceMs: 0 } } });
    await client.initialize();
  });
  after(() => client.shutdown());

  const at = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

  it('offers fix-all to the light bulb without its edits, and resolves them on demand', async () => {
    const uri = 'file:///w/lazy-fix-all.ocip.yaml';
    client.open(uri, 'ocip-yaml', 'command: UserDeleteRequest\nuserIdd: a@b\n');
    await client.waitForDiagnostics(uri, (p) => p.diagnostics.some((d) => d.code === 'OCI-UNKNOWN-ELEMENT'));
    const offered = await client.request<Action[]>('textDocument/codeAction', {
      textDocument: { uri },
      range: at,
      context: { diagnostics: [] },
    });
    const fixAll = offered.find((a) => a.kind === 'source.fixAll.ocip');
    assert.ok(fixAll, JSON.stringify(offered));
    assert.equal(fixAll.edit, undefined, 'no edits computed for the light bulb');
    const resolved = await client.request<Action>('codeAction/resolve', fixAll);
    const direct = await client.request<Action[]>('textDocument/codeAction', {
      textDocument: { uri },
      range: at,
      context: { diagnostics: [], only: ['source.fixAll'] },
    });
    assert.equal(direct.length, 1);
    assert.ok(resolved.edit && resolved.edit.changes[uri].length > 0, JSON.stringify(resolved));
    assert.deepStrictEqual(resolved.edit, direct[0].edit);
  });

  it('resolves nothing for a version edited since the offer, and offers nothing in a file without fixes', async () => {
    const uri = 'file:///w/stale-fix-all.ocip.yaml';
    client.open(uri, 'ocip-yaml', 'command: UserDeleteRequest\nuserIdd: a@b\n');
    await client.waitForDiagnostics(uri, (p) => p.diagnostics.some((d) => d.code === 'OCI-UNKNOWN-ELEMENT'));
    const offered = await client.request<Action[]>('textDocument/codeAction', {
      textDocument: { uri },
      range: at,
      context: { diagnostics: [] },
    });
    const fixAll = offered.find((a) => a.kind === 'source.fixAll.ocip')!;
    const version = client.change(uri, [{ text: 'command: UserDeleteRequest\nuserId: a@b\n' }]);
    await client.waitForDiagnostics(uri, (p) => p.version === version);
    const resolved = await client.request<Action>('codeAction/resolve', fixAll);
    assert.equal(resolved.edit, undefined);
    const none = await client.request<Action[]>('textDocument/codeAction', {
      textDocument: { uri },
      range: at,
      context: { diagnostics: [] },
    });
    assert.deepStrictEqual(none, []);
  });
});
