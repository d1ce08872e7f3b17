/** `ocip validate` as a user runs it: the real binary as a child process, every output format and exit status. */
import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runOcip as ocip } from '../helpers/ocip-cli';

const REPO = join(__dirname, '..', '..');
const VALID = `command: UserDeleteRequest\nuserId: a@acme.example.com\n`;
const INVALID = `command: UserConsolidatedAddRequest22\nserviceProviderId: acme\ngroupId: hq\nuserId: a@acme.example.com\nlast_name: Doe\n`;

describe('ocip validate', () => {
  let dir: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'ocip-validate-'));
    writeFileSync(join(dir, 'ok.ocip.yaml'), VALID);
    writeFileSync(join(dir, 'bad.ocip.yaml'), INVALID);
    writeFileSync(
      join(dir, 'plain.xml'),
      '<?xml version="1.0"?>\n<BroadsoftDocument protocol="OCI" xmlns="C"><sessionId xmlns="">s</sessionId></BroadsoftDocument>\n',
    );
    mkdirSync(join(dir, 'sub'));
    writeFileSync(join(dir, 'sub', 'other.xml'), '<root/>');
    writeFileSync(join(dir, 'notes.txt'), 'hello');
  });

  it('exit 0 and a summary for a clean file', async () => {
    const r = await ocip(['validate', join(dir, 'ok.ocip.yaml')]);
    assert.equal(r.code, 0, r.stderr);
    assert.equal(r.stdout, '1 file checked: 0 errors, 0 warnings.\n');
  });

  it('text: file:line:col: severity CODE message, sorted, exit 1', async () => {
    const file = join(dir, 'bad.ocip.yaml');
    const r = await ocip(['validate', file]);
    assert.equal(r.code, 1);
    const lines = r.stdout.trim().split('\n');
    assert.ok(
      lines.includes(
        `${file}:1:1: error OCI-MISSING Missing required element \`firstName\` in \`UserConsolidatedAddRequest22\` (FirstName: text, 1 to 30 characters).`,
      ),
      r.stdout,
    );
    assert.ok(
      lines.includes(
        `${file}:5:1: error OCI-UNKNOWN-ELEMENT Unknown element \`last_name\` in \`UserConsolidatedAddRequest22\`. Did you mean \`lastName\`? (OCI-P uses camelCase element names.)`,
      ),
      r.stdout,
    );
    assert.match(lines[lines.length - 1], /^1 file checked: \d+ errors, \d+ warnings?\.$/);
  });

  it('json: every file once, LSP-style zero-based ranges', async () => {
    const r = await ocip(['validate', '--format', 'json', join(dir, 'ok.ocip.yaml'), join(dir, 'bad.ocip.yaml')]);
    assert.equal(r.code, 1);
    const out = JSON.parse(r.stdout) as {
      file: string;
      diagnostics: { severity: string; code: string; message: string; range: unknown }[];
    }[];
    assert.deepEqual(
      out.map((f) => f.file),
      [join(dir, 'ok.ocip.yaml'), join(dir, 'bad.ocip.yaml')],
    );
    assert.deepEqual(out[0].diagnostics, []);
    const unknown = out[1].diagnostics.find((d) => d.code === 'OCI-UNKNOWN-ELEMENT')!;
    assert.deepEqual(unknown.range, { start: { line: 4, character: 0 }, end: { line: 4, character: 9 } });
    assert.equal(unknown.severity, 'error');
  });

  it('sarif: SARIF 2.1.0 with rules and 1-based regions', async () => {
    const r = await ocip(['validate', '--format', 'sarif', join(dir, 'bad.ocip.yaml')]);
    assert.equal(r.code, 1);
    const sarif = JSON.parse(r.stdout);
    assert.equal(sarif.version, '2.1.0');
    const run = sarif.runs[0];
    assert.equal(run.tool.driver.name, 'ocip');
    const result = run.results.find((x: { ruleId: string }) => x.ruleId === 'OCI-UNKNOWN-ELEMENT');
    assert.deepEqual(result.locations[0].physicalLocation.region, { startLine: 5, startColumn: 1, endLine: 5, endColumn: 10 });
    assert.equal(run.tool.driver.rules[result.ruleIndex].id, 'OCI-UNKNOWN-ELEMENT');
    assert.equal(result.level, 'error');
  });

  it('mode and level flags change the verdict', async () => {
    const file = join(dir, 'xs.ocip.yaml');
    writeFileSync(
      file,
      'command: UserConsolidatedAddRequest22\nserviceProviderId: acme\ngroupId: hq\nuserId: a@acme.example.com\nlastName: D\nfirstName: J\ncallingLineIdLastName: D\ncallingLineIdFirstName: J\npasscode: "1234"\n',
    );
    // Whether a password is needed depends on the server (external authentication): a warning, not an error.
    const as = await ocip(['validate', '--format', 'json', file]);
    assert.equal(as.code, 0, 'AS mode: password required is a warning');
    assert.ok(
      JSON.parse(as.stdout)[0].diagnostics.some(
        (d: { code: string; severity: string }) => d.code === 'OCI-PASSWORD-REQUIRED' && d.severity === 'warning',
      ),
    );
    const xs = await ocip(['validate', '--format', 'json', '--data-mode', 'xs', '--admin-level', 'system', file]);
    assert.equal(xs.code, 0, xs.stdout);
    assert.ok(JSON.parse(xs.stdout)[0].diagnostics.some((d: { code: string }) => d.code === 'OCI-XS-IGNORED'));
    const ext = await ocip(['validate', '--format', 'json', '--external-authentication', file]);
    assert.equal(ext.code, 0, ext.stdout);
    assert.ok(!JSON.parse(ext.stdout)[0].diagnostics.some((d: { code: string }) => d.code === 'OCI-PASSWORD-REQUIRED'));
  });

  it('folders are searched for OCI-P files', async () => {
    const r = await ocip(['validate', '--format', 'json', dir]);
    const files = (JSON.parse(r.stdout) as { file: string }[]).map((f) => f.file).sort();
    assert.deepEqual(
      files,
      [join(dir, 'bad.ocip.yaml'), join(dir, 'ok.ocip.yaml'), join(dir, 'plain.xml'), join(dir, 'xs.ocip.yaml')].sort(),
    );
  });

  it('usage and I/O errors exit 2 with a clear message', async () => {
    const missing = await ocip(['validate', join(dir, 'nope.ocip.yaml')]);
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /cannot read .*nope\.ocip\.yaml: ENOENT/);
    const badFlag = await ocip(['validate', '--data-mode', 'ZZ', join(dir, 'ok.ocip.yaml')]);
    assert.equal(badFlag.code, 2);
    assert.match(badFlag.stderr, /--data-mode must be AS or XS/);
    const noFiles = await ocip(['validate']);
    assert.equal(noFiles.code, 2);
    const unknownCmd = await ocip(['frobnicate']);
    assert.equal(unknownCmd.code, 2);
    const notOcip = await ocip(['validate', join(dir, 'notes.txt')]);
    assert.equal(notOcip.code, 2);
    assert.match(notOcip.stderr, /not an OCI-P file/);
  });

  it('--schema-dir: a user XSD folder checks its own commands', async () => {
    const fixtures = join(REPO, 'test', 'fixtures', 'xsd', 'basic');
    const r = await ocip(['validate', '--schema-dir', fixtures, '--format', 'json', join(dir, 'ok.ocip.yaml')]);
    // The fixture schema has no UserDeleteRequest: the command is unknown there.
    assert.equal(r.code, 1, r.stderr);
    assert.equal(JSON.parse(r.stdout)[0].diagnostics[0].code, 'OCI-UNKNOWN-COMMAND');
    const bad = await ocip(['validate', '--schema-dir', join(dir, 'no-such-folder'), join(dir, 'ok.ocip.yaml')]);
    assert.equal(bad.code, 2);
  });
});
