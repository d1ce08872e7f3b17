// The real R25 XSD set (OCIP_SCHEMA_DIR): the committed built-in model is up to date, and the
// whole set compiles with every request command fully resolved.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { buildBuiltinModel } from '../../core/model/build-builtin';
import { ModelIndex } from '../../core/model/model-index';
import { compileSchemaDir } from '../../core/xsd/compile';
import { closure } from '../../core/xsd/closure';

const dir = process.env.OCIP_SCHEMA_DIR ? resolve(process.env.OCIP_SCHEMA_DIR) : undefined;
const skip = dir ? false : 'OCIP_SCHEMA_DIR is not set (point it at the R25 XSD folder, e.g. ../shared/reference/ocip-schema-r25)';

test('the committed core/model/generated/r25.json equals a fresh compile of the built-in closure', { skip }, () => {
  const committed = JSON.parse(readFileSync(join(__dirname, '../../core/model/generated/r25.json'), 'utf8'));
  const { model, warnings } = buildBuiltinModel(dir!);
  assert.deepEqual(warnings, []);
  assert.deepEqual(model, committed, 'r25.json is stale: run `npm run gen:model`');
  assert.ok(!JSON.stringify(committed).includes('"doc"'), 'the built-in model carries no documentation');
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
