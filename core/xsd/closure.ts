/**
 * The part of a model reachable from some root types: element and attribute types,
 * base types, the value types of simple types, and the concrete subtypes of every
 * abstract type an element is declared with (those are what xsi:type may name).
 */
import type { ComplexType, OcipModel, Particle, SimpleType } from '../model/types';

const subtypeMaps = new WeakMap<OcipModel, Map<string, string[]>>();

/** Direct subtypes by base name, computed once per model object. */
function subtypeMap(model: OcipModel): Map<string, string[]> {
  let subtypes = subtypeMaps.get(model);
  if (!subtypes) {
    subtypes = new Map();
    for (const ct of Object.values(model.complexTypes)) {
      if (!ct.base) continue;
      const list = subtypes.get(ct.base);
      if (list) list.push(ct.name);
      else subtypes.set(ct.base, [ct.name]);
    }
    subtypeMaps.set(model, subtypes);
  }
  return subtypes;
}

export function closure(model: OcipModel, roots: string[]): OcipModel {
  const subtypes = subtypeMap(model);
  const keep = new Set<string>();
  const expanded = new Set<string>();
  const queue: { name: string; viaElement: boolean }[] = roots.map((name) => ({ name, viaElement: true }));

  while (queue.length) {
    const { name, viaElement } = queue.pop()!;
    const ct = Object.hasOwn(model.complexTypes, name) ? model.complexTypes[name] : undefined;
    const st = Object.hasOwn(model.simpleTypes, name) ? model.simpleTypes[name] : undefined;
    if (ct && viaElement && ct.abstract && !expanded.has(name)) {
      expanded.add(name);
      // Descendants are substitutable via xsi:type; walk the whole derivation tree below.
      for (const sub of descendants(name, subtypes)) queue.push({ name: sub, viaElement: false });
    }
    if (keep.has(name)) continue;
    if (ct) {
      keep.add(name);
      queue.push(...complexRefs(ct).map((n) => ({ name: n, viaElement: true })));
      if (ct.base) queue.push({ name: ct.base, viaElement: false });
    } else if (st) {
      keep.add(name);
      queue.push(...simpleRefs(st).map((n) => ({ name: n, viaElement: false })));
    }
  }

  // Keep the model's key order (sorted by the compiler) without scanning every type.
  const pick = <T>(rec: Record<string, T>): Record<string, T> => {
    const out: Record<string, T> = {};
    for (const k of [...keep].sort()) if (Object.hasOwn(rec, k)) out[k] = rec[k];
    return out;
  };
  return { ...model, complexTypes: pick(model.complexTypes), simpleTypes: pick(model.simpleTypes) };
}

function descendants(name: string, subtypes: Map<string, string[]>): string[] {
  const out: string[] = [];
  const stack = [...(subtypes.get(name) ?? [])];
  while (stack.length) {
    const n = stack.pop()!;
    out.push(n);
    stack.push(...(subtypes.get(n) ?? []));
  }
  return out;
}

function complexRefs(ct: ComplexType): string[] {
  const out: string[] = [];
  const walk = (p: Particle): void => {
    if (p.kind === 'element') out.push(p.type);
    else p.items.forEach(walk);
  };
  if (ct.content) walk(ct.content);
  if (ct.simpleContent) out.push(ct.simpleContent);
  for (const a of ct.attributes ?? []) out.push(a.type);
  return out;
}

function simpleRefs(st: SimpleType): string[] {
  return [st.restricts, st.itemType, ...(st.memberTypes ?? [])].filter((x): x is string => !!x);
}
