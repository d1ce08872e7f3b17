/**
 * Quick fixes over LSP stdio: each fix applied to the text gives the exact expected text, and after sending
 * it to the server the diagnostic it fixed is gone.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { CodeAction, Diagnostic, TextEdit } from 'vscode-languageserver-protocol';
import { LspTestClient } from '../helpers/lsp-client';
import { applyEdits, openDoc, replaceText, UCA_YAML, XML_HEAD, XML_TAIL } from './helpers';

const FULL = UCA_YAML + 'lastName: Doe\n';

const SCA = `sharedCallAppearanceAccessDeviceEndpoint:
  accessDevice:
    deviceLevel: Group
    deviceName: phone1
  linePort: jdoe_2@example.com
  isActive: true
  allowOrigination: true
  allowTermination: true
  useHotline: true
`;

describe('quick fixes over stdio', () => {
  let as: LspTestClient;
  let xs: LspTestClient;
  before(async () => {
    as = new LspTestClient({ settings: { diagnostics: { debounceMs: 0 } } });
    xs = new LspTestClient({ settings: { dataMode: 'XS', diagnostics: { debounceMs: 0 } } });
    await Promise.all([as.initialize(), xs.initialize()]);
  });
  after(() => Promise.all([as.shutdown(), xs.shutdown()]));

  async function actionsFor(client: LspTestClient, uri: string, d: Diagnostic): Promise<CodeAction[]> {
    return client.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri },
      range: d.range,
      context: { diagnostics: [d], only: ['quickfix'] },
    });
  }
  const editsOf = (a: CodeAction, uri: string): TextEdit[] => a.edit!.changes![uri];

  /** Open, find the diagnostic, apply the chosen action, check the text, send it, check the diagnostic is gone. */
  async function fixes(
    client: LspTestClient,
    format: 'yaml' | 'xml',
    text: string,
    code: string,
    expected: string,
    pick = 0,
    titles?: string[],
    preferred = true,
  ): Promise<Diagnostic[]> {
    const { uri, diagnostics } = await openDoc(client, format, text);
    const d = diagnostics.find((x) => x.code === code);
    assert.ok(d, `${code} not in ${JSON.stringify(diagnostics.map((x) => x.code))}`);
    const actions = await actionsFor(client, uri, d);
    if (titles)
      assert.deepEqual(
        actions.map((a) => a.title),
        titles,
      );
    assert.equal(actions[0].isPreferred, preferred);
    assert.equal(actions[0].kind, 'quickfix');
    const fixed = applyEdits(text, editsOf(actions[pick], uri));
    assert.equal(fixed, expected);
    const after = await replaceText(client, uri, fixed);
    const count = (list: Diagnostic[]) => list.filter((x) => x.code === code).length;
    assert.equal(count(after), count(diagnostics) - 1, JSON.stringify(after));
    client.close(uri);
    return after;
  }

  it('YAML: adds a missing element at the end of the mapping, with an empty placeholder that stays flagged', async () => {
    const text = FULL.replace('firstName: John\n', '');
    const after = await fixes(as, 'yaml', text, 'OCI-MISSING', text + 'firstName: ""\n', 0, ['Add `firstName`']);
    assert.deepEqual(
      after.filter((d) => d.severity === 1).map((d) => [d.code, d.range.start.line]),
      [['OCI-EMPTY', 8]],
    );
  });

  it('YAML: adds missing nested elements with the nested indentation', async () => {
    const text = FULL + 'accessDeviceEndpoint:\n  accessDevice:\n    deviceLevel: Group\n  linePort: a@b\n  useHotline: false\n';
    await fixes(
      as,
      'yaml',
      text,
      'OCI-MISSING',
      text.replace('    deviceLevel: Group\n', '    deviceLevel: Group\n    deviceName: ""\n'),
      0,
    );
  });

  it('YAML: renames a snake_case key to the element name', async () => {
    const text = UCA_YAML.replace('firstName: John', 'first_name: John') + 'lastName: Doe\n';
    await fixes(as, 'yaml', text, 'OCI-UNKNOWN-ELEMENT', text.replace('first_name', 'firstName'), 0, ['Rename to `firstName`']);
  });

  it('YAML: replaces an invalid enumeration value, one action per nearest value', async () => {
    const text = UCA_YAML + 'lastName: Doe\nuserService:\n  - userServiceName: Shared Call Apperance\n';
    await fixes(as, 'yaml', text, 'OCI-ENUM', text.replace('Apperance', 'Appearance'), 0, [
      'Change to `Shared Call Appearance`',
      'Change to `Shared Call Appearance 5`',
      'Change to `Shared Call Appearance 10`',
    ]);
  });

  it('YAML, XS mode: removes an ignored element with its line, and a list item with its dash', async () => {
    const text = UCA_YAML + 'lastName: Doe\npasscode: "1234"\ngroupProperties:\n  defaultDomain: example.com\n  userLimit: 10\n';
    await fixes(xs, 'yaml', text, 'OCI-XS-IGNORED', text.replace('passcode: "1234"\n', ''), 0, ['Remove `passcode`']);
    const list =
      UCA_YAML +
      'lastName: Doe\nalternateUserId:\n  - alternateUserId: a1@example.com\n  - alternateUserId: a2@example.com\ngroupProperties:\n  defaultDomain: example.com\n  userLimit: 10\n';
    await fixes(xs, 'yaml', list, 'OCI-XS-IGNORED', list.replace('  - alternateUserId: a1@example.com\n', ''));
  });

  it('YAML, XS mode: sets useHotline to false, and adds the Shared Call Appearance service (creating userService)', async () => {
    const base = UCA_YAML + 'lastName: Doe\ngroupProperties:\n  defaultDomain: example.com\n  userLimit: 10\n';
    await fixes(xs, 'yaml', base + SCA, 'OCI-XS-HOTLINE', base + SCA.replace('useHotline: true', 'useHotline: false'), 0, [
      'Set to `false`',
    ]);
    await fixes(
      xs,
      'yaml',
      base + SCA,
      'OCI-SERVICE-REQUIRED',
      base + SCA + 'userService:\n  - userServiceName: Shared Call Appearance\n',
      0,
      ['Add the Shared Call Appearance service'],
    );
    const withServices = base + 'userService:\n  - userServiceName: Voice Messaging User\n' + SCA;
    await fixes(
      xs,
      'yaml',
      withServices,
      'OCI-SERVICE-REQUIRED',
      withServices.replace('Voice Messaging User\n', 'Voice Messaging User\n  - userServiceName: Shared Call Appearance\n'),
    );
  });

  it('YAML: adds the missing xsi:type, one action per candidate type', async () => {
    const text = UCA_YAML + 'lastName: Doe\ndepartment:\n  name: Sales\n';
    await fixes(
      as,
      'yaml',
      text,
      'OCI-XSI-TYPE-MISSING',
      text.replace('department:\n', 'department:\n  xsi:type: GroupDepartmentKey\n'),
      1,
      ['Add xsi:type EnterpriseDepartmentKey', 'Add xsi:type GroupDepartmentKey'],
      false,
    );
  });

  it("XML: inserts a missing element at its schema position with the siblings' indentation", async () => {
    const body =
      '    <serviceProviderId>ent1</serviceProviderId>\n    <groupId>grp1</groupId>\n    <userId>jdoe@example.com</userId>\n    <firstName>John</firstName>\n    <callingLineIdLastName>Doe</callingLineIdLastName>\n    <callingLineIdFirstName>John</callingLineIdFirstName>\n    <password>s3cret!</password>\n';
    const text = XML_HEAD + body + XML_TAIL;
    await fixes(
      as,
      'xml',
      text,
      'OCI-MISSING',
      text.replace('    <firstName>John</firstName>\n', '    <lastName></lastName>\n    <firstName>John</firstName>\n'),
      0,
      ['Add `lastName`'],
    );
  });

  it('XML: reorders the children into schema order, comments staying with the following element', async () => {
    const body =
      '    <serviceProviderId>ent1</serviceProviderId>\n    <groupId>grp1</groupId>\n    <userId>jdoe@example.com</userId>\n    <!-- given name -->\n    <firstName>John</firstName>\n    <lastName>Doe</lastName>\n    <callingLineIdLastName>Doe</callingLineIdLastName>\n    <callingLineIdFirstName>John</callingLineIdFirstName>\n    <password>s3cret!</password>\n';
    const text = XML_HEAD + body + XML_TAIL;
    const expected = text.replace(
      '    <!-- given name -->\n    <firstName>John</firstName>\n    <lastName>Doe</lastName>\n',
      '    <lastName>Doe</lastName>\n    <!-- given name -->\n    <firstName>John</firstName>\n',
    );
    await fixes(as, 'xml', text, 'OCI-ORDER', expected, 0, ['Put the elements in schema order']);
  });

  it('XML: renames an element with its end tag; adds a service (pack contents unknown) at its schema position', async () => {
    const body =
      '    <serviceProviderId>ent1</serviceProviderId>\n    <groupId>grp1</groupId>\n    <userId>jdoe@example.com</userId>\n    <lastName>Doe</lastName>\n    <firstName>John</firstName>\n    <callingLineIdLastName>Doe</callingLineIdLastName>\n    <callingLineIdFirstName>John</callingLineIdFirstName>\n    <pasword>s3cret!</pasword>\n';
    const text = XML_HEAD + body + XML_TAIL;
    await fixes(as, 'xml', text, 'OCI-UNKNOWN-ELEMENT', text.replace('<pasword>s3cret!</pasword>', '<password>s3cret!</password>'), 0, [
      'Rename to `password`',
    ]);

    const sca =
      '    <sharedCallAppearanceAccessDeviceEndpoint>\n      <accessDevice><deviceLevel>Group</deviceLevel><deviceName>p</deviceName></accessDevice>\n      <linePort>l@example.com</linePort>\n      <isActive>true</isActive>\n      <allowOrigination>true</allowOrigination>\n      <allowTermination>true</allowTermination>\n      <useHotline>false</useHotline>\n    </sharedCallAppearanceAccessDeviceEndpoint>\n';
    const pack = '    <servicePack><servicePackName>Basic</servicePackName></servicePack>\n';
    const withSca = XML_HEAD + body.replace('pasword>', 'password>').replace('pasword>', 'password>') + sca + pack + XML_TAIL;
    await fixes(
      xs,
      'xml',
      withSca,
      'OCI-SERVICE-UNVERIFIED',
      withSca.replace(
        pack,
        '    <userService>\n      <userServiceName>Shared Call Appearance</userServiceName>\n    </userService>\n' + pack,
      ),
    );
  });

  it('fix all: every unambiguous fix in one edit, never guessing between candidates', async () => {
    const text = `command: UserConsolidatedAddRequest22
serviceProviderId: ent1
groupId: grp1
userId: jdoe@example.com
first_name: John
callingLineIdLastName: Doe
callingLineIdFirstName: John
pasword: s3cret!
passcode: "1234"
department:
  name: Sales
accessDeviceEndpoint:
  accessDevice:
    deviceLevel: Grup
    deviceName: phone1
  linePort: jdoe@example.com
  useHotline: true
`;
    const { uri } = await openDoc(xs, 'yaml', text);
    const all = await xs.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri },
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      context: { diagnostics: [], only: ['source.fixAll'] },
    });
    assert.deepEqual(
      all.map((a) => [a.title, a.kind]),
      [['Fix all OCI-P problems in the file', 'source.fixAll.ocip']],
    );
    const fixed = applyEdits(text, editsOf(all[0], uri));
    // Renamed, removed (XS-ignored), hotline off, lastName added; the enumeration (3 candidates) and the
    // xsi:type (2 candidates) are left for the user to choose.
    assert.equal(
      fixed,
      text
        .replace('first_name', 'firstName')
        .replace('pasword', 'password')
        .replace('passcode: "1234"\n', '')
        .replace('useHotline: true\n', 'useHotline: false\nlastName: ""\n'),
    );
    const after = await replaceText(xs, uri, fixed);
    assert.deepEqual(
      after
        .filter((d) => d.severity === 1 || d.severity === 2)
        .map((d) => d.code)
        .sort(),
      ['OCI-EMPTY', 'OCI-ENUM', 'OCI-XSI-TYPE-MISSING'],
    );
  });
});
