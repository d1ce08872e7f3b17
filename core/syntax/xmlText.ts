/**
 * Character classes and reference decoding for the XML front end.
 * Entity references are resolved from a fixed table only: the five predefined entities and numeric
 * character references. Nothing declared in a DTD is ever expanded (see xmlFragment.ts).
 */
import type { Span } from '../tree/types';
import type { ProblemSink } from './first-problems';

export const XSI_NS = 'http://www.w3.org/2001/XMLSchema-instance';
export const XML_NS = 'http://www.w3.org/XML/1998/namespace';
export const XMLNS_NS = 'http://www.w3.org/2000/xmlns/';
export const XSD_NS = 'http://www.w3.org/2001/XMLSchema';

export const PREDEFINED_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** The replacement of a predefined entity name, or undefined (an own-property lookup: `&constructor;` is not one). */
export function predefinedEntity(name: string): string | undefined {
  return Object.prototype.hasOwnProperty.call(PREDEFINED_ENTITIES, name) ? PREDEFINED_ENTITIES[name] : undefined;
}

/** Permissive XML NameStartChar: ASCII letters, '_', ':' and every non-ASCII code unit except a few separators. */
export function isNameStart(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95 || c === 58 || (c >= 0xc0 && c !== 0xd7 && c !== 0xf7 && c < 0xfffe);
}

export function isNameChar(c: number): boolean {
  return isNameStart(c) || (c >= 48 && c <= 57) || c === 45 || c === 46 || c === 0xb7;
}

export function isSpace(c: number): boolean {
  return c === 32 || c === 10 || c === 9 || c === 13;
}

export function isAllSpace(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (!isSpace(s.charCodeAt(i))) return false;
  return true;
}

/**
 * Offset just after the '>' that ends a markup declaration (<!DOCTYPE …>) whose text starts at or before `from`:
 * quoted strings and an internal [subset] are skipped. `text.length` when it never ends.
 */
export function declarationEnd(text: string, from: number): number {
  let quote = 0;
  let depth = 0;
  for (let i = from; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (quote) {
      if (c === quote) quote = 0;
    } else if (c === 34 || c === 39) quote = c;
    else if (c === 91) depth++;
    else if (c === 93) depth = Math.max(0, depth - 1);
    else if (c === 62 && depth === 0) return i + 1;
  }
  return text.length;
}

function isXmlChar(cp: number): boolean {
  return (
    cp === 9 ||
    cp === 10 ||
    cp === 13 ||
    (cp >= 0x20 && cp <= 0xd7ff) ||
    (cp >= 0xe000 && cp <= 0xfffd) ||
    (cp >= 0x10000 && cp <= 0x10ffff)
  );
}

/** Longest entity or character reference we look for a ';' in; keeps '&' handling linear on huge lines. */
const MAX_REFERENCE = 40;

const TEXT_NEEDS_DECODING = /[&\r]/;
const ATTRIBUTE_NEEDS_DECODING = /[&\r\t\n]/;

/**
 * Decodes raw character data `text[start, end)` as an XML processor would: references resolved,
 * line ends normalised to '\n'; in attribute values (`attribute`) literal tabs and line ends become spaces.
 * Problems are pushed with absolute spans (`text` offsets plus `base`).
 */
export function decodeCharData(text: string, start: number, end: number, base: number, attribute: boolean, problems: ProblemSink): string {
  const raw = text.slice(start, end);
  if (!(attribute ? ATTRIBUTE_NEEDS_DECODING : TEXT_NEEDS_DECODING).test(raw)) return raw;
  let out = '';
  let runStart = start;
  let i = start;
  while (i < end) {
    const c = text.charCodeAt(i);
    if (c === 13) {
      out += text.slice(runStart, i) + (attribute ? ' ' : '\n');
      i += text.charCodeAt(i + 1) === 10 && i + 1 < end ? 2 : 1;
      runStart = i;
    } else if (attribute && (c === 9 || c === 10)) {
      out += text.slice(runStart, i) + ' ';
      runStart = ++i;
    } else if (c === 38) {
      const ref = readReference(text, i, end, base, problems);
      // A broken reference stays as written: the run goes on (no string piece per '&' in `&&&&…`).
      if (ref.text !== undefined) {
        out += text.slice(runStart, i) + ref.text;
        runStart = ref.end;
      }
      i = ref.end;
    } else i++;
  }
  return out + text.slice(runStart, end);
}

/** The reference at `amp`: its replacement text, or no text when it is broken (reported; kept as written). */
function readReference(text: string, amp: number, end: number, base: number, problems: ProblemSink): { text?: string; end: number } {
  const limit = Math.min(end, amp + MAX_REFERENCE);
  let semi = -1;
  for (let j = amp + 1; j < limit; j++) {
    const c = text.charCodeAt(j);
    if (c === 59) {
      semi = j;
      break;
    }
    if (!(isNameChar(c) || c === 35)) break;
  }
  const span: Span = { start: base + amp, end: base + (semi < 0 ? amp + 1 : semi + 1) };
  if (semi < 0 || semi === amp + 1) {
    problems.push({
      code: 'OCI-XML-SYNTAX',
      span,
      message: "Expected an entity reference such as '&amp;' after '&' (write '&amp;' for a literal '&').",
    });
    return { end: amp + 1 };
  }
  const body = text.slice(amp + 1, semi);
  if (body.charCodeAt(0) === 35) {
    const hex = body.charCodeAt(1) === 120;
    const digits = body.slice(hex ? 2 : 1);
    const valid = hex ? /^[0-9a-fA-F]{1,8}$/.test(digits) : /^[0-9]{1,10}$/.test(digits);
    const cp = valid ? parseInt(digits, hex ? 16 : 10) : NaN;
    if (!valid || !isXmlChar(cp)) {
      problems.push({
        code: 'OCI-XML-SYNTAX',
        span,
        message: `Invalid character reference '&${body};': it must name a character allowed in XML.`,
      });
      return { end: semi + 1 };
    }
    return { text: String.fromCodePoint(cp), end: semi + 1 };
  }
  const predefined = predefinedEntity(body);
  if (predefined !== undefined) return { text: predefined, end: semi + 1 };
  problems.push({
    code: 'OCI-XML-ENTITY',
    span,
    message: `Undefined entity '&${body};': only &amp; &lt; &gt; &quot; &apos; and character references like &#233; are allowed.`,
  });
  return { end: semi + 1 };
}
