// The XSD compiler on a small fixture set written for these tests (test/fixtures/xsd/basic):
// a "C"-namespace core (with an include) imported by a no-namespace command file (with an include).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { compileSchemaDir } from '../../core/xsd/compile';
import { closure } from '../../core/xsd/closure';
import type { ElementDecl } from '../../core/model/types';

const FIXTURES = join(__dirname, '../fixtures/xsd');
const basic = compileSchemaDir(join(FIXTURES, 'basic'));
const { model } = basic;
const el = (name: string, type: string, extra: Partial<ElementDecl> = {}): ElementDecl => ({
  kind: 'element',
  name,
  type,
  minOccurs: 1,
  maxOccurs: 1,
  ...extra,
});
const echo = { name: 'echo', type: 'xs:string', required: false };
const locale = { name: 'locale', type: 'xs:token', required: false };

test('every global and anonymous type is compiled, namespaced types prefixed "C:"', () => {
  assert.deepEqual(Object.keys(model.complexTypes), [
    'Amount',
    'BaseAddress',
    'C:Command',
    'C:Envelope',
    'C:OCIRequest',
    'C:OCIResponse',
    'C:Request',
    'C:SuccessResponse',
    'CityOnlyAddress',
    'DepartmentKey',
    'EnterpriseDepartmentKey',
    'FullAddress',
    'GroupDepartmentKey',
    'Loose',
    'SmallAmount',
    'ThingAddRequest',
    'ThingAddRequest.part',
    'ThingDeleteRequest',
    'ThingGetResponse',
  ]);
  assert.deepEqual(Object.keys(model.simpleTypes), [
    'C:Envelope@protocol',
    'C:NonEmptyToken',
    'Code',
    'CodeList',
    'CodeOrNumber',
    'CodeOrNumber.member1',
    'Color',
    'DigitCode',
    'Label',
    'LowPercent',
    'Name',
    'Percent',
    'PrimaryColor',
    'ShortName',
    'SmallAmount.value',
    'ThingAddRequest.label',
  ]);
  assert.equal(model.source, 'basic');
});

test('unknown constructs are warnings, not errors', () => {
  assert.deepEqual(basic.warnings, ['cmd/Commands.xsd: Loose: unsupported construct xs:any ignored']);
});

test('extension chains: base content first, attributes inherited, base kept, abstract flag', () => {
  assert.deepEqual(model.complexTypes['C:Command'], { name: 'C:Command', abstract: true, attributes: [echo] });
  assert.deepEqual(model.complexTypes['C:OCIRequest'], {
    name: 'C:OCIRequest',
    abstract: true,
    base: 'C:Request',
    attributes: [echo, locale],
  });
  assert.deepEqual(model.complexTypes.FullAddress, {
    name: 'FullAddress',
    base: 'BaseAddress',
    content: {
      kind: 'sequence',
      minOccurs: 1,
      maxOccurs: 1,
      items: [el('line1', 'Name'), el('city', 'Name', { minOccurs: 0 }), el('zip', 'Name', { minOccurs: 0 })],
    },
    attributes: [
      { name: 'kind', type: 'xs:token', required: false },
      { name: 'verified', type: 'xs:boolean', required: false },
    ],
  });
  assert.deepEqual(model.complexTypes.DepartmentKey, { name: 'DepartmentKey', abstract: true });
  assert.equal(model.complexTypes.GroupDepartmentKey.base, 'DepartmentKey');
});

test('complexContent restriction restates content and can prohibit attributes', () => {
  assert.deepEqual(model.complexTypes.CityOnlyAddress, {
    name: 'CityOnlyAddress',
    base: 'FullAddress',
    content: { kind: 'sequence', minOccurs: 1, maxOccurs: 1, items: [el('line1', 'Name')] },
    attributes: [{ name: 'kind', type: 'xs:token', required: false }],
  });
});

