/** ocip/convert and ocip/previewRequest over stdio: conversion with the document's model, exact preview, refusals. */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { LspTestClient } from '../helpers/lsp-client';
import { CONVERT_REQUEST, PREVIEW_REQUEST, type ConvertResult, type PreviewResult } from '../../core/protocol/messages';

const user = (i: number) => `command: UserConsolidatedAddRequest22
serviceProviderId: sp
groupId: g
userId: user${i}@example.com
lastName: Doe & <Sons>
firstName: Zoë
callingLineIdLastName: Doe
callingLineIdFirstName: Zoe
password: S3cret-${i}
`;

describe('conversion and preview requests over stdio', () => {
  let client: LspTestClient;
  before(async () => {
    client = new LspTestClient({ settings: { diagnostics: { debounceMs: 0 } } });
    await client.initialize();
  });
  after(() => client.shutdown());

  it('YAML → XML → YAML through the server gives the same YAML', async () => {
    const yaml = `command: UserDeleteRequest\nuserId: a@x\n---\n${user(1)}`;
    client.open('file:///w/c.ocip.yaml', 'ocip-yaml', yaml);
    const xml = await client.request<ConvertResult>(CONVERT_REQUEST, { uri: 'file:///w/c.ocip.yaml', to: 'xml' });
    assert.ok('text' in xml);
    assert.equal(xml.languageId, 'ocip-xml');
    assert.match(xml.text, /^<\?xml version="1\.0" encoding="UTF-8"\?>\n<BroadsoftDocument protocol="OCI" xmlns="C"/);
    assert.match(xml.text, /<lastName>Doe &amp; &lt;Sons&gt;<\/lastName>/);
    client.open('file:///w/c.ocip.xml', 'ocip-xml', xml.text);
    const back = await client.request<ConvertResult>(CONVERT_REQUEST, { uri: 'file:///w/c.ocip.xml', to: 'yaml' });
    assert.ok('text' in back);
    assert.equal(back.languageId, 'ocip-yaml');
    assert.equal(back.text, yaml);
  });

  it('refuses a file with syntax errors, naming the position', async () => {
    client.open('file:///w/bad.ocip.yaml', 'ocip-yaml', 'command: UserDeleteRequest\nuserId: [a\n');
    const result = await client.request<ConvertResult>(CONVERT_REQUEST, { uri: 'file:///w/bad.ocip.yaml', to: 'xml' });
    assert.ok('error' in result);
    assert.match(result.error, /^line \d+, column \d+: /);
    const preview = await client.request<PreviewResult>(PREVIEW_REQUEST, { uri: 'file:///w/bad.ocip.yaml' });
    assert.ok('error' in preview);
    const unknown = await client.request<ConvertResult>(CONVERT_REQUEST, { uri: 'file:///w/not-open.ocip.yaml', to: 'xml' });
    assert.ok('error' in unknown);
  });

  it('preview: exactly the wire XML, indented, placeholder session, passwords masked, 15 commands per document', async () => {
    const text = Array.from({ length: 16 }, (_, i) => user(i + 1)).join('---\n');
    client.open('file:///w/bulk%20users.ocip.yaml', 'ocip-yaml', text);
    const result = await client.request<PreviewResult>(PREVIEW_REQUEST, { uri: 'file:///w/bulk%20users.ocip.yaml' });
    assert.ok('text' in result);
    const preview = result.text;
    assert.doesNotMatch(preview, /S3cret/, 'no password in the preview');
    assert.equal(preview.split('<password>********</password>').length - 1, 16);
    const header = preview.slice(0, preview.indexOf('-->') + 3);
    assert.match(
      header,
      /^<!-- OCI-P request preview of bulk users\.ocip\.yaml: 16 commands in 2 BroadsoftDocuments \(at most 15 commands each/,
    );
    assert.match(header, /Passwords and other secrets are masked as \*{8}/);
    assert.match(header, /sessionId SESSION-ID is a placeholder/);
    const documents = preview.split('<?xml version="1.0" encoding="ISO-8859-1"?>\n').slice(1);
    assert.equal(documents.length, 2);
    assert.equal(documents[0].split('<command ').length - 1, 15);
    assert.equal(documents[1].split('<command ').length - 1, 1);
    assert.match(preview, /<!-- Document 2 of 2: commands 16 to 16 -->/);
    // The second document, in full: ISO-8859-1 references for non-Latin-1, escaping, schema order.
    assert.equal(
      documents[1],
      `<BroadsoftDocument protocol="OCI" xmlns="C" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
  <sessionId xmlns="">SESSION-ID</sessionId>
  <command xsi:type="UserConsolidatedAddRequest22" xmlns="">
    <serviceProviderId>sp</serviceProviderId>
    <groupId>g</groupId>
    <userId>user16@example.com</userId>
    <lastName>Doe &amp; &lt;Sons&gt;</lastName>
    <firstName>Zoë</firstName>
    <callingLineIdLastName>Doe</callingLineIdLastName>
    <callingLineIdFirstName>Zoe</callingLineIdFirstName>
    <password>********</password>
  </command>
</BroadsoftDocument>
`,
    );
  });
});
