/** The extension's send parts that need no VS Code: the results text, and the manifest matching the code. */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DATA_HEADING, rawXmlText, renderHistoryEntry, renderResults } from '../../client/send/render-results';
import { withResponseData } from '../../core/send/results';
import { makeHistoryEntry, type PreparedCommand, type SendResultRow, type ServerConfig } from '../../core/send';
import { localizedManifest } from '../helpers/manifest';

const ROOT = join(__dirname, '..', '..');
const server: ServerConfig = { name: 'Lab AS', host: '127.0.0.1', port: 2208, transport: 'tcp', username: 'sysadmin', production: false };
const cmd = (index: number, userId: string): PreparedCommand => ({
  index,
  type: 'UserConsolidatedAddRequest22',
  userId,
  xml: `<command xsi:type="UserConsolidatedAddRequest22" xmlns=""><userId>${userId}</userId><password>Top-Secret-77</password></command>`,
  span: { start: 0, end: 1 },
  headSpan: { start: 0, end: 1 },
});
const rows: SendResultRow[] = [
  {
    index: 0,
    type: 'UserConsolidatedAddRequest22',
    userId: 'a@x',
    kind: 'success',
    responseType: 'SuccessResponse',
    rawXml: '<command echo="" xsi:type="c:SuccessResponse" xmlns:c="C" xmlns=""/>',
  },
  {
    index: 2,
    type: 'UserConsolidatedAddRequest22',
    userId: 'b@x',
    kind: 'error',
    errorCode: 4200,
    summary: '[Error 4200] User already exists: b@x',
    detail: 'line one\nline two',
    rawXml: '<command type="Error" …/>',
  },
  { index: 3, type: 'UserConsolidatedAddRequest22', userId: 'c@x', kind: 'not-sent', summary: 'not sent: cancelled', rawXml: '' },
];

