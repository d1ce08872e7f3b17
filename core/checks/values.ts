/**
 * Checking one text value against a simple type: whitespace normalisation first (xs:token collapses),
 * then the built-in's lexical space, then the facets. Pure functions, no positions: the caller places
 * the result on the value's span.
 */
import type { SimpleType } from '../model/types';
import { integerRangeProblem, lexicalProblem, numericRangeProblem } from './datatypes';
import { closestValues } from './suggest';
import { xsdNormalize } from '../text/xsd-whitespace';

export interface ValueProblem {
  code: string;
  message: string;
  /** Replacement candidates for a quick fix (enumerations, booleans). */
  candidates?: string[];
}

/** The type's own XSD whitespace rule (never JavaScript's trim: see core/text/xsd-whitespace). */
export function normalizeWhitespace(text: string, mode: SimpleType['whiteSpace']): string {
  return xsdNormalize(text, mode);
}

const INTEGER_BUILTINS: Record<string, [number, number]> = {
  int: [-2147483648, 2147483647],
  integer: [-Number.MAX_SAFE_INTEGER, Number.MAX_SAFE_INTEGER],
  long: [-Number.MAX_SAFE_INTEGER, Number.MAX_SAFE_INTEGER],
  short: [-32768, 32767],
  byte: [-128, 127],
  nonNegativeInteger: [0, Number.MAX_SAFE_INTEGER],
  positiveInteger: [1, Number.MAX_SAFE_INTEGER],
  unsignedInt: [0, 4294967295],
  unsignedShort: [0, 65535],
  unsignedByte: [0, 255],
  unsignedLong: [0, Number.MAX_SAFE_INTEGER],
  nonPositiveInteger: [-Number.MAX_SAFE_INTEGER, 0],
  negativeInteger: [-Number.MAX_SAFE_INTEGER, -1],
};

const BOOLEAN_VALUES = ['true', 'false', '1', '0'];

/** Canonical form used for fixed-value and enumeration comparison. */
export function canonical(value: string, type: SimpleType): string {
  if (type.builtin === 'boolean') return value === '1' ? 'true' : value === '0' ? 'false' : value;
  if (type.builtin in INTEGER_BUILTINS && /^[+-]?\d+$/.test(value)) return String(Number(value));
  return value;
}

/** Length as XSD counts it: characters (code points), not UTF-16 units. */
function charLength(s: string): number {
  // Without surrogates (almost always), code points are UTF-16 units.
  if (!/[\uD800-\uDFFF]/.test(s)) return s.length;
  let n = 0;
  for (const _ of s) n++;
  return n;
}

export function describeLength(t: SimpleType): string | undefined {
  if (t.length !== undefined) return `exactly ${t.length} characters`;
  if (t.minLength !== undefined && t.maxLength !== undefined) return `${t.minLength} to ${t.maxLength} characters`;
  if (t.maxLength !== undefined) return `at most ${t.maxLength} characters`;
  if (t.minLength !== undefined) return `at least ${t.minLength} character${t.minLength === 1 ? '' : 's'}`;
  return undefined;
}

export function describeRange(t: SimpleType): string | undefined {
  const lo = t.minInclusive ?? (t.minExclusive !== undefined ? t.minExclusive + 1 : undefined);
  const hi = t.maxInclusive ?? (t.maxExclusive !== undefined ? t.maxExclusive - 1 : undefined);
  if (lo !== undefined && hi !== undefined) return `${lo} to ${hi}`;
  if (lo !== undefined) return `${lo} or more`;
  if (hi !== undefined) return `${hi} or less`;
  return undefined;
}

/** A short human description: "LastName: text, 1 to 30 characters". */
export function describeSimpleType(t: SimpleType): string {
  const name = t.anonymous ? t.builtin : t.name.replace(/^xs:/, '');
  if (t.enumeration) return `${name}: one of ${t.enumeration.length} values`;
  if (t.builtin === 'boolean') return `${name}: true or false`;
  const parts = [describeLength(t), describeRange(t)].filter(Boolean);
  const kind = t.builtin in INTEGER_BUILTINS ? 'whole number' : 'text';
  return parts.length ? `${name}: ${kind}, ${parts.join(', ')}` : `${name}: ${kind}`;
}

