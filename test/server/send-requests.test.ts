/**
 * ocip/codeLenses and ocip/prepareSend over stdio: the extension's Send CodeLens and send preparation come from
 * the server's own analysis of the open document, under the same settings as its diagnostics (so "xs"/"group"
 * block the same send the editor flags) and for exactly the version it holds.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { LspTestClient } from '../helpers/lsp-client';
import { UCA_ALICE_YAML } from '../helpers/uca22';
import { CODE_LENS_REQUEST, PREPARE_SEND_REQUEST, type CodeLensResult, type PrepareSendResult } from '../../core/protocol/messages';

const TWO = `${UCA_ALICE_YAML}---\ncommand: UserDeleteRequest\nuserId: bob@acme.example\n`;

describe('send requests answered by the language server', () => {
  let client: LspTestClient;
  before(async () => {
    client = new LspTestClient({ settings: { diagnostics: { debounceMs: 0 } } });
    await client.initialize();
  });
  after(() => client.shutdown());

  it('ocip/codeLenses: the head line of every command, following edits', async () => {
    const uri = 'file:///w/lens.ocip.yaml';
    client.open(uri, 'ocip-yaml', TWO);
    assert.deepEqual(await client.request<CodeLensResult>(CODE_LENS_REQUEST, { uri }), { lines: [0, 10] });
    client.change(uri, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '# a comment\n\n' }]);
    assert.deepEqual(await client.request<CodeLensResult>(CODE_LENS_REQUEST, { uri }), { lines: [2, 12] });
    assert.equal(await client.request<CodeLensResult>(CODE_LENS_REQUEST, { uri: 'file:///w/not-open.ocip.yaml' }), null);
  });

  it('ocip/prepareSend: the encoded commands of the version the server holds', async () => {
    const uri = 'file:///w/prep.ocip.yaml';
    client.open(uri, 'ocip-yaml', TWO);
    const all = await client.request<PrepareSendResult>(PREPARE_SEND_REQUEST, { uri });
    assert.ok(!('error' in all));
    assert.equal(all.version, 1);
    assert.deepEqual(all.errors, []);
    assert.deepEqual(
      all.commands.map((c) => [c.index, c.type, c.userId]),
      [
        [0, 'UserConsolidatedAddRequest22', 'alice@acme.example'],
        [1, 'UserDeleteRequest', 'bob@acme.example'],
      ],
    );
    assert.match(
      all.commands[0].xml,
      /^<command xsi:type="UserConsolidatedAddRequest22" xmlns=""><serviceProviderId>acme<\/serviceProviderId>/,
    );
    const one = await client.request<PrepareSendResult>(PREPARE_SEND_REQUEST, { uri, only: [1] });
    assert.ok(!('error' in one));
    assert.deepEqual(
      one.commands.map((c) => c.index),
      [1],
    );
    const v2 = client.change(uri, [{ range: { start: { line: 12, character: 0 }, end: { line: 12, character: 0 } }, text: 'bogus: 1\n' }]);
    const broken = await client.request<PrepareSendResult>(PREPARE_SEND_REQUEST, { uri });
    assert.ok(!('error' in broken));
    assert.equal(broken.version, v2);
    assert.deepEqual(
      broken.errors.map((e) => e.code),
      ['OCI-UNKNOWN-ELEMENT'],
    );
  });

  it('ocip/prepareSend uses the settings of the diagnostics: "xs" and "group" block the send the editor flags', async () => {
    const uri = 'file:///w/xs.ocip.yaml';
    client.changeSettings({ dataMode: 'xs', adminLevel: 'group', diagnostics: { debounceMs: 0 } });
    client.open(uri, 'ocip-yaml', UCA_ALICE_YAML);
    const diags = await client.diagnosticsFor(uri, 1);
    const prepared = await client.request<PrepareSendResult>(PREPARE_SEND_REQUEST, { uri });
    assert.ok(!('error' in prepared));
    const errorCodes = diags.filter((d) => d.severity === 1).map((d) => String(d.code));
    assert.ok(errorCodes.includes('OCI-XS-SYSTEM-ONLY'), JSON.stringify(diags));
    assert.deepEqual(
      prepared.errors.map((e) => e.code),
      errorCodes,
    );
    assert.deepEqual(
      prepared.commands.map((c) => c.xml),
      [''],
      'nothing encoded while errors block the send',
    );
    client.changeSettings({ diagnostics: { debounceMs: 0 } });
  });

  it('not an OCI-P document: a clear error', async () => {
    const result = await client.request<PrepareSendResult>(PREPARE_SEND_REQUEST, { uri: 'file:///w/pom.xml' });
    assert.deepEqual(result, { error: 'This document is not an OCI-P file (.ocip.yaml, .ocip.yml or .ocip.xml).' });
  });
});
