/**
 * The lexical spaces of the XSD built-in datatypes beyond strings, integers and booleans (values.ts), and the
 * value comparisons their range facets need. What R25 uses (a survey of the XSD set: scripts/survey-datatypes.ts):
 * xs:date, xs:dateTime, xs:base64Binary, xs:decimal, xs:float (with minInclusive/maxInclusive 0.0..1000000.0),
 * xs:long, xs:NMTOKEN; the rest are here so a user's own schema folder gets them too. Values arrive whitespace-
 * normalised (collapsed for all of these).
 */
import type { SimpleType } from '../model/types';
import type { ValueProblem } from './values';

const DATE = /^(-?)(\d{4,})-(\d{2})-(\d{2})(Z|[+-]\d{2}:\d{2})?$/;
const DATE_TIME = /^(-?)(\d{4,})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(\.\d+)?(Z|[+-]\d{2}:\d{2})?$/;
const TIME = /^(\d{2}):(\d{2}):(\d{2})(\.\d+)?(Z|[+-]\d{2}:\d{2})?$/;
const DECIMAL = /^[+-]?(\d+(\.\d*)?|\.\d+)$/;
const FLOAT = /^([+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?|-?INF|NaN)$/;
const HEX = /^([0-9a-fA-F]{2})*$/;
const NMTOKEN =
  /^[-.:\w\u00B7\u00C0-\u00D6\u00D8-\u00F6\u00F8-\u037D\u037F-\u1FFF\u200C-\u200D\u203F\u2040\u2070-\u218F\u2C00-\u2FEF\u3001-\uD7FF\uF900-\uFDCF\uFDF0-\uFFFD]+$/u;
const DURATION = /^-?P(?=\d|T\d)(\d+Y)?(\d+M)?(\d+D)?(T(?=\d)(\d+H)?(\d+M)?(\d+(\.\d+)?S)?)?$/;
const LANGUAGE = /^[a-zA-Z]{1,8}(-[a-zA-Z0-9]{1,8})*$/;

/** XSD base64Binary: groups of four characters of the base64 alphabet (spaces allowed between), '=' padding only at the end. */
const B64 =
  /^(([A-Za-z0-9+/] ?){4})*(([A-Za-z0-9+/] ?){3}[A-Za-z0-9+/]|([A-Za-z0-9+/] ?){2}[AEIMQUYcgkosw048] ?=|[A-Za-z0-9+/] ?[AQgw] ?= ?=)?$/;

function daysIn(year: bigint, month: number): number {
  if (month === 2) return (year % 4n === 0n && year % 100n !== 0n) || year % 400n === 0n ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

function zoneOk(zone: string | undefined): boolean {
  if (!zone || zone === 'Z') return true;
  const h = Number(zone.slice(1, 3));
  const m = Number(zone.slice(4, 6));
  return m <= 59 && (h < 14 || (h === 14 && m === 0));
}

/** Year (XSD 1.0: no year 0000, no leading zeros beyond four digits), month and day of month. */
function dateOk(sign: string, yearText: string, monthText: string, dayText: string): boolean {
  if (yearText.length > 4 && yearText.startsWith('0')) return false;
  const year = BigInt(yearText);
  if (year === 0n) return false;
  const month = Number(monthText);
  const day = Number(dayText);
  return sign.length <= 1 && month >= 1 && month <= 12 && day >= 1 && day <= daysIn(year, month);
}

function timeOk(h: string, m: string, s: string, fraction: string | undefined): boolean {
  const hour = Number(h);
  const minute = Number(m);
  const second = Number(s);
  if (hour === 24) return minute === 0 && second === 0 && (!fraction || /^\.0+$/.test(fraction));
  return hour <= 23 && minute <= 59 && second <= 59;
}

const bad = (code: string, message: string): ValueProblem => ({ code, message });

/** The lexical check of a built-in (by local name), or undefined when the value is in its lexical space. */
export function lexicalProblem(builtin: string, value: string, shown: string): ValueProblem | undefined {
  switch (builtin) {
    case 'date': {
      const m = DATE.exec(value);
      if (!m || !dateOk(m[1], m[2], m[3], m[4]) || !zoneOk(m[5]))
        return bad('OCI-DATE', `'${shown}' is not a date: write YYYY-MM-DD (e.g. 2024-02-29), optionally with a time zone (Z or +01:00).`);
      return undefined;
    }
    case 'dateTime': {
      const m = DATE_TIME.exec(value);
      if (!m || !dateOk(m[1], m[2], m[3], m[4]) || !timeOk(m[5], m[6], m[7], m[8]) || !zoneOk(m[9])) {
        return bad(
          'OCI-DATETIME',
          `'${shown}' is not a date and time: write YYYY-MM-DDThh:mm:ss (seconds required, e.g. 2024-02-29T13:45:00), optionally with fractions of a second and a time zone (Z or +01:00).`,
        );
      }
      return undefined;
    }
    case 'time': {
      const m = TIME.exec(value);
      if (!m || !timeOk(m[1], m[2], m[3], m[4]) || !zoneOk(m[5]))
        return bad('OCI-TIME', `'${shown}' is not a time: write hh:mm:ss (e.g. 13:45:00).`);
      return undefined;
    }
    case 'base64Binary':
      return B64.test(value)
        ? undefined
        : bad(
            'OCI-BASE64',
            `'${shown}' is not valid base64 content: characters A-Z, a-z, 0-9, + and /, in groups of four, padded with = at the end.`,
          );
    case 'hexBinary':
      return HEX.test(value) ? undefined : bad('OCI-HEX', `'${shown}' is not hexadecimal binary content: pairs of the digits 0-9 and A-F.`);
    case 'decimal':
      return DECIMAL.test(value)
        ? undefined
        : bad('OCI-NUMBER', `'${shown}' is not a decimal number (digits with an optional sign and decimal point; no exponent).`);
    case 'float':
    case 'double':
      return FLOAT.test(value) ? undefined : bad('OCI-NUMBER', `'${shown}' is not a number.`);
    case 'NMTOKEN':
      return NMTOKEN.test(value)
        ? undefined
        : bad('OCI-NMTOKEN', `'${shown}' is not a name token: letters, digits, '.', '-', '_' and ':' only, no spaces.`);
    case 'duration':
      return DURATION.test(value) ? undefined : bad('OCI-DURATION', `'${shown}' is not a duration (e.g. P1DT2H30M).`);
    case 'language':
      return LANGUAGE.test(value) ? undefined : bad('OCI-LANGUAGE', `'${shown}' is not a language tag (e.g. en-US).`);
    default:
      return undefined;
  }
}

/** Value ranges of the integer built-ins; the unbounded ones (xs:integer, xs:nonNegativeInteger...) only by sign. */
const INTEGER_RANGES: Record<string, [bigint | undefined, bigint | undefined]> = {
  byte: [-128n, 127n],
  short: [-32768n, 32767n],
  int: [-2147483648n, 2147483647n],
  long: [-9223372036854775808n, 9223372036854775807n],
  unsignedByte: [0n, 255n],
  unsignedShort: [0n, 65535n],
  unsignedInt: [0n, 4294967295n],
  unsignedLong: [0n, 18446744073709551615n],
  integer: [undefined, undefined],
  nonNegativeInteger: [0n, undefined],
  positiveInteger: [1n, undefined],
  nonPositiveInteger: [undefined, 0n],
  negativeInteger: [undefined, -1n],
};

/** The built-in range of an integer value (already known to be digits with an optional sign), compared exactly. */
export function integerRangeProblem(builtin: string, value: string, shown: string): ValueProblem | undefined {
  const range = INTEGER_RANGES[builtin];
  if (!range) return undefined;
  const n = BigInt(value);
  const [lo, hi] = range;
  if ((lo === undefined || n >= lo) && (hi === undefined || n <= hi)) return undefined;
  const text = lo !== undefined && hi !== undefined ? `${lo} to ${hi}` : lo !== undefined ? `${lo} or more` : `${hi} or less`;
  return bad('OCI-RANGE', `${shown} is outside the range of xs:${builtin} (${text}).`);
}

/**
 * Range facets of float, double and decimal values. xs:float compares as a 32-bit float, as the XSD validator
 * does: 1000000.01 is the float 1000000.0 and is within maxInclusive 1000000.0.
 */
export function numericRangeProblem(type: SimpleType, value: string, shown: string, range: string | undefined): ValueProblem | undefined {
  if (type.builtin !== 'float' && type.builtin !== 'double' && type.builtin !== 'decimal') return undefined;
  const f = type.builtin === 'float' ? Math.fround : (x: number) => x;
  const n = value === 'INF' ? Infinity : value === '-INF' ? -Infinity : value === 'NaN' ? NaN : f(Number(value));
  const bound = (x: number | undefined) => (x === undefined ? undefined : f(x));
  const lo = bound(type.minInclusive),
    hi = bound(type.maxInclusive),
    loX = bound(type.minExclusive),
    hiX = bound(type.maxExclusive);
  const facets = lo !== undefined || hi !== undefined || loX !== undefined || hiX !== undefined;
  // NaN is outside every bounded range (it compares with nothing).
  const out =
    (Number.isNaN(n) && facets) ||
    (lo !== undefined && n < lo) ||
    (hi !== undefined && n > hi) ||
    (loX !== undefined && n <= loX) ||
    (hiX !== undefined && n >= hiX);
  if (!out) return undefined;
  const name = type.anonymous || type.name.startsWith('xs:') ? '' : ` (${type.name})`;
  return bad('OCI-RANGE', `${shown} is out of range: ${range ?? 'bounded'}${name}.`);
}
