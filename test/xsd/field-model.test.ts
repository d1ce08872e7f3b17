// Cross-check of the built-in model against the independently researched field model
// (/work/shared/reference/field-model.json): every element path of UserConsolidatedAddRequest22
// with its occurrence, choice membership, nillable, fixed, effective facets and enumerations.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { builtinModel } from '../../core/model/load';
import { ModelIndex } from '../../core/model/model-index';
import type { Particle } from '../../core/model/types';
import { closure } from '../../core/xsd/closure';

const REFERENCE = '/work/shared/reference/field-model.json';
const skip = existsSync(REFERENCE) ? false : `${REFERENCE} is not present`;
const ROOT = 'UserConsolidatedAddRequest22';

interface PathRow {
  path: string;
  type: string;
  minOccurs: number;
  maxOccurs: number | 'unbounded';
  choice: string | null;
  nillable?: boolean;
  fixed?: string;
  facets?: Record<string, unknown>;
  abstract?: boolean;
  xsiTypeRequired?: string[];
}

/** Flattens a type's elements into field-model.json's path rows (choices numbered per owning type). */
function pathsOf(index: ModelIndex, typeName: string, prefix: string, out: PathRow[]): void {
  const ct = index.complexType(typeName);
  if (!ct?.content) return;
  let choices = 0;
  const walk = (p: Particle, label: string | null): void => {
    if (p.kind !== 'element') {
      if (p.kind === 'sequence') p.items.forEach((item) => walk(item, label));
      else {
        const n = ++choices;
        p.items.forEach((item, i) => walk(item, `choice ${n}, branch ${String.fromCharCode(65 + i)}`));
      }
    } else {
      const path = prefix + p.name;
      const row: PathRow = { path, type: p.type, minOccurs: p.minOccurs, maxOccurs: p.maxOccurs, choice: label };
      if (p.nillable) row.nillable = true;
      if (p.fixed !== undefined) row.fixed = p.fixed;
      const st = index.simpleType(p.type);
      if (st) {
        if (st.anonymous) row.type = '(anonymous simple type)';
        const { name: _n, anonymous: _a, builtin, restricts: _r, whiteSpace: _w, ...facets } = st;
        row.facets = { ...facets, builtinBase: `xs:${builtin}` };
      }
      out.push(row);
      const child = index.complexType(p.type);
      if (child?.abstract) {
        row.abstract = true;
        row.xsiTypeRequired = index.subtypesOf(p.type);
        for (const sub of row.xsiTypeRequired) pathsOf(index, sub, `${path}[xsi:type=${sub}].`, out);
      } else if (child) pathsOf(index, p.type, `${path}.`, out);
    }
  };
  walk(ct.content, null);
}

const KEYS = ['path', 'type', 'minOccurs', 'maxOccurs', 'choice', 'nillable', 'fixed', 'facets', 'abstract', 'xsiTypeRequired'];
function comparable(row: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const k of KEYS) if (row[k] !== undefined && row[k] !== false) out[k] = row[k];
  if (out.facets) {
    const f = out.facets as Record<string, unknown>;
    out.facets = Object.fromEntries(
      Object.keys(f)
        .sort()
        .map((k) => [k, f[k]]),
    );
  }
  return out;
}

test('UserConsolidatedAddRequest22: all 157 element paths match field-model.json', { skip }, () => {
  const reference = JSON.parse(readFileSync(REFERENCE, 'utf8'));
  const ours: PathRow[] = [];
  pathsOf(builtinModel(), ROOT, '', ours);
  assert.equal(reference.paths.length, 157);
  assert.deepEqual(
    ours.map((r) => comparable(r as unknown as Record<string, unknown>)),
    reference.paths.map(comparable),
  );
});

test('closure sizes and enumerations match field-model.json', { skip }, () => {
  const reference = JSON.parse(readFileSync(REFERENCE, 'utf8'));
  const index = builtinModel();
  const sub = closure(index.model, [ROOT]);
  const complex = Object.keys(sub.complexTypes).filter((n) => !n.startsWith('C:'));
  const named = Object.values(sub.simpleTypes).filter((s) => !s.anonymous);
  assert.equal(complex.length, 21);
  assert.deepEqual(complex.sort(), Object.keys(reference.complexTypes).sort());
  assert.equal(named.length, 61);
  assert.deepEqual(named.map((s) => s.name).sort(), Object.keys(reference.simpleTypes).sort());
  assert.equal(index.simpleType('UserService')?.enumeration?.length, 212);
  assert.equal(index.simpleType('GroupService')?.enumeration?.length, 32);
  assert.deepEqual(index.simpleType('UserService')?.enumeration, reference.simpleTypes.UserService.enumeration);
  assert.deepEqual(index.simpleType('GroupService')?.enumeration, reference.simpleTypes.GroupService.enumeration);
  assert.deepEqual(index.subtypesOf('DepartmentKey'), reference.complexTypes.DepartmentKey.concreteSubtypes);
  assert.equal(sub.complexTypes[ROOT].base, 'C:OCIRequest');
});
