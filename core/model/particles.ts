/** Small facts about content-model particles, shared by the checks and completion. */
import type { Occurs, Particle } from './types';

/** Occurrence bounds multiplied through nested groups. */
export function times(a: Occurs, b: Occurs): Occurs {
  return a === 'unbounded' || b === 'unbounded' ? 'unbounded' : a * b;
}

/** Can the particle be satisfied by no elements at all? */
export function emptiable(p: Particle): boolean {
  if (p.minOccurs === 0) return true;
  if (p.kind === 'element') return false;
  return p.kind === 'sequence' ? p.items.every(emptiable) : p.items.some(emptiable);
}

/** Every element name the particle contains, in schema order. */
export function elementNames(p: Particle): string[] {
  return p.kind === 'element' ? [p.name] : p.items.flatMap(elementNames);
}
