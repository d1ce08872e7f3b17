/** The language server over stdio: open a file, get diagnostics with exact ranges; edit it; they follow. */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { LspTestClient } from '../helpers/lsp-client';
import { UCA_YAML as YAML, XML_HEAD, XML_TAIL } from '../helpers/uca22';

const XML = `${XML_HEAD}    <serviceProviderId>ent1</serviceProviderId>
    <groupId>grp1</groupId>
    <userId>jdoe@example.com</userId>
    <firstName>John</firstName>
    <lastName>Doe</lastName>
    <callingLineIdLastName>Doe</callingLineIdLastName>
    <callingLineIdFirstName>John</callingLineIdFirstName>
    <password>s3cret!</password>
${XML_TAIL}`;

describe('language server diagnostics over stdio', () => {
  let client: LspTestClient;
  before(async () => {
    client = new LspTestClient({ settings: { diagnostics: { debounceMs: 0 } } });
    await client.initialize();
  });
  after(() => client.shutdown());

  it('reports a missing required element at the command key, and follows an edit that fixes it', async () => {
    const uri = 'file:///w/missing.ocip.yaml';
    client.open(uri, 'ocip-yaml', YAML);
    const first = await client.diagnosticsFor(uri, 1);
    const missing = first.filter((d) => d.code === 'OCI-MISSING');
    assert.equal(missing.length, 1, JSON.stringify(first));
    assert.match(missing[0].message, /`lastName`/);
    assert.deepEqual(missing[0].range, { start: { line: 0, character: 0 }, end: { line: 0, character: 7 } });
    assert.equal(missing[0].severity, 1);
    assert.equal(missing[0].source, 'ocip');

    // Insert "lastName: Doe" after the firstName line.
    const v2 = client.change(uri, [
      { range: { start: { line: 5, character: 0 }, end: { line: 5, character: 0 } }, text: 'lastName: Doe\n' },
    ]);
    const second = await client.diagnosticsFor(uri, v2);
    assert.equal(second.filter((d) => d.severity === 1).length, 0, JSON.stringify(second));

    // Misspell a value: an enumeration error with its exact range.
    const v3 = client.change(uri, [
      {
        range: { start: { line: 9, character: 0 }, end: { line: 9, character: 0 } },
        text: 'userService:\n  - userServiceName: Shared Call Apperance\n',
      },
    ]);
    const third = await client.diagnosticsFor(uri, v3);
    const bad = third.find((d) => d.code === 'OCI-ENUM');
    assert.ok(bad, JSON.stringify(third));
    assert.deepEqual(bad.range, { start: { line: 10, character: 21 }, end: { line: 10, character: 42 } });
    assert.match(bad.message, /closest allowed: Shared Call Appearance/);
  });

  it('checks XML element order and reports it on the out-of-order element', async () => {
    const uri = 'file:///w/order.ocip.xml';
    client.open(uri, 'ocip-xml', XML);
    const diags = await client.diagnosticsFor(uri, 1);
    const order = diags.filter((d) => d.code === 'OCI-ORDER');
    assert.equal(order.length, 1, JSON.stringify(diags));
    assert.deepEqual(order[0].range, { start: { line: 8, character: 5 }, end: { line: 8, character: 13 } });
    assert.match(order[0].message, /`lastName` must come before `firstName`/);
  });

  it('applies XS data mode rules after a settings change', async () => {
    const uri = 'file:///w/xs.ocip.yaml';
    client.open(uri, 'ocip-yaml', YAML.replace('firstName: John\n', 'firstName: John\nlastName: Doe\npasscode: "1234"\n'));
    const as = await client.diagnosticsFor(uri, 1);
    assert.equal(as.filter((d) => d.code === 'OCI-XS-IGNORED').length, 0);
    client.changeSettings({ dataMode: 'XS', adminLevel: 'Group', diagnostics: { debounceMs: 0 } });
    const xs = await client.waitForDiagnostics(uri, (p) => p.diagnostics.some((d) => d.code === 'OCI-XS-IGNORED'));
    const ignored = xs.diagnostics.find((d) => d.code === 'OCI-XS-IGNORED')!;
    assert.deepEqual(ignored.range, { start: { line: 6, character: 0 }, end: { line: 6, character: 8 } });
    assert.deepEqual(ignored.tags, [1]);
    assert.ok(xs.diagnostics.some((d) => d.code === 'OCI-XS-SYSTEM-ONLY'));
    client.changeSettings({ diagnostics: { debounceMs: 0 } });
  });

  it('keeps working after a syntax error and recovers', async () => {
    const uri = 'file:///w/broken.ocip.yaml';
    client.open(uri, 'ocip-yaml', 'command: UserDeleteRequest\nuserId: [unclosed\n---\ncommand: UserDeleteRequest\nuserIdd: a@b\n');
    const diags = await client.diagnosticsFor(uri, 1);
    assert.ok(
      diags.some((d) => d.code === 'OCI-YAML-SYNTAX'),
      JSON.stringify(diags),
    );
    const unknown = diags.find((d) => d.code === 'OCI-UNKNOWN-ELEMENT');
    assert.ok(unknown, 'the second document is still checked');
    assert.equal(unknown.range.start.line, 4);
    assert.match(unknown.message, /Did you mean `userId`/);
  });
});
