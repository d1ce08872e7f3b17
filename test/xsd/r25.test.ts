// The real R25 XSD set (OCIP_SCHEMA_DIR): the committed built-in model is up to date, and the
// whole set compiles with every request command fully resolved.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { buildBuiltinStore, buildFullModel } from '../../core/model/build-builtin';
import { builtinStoredModel } from '../../core/model/load';
import { ModelIndex } from '../../core/model/model-index';
import { compileSchemaDir } from '../../core/xsd/compile';
import { closure } from '../../core/xsd/closure';

const dir = process.env.OCIP_SCHEMA_DIR ? resolve(process.env.OCIP_SCHEMA_DIR) : undefined;
const skip = dir ? false : 'OCIP_SCHEMA_DIR is not set (point it at the R25 XSD folder, e.g. ../shared/reference/ocip-schema-r25)';

test('the committed core/model/generated/r25/ equals a fresh generation from the XSD set, without documentation', { skip }, () => {
  const store = join(__dirname, '../../core/model/generated/r25');
  const { index, chunks, warnings } = buildBuiltinStore(dir!);
  assert.deepEqual(warnings, []);
  assert.deepEqual(JSON.parse(readFileSync(join(store, 'index.json'), 'utf8')), index, 'index.json is stale: run `npm run gen:model`');
  assert.deepEqual(
    readdirSync(store)
      .filter((f) => f.endsWith('.json'))
      .sort(),
    [...Object.keys(chunks).map((c) => `${c}.json`), 'index.json'].sort(),
  );
  for (const [name, chunk] of Object.entries(chunks)) {
    const text = readFileSync(join(store, `${name}.json`), 'utf8');
    assert.deepEqual(JSON.parse(text), chunk, `${name}.json is stale: run \`npm run gen:model\``);
    assert.ok(!text.includes('"doc"'), 'the built-in model carries no documentation');
  }
});

test('the built-in model read lazily equals the full compile: every request and response, same types', { skip }, () => {
  const { model } = buildFullModel(dir!);
  const full = new ModelIndex(model);
  const lazy = new ModelIndex(builtinStoredModel());
  assert.deepEqual(lazy.commandNames(), full.commandNames());
  assert.deepEqual(lazy.responseNames(), full.responseNames());
  assert.ok(
    lazy.commandNames().length > 2700 && lazy.responseNames().length > 1500,
    `${lazy.commandNames().length} requests, ${lazy.responseNames().length} responses`,
  );
  const reachable = closure(model, [...full.commandNames(), ...full.responseNames()]);
  for (const name of Object.keys(reachable.complexTypes)) assert.deepEqual(lazy.complexType(name), model.complexTypes[name], name);
  for (const name of Object.keys(reachable.simpleTypes)) assert.deepEqual(lazy.simpleType(name), model.simpleTypes[name], name);
  for (const name of ['GroupDepartmentKey', 'C:OCIRequest', 'UserId']) assert.deepEqual(lazy.ancestors(name), full.ancestors(name));
  assert.deepEqual(lazy.subtypesOf('DepartmentKey'), full.subtypesOf('DepartmentKey'));
  assert.equal(lazy.complexType('NoSuchRequest'), undefined);
  assert.equal(lazy.simpleType('NoSuchType'), undefined);
});

test('the generated model keeps data-mode facts of the documentation as notes, never its sentences', { skip }, () => {
  const lazy = new ModelIndex(builtinStoredModel());
  const withNotes = lazy.commandNames().filter((c) => lazy.complexType(c)?.modeNotes?.length);
  assert.ok(withNotes.length > 20, `${withNotes.length} commands with data-mode facts`);
  const uca = lazy.complexType('UserConsolidatedAddRequest22')!.modeNotes!;
  assert.ok(uca.some((n) => n.element === 'nameDialingName' && n.only === 'AS'));
  for (const c of withNotes) for (const n of lazy.complexType(c)!.modeNotes!) assert.ok(!('detail' in n), `${c}: no prose kept`);
});

test('the whole R25 set compiles and every request command resolves', { skip }, () => {
  const started = performance.now();
  const { model, warnings } = compileSchemaDir(dir!);
  const ms = performance.now() - started;
  const index = new ModelIndex(model, warnings);
  console.log(
    `R25 full compile: ${ms.toFixed(0)} ms, ${Object.keys(model.complexTypes).length} complex types, ` +
      `${Object.keys(model.simpleTypes).length} simple types, ${index.commandNames().length} requests, ` +
      `${index.responseNames().length} responses`,
  );
  assert.deepEqual(warnings, []);
  assert.ok(index.commandNames().length > 1000, 'the R25 set has well over a thousand requests');
  assert.ok(index.isRequest('UserConsolidatedAddRequest22'));
  assert.ok(index.isResponse('C:SuccessResponse') && index.isResponse('C:ErrorResponse'));

  // Everything reachable from any request: if all of it resolves, each request's own closure does.
  const unresolved: string[] = [];
  const sub = closure(model, index.commandNames());
  assert.ok(index.commandNames().every((c) => c in sub.complexTypes));
  {
    for (const ct of Object.values(sub.complexTypes)) {
      if (ct.base && !index.isComplex(ct.base)) unresolved.push(`${ct.name} base ${ct.base}`);
      for (const d of index.elementDecls(ct.name)) {
        if (!index.isSimple(d.type) && !index.isComplex(d.type)) unresolved.push(`${ct.name}.${d.name}: ${d.type}`);
      }
      for (const a of ct.attributes ?? []) {
        if (!index.isSimple(a.type)) unresolved.push(`${ct.name}@${a.name}: ${a.type}`);
      }
    }
    for (const st of Object.values(sub.simpleTypes)) {
      for (const ref of [st.restricts, st.itemType, ...(st.memberTypes ?? [])]) {
        if (ref && !index.isSimple(ref)) unresolved.push(`${st.name} -> ${ref}`);
      }
    }
  }
  assert.deepEqual([...new Set(unresolved)], []);
});
