/** `ocip render`, `ocip validate` and `ocip send` on a template with CSV data, as child processes, against the simulator. */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { ADMIN, ADMIN_PASSWORD, startTestSimulator, tempDir } from '../send/fixtures';
import { buildOnce, ROOT, runOcip } from '../helpers/ocip-cli';

const TEMPLATE = `# ocip-data: users.csv
command: UserConsolidatedAddRequest22
serviceProviderId: \${sp:-sp1}
groupId: g1
userId: \${login}@sp1.example.com
lastName: \${last}
firstName: \${first}
callingLineIdLastName: \${last}
callingLineIdFirstName: \${first}
password: User-Pass-9931
`;

describe('ocip render / validate / send with a template', () => {
  let sim: Awaited<ReturnType<typeof startTestSimulator>>;
  const base = tempDir();
  /** Writes a file in its own sub-folder of the temporary folder (each test has its users.csv). */
  const tmp = {
    write(name: string, text: string): string {
      const p = join(base.dir, name);
      mkdirSync(dirname(p), { recursive: true });
      writeFileSync(p, text);
      return p;
    },
    cleanup: () => base.cleanup(),
  };
  const env = { OCIP_PASSWORD: ADMIN_PASSWORD };
  const tcp = () => ['--host', '127.0.0.1', '--port', String(sim.ports.tcp), '--transport', 'tcp', '--user', ADMIN];

  before(async () => {
    buildOnce();
    sim = await startTestSimulator();
  });
  after(async () => {
    await sim.close();
    tmp.cleanup();
  });

  test('render: one command per row, values exact (quotes, commas, line breaks), YAML or XML', async () => {
    const dir = join(tmp.write('r/users.csv', 'login,first,last\r\nann,Ann,"Lee, ""Jr"""\r\nbo,Bo,"Line1\nLine2"\r\n'), '..');
    const file = join(dir, 't.ocip.yaml');
    writeFileSync(file, TEMPLATE);
    const yaml = await runOcip(['render', file]);
    assert.equal(yaml.code, 0, yaml.stderr);
    assert.match(yaml.stdout, /userId: "ann@sp1\.example\.com"\nlastName: "Lee, \\"Jr\\""\n/);
    assert.match(yaml.stdout, /lastName: "Line1\\nLine2"/);
    assert.equal(yaml.stdout.match(/^command: /gm)?.length, 2);
    const xml = await runOcip(['render', file, '--to', 'xml', '--rows', '3', '--var', 'sp=other']);
    assert.equal(xml.code, 0, xml.stderr);
    assert.match(xml.stdout, /<serviceProviderId>other<\/serviceProviderId>/);
    assert.match(xml.stdout, /<lastName>Line1\nLine2<\/lastName>/);
    assert.doesNotMatch(xml.stdout, /ann@/);
  });

  test('render: ISO-8859-1 and UTF-8 with a BOM give the same text; --data overrides the ocip-data line', async () => {
    const latin = tmp.write('enc/latin.csv', '');
    writeFileSync(latin, Buffer.from('login,first,last\nzoe,Zo\xeb,M\xfcller\n', 'latin1'));
    const bom = join(latin, '..', 'bom.csv');
    writeFileSync(bom, Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('login,first,last\nzoe,Zoë,Müller\n', 'utf8')]));
    const file = join(latin, '..', 't.ocip.yaml');
    writeFileSync(file, TEMPLATE);
    const a = await runOcip(['render', file, '--data', latin]);
    const b = await runOcip(['render', file, '--data', bom]);
    assert.equal(a.code, 0, a.stderr);
    assert.equal(a.stdout, b.stdout);
    assert.match(a.stdout, /firstName: "Zoë"\nlastName|lastName: "Müller"/);
  });

  test('render refuses a placeholder in a key, with its position', async () => {
    const file = tmp.write('bad/t.ocip.yaml', 'command: UserGetRequest22\n${field}: x\n');
    const r = await runOcip(['render', file, '--var', 'field=userId']);
    assert.equal(r.code, 1);
    assert.match(r.stderr, /t\.ocip\.yaml:2:1: error OCI-TEMPLATE-PLACE \$\{field\} is not in a value/);
  });

  test('validate: cell diagnostics have file = the CSV and the cell range (json, sarif, text)', async () => {
    const csv = 'login,first,last\nann,Ann,Lee\nbo,,Lo\n';
    const file = tmp.write('v/t.ocip.yaml', TEMPLATE);
    const csvFile = join(file, '..', 'users.csv');
    writeFileSync(csvFile, csv);
    const json = await runOcip(['validate', '--format', 'json', file]);
    assert.equal(json.code, 1);
    const reports = JSON.parse(json.stdout) as { file: string; diagnostics: { code: string; message: string; range: unknown }[] }[];
    const onCsv = reports.find((r) => r.file === csvFile)!;
    assert.deepEqual(
      onCsv.diagnostics.map((d) => [d.code, d.range]),
      [
        ['OCI-EMPTY', { start: { line: 2, character: 3 }, end: { line: 2, character: 3 } }],
        ['OCI-EMPTY', { start: { line: 2, character: 3 }, end: { line: 2, character: 3 } }],
      ],
    );
    assert.match(onCsv.diagnostics[0].message, /^Row 3, column 'first' \(firstName\)/);
    const onTemplate = reports.find((r) => r.file === file)!;
    assert.ok(onTemplate.diagnostics.some((d) => d.code === 'OCI-EMPTY' && /^1 row \(3\)/.test(d.message)));
    const sarif = JSON.parse((await runOcip(['validate', '--format', 'sarif', file])).stdout);
    const uris = sarif.runs[0].results.map(
      (r: { locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }) =>
        r.locations[0].physicalLocation.artifactLocation.uri,
    );
    assert.ok(uris.includes(csvFile));
    const text = await runOcip(['validate', file]);
    assert.match(text.stdout, new RegExp(`${csvFile.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}:3:4: error OCI-EMPTY Row 3`));
  });

  test('examples/onboarding-csv: ocip validate prints expected-validate.txt', async () => {
    const dir = join(ROOT, 'examples', 'onboarding-csv');
    const r = await runOcip(['validate', 'users.ocip.yaml'], { cwd: dir });
    assert.equal(r.code, 1);
    assert.equal(r.stdout, readFileSync(join(dir, 'expected-validate.txt'), 'utf8'));
  });

  test('send --rows: only the rows named are checked and sent (a bad row left out does not block)', async () => {
    const file = tmp.write('rows/t.ocip.yaml', TEMPLATE);
    writeFileSync(join(file, '..', 'users.csv'), 'login,first,last\nskip-a,Ann,Lee\nskip-b,,Lo\n');
    const r = await runOcip(['send', file, '--rows', '2', ...tcp()], { env });
    assert.equal(r.code, 0, r.stderr);
    assert.equal(r.stdout, 'row 2 login=skip-a: ok\n1 of 1 row succeeded; 1 of 1 command succeeded.\n');
    assert.ok(sim.state.users['skip-a@sp1.example.com']);
    assert.equal(sim.state.users['skip-b@sp1.example.com'], undefined);
  });

  test('send: a template of two commands per row folds both into the row (the second failing for one row)', async () => {
    const two =
      TEMPLATE + '---\ncommand: UserModifyRequest22\nuserId: ${lookup}@sp1.example.com\nemailAddress: ${lookup}@sp1.example.com\n';
    const file = tmp.write('two/t.ocip.yaml', two);
    writeFileSync(join(file, '..', 'users.csv'), 'login,first,last,lookup\ntwo-a,Ann,Lee,two-a\ntwo-b,Bo,Lo,nobody-here\n');
    const r = await runOcip(['send', file, ...tcp()], { env });
    assert.equal(r.code, 1, r.stderr);
    const lines = r.stdout.split('\n');
    assert.equal(lines[0], 'row 2 login=two-a: ok');
    assert.match(lines[1], /^row 3 login=two-b: failed — \[Error \d+\]/);
    assert.match(lines[2], /^1 of 2 rows succeeded; 3 of 4 commands succeeded, 1 failed/);
    assert.ok(sim.state.users['two-b@sp1.example.com']);
  });

  test('send: an XML template with more rows than a BroadsoftDocument holds is checked and sent 15 commands per document', async () => {
    const xml = `<?xml version="1.0" encoding="ISO-8859-1"?>
<!-- ocip-data: users.csv -->
<BroadsoftDocument protocol="OCI" xmlns="C" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
  <sessionId xmlns="">s</sessionId>
  <command xsi:type="UserConsolidatedAddRequest22" xmlns="">
    <serviceProviderId>sp1</serviceProviderId>
    <groupId>g1</groupId>
    <userId>\${login}@sp1.example.com</userId>
    <lastName>\${last}</lastName>
    <firstName>F</firstName>
    <callingLineIdLastName>\${last}</callingLineIdLastName>
    <callingLineIdFirstName>F</callingLineIdFirstName>
    <password>User-Pass-9931</password>
  </command>
</BroadsoftDocument>
`;
    const file = tmp.write('xml/t.ocip.xml', xml);
    const rows = Array.from({ length: 17 }, (_, i) => `xml-${i},"O'Neil & <Sons> ${i}"`).join('\n');
    writeFileSync(join(file, '..', 'users.csv'), `login,last\n${rows}\n`);
    const validate = await runOcip(['validate', file]);
    assert.equal(validate.code, 0, validate.stdout + validate.stderr);
    const r = await runOcip(['send', file, ...tcp()], { env });
    assert.equal(r.code, 0, r.stderr + r.stdout);
    assert.match(r.stdout, /17 of 17 rows succeeded/);
    assert.equal(sim.state.users['xml-16@sp1.example.com']?.lastName, "O'Neil & <Sons> 16");
  });

  test('send: refused with a bad cell (nothing sent); then one result per row, results CSV, re-send of the failed rows, --sessions', async () => {
    const file = tmp.write('s/t.ocip.yaml', TEMPLATE);
    const csvFile = join(file, '..', 'users.csv');
    writeFileSync(csvFile, 'login,first,last\ntpl-a,Ann,Lee\ntpl-b,,Lo\n');
    const refused = await runOcip(['send', file, ...tcp()], { env });
    assert.equal(refused.code, 1);
    assert.match(refused.stderr, /users\.csv:3:\d+: error OCI-EMPTY Row 3, column 'first'/);
    assert.equal(sim.state.users['tpl-a@sp1.example.com'], undefined);

    // tpl-c already exists: its row fails on the server.
    writeFileSync(csvFile, 'login,first,last\ntpl-a,Ann,Lee\ntpl-c,Cy,Cole\ntpl-b,Bo,Lo\n');
    const pre = await runOcip(['send', file, '--rows', '3', ...tcp()], { env });
    assert.equal(pre.code, 0, pre.stderr + pre.stdout);
    const results = join(file, '..', 'results.csv');
    const sent = await runOcip(['send', file, ...tcp(), '--results', results], { env });
    assert.equal(sent.code, 1, sent.stderr);
    assert.match(sent.stdout, /^row 2 login=tpl-a: ok\nrow 3 login=tpl-c: failed — \[Error 4200\] User already exists/);
    assert.match(sent.stdout, /row 4 login=tpl-b: ok\n2 of 3 rows succeeded/);
    const lines = readFileSync(results, 'utf8').split('\r\n');
    assert.equal(lines[0], 'row,login,status,message');
    assert.equal(lines[1], '2,tpl-a,ok,OK');
    assert.match(lines[2], /^3,tpl-c,failed,\[Error 4200\] User already exists/);
    assert.equal(lines[3], '4,tpl-b,ok,OK');
    assert.ok(sim.state.users['tpl-a@sp1.example.com'] && sim.state.users['tpl-b@sp1.example.com']);

    // The failed row fixed and sent again alone.
    writeFileSync(csvFile, 'login,first,last\ntpl-a,Ann,Lee\ntpl-d,Cy,Cole\ntpl-b,Bo,Lo\n');
    const again = await runOcip(['send', file, '--rows', '3', ...tcp(), '--results', results], { env });
    assert.equal(again.code, 0, again.stderr);
    assert.equal(readFileSync(results, 'utf8'), 'row,login,status,message\r\n3,tpl-d,ok,OK\r\n');

    // Several sessions in parallel: every row sent once.
    const many = Array.from({ length: 9 }, (_, i) => `par-${i},P${i},Q${i}`).join('\n');
    writeFileSync(csvFile, `login,first,last\n${many}\n`);
    const par = await runOcip(['send', file, ...tcp(), '--sessions', '3', '--format', 'json'], { env });
    assert.equal(par.code, 0, par.stderr);
    const rows = JSON.parse(par.stdout) as { row: number; status: string; keys: Record<string, string> }[];
    assert.deepEqual(
      rows.map((r) => [r.row, r.status, r.keys.login]),
      Array.from({ length: 9 }, (_, i) => [i + 2, 'ok', `par-${i}`]),
    );
    for (let i = 0; i < 9; i++) assert.ok(sim.state.users[`par-${i}@sp1.example.com`]);
  });
});
