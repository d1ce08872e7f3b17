/** Hover over LSP stdio: element names, values, xsi:type and the command, in YAML and XML. */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Hover, MarkupContent, Position } from 'vscode-languageserver-protocol';
import { LspTestClient } from '../helpers/lsp-client';
import { openDoc, positionOf, UCA_YAML, XML_HEAD, XML_TAIL } from './helpers';

const YAML = `${UCA_YAML}passcode: "1234"
groupProperties:
  defaultDomain: example.com
  userLimit: 10
userService:
  - userServiceName: Shared Call Apperance
  - userServiceName: Voice Messaging User
sharedCallAppearanceAccessDeviceEndpoint:
  useHotline: false
department:
  xsi:type: GroupDepartmentKey
  name: Sales
`;

describe('hover over stdio', () => {
  let client: LspTestClient;
  let yamlUri: string;
  before(async () => {
    client = new LspTestClient({ settings: { diagnostics: { debounceMs: 0 } } });
    await client.initialize();
    yamlUri = (await openDoc(client, 'yaml', YAML)).uri;
  });
  after(() => client.shutdown());

  async function hoverAt(uri: string, position: Position): Promise<{ text: string; range: Hover['range'] }> {
    const h = await client.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position });
    assert.ok(h, `no hover at ${JSON.stringify(position)}`);
    return { text: (h.contents as MarkupContent).value, range: h.range };
  }

  it('on passcode: type, facets, that XS data mode ignores it, and the description', async () => {
    const h = await hoverAt(yamlUri, positionOf(YAML, 'passcode', 3));
    assert.deepEqual(h.range, { start: { line: 8, character: 0 }, end: { line: 8, character: 8 } });
    assert.equal(
      h.text,
      '**passcode** · `Passcode` · optional\n\n- text, 1 to 30 characters\n\n- **XS**: Ignored in XS data mode: the server drops it. (`OCI-XS-IGNORED`)\n\nPortal passcode.',
    );
  });

  it('on groupProperties: needed when the group must be created, ignored when it exists', async () => {
    const h = await hoverAt(yamlUri, positionOf(YAML, 'groupProperties', 2));
    assert.match(h.text, /Required when the group must be created .*ignored when the group already exists/);
    assert.match(h.text, /required: `defaultDomain`, `userLimit`/);
  });

  it('on sharedCallAppearanceAccessDeviceEndpoint: the service it needs', async () => {
    const h = await hoverAt(yamlUri, positionOf(YAML, 'sharedCallAppearanceAccessDeviceEndpoint', 5));
    assert.match(h.text, /· 0\.\.35/);
    assert.match(h.text, /Needs the Shared Call Appearance service/);
  });

  it('on serviceProviderId: the choice it belongs to', async () => {
    const h = await hoverAt(yamlUri, positionOf(YAML, 'serviceProviderId', 1));
    assert.match(h.text, /^\*\*serviceProviderId\*\* · `ServiceProviderId` · required/);
    assert.match(h.text, /choice: serviceProviderId \+ groupId \| groupExternalId/);
  });

  it('on userServiceName: the enumeration, at most 10 values and the count', async () => {
    const h = await hoverAt(yamlUri, positionOf(YAML, 'userServiceName', 1));
    const line = h.text.split('\n').find((l) => l.includes('one of 212 values'))!;
    assert.ok(line, h.text);
    assert.equal(line.match(/`[^`]+`/g)!.length, 10);
    assert.ok(line.endsWith(', …'));
  });

  it('on enumeration values: valid, or the closest values', async () => {
    const bad = await hoverAt(yamlUri, positionOf(YAML, 'Apperance', 2));
    assert.match(bad.text, /`Shared Call Apperance` is not a valid UserService value\. Closest: `Shared Call Appearance`/);
    assert.deepEqual(bad.range, { start: { line: 13, character: 21 }, end: { line: 13, character: 42 } });
    const good = await hoverAt(yamlUri, positionOf(YAML, 'Voice Messaging', 3));
    assert.match(good.text, /`Voice Messaging User` is a valid UserService value \(one of 212\)/);
  });

  it('on an xsi:type value and on the command name', async () => {
    const t = await hoverAt(yamlUri, positionOf(YAML, 'GroupDepartmentKey', 4));
    assert.match(t.text, /\*\*xsi:type\*\* `GroupDepartmentKey` for `department` \(declared `DepartmentKey`\)/);
    assert.match(t.text, /Contains: `serviceProviderId`, `groupId`, `name`/);
    const c = await hoverAt(yamlUri, positionOf(YAML, 'UserConsolidatedAddRequest22', 4));
    assert.match(c.text, /^\*\*UserConsolidatedAddRequest22\*\*/);
    assert.match(c.text, /Adds a user/);
  });

  it('XML: element names and values, also after an unclosed tag', async () => {
    const xml =
      XML_HEAD +
      '    <userId>jdoe@example.com</userId>\n    <passcode>1234</passcode>\n    <accessDeviceEndpoint><accessDevice><deviceLevel>Grup</deviceLevel>\n    <useHotline>true</useHotline>\n' +
      XML_TAIL;
    const { uri } = await openDoc(client, 'xml', xml);
    const p = await hoverAt(uri, positionOf(xml, '<passcode>', 3));
    assert.deepEqual(p.range, { start: { line: 5, character: 5 }, end: { line: 5, character: 13 } });
    assert.match(p.text, /Ignored in XS data mode/);
    const v = await hoverAt(uri, positionOf(xml, 'Grup', 1));
    assert.match(v.text, /`Grup` is not a valid AccessDeviceLevel value\. Closest: `Group`/);
    const h = await hoverAt(uri, positionOf(xml, '<useHotline>', 2));
    assert.match(h.text, /\*\*useHotline\*\* · `boolean` · required/);
    assert.match(h.text, /useHotline should be false in XS data mode/);
  });
});
