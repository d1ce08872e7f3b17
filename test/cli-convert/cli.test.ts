/** `ocip convert` and `ocip schema` as child processes (node bin/ocip.js …): output, exit codes, refusals. */
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Ajv from 'ajv';
import { parseAllDocuments } from 'yaml';
import { REPO } from '../helpers/lsp-client';
import { runOcip as ocip } from '../helpers/ocip-cli';

const YAML = `command: UserConsolidatedAddRequest22
lastName: Doe
serviceProviderId: sp
groupId: g
userId: jdoe@example.com
firstName: John
callingLineIdLastName: Doe
callingLineIdFirstName: John
password: s3cret
---
command: UserDeleteRequest
userId: old@example.com
`;

describe('ocip convert', () => {
  let dir: string;
  before(() => (dir = mkdtempSync(join(tmpdir(), 'ocip-convert-'))));
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('YAML → XML on stdout: one BroadsoftDocument, schema order, placeholder session; and back to the same data', async () => {
    const file = join(dir, 'in.ocip.yaml');
    writeFileSync(file, YAML);
    const xml = await ocip(['convert', file, '--to', 'xml']);
    assert.equal(xml.code, 0, xml.stderr);
    assert.equal(
      xml.stdout,
      `<?xml version="1.0" encoding="UTF-8"?>
<BroadsoftDocument protocol="OCI" xmlns="C" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
  <sessionId xmlns="">SESSION-ID</sessionId>
  <command xsi:type="UserConsolidatedAddRequest22" xmlns="">
    <serviceProviderId>sp</serviceProviderId>
    <groupId>g</groupId>
    <userId>jdoe@example.com</userId>
    <lastName>Doe</lastName>
    <firstName>John</firstName>
    <callingLineIdLastName>Doe</callingLineIdLastName>
    <callingLineIdFirstName>John</callingLineIdFirstName>
    <password>s3cret</password>
  </command>
  <command xsi:type="UserDeleteRequest" xmlns="">
    <userId>old@example.com</userId>
  </command>
</BroadsoftDocument>
`,
    );
    const xmlFile = join(dir, 'out.ocip.xml');
    writeFileSync(xmlFile, xml.stdout);
    const back = await ocip(['convert', xmlFile, '--to', 'yaml']);
    assert.equal(back.code, 0, back.stderr);
    const data = (text: string) => parseAllDocuments(text).map((d) => d.toJS());
    assert.deepEqual(data(back.stdout), data(YAML));
    assert.match(
      back.stdout,
      /^command: UserConsolidatedAddRequest22\nserviceProviderId: sp\ngroupId: g\nuserId: jdoe@example.com\nlastName: Doe\n/,
    );
  });

  it('--out writes the file and prints nothing', async () => {
    const file = join(dir, 'in2.ocip.yaml');
    const out = join(dir, 'written.ocip.xml');
    writeFileSync(file, YAML);
    const result = await ocip(['convert', file, '--to', 'xml', '--out', out]);
    assert.equal(result.code, 0, result.stderr);
    assert.equal(result.stdout, '');
    assert.match(readFileSync(out, 'utf8'), /<command xsi:type="UserDeleteRequest" xmlns="">/);
  });

  it('refuses a file with syntax errors with exit 1 and the position', async () => {
    const file = join(dir, 'broken.ocip.yaml');
    writeFileSync(file, 'command: UserDeleteRequest\nuserId: [x\n');
    const result = await ocip(['convert', file, '--to', 'xml']);
    assert.equal(result.code, 1);
    assert.equal(result.stdout, '');
    assert.match(result.stderr, /broken\.ocip\.yaml: line \d+, column \d+: .+Fix the syntax errors first\./);
  });

  it('usage errors exit 2', async () => {
    const file = join(dir, 'in3.ocip.yaml');
    writeFileSync(file, YAML);
    const noTo = await ocip(['convert', file]);
    assert.equal(noTo.code, 2);
    assert.match(noTo.stderr, /--to must be xml or yaml/);
    const badTo = await ocip(['convert', file, '--to', 'json']);
    assert.equal(badTo.code, 2);
    assert.match(badTo.stderr, /got 'json'/);
    const missing = await ocip(['convert', join(dir, 'nope.ocip.yaml'), '--to', 'xml']);
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /cannot read .*nope\.ocip\.yaml: ENOENT/);
  });
});

