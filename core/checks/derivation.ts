/**
 * "Validly derived" for simple types, as xsi:type needs it (XSD 1.0, type derivation OK (simple)): the type
 * itself, a type reached by following restriction bases up to the XSD built-ins and their own hierarchy, or,
 * for a union, a type derived from one of its members.
 */
import type { SimpleType } from '../model/types';

/** The base of each XSD built-in (by restriction), anySimpleType for the primitives. */
const BUILTIN_BASE: Record<string, string> = {
  normalizedString: 'string',
  token: 'normalizedString',
  language: 'token',
  NMTOKEN: 'token',
  Name: 'token',
  NCName: 'Name',
  ID: 'NCName',
  IDREF: 'NCName',
  ENTITY: 'NCName',
  integer: 'decimal',
  nonPositiveInteger: 'integer',
  negativeInteger: 'nonPositiveInteger',
  long: 'integer',
  int: 'long',
  short: 'int',
  byte: 'short',
  nonNegativeInteger: 'integer',
  unsignedLong: 'nonNegativeInteger',
  unsignedInt: 'unsignedLong',
  unsignedShort: 'unsignedInt',
  unsignedByte: 'unsignedShort',
  positiveInteger: 'nonNegativeInteger',
};

function baseOf(t: SimpleType): string | undefined {
  if (t.name.startsWith('xs:')) {
    const local = t.name.slice(3);
    if (local === 'anySimpleType') return undefined;
    return `xs:${BUILTIN_BASE[local] ?? 'anySimpleType'}`;
  }
  if (t.restricts) return t.restricts;
  return t.builtin === 'list' || t.builtin === 'union' ? 'xs:anySimpleType' : `xs:${t.builtin}`;
}

/** Anonymous types get synthetic names "Owner.element" in the model: no xsi:type can name them. */
export function isNamedType(name: string): boolean {
  return !name.includes('.');
}

export function simpleTypeDerivesFrom(lookup: (name: string) => SimpleType | undefined, given: string, declared: string): boolean {
  const seen = new Set<string>();
  for (let name: string | undefined = given; name !== undefined && !seen.has(name);) {
    if (name === declared) return true;
    seen.add(name);
    const t = lookup(name);
    if (!t) return false;
    name = baseOf(t);
  }
  const d = lookup(declared);
  return !!d?.memberTypes?.some((m) => simpleTypeDerivesFrom(lookup, given, m));
}
