/**
 * The data table of a template: CSV bytes -> text -> header and rows, with the offset of every cell.
 *
 * Hand-written because diagnostics must land on a cell: the maintained parsers (csv-parse, papaparse) give
 * values and at most a record's line, never the span of each field. It follows RFC 4180 as csv-parse reads it
 * (a property test compares the two on generated tables, test/template/csv.test.ts) and is linear: one pass,
 * each character looked at once (bench/template.ts measures it beside csv-parse).
 */
import type { Span } from '../tree/types';

export interface CsvCell {
  /** The value: quotes removed, doubled quotes made one. */
  text: string;
  /** The cell as written, quotes included (UTF-16 offsets into the decoded text). */
  span: Span;
}

export interface CsvRow {
  cells: CsvCell[];
  /** The whole record, from its first character to before its line break. */
  span: Span;
}

export interface CsvProblem {
  message: string;
  span: Span;
}

export interface CsvTable {
  delimiter: ',' | ';';
  /** The first record. Absent when the file has no record. */
  header?: CsvRow;
  rows: CsvRow[];
  problems: CsvProblem[];
}

export interface DecodedCsv {
  text: string;
  encoding: 'UTF-8' | 'ISO-8859-1';
}

/**
 * Spreadsheets save CSV as UTF-8 (often with a byte-order mark) or in the Windows/ISO-8859-1 code page. A BOM or
 * clean UTF-8 is UTF-8; anything else is read as ISO-8859-1, where every byte is a character (never a U+FFFD
 * that would reach the server).
 */
/** ISO-8859-1: each byte is the code point (not TextDecoder's 'latin1', which is windows-1252); also in a web worker. */
function latin1(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 0x8000) out += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return out;
}

export function decodeCsv(bytes: Uint8Array): DecodedCsv {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf)
    return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'UTF-8' };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'UTF-8' };
  } catch {
    return { text: latin1(bytes), encoding: 'ISO-8859-1' };
  }
}

const QUOTE = 0x22;
const CR = 0x0d;
const LF = 0x0a;

/** `;` when the header line has more semicolons than commas outside quotes (European spreadsheets), else `,`. */
export function detectDelimiter(text: string): ',' | ';' {
  let commas = 0;
  let semicolons = 0;
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === QUOTE) quoted = !quoted;
    else if (quoted) continue;
    else if (c === LF || c === CR) break;
    else if (c === 0x2c) commas++;
    else if (c === 0x3b) semicolons++;
  }
  return semicolons > commas ? ';' : ',';
}

/** Parses the whole text; a leading U+FEFF (a BOM decoded as text) is skipped. Blank lines are skipped. */
export function parseCsv(
  text: string,
  delimiter: ',' | ';' = detectDelimiter(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text),
): CsvTable {
  const sep = delimiter.charCodeAt(0);
  const records: CsvRow[] = [];
  const problems: CsvProblem[] = [];
  const n = text.length;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  while (i < n) {
    const c0 = text.charCodeAt(i);
    if (c0 === LF || c0 === CR) {
      i += c0 === CR && text.charCodeAt(i + 1) === LF ? 2 : 1;
      continue;
    }
    const recordStart = i;
    const cells: CsvCell[] = [];
    for (;;) {
      const start = i;
      let value: string;
      if (text.charCodeAt(i) === QUOTE) {
        let parts = '';
        let from = i + 1;
        let j = from;
        let closed = false;
        while (j < n) {
          const at = text.indexOf('"', j);
          if (at < 0) break;
          if (text.charCodeAt(at + 1) === QUOTE) {
            parts += text.slice(from, at + 1);
            from = j = at + 2;
            continue;
          }
          parts += text.slice(from, at);
          j = at + 1;
          closed = true;
          break;
        }
        if (!closed) {
          problems.push({
            message: 'This quoted field has no closing quote: the rest of the file is inside it.',
            span: { start, end: start + 1 },
          });
          value = parts + text.slice(from);
          i = n;
        } else {
          value = parts;
          i = j;
          // After the closing quote only a delimiter or a line end may follow.
          let k = i;
          while (k < n && text.charCodeAt(k) !== sep && text.charCodeAt(k) !== LF && text.charCodeAt(k) !== CR) k++;
          if (k > i) {
            problems.push({
              message: `Characters after the closing quote of a field: put the whole field in quotes.`,
              span: { start: i, end: k },
            });
            value += text.slice(i, k);
            i = k;
          }
        }
      } else {
        let k = i;
        while (k < n) {
          const c = text.charCodeAt(k);
          if (c === sep || c === LF || c === CR) break;
          k++;
        }
        value = text.slice(i, k);
        const quote = value.indexOf('"');
        if (quote >= 0)
          problems.push({
            message: 'A quote inside a field that does not start with one: quote the whole field and double the inner quotes ("").',
            span: { start: i + quote, end: i + quote + 1 },
          });
        i = k;
      }
      cells.push({ text: value, span: { start, end: i } });
      if (i < n && text.charCodeAt(i) === sep) {
        i++;
        continue;
      }
      break;
    }
    records.push({ cells, span: { start: recordStart, end: i } });
    if (i < n) i += text.charCodeAt(i) === CR && text.charCodeAt(i + 1) === LF ? 2 : 1;
  }
  const [header, ...rows] = records;
  return { delimiter, header, rows, problems };
}

/** A cell value written back as CSV (results files): quoted when it holds the delimiter, a quote or a line break. */
export function csvField(value: string, delimiter: ',' | ';' = ','): string {
  return value.includes(delimiter) || /["\r\n]/.test(value) || /^\s|\s$/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}
