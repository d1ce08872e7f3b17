/** Outline, folding and selection ranges from the language server over stdio, in YAML and XML, valid and broken. */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { DocumentSymbol, FoldingRange, Range, SelectionRange } from 'vscode-languageserver-protocol';
import { LspTestClient } from '../helpers/lsp-client';

const YAML = `# Two commands
command: UserConsolidatedAddRequest22
serviceProviderId: ent1
groupId: grp1
userId: jdoe@example.com
password: s3cret
department:
  xsi:type: GroupDepartmentKey
  name: Sales
alias:
  - a@x
  - b@x
userService:
  - userServiceName: Call Forwarding Always
  - userServiceName: Voice Messaging User
    authorizedQuantity:
      quantity: 100
---
command: UserDeleteRequest
userId: old@example.com
`;

const XML = `<?xml version="1.0" encoding="UTF-8"?>
<BroadsoftDocument protocol="OCI" xmlns="C" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
  <sessionId xmlns="">s1</sessionId>
  <command xsi:type="UserConsolidatedAddRequest22" xmlns="">
    <groupExternalId>g-ext</groupExternalId>
    <userId>jdoe@example.com</userId>
    <alias>a@x</alias>
    <alias>b@x</alias>
    <accessDeviceEndpoint>
      <accessDevice>
        <deviceLevel>Group</deviceLevel>
        <deviceName>d1</deviceName>
      </accessDevice>
      <linePort>lp@x</linePort>
    </accessDeviceEndpoint>
  </command>
  <command xsi:type="GroupGetRequest" xmlns="">
    <serviceProviderId>sp</serviceProviderId>
    <groupId>g9</groupId>
  </command>
</BroadsoftDocument>
`;

/** One line per symbol: indentation, name, kind, detail and range, so expectations read like the outline. */
function flatten(symbols: DocumentSymbol[], depth = 0, out: string[] = []): string[] {
  for (const s of symbols) {
    out.push(`${'  '.repeat(depth)}${s.name} (${s.kind}${s.detail ? `, ${s.detail}` : ''}) ${r(s.range)} sel ${r(s.selectionRange)}`);
    flatten(s.children ?? [], depth + 1, out);
  }
  return out;
}
const r = (x: Range) => `${x.start.line}:${x.start.character}-${x.end.line}:${x.end.character}`;
function chain(s: SelectionRange | undefined): string[] {
  const out: string[] = [];
  for (let at = s; at; at = at.parent) out.push(r(at.range));
  return out;
}
const folds = (f: FoldingRange[]) => f.map((x) => `${x.startLine}-${x.endLine}`);