export function checkValue(
  raw: string,
  type: SimpleType,
  fixed?: string,
  resolve?: (name: string) => SimpleType | undefined,
): ValueProblem[] {
  const value = normalizeWhitespace(raw, type.whiteSpace);
  const problems: ValueProblem[] = [];

  if (type.builtin === 'list' && type.itemType && resolve) {
    const item = resolve(type.itemType);
    if (item) for (const part of value.split(' ').filter(Boolean)) problems.push(...checkValue(part, item, undefined, resolve));
  } else if (type.builtin === 'union' && type.memberTypes && resolve) {
    const members = type.memberTypes.map(resolve).filter((m): m is SimpleType => !!m);
    if (members.length && members.every((m) => checkValue(value, m, undefined, resolve).length > 0)) {
      return [
        {
          code: 'OCI-UNION',
          message: `'${short(value)}' matches none of ${members.map((m) => (m.anonymous ? m.builtin : m.name)).join(', ')}.`,
        },
      ];
    }
  }

  if (type.builtin === 'boolean') {
    if (!BOOLEAN_VALUES.includes(value)) {
      return [
        {
          code: 'OCI-BOOLEAN',
          message: `'${short(value)}' is not a boolean: use true or false (1 and 0 are also accepted).`,
          candidates: ['true', 'false'],
        },
      ];
    }
  } else if (type.builtin in INTEGER_BUILTINS) {
    if (!/^[+-]?\d+$/.test(value)) {
      return [{ code: 'OCI-INTEGER', message: `'${short(value)}' is not a whole number${rangeSuffix(type)}.` }];
    }
    const range = integerRangeProblem(type.builtin, value, short(value)); // exact (BigInt): xs:long exceeds 2^53
    if (range) return [range];
  } else {
    // xs:date, xs:dateTime, xs:base64Binary, xs:decimal, xs:float... (./datatypes)
    const lexical = lexicalProblem(type.builtin, value, short(value));
    if (lexical) return [lexical];
  }

  if (fixed !== undefined && canonical(value, type) !== canonical(fixed, type)) {
    problems.push({
      code: 'OCI-FIXED',
      message: `This element may only have the value ${fixed}; '${short(value)}' is not allowed.`,
      candidates: [fixed],
    });
    return problems;
  }

  if (type.enumeration) {
    if (!type.enumeration.includes(value)) {
      const near = closestValues(value, type.enumeration, 3);
      const hint = type.enumeration.length <= 6 ? `allowed: ${type.enumeration.join(', ')}` : `closest allowed: ${near.join(', ')}`;
      problems.push({
        code: 'OCI-ENUM',
        message: `'${short(value)}' is not a valid ${type.anonymous ? 'value' : type.name} (${hint}).`,
        candidates: near.length ? near : type.enumeration.slice(0, 3),
      });
    }
    return problems;
  }

  const len = charLength(value);
  if (type.length !== undefined && len !== type.length) {
    problems.push({
      code: 'OCI-LENGTH',
      message: `${lengthSubject(value, len)} must be exactly ${type.length} characters${typeSuffix(type)}.`,
    });
  }
  if (type.minLength !== undefined && len < type.minLength) {
    problems.push({
      code: len === 0 ? 'OCI-EMPTY' : 'OCI-LENGTH',
      message:
        len === 0
          ? `Empty value: ${describeSimpleType(type)}.`
          : `${lengthSubject(value, len)} is too short: ${describeLength(type)}${typeSuffix(type)}.`,
    });
  }
  if (type.maxLength !== undefined && len > type.maxLength) {
    problems.push({ code: 'OCI-LENGTH', message: `${lengthSubject(value, len)} is too long: ${describeLength(type)}${typeSuffix(type)}.` });
  }
  if (type.builtin in INTEGER_BUILTINS) {
    const n = Number(value);
    const tooLow =
      (type.minInclusive !== undefined && n < type.minInclusive) || (type.minExclusive !== undefined && n <= type.minExclusive);
    const tooHigh =
      (type.maxInclusive !== undefined && n > type.maxInclusive) || (type.maxExclusive !== undefined && n >= type.maxExclusive);
    if (tooLow || tooHigh)
      problems.push({ code: 'OCI-RANGE', message: `${short(value)} is out of range: ${describeRange(type)}${typeSuffix(type)}.` });
  }
  const numeric = numericRangeProblem(type, value, short(value), describeRange(type));
  if (numeric) problems.push(numeric);
  for (const p of type.patterns ?? []) {
    if (!patternMatches(p, value))
      problems.push({ code: 'OCI-PATTERN', message: `'${short(value)}' does not match the pattern ${p}${typeSuffix(type)}.` });
  }
  return problems;
}

const patternCache = new Map<string, RegExp | null>();
/** XSD patterns are anchored regular expressions; the common subset is JavaScript-compatible. */
function patternMatches(pattern: string, value: string): boolean {
  let re = patternCache.get(pattern);
  if (re === undefined) {
    try {
      re = new RegExp(`^(?:${pattern})$`, 'u');
    } catch {
      re = null;
    }
    patternCache.set(pattern, re);
  }
  return re === null ? true : re.test(value);
}

function typeSuffix(t: SimpleType): string {
  return t.anonymous || t.name.startsWith('xs:') ? '' : ` (${t.name})`;
}

function rangeSuffix(t: SimpleType): string {
  const r = describeRange(t);
  return r ? ` (${r})` : '';
}

function lengthSubject(value: string, len: number): string {
  return len > 40 ? `The value (${len} characters)` : `'${value}' (${len} characters)`;
}

/** Keep messages small whatever the user typed. */
export function short(s: string, max = 60): string {
  return s.length > max ? s.slice(0, max - 1) + '…' : s;
}
