/**
 * ocip/prepareTemplateSend over stdio: the language server renders, checks and encodes a template's rows for
 * "Send All Rows"; a bad cell blocks the send with its place in the CSV; chosen rows only; rows out of range refused.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { LspTestClient } from '../helpers/lsp-client';
import { buildOnce } from '../helpers/ocip-cli';
import type { PrepareTemplateSendResult } from '../../core/protocol/messages';

const TEMPLATE = `# ocip-data: users.csv
command: UserConsolidatedAddRequest22
serviceProviderId: \${sp}
groupId: g1
userId: \${login}@sp1.example.com
lastName: \${last}
firstName: \${first}
callingLineIdLastName: \${last}
callingLineIdFirstName: \${first}
password: User-Pass-9931
`;
const GOOD = 'login,first,last\r\nann,Ann,Lee\r\nbo,Bo,Lo\r\ncy,Cy,Ng\r\n';
const BAD = 'login,first,last\r\nann,Ann,Lee\r\nbo,Bo,' + 'L'.repeat(31) + '\r\ncy,Cy,Ng\r\n';

type Ready = Extract<PrepareTemplateSendResult, { version: number }>;

describe('language server: ocip/prepareTemplateSend', () => {
  let client: LspTestClient;
  const dir = mkdtempSync(join(tmpdir(), 'ocip-template-send-'));
  const templateUri = pathToFileURL(join(dir, 'users.ocip.yaml')).href;
  const csvUri = pathToFileURL(join(dir, 'users.csv')).href;

  before(async () => {
    buildOnce();
    writeFileSync(join(dir, 'users.ocip.yaml'), TEMPLATE);
    writeFileSync(join(dir, 'users.csv'), BAD);
    client = new LspTestClient({ settings: { variables: { sp: 'sp1' } } });
    await client.initialize();
    client.open(templateUri, 'ocip-yaml', TEMPLATE);
  });
  after(async () => {
    await client.shutdown();
    rmSync(dir, { recursive: true, force: true });
  });

  it('a bad cell blocks the send: the error names the CSV and the cell, nothing is encoded', async () => {
    const r = (await client.request('ocip/prepareTemplateSend', { uri: templateUri })) as Ready;
    assert.equal(r.commands.length, 0);
    const onCsv = r.errors.filter((e) => e.uri === csvUri);
    assert.ok(onCsv.length >= 1, JSON.stringify(r.errors));
    assert.equal(onCsv[0].code, 'OCI-LENGTH');
    assert.deepEqual(onCsv[0].range.start, { line: 2, character: 6 });
    assert.match(onCsv[0].message, /^Row 3, column 'last'/);
  });

  it('the other rows alone can be sent: rows 2 and 4 are rendered and encoded, with their keys', async () => {
    const r = (await client.request('ocip/prepareTemplateSend', { uri: templateUri, rows: [4, 2] })) as Ready;
    assert.deepEqual(r.errors, []);
    assert.deepEqual(r.keys, ['login']);
    assert.deepEqual(
      r.rows.map((x) => [x.row, x.keys, x.commands]),
      [
        [2, ['ann'], [0]],
        [4, ['cy'], [1]],
      ],
    );
    assert.equal(r.commands.length, 2);
    assert.match(r.commands[1].xml, /<userId>cy@sp1\.example\.com<\/userId>/);
    assert.equal(r.commands[0].type, 'UserConsolidatedAddRequest22');
  });

  it('the CSV fixed in the editor: every row is prepared from the editor text', async () => {
    client.open(csvUri, 'csv', GOOD);
    const r = (await client.request('ocip/prepareTemplateSend', { uri: templateUri })) as Ready;
    assert.deepEqual(r.errors, []);
    assert.equal(r.dataUri, csvUri);
    assert.deepEqual(
      r.rows.map((x) => x.row),
      [2, 3, 4],
    );
    assert.match(r.commands[1].xml, /<lastName>Lo<\/lastName>/);
  });

  it('the plain ocip/prepareSend refuses a template (its placeholders are never sent as values)', async () => {
    const r = (await client.request('ocip/prepareSend', { uri: templateUri })) as { error: string };
    assert.match(r.error, /template: use "OCI-P: Send All Rows"/);
  });

  it('a row out of range and a file that is not OCI-P are refused with a reason', async () => {
    const bad = (await client.request('ocip/prepareTemplateSend', { uri: templateUri, rows: [9] })) as { error: string };
    assert.match(bad.error, /data rows are 2 to 4/);
    const none = (await client.request('ocip/prepareTemplateSend', { uri: 'file:///nowhere/x.txt' })) as { error: string };
    assert.match(none.error, /not an OCI-P file/);
  });
});
