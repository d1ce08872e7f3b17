/**
 * The XSD built-in simple types the OCI-P schemas use (and their close relatives),
 * described in the same shape as a compiled SimpleType so lookups need no special case.
 */
import type { SimpleType, WhiteSpace } from './types';

/** Inclusive value range of the bounded integer built-ins; others are unbounded or not numeric. */
export const BUILTIN_INTEGER_RANGES: Record<string, { min: bigint; max: bigint }> = {
  byte: { min: -128n, max: 127n },
  short: { min: -32768n, max: 32767n },
  int: { min: -2147483648n, max: 2147483647n },
  long: { min: -9223372036854775808n, max: 9223372036854775807n },
  unsignedByte: { min: 0n, max: 255n },
  unsignedShort: { min: 0n, max: 65535n },
  unsignedInt: { min: 0n, max: 4294967295n },
  unsignedLong: { min: 0n, max: 18446744073709551615n },
};

/** The XSD built-in integer types (bounded or not): values written as integers. */
export const INTEGER_BUILTINS: ReadonlySet<string> = new Set([
  ...Object.keys(BUILTIN_INTEGER_RANGES),
  'integer',
  'nonNegativeInteger',
  'positiveInteger',
  'nonPositiveInteger',
  'negativeInteger',
]);

const NAMES = [
  'anySimpleType',
  'string',
  'normalizedString',
  'token',
  'language',
  'Name',
  'NCName',
  'ID',
  'IDREF',
  'IDREFS',
  'ENTITY',
  'ENTITIES',
  'NMTOKEN',
  'NMTOKENS',
  'QName',
  'NOTATION',
  'anyURI',
  'base64Binary',
  'hexBinary',
  'boolean',
  'decimal',
  'integer',
  'nonPositiveInteger',
  'negativeInteger',
  'nonNegativeInteger',
  'positiveInteger',
  'long',
  'int',
  'short',
  'byte',
  'unsignedLong',
  'unsignedInt',
  'unsignedShort',
  'unsignedByte',
  'float',
  'double',
  'duration',
  'dateTime',
  'time',
  'date',
  'gYearMonth',
  'gYear',
  'gMonthDay',
  'gDay',
  'gMonth',
] as const;

/** Whitespace handling XSD applies to a built-in before facets are checked. */
export function builtinWhiteSpace(local: string): WhiteSpace {
  if (local === 'string' || local === 'anySimpleType') return 'preserve';
  if (local === 'normalizedString') return 'replace';
  return 'collapse';
}

const DESCRIPTORS = new Map<string, SimpleType>(
  NAMES.map((n) => [`xs:${n}`, { name: `xs:${n}`, builtin: n, whiteSpace: builtinWhiteSpace(n) }]),
);

/** The descriptor of a built-in ("xs:token"), or undefined when the name is not an XSD built-in. */
export function builtinSimpleType(name: string): SimpleType | undefined {
  return DESCRIPTORS.get(name);
}

export function isBuiltinName(name: string): boolean {
  return DESCRIPTORS.has(name);
}