test('a command: nested choice/sequence, occurrences, nillable, fixed, default, ref, anonymous types', () => {
  const t = model.complexTypes.ThingAddRequest;
  assert.equal(t.base, 'C:OCIRequest');
  assert.deepEqual(t.attributes, [echo, locale]);
  assert.equal(t.doc, undefined, 'no documentation unless keepDocs');
  assert.deepEqual(t.content, {
    kind: 'sequence',
    minOccurs: 1,
    maxOccurs: 1,
    items: [
      {
        kind: 'choice',
        minOccurs: 1,
        maxOccurs: 1,
        items: [
          { kind: 'sequence', minOccurs: 1, maxOccurs: 1, items: [el('ownerId', 'Name'), el('groupId', 'Name')] },
          el('groupExternalId', 'C:NonEmptyToken'),
        ],
      },
      el('thingId', 'ShortName'),
      el('label', 'ThingAddRequest.label'),
      el('flag', 'xs:boolean', { minOccurs: 0, fixed: 'true' }),
      el('count', 'Percent', { minOccurs: 0, default: '1' }),
      el('contact', 'Name', { minOccurs: 0, nillable: true }),
      el('department', 'DepartmentKey', { minOccurs: 0 }),
      el('part', 'ThingAddRequest.part', { minOccurs: 0, maxOccurs: 'unbounded' }),
      { kind: 'choice', minOccurs: 0, maxOccurs: 2, items: [el('color', 'PrimaryColor'), el('amount', 'SmallAmount')] },
      el('note', 'xs:string', { minOccurs: 0, nillable: true }),
      el('marker', 'xs:anyType'),
    ],
  });
  assert.deepEqual(model.complexTypes['ThingAddRequest.part'], {
    name: 'ThingAddRequest.part',
    anonymous: true,
    content: { kind: 'sequence', minOccurs: 1, maxOccurs: 1, items: [el('partName', 'Name')] },
  });
  assert.deepEqual(model.complexTypes['C:Envelope'].content?.items, [
    el('tracking', 'C:NonEmptyToken', { minOccurs: 0 }),
    el('command', 'C:Command', { maxOccurs: 3 }),
  ]);
  assert.deepEqual(model.complexTypes['C:Envelope'].attributes, [{ name: 'protocol', type: 'C:Envelope@protocol', required: true }]);
});

test('simple type restriction chains carry the effective facets', () => {
  const st = model.simpleTypes;
  assert.deepEqual(st.Name, { name: 'Name', builtin: 'token', whiteSpace: 'collapse', minLength: 1, maxLength: 30 });
  assert.deepEqual(st.ShortName, {
    name: 'ShortName',
    builtin: 'token',
    restricts: 'Name',
    whiteSpace: 'collapse',
    minLength: 1,
    maxLength: 10,
  });
  assert.deepEqual(st.Label, { name: 'Label', builtin: 'normalizedString', whiteSpace: 'replace', maxLength: 5 });
  assert.deepEqual(st['ThingAddRequest.label'], {
    name: 'ThingAddRequest.label',
    anonymous: true,
    builtin: 'normalizedString',
    restricts: 'Label',
    whiteSpace: 'replace',
    minLength: 2,
    maxLength: 5,
  });
  assert.deepEqual(st.Code, {
    name: 'Code',
    builtin: 'string',
    whiteSpace: 'collapse',
    length: 4,
    patterns: ['[0-9A-F]+'],
  });
  assert.deepEqual(st.DigitCode, {
    name: 'DigitCode',
    builtin: 'string',
    restricts: 'Code',
    whiteSpace: 'collapse',
    length: 4,
    patterns: ['[0-9A-F]+', '(?:[0-9]+)|(?:A[0-9]+)'],
  });
  assert.deepEqual(st.LowPercent, {
    name: 'LowPercent',
    builtin: 'int',
    restricts: 'Percent',
    whiteSpace: 'collapse',
    minInclusive: 0,
    maxInclusive: 100,
    minExclusive: -1,
    maxExclusive: 50,
  });
  assert.deepEqual(st.PrimaryColor, {
    name: 'PrimaryColor',
    builtin: 'token',
    restricts: 'Color',
    whiteSpace: 'collapse',
    enumeration: ['Red', 'Blue'],
  });
  assert.deepEqual(st['C:Envelope@protocol'], {
    name: 'C:Envelope@protocol',
    anonymous: true,
    builtin: 'NMTOKEN',
    whiteSpace: 'collapse',
    enumeration: ['OCI'],
  });
  assert.deepEqual(st['C:NonEmptyToken'], { name: 'C:NonEmptyToken', builtin: 'token', whiteSpace: 'collapse', minLength: 1 });
});

