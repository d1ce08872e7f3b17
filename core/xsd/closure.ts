/**
 * The part of a model reachable from some root types: element and attribute types,
 * base types, the value types of simple types, and the concrete subtypes of every
 * abstract type an element is declared with (those are what xsi:type may name).
 */
import type { ComplexType, OcipModel, Particle, SimpleType } from '../model/types';

export function closure(model: OcipModel, roots: string[]): OcipModel {
  const subtypes = new Map<string, string[]>();
  for (const ct of Object.values(model.complexTypes)) {
    if (ct.base) subtypes.set(ct.base, [...(subtypes.get(ct.base) ?? []), ct.name]);
  }
  const keep = new Set<string>();
  const queue: { name: string; viaElement: boolean }[] = roots.map((name) => ({ name, viaElement: true }));

  while (queue.length) {
    const { name, viaElement } = queue.pop()!;
    const ct = model.complexTypes[name];
    const st = model.simpleTypes[name];
    if (ct && viaElement && ct.abstract) {
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

  const pick = <T>(rec: Record<string, T>): Record<string, T> =>
    Object.fromEntries(Object.entries(rec).filter(([k]) => keep.has(k)));
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
