/** Completion over LSP stdio, YAML and XML, valid and broken documents. */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { CompletionItem, CompletionList, TextEdit } from 'vscode-languageserver-protocol';
import { LspTestClient } from '../helpers/lsp-client';
import { cursor, openDoc, UCA_YAML, XML_HEAD, XML_TAIL } from './helpers';

describe('completion over stdio', () => {
  let client: LspTestClient;
  before(async () => {
    client = new LspTestClient({ settings: { diagnostics: { debounceMs: 0 } } });
    await client.initialize();
  });
  after(() => client.shutdown());

  async function complete(format: 'yaml' | 'xml', marked: string, trigger?: string): Promise<CompletionItem[]> {
    const { text, position } = cursor(marked);
    const { uri } = await openDoc(client, format, text);
    const context = trigger ? { triggerKind: 2, triggerCharacter: trigger } : { triggerKind: 1 };
    const res = await client.request<CompletionList | null>('textDocument/completion', { textDocument: { uri }, position, context });
    return (res?.items ?? []).sort((a, b) => (a.sortText ?? '').localeCompare(b.sortText ?? ''));
  }
  const labels = (items: CompletionItem[]) => items.map((i) => i.label);
  const edit = (i: CompletionItem) => i.textEdit as TextEdit;

  it('YAML: at an empty line of a UCA22 document, the missing required lastName comes first; present and conflicting names are not offered', async () => {
    const items = await complete('yaml', UCA_YAML.replace('userId: jdoe@example.com\n', 'userId: jdoe@example.com\n|\n'));
    assert.equal(items[0].label, 'lastName');
    assert.equal(items[0].detail, 'LastName · required');
    assert.equal(edit(items[0]).newText, 'lastName: $1');
    assert.equal(items[0].insertTextFormat, 2);
    assert.equal(typeof items[0].documentation === 'object' && items[0].documentation.value, "User's last name.");
    for (const absent of ['userId', 'serviceProviderId', 'groupId', 'groupExternalId', 'firstName', 'password'])
      assert.ok(!labels(items).includes(absent), absent);
    const userService = items.find((i) => i.label === 'userService')!;
    assert.equal(userService.detail, 'ConsolidatedUserServiceAssignment · 0..∞');
    assert.equal(edit(userService).newText, 'userService:\n  - userServiceName: $1');
    const dept = items.find((i) => i.label === 'department')!;
    assert.equal(edit(dept).newText, 'department:\n  xsi:type: ${1|EnterpriseDepartmentKey,GroupDepartmentKey|}');
  });

  it('YAML: offers both branches of an unused choice, the two-element branch as one item', async () => {
    const items = await complete('yaml', 'command: UserConsolidatedAddRequest22\nuserId: a@b\n|\n');
    const branch = items.find((i) => i.label === 'serviceProviderId + groupId')!;
    assert.equal(edit(branch).newText, 'serviceProviderId: $1\ngroupId: $2');
    assert.ok(labels(items).includes('groupExternalId'));
    assert.deepEqual(labels(items).slice(0, 4), ['serviceProviderId + groupId', 'serviceProviderId', 'groupId', 'groupExternalId']);
    // With the groupExternalId branch used, nothing of the other branch is offered.
    const used = await complete('yaml', 'command: UserConsolidatedAddRequest22\ngroupExternalId: g\n|\n');
    assert.ok(!labels(used).some((l) => l.includes('serviceProviderId') || l === 'groupId'), JSON.stringify(labels(used)));
  });

  it('YAML: inside a userService list item, the item elements; after `userServiceName: Shared`, the service names', async () => {
    const inItem = await complete('yaml', UCA_YAML + 'userService:\n  - |\n');
    assert.deepEqual(labels(inItem), ['userServiceName', 'authorizedQuantity']);
    assert.equal(edit(inItem[1]).newText, 'authorizedQuantity:\n      unlimited: true');

    const values = await complete('yaml', UCA_YAML + 'userService:\n  - userServiceName: Shared|\n');
    assert.equal(values.length, 212);
    const sca = values.find((i) => i.label === 'Shared Call Appearance')!;
    assert.ok(sca);
    assert.deepEqual(edit(sca).range, { start: { line: 9, character: 21 }, end: { line: 9, character: 27 } });
    assert.equal(edit(sca).newText, 'Shared Call Appearance');
  });

  it('YAML: enumeration, boolean and nil values, xsi:type values and command names', async () => {
    const level = await complete('yaml', UCA_YAML + 'accessDeviceEndpoint:\n  accessDevice:\n    deviceLevel: |\n');
    assert.deepEqual(labels(level), ['System', 'Service Provider', 'Group']);
    const hotline = await complete('yaml', UCA_YAML + 'accessDeviceEndpoint:\n  useHotline: |\n');
    assert.deepEqual(labels(hotline), ['true', 'false']);
    const nil = await complete('yaml', UCA_YAML + 'thirdPartyVoiceMailMailboxURL: |\n');
    assert.deepEqual(labels(nil), ['~']);
    const type = await complete('yaml', UCA_YAML + 'department:\n  xsi:type: |\n');
    assert.deepEqual(labels(type), ['EnterpriseDepartmentKey', 'GroupDepartmentKey']);
    const commands = await complete('yaml', 'command: User|\n');
    for (const c of ['UserConsolidatedAddRequest22', 'UserDeleteRequest', 'UserGetRequest23V2']) assert.ok(labels(commands).includes(c), c);
    assert.ok(
      labels(commands).every((l) => l.toLowerCase().includes('user')),
      'only commands matching what was typed',
    );
    const fuzzy = await complete('yaml', 'command: userdel|\n');
    assert.equal(labels(fuzzy)[0], 'UserDeleteRequest', 'fuzzy: the best match first');
    const group = await complete('yaml', 'command: GroupAdd|\n');
    assert.equal(labels(group)[0], 'GroupAddRequest');
    assert.match(group[0].detail ?? '', /Group/, 'the family is shown');
    assert.deepEqual(edit(commands[0]).range, { start: { line: 0, character: 9 }, end: { line: 0, character: 13 } });
  });

  it('YAML: an empty document (and one after ---) gets command skeletons with every required element', async () => {
    for (const marked of ['|', UCA_YAML + '---\n|']) {
      const items = await complete('yaml', marked);
      const uca = items.find((i) => i.label === 'UserConsolidatedAddRequest22')!;
      assert.equal(
        edit(uca).newText,
        'command: UserConsolidatedAddRequest22\nserviceProviderId: $1\ngroupId: $2\nuserId: $3\nlastName: $4\nfirstName: $5\ncallingLineIdLastName: $6\ncallingLineIdFirstName: $7\npassword: $8',
      );
      assert.equal(edit(items.find((i) => i.label === 'UserDeleteRequest')!).newText, 'command: UserDeleteRequest\nuserId: $1');
    }
  });

  it('YAML: keeps working below a syntax error', async () => {
    const items = await complete(
      'yaml',
      UCA_YAML.replace('userId: jdoe@example.com', 'userId: [jdoe@example.com').replace('firstName: John\n', 'firstName: John\n|\n'),
    );
    assert.equal(items[0].label, 'lastName');
    assert.ok(!labels(items).includes('firstName'));
  });

  it('YAML: a space typed after a key is answered, a space typed elsewhere is not', async () => {
    const afterKey = await complete('yaml', UCA_YAML + 'isPlace: |\n', ' ');
    assert.deepEqual(labels(afterKey), ['true', 'false']);
    const nothing = await complete('yaml', UCA_YAML + '  |\n', ' ');
    assert.deepEqual(nothing, []);
  });

  it('XML: after <groupId> and before <lastName>, only the elements allowed between them, as snippets', async () => {
    const body = '    <serviceProviderId>ent1</serviceProviderId>\n    <groupId>grp1</groupId>\n    |\n    <lastName>Doe</lastName>\n';
    const items = await complete('xml', XML_HEAD + body + XML_TAIL);
    assert.deepEqual(labels(items), ['userId', 'groupProperties', 'userExternalId', 'userPersonId', 'addPhoneNumberToGroup']);
    assert.equal(edit(items[0]).newText, '<userId>$1</userId>');
    assert.equal(
      edit(items[1]).newText,
      '<groupProperties>\n      <defaultDomain>$1</defaultDomain>\n      <userLimit>$2</userLimit>\n    </groupProperties>',
    );
    assert.equal(items[1].detail, 'ConsolidatedGroupProperties · optional');

    const typed = await complete('xml', XML_HEAD + body.replace('|', '<us|') + XML_TAIL);
    const userId = typed.find((i) => i.label === 'userId')!;
    assert.deepEqual(edit(userId).range, { start: { line: 6, character: 4 }, end: { line: 6, character: 7 } });
    assert.equal(userId.filterText, '<userId');
  });

  it('XML: after an unclosed tag before the cursor, completion goes on at the right level', async () => {
    const body = '    <serviceProviderId>ent1</serviceProviderId>\n    <groupId>grp1</groupId>\n    <userId>jdoe@example.com\n    |\n';
    const items = await complete('xml', XML_HEAD + body + XML_TAIL);
    assert.equal(items[0].label, 'lastName');
    assert.ok(!labels(items).includes('userId'));
    assert.ok(!labels(items).includes('serviceProviderId'));
  });

  it('XML: values, xsi:type of an abstract element and of the command', async () => {
    const level = await complete(
      'xml',
      XML_HEAD + '    <accessDeviceEndpoint><accessDevice><deviceLevel>|</deviceLevel></accessDevice></accessDeviceEndpoint>\n' + XML_TAIL,
    );
    assert.deepEqual(labels(level), ['System', 'Service Provider', 'Group']);
    const dept = await complete('xml', XML_HEAD + '    <department xsi:type="|"></department>\n' + XML_TAIL);
    assert.deepEqual(labels(dept), ['EnterpriseDepartmentKey', 'GroupDepartmentKey']);
    const cmd = await complete('xml', XML_HEAD.replace('xsi:type="UserConsolidatedAddRequest22"', 'xsi:type="|"') + XML_TAIL, '"');
    assert.ok(labels(cmd).length >= 100 && labels(cmd).length <= 200, `${labels(cmd).length} command names at once, never thousands`);
    const typed = await complete(
      'xml',
      XML_HEAD.replace('xsi:type="UserConsolidatedAddRequest22"', 'xsi:type="UserConsolidatedAdd|"') + XML_TAIL,
    );
    assert.equal(labels(typed)[0], 'UserConsolidatedAddRequest22');
  });

  it('XML: an empty file gets a whole BroadsoftDocument skeleton', async () => {
    const items = await complete('xml', '|');
    const del = items.find((i) => i.label === 'UserDeleteRequest')!;
    assert.equal(
      edit(del).newText,
      '<?xml version="1.0" encoding="ISO-8859-1"?>\n<BroadsoftDocument protocol="OCI" xmlns="C" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">\n  <sessionId xmlns="">${1:session-1}</sessionId>\n  <command xsi:type="UserDeleteRequest" xmlns="">\n    <userId>$2</userId>\n  </command>\n</BroadsoftDocument>\n',
    );
  });
});
