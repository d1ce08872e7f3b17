/**
 * Issue 9, classes 8 and 9, over the language server's stdio (dist/server.js): hovers say only what the
 * documentation or the schema says, and completion in a mapping of abstract type offers xsi:type first.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { CompletionItem, CompletionList, Hover, MarkupContent, Position, TextEdit } from 'vscode-languageserver-protocol';
import { LspTestClient } from '../helpers/lsp-client';
import { cursor, openDoc, positionOf } from '../authoring/helpers';
import { UCA_ALICE_YAML } from '../helpers/uca22';
import { buildOnce } from '../helpers/ocip-cli';
import { describeElement } from '../../core/model/docs';

const YAML = `${UCA_ALICE_YAML}passcode: "1234"
mobilePhoneNumber: "5551234"
isPlace: false
groupProperties:
  defaultDomain: acme.example
  userLimit: 10
  defaultNetworkClassOfService:
    useExisting: true
  groupService:
    - groupServiceName: Hunt Group
      authorizedQuantity:
        unlimited: true
accessDeviceEndpoint:
  accessDevice: {deviceLevel: Group, deviceName: d}
  linePort: alice@acme.example
  macAddress: 001122334455
  physicalLocation: here
  useCustomUserNamePassword: false
sharedCallAppearanceAccessDeviceEndpoint:
  accessDevice: {deviceLevel: Group, deviceName: d}
  linePort: sca@acme.example
thirdPartyVoiceMailServerSelection: Group Mail Server
sipAuthenticationData:
  sipAuthenticationUserName: a
  sipAuthenticationPassword: b
`;

describe('LSP: issue 9 classes 8 and 9', () => {
  let client: LspTestClient;
  let uri: string;
  before(async () => {
    buildOnce();
    client = new LspTestClient({ settings: { diagnostics: { debounceMs: 0 } } });
    await client.initialize();
    uri = (await openDoc(client, 'yaml', YAML)).uri;
  });
  after(() => client.shutdown());

  async function hover(needle: string, nth = 0): Promise<string> {
    const position: Position = positionOf(YAML, needle, 2, nth);
    const h = await client.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position });
    assert.ok(h, `no hover on ${needle}`);
    return (h.contents as MarkupContent).value;
  }

  describe('class 8: hovers say only what the documentation or the schema says', () => {
    it('sharedCallAppearanceAccessDeviceEndpoint: the new user template counts in AS data mode', async () => {
      const text = await hover('sharedCallAppearanceAccessDeviceEndpoint');
      assert.match(
        text,
        /Shared Call Appearance service in the request's userService \/ servicePack or, in AS data mode, in the new user template/,
      );
    });
    it('the voice-mail and sipAuthenticationData prerequisites carry the AS tag', async () => {
      for (const name of ['thirdPartyVoiceMailServerSelection', 'sipAuthenticationData']) {
        const text = await hover(name);
        assert.match(text, /\*\*AS\*\*: Needs the [^\n]* service[^\n]*\(`OCI-SERVICE-REQUIRED`\)/, name);
      }
    });
    it('types built on a choice list their branches as alternatives, not both as required', async () => {
      const quantity = await hover('authorizedQuantity');
      assert.match(quantity, /required: one of `unlimited` \| `quantity`/);
      assert.doesNotMatch(quantity, /required: `unlimited`, `quantity`/);
      const ncos = await hover('defaultNetworkClassOfService');
      assert.match(ncos, /required: one of `useExisting` \| `networkClassOfServiceName`/);
    });
    it('descriptions invent nothing (mobilePhoneNumber, passcode, macAddress, isPlace, userId)', async () => {
      assert.doesNotMatch(await hover('mobilePhoneNumber'), /informational/);
      assert.doesNotMatch(await hover('passcode'), /[Nn]umeric/);
      assert.doesNotMatch(await hover('macAddress'), /hex/);
      assert.doesNotMatch(await hover('isPlace'), /meeting room/);
      const userId = await hover('userId');
      assert.doesNotMatch(userId, /system default domain is used/);
      assert.match(userId, /domain is required/);
    });
    it('every device attribute used only when the device is created says so', async () => {
      for (const name of ['macAddress', 'physicalLocation', 'useCustomUserNamePassword']) {
        assert.match(await hover(name), /used only when the device is created/, name);
      }
      // The whole documented list, on both endpoint types (the same descriptions the hovers show).
      const attributes = [
        'deviceType',
        'protocol',
        'netAddress',
        'port',
        'outboundProxyServerNetAddress',
        'stunServerNetAddress',
        'macAddress',
        'serialNumber',
        'description',
        'physicalLocation',
        'transportProtocol',
        'useCustomUserNamePassword',
        'accessDeviceCredentials',
      ];
      for (const type of [
        'ConsolidatedAccessDeviceMultipleIdentityEndpointAndContactAdd22',
        'ConsolidatedSharedCallAppearanceAccessDeviceMultipleIdentityEndpointAdd22',
      ]) {
        for (const name of attributes)
          assert.match(describeElement(type, name) ?? '', /used only when the device is created/, `${type}.${name}`);
      }
    });
  });

  describe('class 9: completion in a mapping of abstract type', () => {
    async function complete(marked: string): Promise<CompletionItem[]> {
      const { text, position } = cursor(marked);
      const { uri: u } = await openDoc(client, 'yaml', text);
      const res = await client.request<CompletionList | null>('textDocument/completion', {
        textDocument: { uri: u },
        position,
        context: { triggerKind: 1 },
      });
      return (res?.items ?? []).sort((a, b) => (a.sortText ?? '').localeCompare(b.sortText ?? ''));
    }
    it('department: then an empty indented line offers xsi:type with the concrete types', async () => {
      const items = await complete(`${UCA_ALICE_YAML}department:\n  |\n`);
      assert.equal(items[0]?.label, 'xsi:type');
      assert.equal((items[0].textEdit as TextEdit).newText, 'xsi:type: ${1|EnterpriseDepartmentKey,GroupDepartmentKey|}');
    });
    it("once xsi:type is chosen, the concrete type's elements are offered (and xsi:type no more)", async () => {
      const items = await complete(`${UCA_ALICE_YAML}department:\n  xsi:type: GroupDepartmentKey\n  |\n`);
      const labels = items.map((i) => i.label);
      assert.ok(labels.includes('name') && labels.includes('groupId'), labels.join(','));
      assert.ok(!labels.includes('xsi:type'));
    });
  });
});
