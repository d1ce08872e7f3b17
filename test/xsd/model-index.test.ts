// ModelIndex lookups, the built-in model, the cached loader for a user's XSD folder, and field docs.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { builtinModel, forgetLoadedSchemas, loadSchemaDirCached } from '../../core/model/load';
import coreChunk from '../../core/model/generated/r25/core.json';
import { ANY_TYPE, ModelIndex } from '../../core/model/model-index';
import { commandDoc, describeElement, describedElementNames } from '../../core/model/docs';
import { compileSchemaDir } from '../../core/xsd/compile';

const BASIC = join(__dirname, '../fixtures/xsd/basic');
const fixture = new ModelIndex(compileSchemaDir(BASIC).model);

test('commands and responses are the concrete types derived from C:OCIRequest / C:OCIResponse', () => {
  assert.deepEqual(fixture.commandNames(), ['ThingAddRequest', 'ThingDeleteRequest']);
  assert.deepEqual(fixture.responseNames(), ['C:SuccessResponse', 'ThingGetResponse']);
  assert.equal(fixture.isRequest('ThingAddRequest'), true);
  assert.equal(fixture.isRequest('C:OCIRequest'), false, 'abstract');
  assert.equal(fixture.isRequest('FullAddress'), false);
  assert.equal(fixture.isResponse('ThingGetResponse'), true);
  assert.deepEqual(fixture.ancestors('ThingAddRequest'), ['C:OCIRequest', 'C:Request', 'C:Command']);
});

test('type lookups, built-in descriptors and subtypes', () => {
  assert.equal(fixture.complexType('FullAddress')?.base, 'BaseAddress');
  assert.equal(fixture.complexType('Name'), undefined);
  assert.equal(fixture.complexType('xs:anyType'), ANY_TYPE);
  assert.equal(fixture.complexType('constructor'), undefined, 'no prototype lookups');
  assert.equal(fixture.simpleType('toString'), undefined);
  assert.deepEqual(fixture.simpleType('xs:token'), { name: 'xs:token', builtin: 'token', whiteSpace: 'collapse' });
  assert.deepEqual(fixture.simpleType('xs:normalizedString')?.whiteSpace, 'replace');
  assert.deepEqual(fixture.simpleType('xs:string')?.whiteSpace, 'preserve');
  assert.deepEqual(fixture.simpleType('xs:int'), { name: 'xs:int', builtin: 'int', whiteSpace: 'collapse' });
  assert.equal(fixture.simpleType('ShortName')?.maxLength, 10);
  assert.equal(fixture.isSimple('xs:boolean'), true);
  assert.equal(fixture.isSimple('ThingAddRequest.label'), true);
  assert.equal(fixture.isSimple('DepartmentKey'), false);
  assert.deepEqual(fixture.subtypesOf('DepartmentKey'), ['EnterpriseDepartmentKey', 'GroupDepartmentKey']);
  assert.deepEqual(fixture.subtypesOf('C:Command'), ['C:SuccessResponse', 'ThingAddRequest', 'ThingDeleteRequest', 'ThingGetResponse']);
});

test("elementDecls lists a type's elements in schema order, base first; childDecl finds one", () => {
  assert.deepEqual(
    fixture.elementDecls('ThingAddRequest').map((d) => d.name),
    [
      'ownerId',
      'groupId',
      'groupExternalId',
      'thingId',
      'label',
      'flag',
      'count',
      'contact',
      'department',
      'part',
      'color',
      'amount',
      'note',
      'marker',
    ],
  );
  assert.deepEqual(
    fixture.elementDecls('FullAddress').map((d) => d.name),
    ['line1', 'city', 'zip'],
  );
  assert.deepEqual(fixture.elementDecls('Name'), []);
  assert.equal(fixture.childDecl('ThingAddRequest', 'contact')?.nillable, true);
  assert.equal(fixture.childDecl('ThingAddRequest', 'nope'), undefined);
  assert.equal(fixture.attributeDecl('ThingAddRequest', 'echo')?.type, 'xs:string');
});