describe('results view text', () => {
  const text = renderResults({
    time: new Date('2025-03-04T05:06:07Z'),
    server,
    fileLabel: 'users.ocip.yaml',
    loginType: 'System',
    rows,
    commands: [cmd(0, 'a@x'), cmd(2, 'b@x'), cmd(3, 'c@x')],
  });
  const lines = text.split('\n');

  test('title, file, server, outcome', () => {
    assert.equal(lines[0], 'OCI-P Results');
    assert.ok(lines.includes('File:    users.ocip.yaml'));
    assert.ok(lines.includes('Server:  Lab AS (tcp://127.0.0.1:2208) as sysadmin [System]'));
    assert.ok(lines.includes('Outcome: 1 of 3 commands succeeded, 1 failed, 1 not sent'));
  });

  test('one table row per command with type, user id, result and error', () => {
    const header = lines.findIndex((l) => /^# +\| Command +\| User id \| Result +\| Error$/.test(l));
    assert.ok(header > 0, text);
    const body = lines.slice(header + 2, header + 5).map((l) => l.split(' | ').map((c) => c.trim()));
    assert.deepEqual(body, [
      ['1', 'UserConsolidatedAddRequest22', 'a@x', 'OK'],
      ['3', 'UserConsolidatedAddRequest22', 'b@x', 'FAILED', '[Error 4200] User already exists: b@x'],
      ['4', 'UserConsolidatedAddRequest22', 'c@x', 'NOT SENT', 'NOT SENT: not sent: cancelled'],
    ]);
  });

  test('details with code, summary and multi-line detail; raw XML with secrets masked', () => {
    assert.match(
      text,
      /#3 UserConsolidatedAddRequest22 b@x\n  result:  FAILED\n  code:    4200\n  summary: \[Error 4200\] User already exists: b@x\n  detail:  line one\n           line two/,
    );
    assert.match(
      text,
      /#1 UserConsolidatedAddRequest22 request:\n    <command xsi:type="UserConsolidatedAddRequest22" xmlns=""><userId>a@x<\/userId><password>\*{8}<\/password><\/command>/,
    );
    assert.match(text, /#4 response:\n    \(none\)/);
    assert.ok(!text.includes('Top-Secret-77'));
  });

  test('a failed login shows why nothing was sent', () => {
    const t = renderResults({
      time: new Date(0),
      server,
      fileLabel: 'f.ocip.yaml',
      failure: '[Error 4962] Invalid password',
      rows: [],
      commands: [],
    });
    assert.match(t, /\nNOT SENT: \[Error 4962\] Invalid password\n/);
  });

  test('a history entry renders its table', () => {
    const t = renderHistoryEntry(makeHistoryEntry({ server, file: 'file:///w/users.ocip.yaml', rows, time: new Date(0) }));
    assert.match(t, /^OCI-P Results \(from history\)/);
    assert.match(t, /3 +\| UserConsolidatedAddRequest22 \| b@x +\| FAILED +\| \[Error 4200\] User already exists: b@x/);
  });
});

describe('manifest', () => {
  const pkg = localizedManifest();
  const source = readFileSync(join(ROOT, 'client', 'send', 'index.ts'), 'utf8');
  // Prettier may put a long registration's id on the next line: `reg(\n  'ocip.resend',`.
  const registered = [...source.matchAll(/reg\(\s*'(ocip\.[A-Za-z]+)'/g)].map((m) => m[1]);

  test('every send command is registered and contributed with category OCI-P', () => {
    const expected = [
      'ocip.send',
      'ocip.sendAll',
      'ocip.selectServer',
      'ocip.forgetPassword',
      'ocip.showHistory',
      'ocip.resend',
      'ocip.undoSend',
      'ocip.startSimulator',
      'ocip.stopSimulator',
      'ocip.checkServer',
      'ocip.clearServerCache',
    ];
    for (const id of expected) assert.ok(registered.includes(id), `${id} is registered`);
    for (const id of registered) {
      const c = pkg.contributes.commands.find((x: { command: string }) => x.command === id);
      assert.ok(c, `${id} is in contributes.commands`);
      assert.equal(c.category, 'OCI-P');
    }
  });

  test('keybinding, editor title button and settings', () => {
    const kb = pkg.contributes.keybindings.find((k: { command: string }) => k.command === 'ocip.send');
    assert.equal(kb.key, 'ctrl+alt+enter');
    assert.equal(kb.mac, 'cmd+alt+enter');
    assert.match(kb.when, /editorLangId =~ \/\^ocip-\(yaml\|xml\)\$\//);
    assert.ok(
      pkg.contributes.menus['editor/title'].some(
        (m: { command: string; when: string }) => m.command === 'ocip.send' && m.when.includes('ocip-'),
      ),
    );
    const props = pkg.contributes.configuration.properties;
    assert.deepEqual(props['ocip.servers'].items.properties.transport.enum, ['tcp', 'tls', 'soap']);
    assert.equal(props['ocip.servers'].items.properties.password, undefined, 'no password in settings');
    assert.equal(props['ocip.activeServer'].type, 'string');
  });
});

describe('results view: data responses', () => {
  const raw =
    '<command echo="" xsi:type="UserGetListInGroupResponse" xmlns=""><userTable><colHeading>User Id</colHeading><colHeading>Last Name</colHeading><row><col>a@x</col><col>Doe</col></row></userTable></command>';
  const listCmd: PreparedCommand = {
    index: 0,
    type: 'UserGetListInGroupRequest',
    xml: '<command xsi:type="UserGetListInGroupRequest" xmlns=""/>',
    span: { start: 0, end: 1 },
    headSpan: { start: 0, end: 1 },
  };
  const [row] = withResponseData([
    { index: 0, type: 'UserGetListInGroupRequest', kind: 'data', responseType: 'UserGetListInGroupResponse', rawXml: raw },
  ]);
  const view = { time: new Date('2025-03-04T05:06:07Z'), server, fileLabel: 'check.ocip.yaml', rows: [row], commands: [listCmd] };
  const text = renderResults(view);

  test('a table is shown as columns under its headings, below a heading line the Raw XML CodeLens finds', () => {
    const lines = text.split('\n');
    const at = lines.indexOf('#1 UserGetListInGroupResponse (UserGetListInGroupRequest)');
    assert.ok(at > 0, text);
    assert.match(lines[at], DATA_HEADING);
    assert.deepEqual(lines.slice(at + 1, at + 5), [
      '    userTable: 1 row',
      '      User Id | Last Name',
      '      --------|----------',
      '      a@x     | Doe',
    ]);
  });

  test('the raw XML of a result: request and response as received', () => {
    const xml = rawXmlText(view, 1)!;
    assert.ok(xml.includes(raw) && xml.includes(listCmd.xml), xml);
    assert.equal(rawXmlText(view, 2), undefined);
  });
});
