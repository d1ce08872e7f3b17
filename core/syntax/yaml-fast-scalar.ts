/**
 * Scalar readers for the fast YAML path (./yaml-fast): one-line plain, single- and double-quoted scalars and
 * plain keys. Each returns undefined for anything it does not fully understand, so the caller bails out to
 * the `yaml` package, which then reports the exact problem.
 */

/** A scalar read from one line: its decoded text and [start, end) in the chunk. */
export interface ReadScalar {
  text: string;
  start: number;
  end: number;
  plain: boolean;
}

const SPACE = 0x20;
const HASH = 0x23;
const COLON = 0x3a;

/** Characters a plain scalar may not start with (YAML indicators), plus quotes handled elsewhere. */
function isIndicator(c: number): boolean {
  // - ? : , [ ] { } # & * ! | > ' " % @ `
  return (
    c === 0x2d ||
    c === 0x3f ||
    c === COLON ||
    c === 0x2c ||
    c === 0x5b ||
    c === 0x5d ||
    c === 0x7b ||
    c === 0x7d ||
    c === HASH ||
    c === 0x26 ||
    c === 0x2a ||
    c === 0x21 ||
    c === 0x7c ||
    c === 0x3e ||
    c === 0x27 ||
    c === 0x22 ||
    c === 0x25 ||
    c === 0x40 ||
    c === 0x60
  );
}

/** Printable characters the fast path accepts inside scalars (no tabs, controls, BOM or odd line breaks). */
export function isSafeChar(c: number): boolean {
  if (c < 0x7f) return c >= SPACE;
  if (c < 0xa0) return false;
  return c !== 0xfeff && c !== 0x2028 && c !== 0x2029 && (c < 0xd800 || c > 0xdfff);
}

function isFlowIndicator(c: number): boolean {
  return c === 0x2c || c === 0x5b || c === 0x5d || c === 0x7b || c === 0x7d;
}

/**
 * A plain scalar starting at `at` and running to the line end or a ` #` comment; block context when `flow` is
 * false, else it also stops at `,` `]` `}`. Undefined on `: `, tabs, flow indicators inside (in flow), etc.
 */
export function readPlain(text: string, at: number, lineEnd: number, flow: boolean): ReadScalar | undefined {
  const first = text.charCodeAt(at);
  if (at >= lineEnd || isIndicator(first) || !isSafeChar(first)) return undefined;
  let end = at; // end of the last non-space character seen + 1
  let i = at;
  for (; i < lineEnd; i++) {
    const c = text.charCodeAt(i);
    if (c === SPACE) {
      if (text.charCodeAt(i + 1) === HASH && !flow) break;
      continue;
    }
    if (!isSafeChar(c)) return undefined;
    if (c === COLON) {
      const next = i + 1 < lineEnd ? text.charCodeAt(i + 1) : SPACE;
      if (next === SPACE || flow) return undefined; // a mapping where a scalar was expected: let yaml say so
    } else if (c === HASH) {
      if (flow) return undefined;
    } else if (flow && isFlowIndicator(c)) break;
    end = i + 1;
  }
  if (flow && text.charCodeAt(i) === SPACE && text.charCodeAt(i + 1) === HASH) return undefined;
  const value = text.slice(at, end);
  return { text: value, start: at, end, plain: true };
}

/** A single-quoted scalar closed on the same line. */
export function readSingleQuoted(text: string, at: number, lineEnd: number): ReadScalar | undefined {
  let out = '';
  let from = at + 1;
  for (let i = at + 1; i < lineEnd; i++) {
    const c = text.charCodeAt(i);
    if (!isSafeChar(c)) return undefined;
    if (c !== 0x27) continue;
    if (text.charCodeAt(i + 1) === 0x27 && i + 1 < lineEnd) {
      out += text.slice(from, i + 1);
      from = i + 2;
      i++;
      continue;
    }
    return { text: out + text.slice(from, i), start: at, end: i + 1, plain: false };
  }
  return undefined;
}

const SIMPLE_ESCAPES: Record<string, string> = { '\\': '\\', '"': '"', '/': '/', n: '\n', t: '\t', r: '\r', '0': '\0' };
const HEX_LENGTH: Record<string, number> = { x: 2, u: 4 };

/** A double-quoted scalar closed on the same line, with the common escapes; others bail out. */
export function readDoubleQuoted(text: string, at: number, lineEnd: number): ReadScalar | undefined {
  let out = '';
  let from = at + 1;
  for (let i = at + 1; i < lineEnd; i++) {
    const c = text.charCodeAt(i);
    if (!isSafeChar(c)) return undefined;
    if (c === 0x22) return { text: out + text.slice(from, i), start: at, end: i + 1, plain: false };
    if (c !== 0x5c) continue;
    out += text.slice(from, i);
    const kind = text[i + 1];
    if (i + 1 >= lineEnd || kind === undefined) return undefined;
    const simple = SIMPLE_ESCAPES[kind];
    if (simple !== undefined) {
      out += simple;
      i++;
    } else if (HEX_LENGTH[kind]) {
      const hex = text.slice(i + 2, i + 2 + HEX_LENGTH[kind]);
      if (hex.length !== HEX_LENGTH[kind] || !/^[0-9a-fA-F]+$/.test(hex)) return undefined;
      const code = parseInt(hex, 16);
      if (code >= 0xd800 && code <= 0xdfff) return undefined;
      out += String.fromCharCode(code);
      i += 1 + hex.length;
    } else return undefined;
    from = i + 1;
  }
  return undefined;
}

/** A scalar value of any supported style at `at`. */
export function readScalar(text: string, at: number, lineEnd: number, flow: boolean): ReadScalar | undefined {
  const c = text.charCodeAt(at);
  if (c === 0x27) return readSingleQuoted(text, at, lineEnd);
  if (c === 0x22) return readDoubleQuoted(text, at, lineEnd);
  return readPlain(text, at, lineEnd, flow);
}

const MAX_KEY_LENGTH = 500;

/** A plain key (an element name, or `xsi:type`) followed by `:` and a space or the line end; returns the key end. */
export function readKey(text: string, at: number, lineEnd: number): number | undefined {
  let i = at;
  let colons = 0;
  for (; i < lineEnd; i++) {
    const c = text.charCodeAt(i);
    const word = (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || c === 0x5f;
    if (word) continue;
    if (i === at) return undefined;
    if ((c >= 0x30 && c <= 0x39) || c === 0x2e || c === 0x2d) continue;
    if (c !== COLON) return undefined;
    const next = i + 1 < lineEnd ? text.charCodeAt(i + 1) : SPACE;
    if (next === SPACE) break;
    // `xsi:type`: one inner colon, followed by a name character.
    if (++colons > 1) return undefined;
    const after = text.charCodeAt(i + 1);
    if (!((after >= 0x61 && after <= 0x7a) || (after >= 0x41 && after <= 0x5a) || after === 0x5f)) return undefined;
  }
  if (i >= lineEnd || i - at > MAX_KEY_LENGTH) return undefined;
  return i;
}

export const NULL_WORDS = new Set(['', '~', 'null', 'Null', 'NULL']);
