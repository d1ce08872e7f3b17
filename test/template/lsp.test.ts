/**
 * The language server (over stdio) with a template and its CSV: diagnostics published on the CSV's cells from the
 * file on disk and from the editor's text, re-checked when the CSV is edited, ocip.variables, hover on a cell.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { LspTestClient } from '../helpers/lsp-client';
import { buildOnce } from '../helpers/ocip-cli';

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
const CSV = 'login,first,last\r\nann,Ann,Lee\r\nbo,Bo,' + 'L'.repeat(31) + '\r\n';

describe('language server: templates and their CSV', () => {
  let client: LspTestClient;
  const dir = mkdtempSync(join(tmpdir(), 'ocip-template-lsp-'));
  const templateUri = pathToFileURL(join(dir, 'users.ocip.yaml')).href;
  const csvUri = pathToFileURL(join(dir, 'users.csv')).href;

  before(async () => {
    buildOnce();
    writeFileSync(join(dir, 'users.ocip.yaml'), TEMPLATE);
    writeFileSync(join(dir, 'users.csv'), CSV);
    client = new LspTestClient({ settings: { variables: { sp: 'sp1' } } });
    await client.initialize();
  });
  after(async () => {
    await client.shutdown();
    rmSync(dir, { recursive: true, force: true });
  });

  it('an open template publishes the bad cell on the CSV file (read from disk) and the count on the placeholder', async () => {
    client.open(templateUri, 'ocip-yaml', TEMPLATE);
    const onCsv = await client.waitForDiagnostics(csvUri, (p) => p.diagnostics.length > 0);
    const long = onCsv.diagnostics.filter((d) => d.code === 'OCI-LENGTH');
    assert.equal(long.length, 2, JSON.stringify(onCsv.diagnostics));
    assert.deepEqual(long[0].range, { start: { line: 2, character: 6 }, end: { line: 2, character: 37 } });
    assert.match(long[0].message, /^Row 3, column 'last' \(lastName\)/);
    const onTemplate = await client.diagnosticsFor(templateUri, 1);
    const placeholder = onTemplate.find((d) => d.code === 'OCI-LENGTH' && d.range.start.line === 5);
    assert.ok(placeholder, JSON.stringify(onTemplate));
    assert.deepEqual(placeholder.range, { start: { line: 5, character: 10 }, end: { line: 5, character: 17 } });
    assert.match(placeholder.message, /^1 row \(3\)/);
    // ocip.variables filled ${sp}: no missing column.
    assert.ok(!onTemplate.some((d) => d.code === 'OCI-DATA-COLUMN-MISSING'), JSON.stringify(onTemplate));
  });

  it('the CSV opened and edited in the editor: its text is used, the diagnostics follow the edit', async () => {
    client.open(csvUri, 'csv', CSV);
    client.change(csvUri, [{ text: 'login,first,last\r\nann,Ann,Lee\r\nbo,,Lo\r\n' }]);
    const after = await client.waitForDiagnostics(csvUri, (p) => p.diagnostics.some((d) => d.code === 'OCI-EMPTY'));
    assert.deepEqual(
      after.diagnostics.map((d) => [d.code, d.range.start]),
      [
        ['OCI-EMPTY', { line: 2, character: 3 }],
        ['OCI-EMPTY', { line: 2, character: 3 }],
      ],
    );
  });

  it('hover on a CSV cell tells the row, the column and the elements it feeds with their type', async () => {
    const hover = await client.request<{ contents: { value: string }; range: unknown }>('textDocument/hover', {
      textDocument: { uri: csvUri },
      position: { line: 1, character: 9 },
    });
    assert.match(hover.contents.value, /\*\*Row 2\*\*, column `last`/);
    assert.match(hover.contents.value, /feeds `UserConsolidatedAddRequest22 › lastName` in users\.ocip\.yaml/);
    assert.match(hover.contents.value, /feeds `UserConsolidatedAddRequest22 › callingLineIdLastName`/);
    assert.deepEqual(hover.range, { start: { line: 1, character: 8 }, end: { line: 1, character: 11 } });
  });

  it('ocip/renderTemplate: one row as XML, every row in the template format, a row out of range refused', async () => {
    const one = await client.request<{ text: string; languageId: string; rows: number }>('ocip/renderTemplate', {
      uri: templateUri,
      row: 2,
      to: 'xml',
    });
    assert.equal(one.languageId, 'ocip-xml');
    assert.equal(one.rows, 1);
    assert.match(one.text, /<userId>ann@sp1\.example\.com<\/userId>/);
    assert.match(one.text, /<serviceProviderId>sp1<\/serviceProviderId>/);
    const all = await client.request<{ text: string; rows: number }>('ocip/renderTemplate', { uri: templateUri, to: 'yaml' });
    assert.equal(all.rows, 2);
    assert.equal(all.text.match(/^command: /gm)?.length, 2);
    const bad = await client.request<{ error: string }>('ocip/renderTemplate', { uri: templateUri, row: 9, to: 'yaml' });
    assert.match(bad.error, /data rows are 2 to 3/);
  });

  it('a template only on disk: opening its CSV alone shows the cells problems', async () => {
    client.close(templateUri);
    client.close(csvUri);
    const other = pathToFileURL(join(dir, 'only.csv')).href;
    writeFileSync(join(dir, 'only.ocip.yaml'), TEMPLATE.replace('users.csv', 'only.csv'));
    const text = 'login,first,last\nx,,Y\n';
    writeFileSync(join(dir, 'only.csv'), text);
    client.open(other, 'csv', text);
    const p = await client.waitForDiagnostics(other, (x) => x.diagnostics.some((d) => d.code === 'OCI-EMPTY'));
    assert.deepEqual(p.diagnostics.find((d) => d.code === 'OCI-EMPTY')!.range.start, { line: 1, character: 2 });
  });
});

// A virtual workspace (GitHub Repositories on desktop, VS Code for the Web): the server has no disk for these URIs,
// so a template's CSV is used once the editor has it open, and the template says so until then.
describe('language server: a template and its CSV in a virtual workspace (vscode-vfs)', () => {
  let client: LspTestClient;
  const folder = 'vscode-vfs://github%2B7b2272656623a2231227d/acme/onboarding/customers (2026)';
  const templateUri = `${folder}/users.ocip.yaml`;
  const csvUri = `${folder}/users.csv`;

  before(async () => {
    buildOnce();
    client = new LspTestClient({ settings: { variables: { sp: 'sp1' } } });
    await client.initialize();
  });
  after(() => client.shutdown());

  it('before the CSV is open: one clear error on the ocip-data line, no "nothing fills" errors', async () => {
    client.open(templateUri, 'ocip-yaml', TEMPLATE);
    const diagnostics = await client.diagnosticsFor(templateUri, 1);
    const data = diagnostics.filter((d) => d.code === 'OCI-DATA-CSV');
    assert.equal(data.length, 1, JSON.stringify(diagnostics));
    assert.deepEqual(data[0].range, { start: { line: 0, character: 13 }, end: { line: 0, character: 22 } });
    assert.match(data[0].message, /Cannot read the data file 'users\.csv' here: .*open it in an editor/);
    assert.ok(!diagnostics.some((d) => d.code === 'OCI-DATA-COLUMN-MISSING'), JSON.stringify(diagnostics));
  });

  it('the CSV opened: the template is re-checked with it and the bad cell is shown on the CSV', async () => {
    client.open(csvUri, 'csv', CSV);
    const onCsv = await client.waitForDiagnostics(csvUri, (p) => p.diagnostics.some((d) => d.code === 'OCI-LENGTH'));
    assert.deepEqual(onCsv.diagnostics.find((d) => d.code === 'OCI-LENGTH')!.range, {
      start: { line: 2, character: 6 },
      end: { line: 2, character: 37 },
    });
    const onTemplate = await client.waitForDiagnostics(templateUri, (p) => !p.diagnostics.some((d) => d.code === 'OCI-DATA-CSV'));
    assert.ok(
      onTemplate.diagnostics.some((d) => d.code === 'OCI-LENGTH' && d.range.start.line === 5),
      JSON.stringify(onTemplate.diagnostics),
    );
    const rendered = await client.request<{ text: string; rows: number }>('ocip/renderTemplate', { uri: templateUri, to: 'yaml' });
    assert.equal(rendered.rows, 2);
  });

  it('the CSV closed again: its cells are cleared and the template reports the unreadable data file', async () => {
    client.close(csvUri);
    await client.waitForDiagnostics(csvUri, (p) => p.diagnostics.length === 0);
    await client.waitForDiagnostics(templateUri, (p) => p.diagnostics.some((d) => d.code === 'OCI-DATA-CSV'));
    const refused = await client.request<{ error: string }>('ocip/renderTemplate', { uri: templateUri, to: 'yaml' });
    assert.match(refused.error, /open it in an editor/);
  });
});