test('xs:list and xs:union', () => {
  assert.deepEqual(model.simpleTypes.CodeList, { name: 'CodeList', builtin: 'list', whiteSpace: 'collapse', itemType: 'Code' });
  assert.deepEqual(model.simpleTypes.CodeOrNumber, {
    name: 'CodeOrNumber',
    builtin: 'union',
    whiteSpace: 'collapse',
    memberTypes: ['Code', 'xs:int', 'CodeOrNumber.member1'],
  });
  assert.deepEqual(model.simpleTypes['CodeOrNumber.member1'].enumeration, ['none']);
});

test('simpleContent extension and restriction', () => {
  const currency = { name: 'currency', type: 'Name', required: true };
  assert.deepEqual(model.complexTypes.Amount, { name: 'Amount', simpleContent: 'xs:decimal', attributes: [currency] });
  assert.deepEqual(model.complexTypes.SmallAmount, {
    name: 'SmallAmount',
    base: 'Amount',
    simpleContent: 'SmallAmount.value',
    attributes: [currency],
  });
  assert.deepEqual(model.simpleTypes['SmallAmount.value'], {
    name: 'SmallAmount.value',
    anonymous: true,
    builtin: 'decimal',
    whiteSpace: 'collapse',
    maxInclusive: 100,
  });
});

test('keepDocs keeps xs:documentation, trimmed line by line', () => {
  const withDocs = compileSchemaDir(join(FIXTURES, 'basic'), { keepDocs: true }).model;
  assert.equal(withDocs.complexTypes.ThingAddRequest.doc, 'Adds a thing.\nSecond line.');
  const thingId = withDocs.complexTypes.ThingAddRequest.content!.items[1] as ElementDecl;
  assert.equal(thingId.doc, "The thing's id.");
});

test('closure: element types, bases, value types and subtypes of abstract element types', () => {
  const c = closure(model, ['ThingAddRequest']);
  assert.deepEqual(Object.keys(c.complexTypes), [
    'Amount',
    'C:Command',
    'C:OCIRequest',
    'C:Request',
    'DepartmentKey',
    'EnterpriseDepartmentKey',
    'GroupDepartmentKey',
    'SmallAmount',
    'ThingAddRequest',
    'ThingAddRequest.part',
  ]);
  assert.deepEqual(Object.keys(c.simpleTypes), [
    'C:NonEmptyToken',
    'Color',
    'Label',
    'Name',
    'Percent',
    'PrimaryColor',
    'ShortName',
    'SmallAmount.value',
    'ThingAddRequest.label',
  ]);
  // Reached only as a base: its other subtypes (SuccessResponse) are not pulled in.
  assert.deepEqual(Object.keys(closure(model, ['ThingGetResponse']).complexTypes), [
    'BaseAddress',
    'C:Command',
    'C:OCIResponse',
    'FullAddress',
    'ThingGetResponse',
  ]);
});

test('a missing included file is an error naming the file and the includer', () => {
  assert.throws(
    () => compileSchemaDir(join(FIXTURES, 'broken')),
    (e: Error) => e.message.includes('Missing.xsd') && e.message.includes('Includer.xsd'),
  );
});

test('a missing folder is an error naming it', () => {
  assert.throws(() => compileSchemaDir(join(FIXTURES, 'no-such-folder')), /Schema folder not found: .*no-such-folder/);
});

test('a file that is not well-formed XML is an error naming the file', () => {
  assert.throws(() => compileSchemaDir(join(FIXTURES, 'malformed')), /Bad\.xsd: not well-formed XML/);
});
