/**
 * ocip.schemaDirectory: the server compiles a user's XSD folder and checks every command in it, with that
 * schema's own documentation in hovers; a folder that cannot be used falls back to the built-in model.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LspTestClient, REPO } from '../helpers/lsp-client';

const R25 = process.env.OCIP_SCHEMA_DIR ?? join(REPO, '..', 'shared', 'reference', 'ocip-schema-r25');

describe('ocip.schemaDirectory', () => {
  let client: LspTestClient;
  before(async () => {
    client = new LspTestClient({ settings: { diagnostics: { debounceMs: 0 } } });
    await client.initialize({ initializationOptions: { storagePath: mkdtempSync(join(tmpdir(), 'ocip-storage-')) } });
  });
  after(() => client.shutdown());

  it('a missing folder: the built-in model is used and the file is still checked', async () => {
    client.changeSettings({ schemaDirectory: join(REPO, 'no-such-schema-folder'), diagnostics: { debounceMs: 0 } });
    const uri = 'file:///w/fallback.ocip.yaml';
    client.open(uri, 'ocip-yaml', 'command: UserDeleteRequest\nuserId: a@b.c\n');
    const diags = await client.diagnosticsFor(uri, 1);
    assert.deepEqual(diags, []);
    assert.ok(
      client.messages.some((m) => /no-such-schema-folder' could not be used: .*Using the built-in R25 model/.test(m)),
      JSON.stringify(client.messages),
    );
  });

  it(
    'the R25 folder: a command outside the built-in model is checked, and hovers show the schema documentation',
    { skip: !existsSync(join(R25, 'OCISchemaAS.xsd')) && 'no R25 XSD folder' },
    async () => {
      client.changeSettings({ schemaDirectory: R25, diagnostics: { debounceMs: 0 } });
      const uri = 'file:///w/group.ocip.yaml';
      client.open(uri, 'ocip-yaml', 'command: GroupGetRequest22V5\nserviceProviderId: acme\n');
      const diags = await client.waitForDiagnostics(uri, (p) => p.diagnostics.length > 0, 60000);
      const missing = diags.diagnostics.find((d) => d.code === 'OCI-MISSING');
      assert.ok(missing, JSON.stringify(diags.diagnostics));
      assert.match(missing.message, /`groupId`/);
      const hover = await client.request<{ contents: { value: string } }>('textDocument/hover', {
        textDocument: { uri },
        position: { line: 0, character: 12 },
      });
      assert.match(hover.contents.value, /Get the profile for a group/);
    },
  );
});