describe('ocip schema --json-schema', () => {
  it('exports a draft-07 schema that accepts a correct multi-document file and reports a missing required element', async () => {
    const result = await ocip(['schema', '--json-schema', 'UserConsolidatedAddRequest22']);
    assert.equal(result.code, 0, result.stderr);
    const schema = JSON.parse(result.stdout);
    assert.equal(schema.$schema, 'http://json-schema.org/draft-07/schema#');
    assert.deepEqual(schema.properties.command, { const: 'UserConsolidatedAddRequest22' });
    assert.deepEqual(schema.required, ['command', 'userId', 'lastName', 'firstName', 'callingLineIdLastName', 'callingLineIdFirstName']);
    assert.deepEqual(schema.properties.alias.anyOf[0], { type: 'array', items: { $ref: '#/definitions/SIPURI' }, maxItems: 3 });
    assert.deepEqual(schema.definitions.LastName, { type: ['string', 'number', 'boolean'], minLength: 1, maxLength: 30 });
    assert.ok(schema.definitions.DepartmentKey.oneOf.length >= 2, 'abstract type → oneOf of subtypes');
    assert.deepEqual(schema.definitions.GroupDepartmentKey.properties['xsi:type'], { const: 'GroupDepartmentKey' });

    const ajv = new Ajv({ allErrors: true, strict: false });
    const validate = ajv.compile(schema);
    // A multi-document file of our own (the examples may change): two valid users, one per group choice.
    const file = `${YAML.split('---')[0]}---\ncommand: UserConsolidatedAddRequest22\ngroupExternalId: ext-1\nuserId: u2\nlastName: L\nfirstName: F\ncallingLineIdLastName: L\ncallingLineIdFirstName: F\nalias: [a@x, b@x]\nuserService:\n  - userServiceName: Call Forwarding Always\n    authorizedQuantity:\n      quantity: 3\nthirdPartyVoiceMailServerUserServer: ~\n`;
    const docs = parseAllDocuments(file)
      .map((d) => d.toJS())
      .reverse();
    assert.equal(docs.length, 2);
    for (const doc of docs) assert.equal(validate(doc), true, JSON.stringify(validate.errors));
    assert.equal(validate({ ...docs[0], command: 'UserDeleteRequest' }), false, 'command const');
    const missing = { ...docs[0] };
    delete missing.lastName;
    assert.equal(validate(missing), false);
    assert.ok(
      validate.errors!.some((e) => e.keyword === 'required' && e.params.missingProperty === 'lastName'),
      JSON.stringify(validate.errors),
    );
    // The choice serviceProviderId+groupId | groupExternalId: both or neither is an error.
    assert.equal(validate({ ...docs[0], serviceProviderId: 's', groupId: 'g' }), false);
    const neither = { ...docs[0] };
    delete neither.groupExternalId;
    assert.equal(validate(neither), false);
    assert.equal(validate({ ...docs[0], alias: ['a', 'b', 'c', 'd'] }), false, 'maxItems');
    assert.equal(validate({ ...docs[0], department: { xsi_type: 'x' } }), false);
    assert.equal(
      validate({ ...docs[0], department: { 'xsi:type': 'GroupDepartmentKey', serviceProviderId: 's', groupId: 'g', name: 'n' } }),
      true,
    );
  });

  it('several commands: each document is checked against the command it names', async () => {
    const result = await ocip(['schema', '--json-schema', 'UserConsolidatedAddRequest22,UserDeleteRequest']);
    assert.equal(result.code, 0, result.stderr);
    const validate = new Ajv({ allErrors: true, strict: false }).compile(JSON.parse(result.stdout));
    assert.equal(validate({ command: 'UserDeleteRequest', userId: 'u' }), true, JSON.stringify(validate.errors));
    assert.equal(validate({ command: 'UserDeleteRequest' }), false);
    assert.equal(validate({ command: 'UserDeleteRequest', userId: 'u', lastName: 'x' }), false);
    assert.equal(validate({ command: 'Other', userId: 'u' }), false);
  });

  it("'all': every command of the model; a whole mixed multi-document example file validates", async () => {
    const result = await ocip(['schema', '--json-schema', 'all']);
    assert.equal(result.code, 0, result.stderr);
    const schema = JSON.parse(result.stdout);
    for (const c of ['UserConsolidatedAddRequest22', 'UserDeleteRequest', 'UserGetRequest23V2', 'GroupAddRequest'])
      assert.ok(schema.properties.command.enum.includes(c), c);
    assert.ok(schema.properties.command.enum.length > 2700);
    const validate = new Ajv({ allErrors: true, strict: false }).compile(schema);
    const docs = parseAllDocuments(readFileSync(join(REPO, 'examples', 'bulk-users.ocip.yaml'), 'utf8')).map((d) => d.toJS());
    assert.ok(new Set(docs.map((d) => d.command)).size > 1);
    for (const doc of docs) assert.equal(validate(doc), true, JSON.stringify(validate.errors));
  });

  it('an unknown command is a usage error', async () => {
    const result = await ocip(['schema', '--json-schema', 'UserAddRequest99']);
    assert.equal(result.code, 2);
    assert.match(result.stderr, /unknown command 'UserAddRequest99'/);
  });
});
