/**
 * The language server reads ocip.* settings through core's one normalizer: case-insensitive enum values, an
 * unknown administrator level taken as the LEAST privileged one (never System), bounded numbers, schema folders
 * resolved against the document's workspace folder; each unusable value is reported once, as a warning naming
 * the setting, the value and the value used instead.
 */
import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { LspTestClient } from '../helpers/lsp-client';
import { UCA_YAML as YAML } from '../helpers/uca22';

const FULL = YAML.replace('firstName: John\n', 'firstName: John\nlastName: Doe\n');
const codes = (d: { code?: unknown }[]) => d.map((x) => String(x.code));

describe('settings normalization in the language server', () => {
  const clients: LspTestClient[] = [];
  after(() => Promise.all(clients.map((c) => c.shutdown())));
  async function server(settings: Record<string, unknown>, workspaceFolders?: { uri: string; name: string }[]): Promise<LspTestClient> {
    const c = new LspTestClient({ settings: { diagnostics: { debounceMs: 0 }, ...settings } });
    clients.push(c);
    await c.initialize({ workspaceFolders });
    return c;
  }

  it('"xs" is XS and "group" is Group: a Group administrator is told only System may add users in XS mode', async () => {
    const c = await server({ dataMode: 'xs', adminLevel: 'group' });
    c.open('file:///w/a.ocip.yaml', 'ocip-yaml', FULL);
    const diags = await c.diagnosticsFor('file:///w/a.ocip.yaml', 1);
    assert.ok(codes(diags).includes('OCI-XS-SYSTEM-ONLY'), JSON.stringify(diags));
    assert.deepEqual(c.messages, [], 'a valid value in another case is no problem');
  });

  it('an unknown level is the least privileged one, reported once with the value used', async () => {
    const c = await server({ dataMode: 'XS', adminLevel: 'King' });
    c.open('file:///w/b.ocip.yaml', 'ocip-yaml', FULL);
    c.open('file:///w/c.ocip.yaml', 'ocip-yaml', FULL);
    for (const uri of ['file:///w/b.ocip.yaml', 'file:///w/c.ocip.yaml']) {
      assert.ok(codes(await c.diagnosticsFor(uri, 1)).includes('OCI-XS-SYSTEM-ONLY'), `${uri}: King is not System`);
    }
    const warnings = c.messages.filter((m) => m.includes('ocip.adminLevel'));
    assert.deepEqual(warnings, [
      'OCI-P: ocip.adminLevel: "King" is not an administrator level (System, Provisioning, Reseller, Service Provider, Group, Group Department); using Group Department (the least privileged level) instead.',
    ]);
  });

  it('an unknown data mode and an out-of-bounds delay are reported with the values used', async () => {
    const c = await server({ dataMode: 'ZS', diagnostics: { debounceMs: 1e9 } });
    c.open('file:///w/d.ocip.yaml', 'ocip-yaml', FULL);
    await c.diagnosticsFor('file:///w/d.ocip.yaml', 1);
    assert.ok(
      c.messages.includes('OCI-P: ocip.dataMode: "ZS" is not a data mode (AS or XS); using AS instead.'),
      JSON.stringify(c.messages),
    );
    assert.ok(
      c.messages.includes('OCI-P: ocip.diagnostics.debounceMs: 1000000000 is outside 0–5000; using 5000 instead.'),
      JSON.stringify(c.messages),
    );
  });

  it("a relative schema folder and ${workspaceFolder} resolve against the document's workspace folder", async () => {
    const folder = mkdtempSync(join(tmpdir(), 'ocip-ws-'));
    const ws = [{ uri: pathToFileURL(folder).href, name: 'ws' }];
    for (const value of ['schemas/r99', '${workspaceFolder}/schemas/r99']) {
      const c = await server({ schemaDirectory: value }, ws);
      const uri = pathToFileURL(join(folder, 'users.ocip.yaml')).href;
      c.open(uri, 'ocip-yaml', 'command: UserDeleteRequest\nuserId: a@b.c\n');
      await c.diagnosticsFor(uri, 1);
      const expected = `ocip.schemaDirectory '${join(folder, 'schemas', 'r99')}' could not be used`;
      assert.ok(
        c.messages.some((m) => m.startsWith(expected)),
        `${value}: ${JSON.stringify(c.messages)}`,
      );
    }
  });

  it('a workspace folder added after start-up is used for a relative schema folder (the server follows folder changes)', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'ocip-ws-added-'));
    const c = new LspTestClient({ settings: { diagnostics: { debounceMs: 0 }, schemaDirectory: 'schemas/r99' } });
    clients.push(c);
    await c.initialize({ workspaceFolders: [], workspaceFolderChanges: true });
    const uri = pathToFileURL(join(folder, 'users.ocip.yaml')).href;
    c.open(uri, 'ocip-yaml', 'command: UserDeleteRequest\nuserId: a@b.c\n');
    await c.diagnosticsFor(uri, 1);
    assert.ok(
      c.messages.some((m) => m.includes('is relative and the document is in no workspace folder')),
      JSON.stringify(c.messages),
    );
    await c.conn.sendNotification('workspace/didChangeWorkspaceFolders', {
      event: { added: [{ uri: pathToFileURL(folder).href, name: 'added' }], removed: [] },
    });
    const version = c.change(uri, [{ text: 'command: UserDeleteRequest\nuserId: b@b.c\n' }]);
    await c.diagnosticsFor(uri, version);
    const expected = `ocip.schemaDirectory '${join(folder, 'schemas', 'r99')}' could not be used`;
    assert.ok(
      c.messages.some((m) => m.startsWith(expected)),
      JSON.stringify(c.messages),
    );
  });

  it('a relative schema folder outside any workspace folder is not resolved against the working directory', async () => {
    const c = await server({ schemaDirectory: 'schemas' });
    c.open('file:///elsewhere/x.ocip.yaml', 'ocip-yaml', 'command: UserDeleteRequest\nuserId: a@b.c\n');
    assert.deepEqual(await c.diagnosticsFor('file:///elsewhere/x.ocip.yaml', 1), []);
    assert.deepEqual(c.messages, [
      'OCI-P: ocip.schemaDirectory: "schemas" is relative and the document is in no workspace folder; using the built-in model instead.',
    ]);
  });
});
