/** ocip/commandList and ocip/newCommand over stdio: the "New Command…" quick pick and skeletons of any R25 command. */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { LspTestClient } from '../helpers/lsp-client';
import { COMMAND_LIST_REQUEST, NEW_COMMAND_REQUEST, type CommandListResult, type NewCommandResult } from '../../core/protocol/messages';

describe('New Command… requests over stdio', () => {
  let client: LspTestClient;
  before(async () => {
    client = new LspTestClient({ settings: { diagnostics: { debounceMs: 0 } } });
    await client.initialize();
  });
  after(() => client.shutdown());

  it('lists every R25 request, onboarding commands first, with their family', async () => {
    client.open('file:///w/n.ocip.yaml', 'ocip-yaml', '');
    const list = await client.request<CommandListResult>(COMMAND_LIST_REQUEST, { uri: 'file:///w/n.ocip.yaml' });
    assert.ok('commands' in list);
    assert.ok(list.commands.length > 2700, `${list.commands.length} commands`);
    assert.equal(list.commands[0].name, 'UserConsolidatedAddRequest22');
    assert.deepEqual(
      list.commands.find((c) => c.name === 'GroupAddRequest'),
      { name: 'GroupAddRequest', family: 'Group' },
    );
    assert.equal(
      list.commands.find((c) => c.name === 'EnterpriseCallCenterAgentThresholdProfileAddRequest')?.family,
      'Service provider / enterprise',
    );
  });

  it('YAML: appends a new document with the required skeleton, which then has only the empty-value errors', async () => {
    const text = 'command: UserDeleteRequest\nuserId: a@x\n';
    client.open('file:///w/y.ocip.yaml', 'ocip-yaml', text);
    const r = await client.request<NewCommandResult>(NEW_COMMAND_REQUEST, { uri: 'file:///w/y.ocip.yaml', command: 'GroupAddRequest' });
    assert.ok('snippet' in r);
    assert.equal(r.offset, text.length);
    assert.match(r.snippet, /^---\ncommand: GroupAddRequest\nserviceProviderId: \$1\ngroupId: \$2\n/);
    assert.doesNotMatch(r.snippet, /groupName/, 'optional elements are left out');
  });

  it('XML: inserts a <command> before the end of the BroadsoftDocument; an empty file gets a whole document', async () => {
    const xml =
      '<?xml version="1.0" encoding="UTF-8"?>\n<BroadsoftDocument protocol="OCI" xmlns="C" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">\n  <sessionId xmlns="">s</sessionId>\n</BroadsoftDocument>\n';
    client.open('file:///w/x.ocip.xml', 'ocip-xml', xml);
    const r = await client.request<NewCommandResult>(NEW_COMMAND_REQUEST, {
      uri: 'file:///w/x.ocip.xml',
      command: 'UserServiceAssignListRequest',
    });
    assert.ok('snippet' in r);
    assert.equal(r.offset, xml.indexOf('</BroadsoftDocument>'));
    assert.match(
      r.snippet,
      /^ {2}<command xsi:type="UserServiceAssignListRequest" xmlns="">\n {4}<userId>\$1<\/userId>\n {2}<\/command>\n$/,
    );
    client.open('file:///w/e.ocip.xml', 'ocip-xml', '');
    const whole = await client.request<NewCommandResult>(NEW_COMMAND_REQUEST, {
      uri: 'file:///w/e.ocip.xml',
      command: 'SystemSoftwareVersionGetRequest',
    });
    assert.ok('snippet' in whole);
    assert.match(
      whole.snippet,
      /<BroadsoftDocument[\s\S]*<command xsi:type="SystemSoftwareVersionGetRequest" xmlns=""\/>\n/,
      'a command of empty content is an empty element',
    );
  });

  it('refuses an unknown command', async () => {
    client.open('file:///w/u.ocip.yaml', 'ocip-yaml', '');
    const r = await client.request<NewCommandResult>(NEW_COMMAND_REQUEST, { uri: 'file:///w/u.ocip.yaml', command: 'NoSuchRequest' });
    assert.deepEqual(r, { error: "Unknown command 'NoSuchRequest'." });
  });
});