describe('outline, folding and selection over stdio', () => {
  let client: LspTestClient;
  before(async () => {
    client = new LspTestClient({ settings: { diagnostics: { debounceMs: 0 } } });
    const init = (await client.initialize()) as { capabilities: Record<string, unknown> };
    assert.ok(init.capabilities.documentSymbolProvider);
    assert.equal(init.capabilities.foldingRangeProvider, true);
    assert.equal(init.capabilities.selectionRangeProvider, true);
  });
  after(() => client.shutdown());

  const symbols = (uri: string) => client.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri } });
  const folding = (uri: string) => client.request<FoldingRange[]>('textDocument/foldingRange', { textDocument: { uri } });
  const selection = (uri: string, line: number, character: number) =>
    client
      .request<SelectionRange[]>('textDocument/selectionRange', { textDocument: { uri }, positions: [{ line, character }] })
      .then((s) => chain(s[0]));

  it('YAML: one Class per command labelled with its userId, nested elements, numbered lists, masked password', async () => {
    const uri = 'file:///w/outline.ocip.yaml';
    client.open(uri, 'ocip-yaml', YAML);
    assert.deepEqual(flatten(await symbols(uri)), [
      'UserConsolidatedAddRequest22 jdoe@example.com (5, #1) 1:0-16:19 sel 1:9-1:37',
      '  serviceProviderId (8, ent1) 2:0-2:23 sel 2:0-2:17',
      '  groupId (8, grp1) 3:0-3:13 sel 3:0-3:7',
      '  userId (8, jdoe@example.com) 4:0-4:24 sel 4:0-4:6',
      '  password (8, ********) 5:0-5:16 sel 5:0-5:8',
      '  department (7, GroupDepartmentKey) 6:0-8:13 sel 6:0-6:10',
      '    name (8, Sales) 8:2-8:13 sel 8:2-8:6',
      '  alias (18, 2 items) 9:0-11:7 sel 9:0-9:5',
      '    alias[1] (8, a@x) 10:4-10:7 sel 10:4-10:7',
      '    alias[2] (8, b@x) 11:4-11:7 sel 11:4-11:7',
      '  userService (18, 2 items) 12:0-16:19 sel 12:0-12:11',
      '    userService[1] (7, Call Forwarding Always) 13:4-13:43 sel 13:4-13:19',
      '      userServiceName (8, Call Forwarding Always) 13:4-13:43 sel 13:4-13:19',
      '    userService[2] (7, Voice Messaging User) 14:4-16:19 sel 14:4-14:19',
      '      userServiceName (8, Voice Messaging User) 14:4-14:41 sel 14:4-14:19',
      '      authorizedQuantity (7) 15:4-16:19 sel 15:4-15:22',
      '        quantity (8, 100) 16:6-16:19 sel 16:6-16:14',
      'UserDeleteRequest old@example.com (5, #2) 18:0-19:23 sel 18:9-18:26',
      '  userId (8, old@example.com) 19:0-19:23 sel 19:0-19:6',
    ]);
    assert.deepEqual(folds(await folding(uri)), ['1-16', '6-8', '9-11', '12-16', '14-16', '15-16', '18-19']);
    // Cursor in "Sales": value → name element → department → command → file.
    assert.deepEqual(await selection(uri, 8, 9), ['8:8-8:13', '8:2-8:13', '6:0-8:13', '1:0-16:19', '0:0-20:0']);
    // Cursor in a list item's value: value → element → item → list → command → file.
    assert.deepEqual(await selection(uri, 14, 22), ['14:21-14:41', '14:4-14:41', '14:4-16:19', '12:0-16:19', '1:0-16:19', '0:0-20:0']);
    // On the command name itself.
    assert.deepEqual(await selection(uri, 18, 12), ['18:9-18:26', '18:0-19:23', '0:0-20:0']);
  });

  it('XML: commands inside the envelope, repeated siblings grouped, end-tag lines stay visible when folded', async () => {
    const uri = 'file:///w/outline.ocip.xml';
    client.open(uri, 'ocip-xml', XML);
    assert.deepEqual(flatten(await symbols(uri)), [
      'UserConsolidatedAddRequest22 jdoe@example.com (5, #1) 3:2-15:12 sel 3:21-3:49',
      '  groupExternalId (8, g-ext) 4:4-4:44 sel 4:5-4:20',
      '  userId (8, jdoe@example.com) 5:4-5:37 sel 5:5-5:11',
      '  alias (18, 2 items) 6:4-7:22 sel 6:5-6:10',
      '    alias[1] (8, a@x) 6:4-6:22 sel 6:5-6:10',
      '    alias[2] (8, b@x) 7:4-7:22 sel 7:5-7:10',
      '  accessDeviceEndpoint (7) 8:4-14:27 sel 8:5-8:25',
      '    accessDevice (7) 9:6-12:21 sel 9:7-9:19',
      '      deviceLevel (8, Group) 10:8-10:40 sel 10:9-10:20',
      '      deviceName (8, d1) 11:8-11:35 sel 11:9-11:19',
      '    linePort (8, lp@x) 13:6-13:31 sel 13:7-13:15',
      'GroupGetRequest g9 (5, #2) 16:2-19:12 sel 16:21-16:36',
      '  serviceProviderId (8, sp) 17:4-17:45 sel 17:5-17:22',
      '  groupId (8, g9) 18:4-18:25 sel 18:5-18:12',
    ]);
    assert.deepEqual(folds(await folding(uri)), ['1-19', '3-14', '8-13', '9-11', '16-18']);
    assert.deepEqual(await selection(uri, 10, 22), [
      '10:21-10:26',
      '10:8-10:40',
      '9:6-12:21',
      '8:4-14:27',
      '3:2-15:12',
      '1:0-20:20',
      '0:0-21:0',
    ]);
  });

  it('a document with a syntax error still gets the outline and folding of the commands that parse', async () => {
    const uri = 'file:///w/broken.ocip.yaml';
    client.open(uri, 'ocip-yaml', YAML.replace('userId: old@example.com', 'userId: [old@example.com'));
    const outline = flatten(await symbols(uri));
    assert.equal(outline[0], 'UserConsolidatedAddRequest22 jdoe@example.com (5, #1) 1:0-16:19 sel 1:9-1:37');
    assert.equal(outline.filter((l) => !l.startsWith(' ')).length, 2, outline.join('\n'));
    assert.deepEqual(folds(await folding(uri)).slice(0, 6), ['1-16', '6-8', '9-11', '12-16', '14-16', '15-16']);

    const xmlUri = 'file:///w/broken.ocip.xml';
    client.open(xmlUri, 'ocip-xml', XML.replace('<groupId>g9</groupId>', '<groupId>g9</groupI>'));
    const xmlOutline = flatten(await symbols(xmlUri));
    assert.equal(xmlOutline[0], 'UserConsolidatedAddRequest22 jdoe@example.com (5, #1) 3:2-15:12 sel 3:21-3:49');
    assert.ok(
      xmlOutline.some((l) => l.startsWith('GroupGetRequest')),
      xmlOutline.join('\n'),
    );
    assert.deepEqual(folds(await folding(xmlUri)).slice(0, 4), ['1-19', '3-14', '8-13', '9-11']);
  });

  it('a command without userId is labelled by its main id; one without a type says so', async () => {
    const uri = 'file:///w/labels.ocip.yaml';
    client.open(uri, 'ocip-yaml', 'serviceProviderId: sp\ngroupId: g1\n---\ncommand: GroupGetRequest\nserviceProviderId: sp\n');
    const top = (await symbols(uri)).map((s) => s.name);
    assert.deepEqual(top, ['(no command type) g1', 'GroupGetRequest sp']);
  });
});
