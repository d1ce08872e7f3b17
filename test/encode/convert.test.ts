import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { toXml, toYaml } from '../../core/encode';
import { builtinModel } from '../../core/model/load';
import { parseXml } from '../../core/syntax/xml';
import { parseYaml } from '../../core/syntax/yaml';
import type { ElementNode, SourceFile } from '../../core/tree/types';

const model = builtinModel();

/** The data of a file without positions: what a round trip must keep. */
function data(file: SourceFile) {
  const element = (e: ElementNode): unknown => ({
    name: e.name,
    xsiType: e.xsiType?.text,
    nil: !!e.nil,
    value: e.children ? undefined : e.value?.text,
    children: e.children?.map(element),
  });
  return file.commands.map((c) => ({ name: c.name, children: c.children.map(element) }));
}

const XML = `<?xml version="1.0" encoding="UTF-8"?>
<BroadsoftDocument protocol="OCI" xmlns="C" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
  <sessionId xmlns="">my-session</sessionId>
  <command xsi:type="UserConsolidatedAddRequest22" xmlns="">
    <serviceProviderId>007</serviceProviderId>
    <groupId>true</groupId>
    <userId>null</userId>
    <lastName>1e3</lastName>
    <firstName>: x # y</firstName>
    <callingLineIdLastName> padded </callingLineIdLastName>
    <callingLineIdFirstName>é € 😀 &amp; &lt;tag&gt;</callingLineIdFirstName>
    <department xsi:type="GroupDepartmentKey">
      <serviceProviderId>s</serviceProviderId>
      <groupId>g</groupId>
      <name>R&amp;D</name>
    </department>
    <alias>a1@x</alias>
    <alias>a2@x</alias>
    <thirdPartyVoiceMailServerUserServer xsi:nil="true"/>
  </command>
</BroadsoftDocument>
`;

test('XML → YAML gives one document per command, command first, schema order, lists and ~', () => {
  const yaml = toYaml(parseXml(XML), model);
  assert.equal(
    yaml,
    [
      'command: UserConsolidatedAddRequest22',
      'serviceProviderId: "007"',
      'groupId: "true"',
      'userId: "null"',
      'lastName: "1e3"',
      'firstName: ": x # y"',
      'callingLineIdLastName: " padded "',
      'callingLineIdFirstName: é € 😀 & <tag>',
      'department:',
      '  xsi:type: GroupDepartmentKey',
      '  serviceProviderId: s',
      '  groupId: g',
      '  name: R&D',
      'alias:',
      '  - a1@x',
      '  - a2@x',
      'thirdPartyVoiceMailServerUserServer: ~',
      '',
    ].join('\n'),
  );
});

test('XML → YAML → XML keeps the data and the envelope layout', () => {
  const xml = parseXml(XML);
  const yaml = parseYaml(toYaml(xml, model));
  assert.deepEqual(yaml.problems, []);
  assert.deepEqual(data(yaml), data(xml));
  const again = toXml(yaml, model, { envelope: true });
  assert.deepEqual(data(parseXml(again)), data(xml));
  assert.equal(toXml(xml, model), XML, 'a formatted file converts to itself');
});

test('YAML → XML → YAML gives the same YAML, keys in any order to start with', () => {
  const source = [
    'command: UserConsolidatedAddRequest22',
    'lastName: Doe',
    'department:',
    '  name: n',
    '  xsi:type: GroupDepartmentKey',
    'userId: " 007 "',
    'alias: [one]',
    'unknownThing: kept',
    '---',
    'command: UserConsolidatedAddRequest22',
    'groupId: "yes"',
    '',
  ].join('\n');
  const yaml = parseYaml(source);
  assert.deepEqual(yaml.problems, []);
  const xml = toXml(yaml, model);
  assert.equal(xml.split('<command ').length - 1, 2);
  const back = toYaml(parseXml(xml), model);
  assert.equal(back, toYaml(yaml, model));
  assert.match(
    back,
    /^command: UserConsolidatedAddRequest22\nuserId: " 007 "\nlastName: Doe\ndepartment:\n  xsi:type: GroupDepartmentKey\n  name: n\nalias:\n  - one\nunknownThing: kept\n---\ncommand: UserConsolidatedAddRequest22\ngroupId: yes\n$/,
    'YAML 1.2: yes is a plain string',
  );
});

test('toXml wraps in an envelope with a placeholder session id on request', () => {
  const yaml = parseYaml('command: UserConsolidatedAddRequest22\nuserId: u\n');
  const xml = toXml(yaml, model, { envelope: true });
  const back = parseXml(xml);
  assert.deepEqual(back.problems, []);
  assert.equal(back.envelope!.children[0].value!.text, 'SESSION-ID');
  assert.equal(back.commands[0].children[0].value!.text, 'u');
});

/** Any string XML 1.0 can carry. */
const xmlString = fc.string({
  unit: fc.oneof(
    fc.constantFrom('\t', '\n', ' ', '&', '<', '>', '"', "'", ':', '#', '-', '~', '[', '{', '!', '%', '@', '`', '|', '*'),
    fc.constantFrom('é', '€', '😀', '0', '1', 'e', 'a', 'true', 'null', 'no', '.', '\u00a0'),
  ),
  maxLength: 20,
});

test('any value survives XML → YAML → XML and YAML → XML → YAML unchanged', () => {
  fc.assert(
    fc.property(xmlString, xmlString, (a, b) => {
      const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/\r/g, '&#13;');
      const xmlText = `<command xsi:type="UserConsolidatedAddRequest22" xmlns=""><userId>${escape(a)}</userId><alias>${escape(b)}</alias></command>`;
      const xml = parseXml(xmlText);
      assert.deepEqual(xml.problems, []);
      const yaml = parseYaml(toYaml(xml, model));
      assert.deepEqual(yaml.problems, []);
      assert.deepEqual(data(yaml), data(xml));
      const xml2 = parseXml(toXml(yaml, model));
      assert.deepEqual(data(xml2), data(xml));
    }),
    { numRuns: 300, seed: 20261126 },
  );
});

test('a whitespace-only multi-line value keeps its leading space through YAML (found by the property above)', () => {
  const xml = parseXml('<command xsi:type="UserConsolidatedAddRequest22" xmlns=""><alias> \n</alias><title>a\n  b</title></command>');
  const yaml = parseYaml(toYaml(xml, model));
  assert.deepEqual(yaml.problems, []);
  assert.deepEqual(data(yaml), data(xml));
});
