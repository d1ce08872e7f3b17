/** textDocument/formatting over stdio: schema order at every level, comments kept, refusal on syntax errors, idempotence. */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { TextEdit } from 'vscode-languageserver-protocol';
import { LspTestClient } from '../helpers/lsp-client';

const YAML_IN = `# Header
command: UserConsolidatedAddRequest22
lastName: Doe   # trailing
# before userId
userId: "u1"
alias: [a, b]
weird: 1
department:
  # dept comment
  name: x
  xsi:type: GroupDepartmentKey
  groupId: g
userService:
  - authorizedQuantity: {quantity: 3}
    userServiceName: X
groupId: g
serviceProviderId: s
---
command: UserDeleteRequest
userId: 'x'
`;

const YAML_OUT = `# Header
command: UserConsolidatedAddRequest22
serviceProviderId: s
groupId: g
# before userId
userId: "u1"
lastName: Doe # trailing
department:
  xsi:type: GroupDepartmentKey
  groupId: g
  # dept comment
  name: x
alias: [a, b]
userService:
  - userServiceName: X
    authorizedQuantity: {quantity: 3}
weird: 1
---
command: UserDeleteRequest
userId: 'x'
`;

const XML_IN = `<?xml version="1.0" encoding="UTF-8"?>
<!-- top -->
<BroadsoftDocument protocol="OCI" xmlns="C" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<sessionId xmlns="">s</sessionId>
<command xsi:type="UserConsolidatedAddRequest22"   xmlns="">
  <lastName>D &amp; o</lastName>
  <!-- the user -->
  <userId>u</userId><unknown a='1'/>
      <department xsi:type="GroupDepartmentKey"><name>n</name><groupId>g</groupId></department>
  <groupId>g</groupId>
  <serviceProviderId>s</serviceProviderId>
  <alias>b@x</alias>
  <alias>a@x</alias>
  <firstName><![CDATA[<J>]]></firstName>
  <!-- trailing -->
</command>
</BroadsoftDocument>`;

const XML_OUT = `<?xml version="1.0" encoding="UTF-8"?>
<!-- top -->
<BroadsoftDocument protocol="OCI" xmlns="C" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
  <sessionId xmlns="">s</sessionId>
  <command xsi:type="UserConsolidatedAddRequest22" xmlns="">
    <serviceProviderId>s</serviceProviderId>
    <groupId>g</groupId>
    <!-- the user -->
    <userId>u</userId>
    <lastName>D &amp; o</lastName>
    <firstName><![CDATA[<J>]]></firstName>
    <department xsi:type="GroupDepartmentKey">
      <groupId>g</groupId>
      <name>n</name>
    </department>
    <alias>b@x</alias>
    <alias>a@x</alias>
    <unknown a='1'/>
    <!-- trailing -->
  </command>
</BroadsoftDocument>
`;

describe('document formatting over stdio', () => {
  let client: LspTestClient;
  before(async () => {
    client = new LspTestClient({ settings: { diagnostics: { debounceMs: 0 } } });
    const init = (await client.initialize()) as { capabilities: Record<string, unknown> };
    assert.equal(init.capabilities.documentFormattingProvider, true);
  });
  after(() => client.shutdown());

  const format = (uri: string) =>
    client.request<TextEdit[]>('textDocument/formatting', { textDocument: { uri }, options: { tabSize: 2, insertSpaces: true } });

  /** Formats, applies the (whole-document) edit, formats again: the second round must be a no-op. */
  async function formatTwice(uri: string, language: string, text: string): Promise<string> {
    client.open(uri, language, text);
    const edits = await format(uri);
    assert.equal(edits.length, 1);
    assert.deepEqual(edits[0].range.start, { line: 0, character: 0 });
    const lines = text.split('\n');
    assert.deepEqual(edits[0].range.end, { line: lines.length - 1, character: lines[lines.length - 1].length });
    client.change(uri, [{ text: edits[0].newText }]);
    assert.deepEqual(await format(uri), [], 'formatting twice is a no-op');
    return edits[0].newText;
  }

  it('YAML: keys in schema order at every level, comments travel with their keys, unknown keys last', async () => {
    assert.equal(await formatTwice('file:///w/f.ocip.yaml', 'ocip-yaml', YAML_IN), YAML_OUT);
  });

  it('XML: elements in schema order, 2-space indentation, comments, entities and CDATA kept, repeated elements keep their order', async () => {
    assert.equal(await formatTwice('file:///w/f.ocip.xml', 'ocip-xml', XML_IN), XML_OUT);
  });

  it('refuses files with syntax errors (no edits)', async () => {
    client.open('file:///w/bad.ocip.yaml', 'ocip-yaml', YAML_IN.replace("userId: 'x'", "userId: ['x'"));
    assert.deepEqual(await format('file:///w/bad.ocip.yaml'), []);
    client.open('file:///w/bad.ocip.xml', 'ocip-xml', XML_IN.replace('<groupId>g</groupId>\n', '<groupId>g</group>\n'));
    assert.deepEqual(await format('file:///w/bad.ocip.xml'), []);
  });

  it('a formatted file gets no edits', async () => {
    client.open('file:///w/done.ocip.yaml', 'ocip-yaml', YAML_OUT);
    assert.deepEqual(await format('file:///w/done.ocip.yaml'), []);
    client.open('file:///w/done.ocip.xml', 'ocip-xml', XML_OUT);
    assert.deepEqual(await format('file:///w/done.ocip.xml'), []);
  });
});