test('builtinModel() is loaded once and holds every request and response of R25', () => {
  const m = builtinModel();
  assert.equal(builtinModel(), m);
  assert.equal(m.release, 'R25');
  for (const c of [
    'UserConsolidatedAddRequest22',
    'UserDeleteRequest',
    'UserGetRequest23V2',
    'ServiceProviderAddRequest13mp2',
    'GroupAddRequest',
    'SystemSoftwareVersionGetRequest',
  ])
    assert.ok(m.isRequest(c), c);
  for (const r of ['C:ErrorResponse', 'C:SuccessResponse', 'UserGetResponse23V2', 'GroupGetResponse22V5']) assert.ok(m.isResponse(r), r);
  assert.ok(m.commandNames().length > 2700, `${m.commandNames().length} requests`);
  assert.ok(m.responseNames().length > 1500, `${m.responseNames().length} responses`);
  assert.ok(!m.isRequest('C:OCIRequest') && !m.isRequest('NoSuchRequest'));
  assert.deepEqual(m.subtypesOf('DepartmentKey'), ['EnterpriseDepartmentKey', 'GroupDepartmentKey']);
  assert.equal(m.childDecl('UserConsolidatedAddRequest22', 'userService')?.maxOccurs, 'unbounded');
  assert.equal(m.attributeDecl('UserDeleteRequest', 'echo')?.required, false);
});

test('loadSchemaDirCached compiles once, reuses the disk cache, and recompiles when a file changes', (t) => {
  const work = mkdtempSync(join(tmpdir(), 'ocip-xsd-'));
  t.after(() => rmSync(work, { recursive: true, force: true }));
  const schemas = join(work, 'schemas');
  const cache = join(work, 'cache');
  cpSync(BASIC, schemas, { recursive: true });
  forgetLoadedSchemas();

  const first = loadSchemaDirCached(schemas, cache);
  assert.deepEqual(first.commandNames(), ['ThingAddRequest', 'ThingDeleteRequest']);
  assert.equal(first.complexType('ThingAddRequest')?.doc, 'Adds a thing.\nSecond line.', 'documentation kept');
  assert.equal(loadSchemaDirCached(schemas, cache), first, 'memoised in process');
  const files = readdirSync(cache);
  assert.equal(files.length, 1);

  // Mark the cached copy, then load in a "new process": the mark proves the cache was read.
  const cacheFile = join(cache, files[0]);
  const data = JSON.parse(readFileSync(cacheFile, 'utf8'));
  data.model.release = 'from-cache';
  writeFileSync(cacheFile, JSON.stringify(data));
  forgetLoadedSchemas();
  assert.equal(loadSchemaDirCached(schemas, cache).model.release, 'from-cache');

  // Touching a schema file changes the key: compiled afresh.
  const later = new Date(Date.now() + 60_000);
  utimesSync(join(schemas, 'cmd/Types.xsd'), later, later);
  const fresh = loadSchemaDirCached(schemas, cache);
  assert.notEqual(fresh.model.release, 'from-cache');
  assert.equal(readdirSync(cache).length, 2);

  // A corrupt cache file is ignored, not fatal.
  forgetLoadedSchemas();
  for (const f of readdirSync(cache)) writeFileSync(join(cache, f), '{not json');
  assert.deepEqual(loadSchemaDirCached(schemas, cache).commandNames(), ['ThingAddRequest', 'ThingDeleteRequest']);
});

test('loadSchemaDirCached on a missing folder throws a message naming it', () => {
  assert.throws(() => loadSchemaDirCached(join(BASIC, 'nope'), tmpdir()), /nope/);
});

test('every element of the core built-in commands has a description; schema docs win when present', () => {
  const m = builtinModel();
  const missing: string[] = [];
  // The core chunk: UserConsolidatedAddRequest22, UserDeleteRequest, UserGetRequest23V2 and what they use.
  for (const name of Object.keys(coreChunk.c)) {
    for (const d of m.elementDecls(name)) if (!describeElement(name, d.name)) missing.push(`${name}.${d.name}`);
  }
  assert.deepEqual(missing, []);
  assert.ok(describedElementNames().includes('serviceProviderId'));
  assert.equal(describeElement('GroupDepartmentKey', 'name'), 'Department name within the group.');
  assert.equal(describeElement('UserConsolidatedAddRequest22', 'userId', m), 'The user id, usually in user@domain form.');

  const withDocs = compileSchemaDir(BASIC, { keepDocs: true }).model;
  assert.equal(describeElement('ThingAddRequest', 'thingId', withDocs), "The thing's id.");
  assert.equal(describeElement('ThingAddRequest', 'thingId'), undefined);
  assert.equal(commandDoc('ThingAddRequest', withDocs), 'Adds a thing.\nSecond line.');
});

test('commandDoc gives the UserConsolidatedAddRequest22 rules as markdown', () => {
  const doc = commandDoc('UserConsolidatedAddRequest22')!;
  assert.match(doc, /\*\*In AS data mode:\*\*/);
  assert.match(doc, /\*\*In XS data mode:\*\*/);
  assert.match(doc, /`isPlace`/);
  assert.doesNotMatch(doc, /105987/, 'no line-number list');
});
