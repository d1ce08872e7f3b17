/**
 * Rendering a template: every row of the data fills the template's slots, and the rows are written one after
 * the other into ONE command file (YAML: a document per command, XML: the commands inside the template's
 * envelope), so that the whole batch is parsed and checked once, like any file of 10,000 commands.
 *
 * A value is written back quoted in its own format (YAML: a double-quoted scalar; XML: escaped text), so that
 * a cell can never change the structure: a comma, a colon, `#`, a quote, `<`, a line break all stay in the value.
 * The renderer keeps where each slot landed, which maps a diagnostic of the rendered file back to a cell of the
 * data or a place in the template (./check).
 */
import type { FileFormat, SourceFile, Span } from '../tree/types';
import type { CsvTable } from './csv';
import type { Slot } from './placeholders';

/** Where the value of one placeholder of one row came from. */
export type ValueSource = { kind: 'cell'; column: number } | { kind: 'var' } | { kind: 'default' } | { kind: 'missing' };

export interface TemplateInput {
  text: string;
  format: FileFormat;
  file: SourceFile;
  slots: Slot[];
  table?: CsvTable;
  variables: ReadonlyMap<string, string>;
}

export interface RenderedRow {
  /** Index into `table.rows`; -1 when the template is rendered from the variables alone. */
  row: number;
  span: Span;
  /** For each slot: its start and end in the rendered text (2 numbers per slot). */
  slotSpans: Int32Array;
}

export interface Rendered {
  text: string;
  rows: RenderedRow[];
  /** Where the repeated part of the template starts and ends (XML: the commands; YAML: the whole text). */
  body: Span;
  /** Offset in `text` where the template's text after the body starts (XML envelope end). */
  suffixStart: number;
}

export class ColumnIndex {
  readonly byName = new Map<string, number>();
  constructor(table: CsvTable | undefined) {
    table?.header?.cells.forEach((c, i) => {
      if (!this.byName.has(c.text)) this.byName.set(c.text, i);
    });
  }
}

/** The value of `name` in `row`: a variable wins over a column; an empty or missing value takes the default. */
export function resolve(
  name: string,
  fallback: string | undefined,
  row: number,
  input: TemplateInput,
  columns: ColumnIndex,
): { value: string; source: ValueSource } {
  const variable = input.variables.get(name);
  if (variable !== undefined) return { value: variable, source: { kind: 'var' } };
  const column = columns.byName.get(name);
  const cell = column === undefined || row < 0 ? undefined : input.table?.rows[row]?.cells[column];
  if (cell && (cell.text !== '' || fallback === undefined)) return { value: cell.text, source: { kind: 'cell', column: column! } };
  if (fallback !== undefined) return { value: fallback, source: { kind: 'default' } };
  return { value: '', source: column === undefined ? { kind: 'missing' } : { kind: 'cell', column } };
}

const PLACEHOLDER = /\$\$\{|\$\{([^}\r\n]*)\}/g;

/** The slot's value for a row: the template's value with each placeholder replaced and `$${` made `${`. */
export function slotValue(slot: Slot, row: number, input: TemplateInput, columns: ColumnIndex): string {
  return slot.text.replace(PLACEHOLDER, (all, inner: string | undefined) => {
    if (inner === undefined) return '${';
    const sep = inner.indexOf(':-');
    return resolve(sep < 0 ? inner : inner.slice(0, sep), sep < 0 ? undefined : inner.slice(sep + 2), row, input, columns).value;
  });
}

const YAML_PLAIN_SAFE = /^[^"\\\x00-\x1f\x7f-\x9f\ufeff\u2028\u2029]*$/;

/** A YAML double-quoted scalar holding exactly `value`. */
export function yamlQuoted(value: string): string {
  if (YAML_PLAIN_SAFE.test(value)) return '"' + value + '"';
  let out = '"';
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c === 0x22) out += '\\"';
    else if (c === 0x5c) out += '\\\\';
    else if (c === 0x0a) out += '\\n';
    else if (c === 0x0d) out += '\\r';
    else if (c === 0x09) out += '\\t';
    else if (c < 0x20 || (c >= 0x7f && c <= 0x9f) || c === 0xfeff || c === 0x2028 || c === 0x2029)
      out += '\\u' + c.toString(16).padStart(4, '0');
    else out += value[i];
  }
  return out + '"';
}

/** XML text or attribute content holding exactly `value` (line breaks and tabs kept as references in attributes and CR everywhere). */
export function xmlEscaped(value: string, attribute: boolean): string {
  return value.replace(/[&<>"'\r\n\t]/g, (c) =>
    c === '&'
      ? '&amp;'
      : c === '<'
        ? '&lt;'
        : c === '>'
          ? '&gt;'
          : c === '\r'
            ? '&#13;'
            : !attribute
              ? c
              : c === '"'
                ? '&quot;'
                : c === "'"
                  ? '&apos;'
                  : `&#${c.charCodeAt(0)};`,
  );
}

/** A slot's value as pieces: literal text, or a placeholder to resolve per row (compiled once per slot). */
type Piece = string | { name: string; fallback?: string };

function compile(slot: Slot): Piece[] {
  const pieces: Piece[] = [];
  let at = 0;
  for (const m of slot.text.matchAll(PLACEHOLDER)) {
    if (m.index! > at) pieces.push(slot.text.slice(at, m.index));
    const inner = m[1];
    if (inner === undefined) pieces.push('${');
    else {
      const sep = inner.indexOf(':-');
      pieces.push(sep < 0 ? { name: inner } : { name: inner.slice(0, sep), fallback: inner.slice(sep + 2) });
    }
    at = m.index! + m[0].length;
  }
  if (at < slot.text.length) pieces.push(slot.text.slice(at));
  return pieces;
}

/** Each slot's value for a row (index into table.rows, or -1), in slot order; the slots are compiled once. */
export function slotValuesOf(input: TemplateInput): (row: number) => string[] {
  const columns = new ColumnIndex(input.table);
  const compiled = input.slots.map(compile);
  return (row) =>
    compiled.map((pieces) => {
      let value = '';
      for (const piece of pieces)
        value += typeof piece === 'string' ? piece : resolve(piece.name, piece.fallback, row, input, columns).value;
      return value;
    });
}

/**
 * Renders the rows `only` (indexes into table.rows; default all, or one row of variables when there is no table);
 * `valuesOf` gives a row's slot values (default: from the data and variables).
 */
export function renderTemplate(
  input: TemplateInput,
  only?: number[],
  valuesOf: (row: number) => readonly string[] = slotValuesOf(input),
): Rendered {
  const { text, format, file, slots } = input;
  const rowIndexes = only ?? (input.table ? input.table.rows.map((_, i) => i) : [-1]);
  let body: Span = { start: 0, end: text.length };
  if (format === 'xml' && file.commands.length)
    body = { start: file.commands[0].span.start, end: file.commands[file.commands.length - 1].span.end };
  const parts: string[] = [text.slice(0, body.start)];
  let length = body.start;
  const rows: RenderedRow[] = [];
  const bodyText = text.slice(body.start, body.end);
  const yamlSeparator = format === 'yaml' && !/^(?:[ \t]*(?:#[^\n]*)?\r?\n)*---/.test(bodyText) ? '---\n' : '';
  const lineStart = text.lastIndexOf('\n', body.start - 1) + 1;
  const xmlSeparator = '\n' + (/^[ \t]*$/.test(text.slice(lineStart, body.start)) ? text.slice(lineStart, body.start) : '');
  const verbatims = slots.map((slot, k) => text.slice(k === 0 ? body.start : slots[k - 1].span.end, slot.span.start));
  for (let r = 0; r < rowIndexes.length; r++) {
    const row = rowIndexes[r];
    if (r > 0) {
      let sep = format === 'xml' ? xmlSeparator : yamlSeparator;
      if (format === 'yaml' && !parts[parts.length - 1].endsWith('\n')) sep = '\n' + sep;
      parts.push(sep);
      length += sep.length;
    }
    const start = length;
    const slotSpans = new Int32Array(slots.length * 2);
    const values = valuesOf(row);
    for (let k = 0; k < slots.length; k++) {
      const verbatim = verbatims[k];
      const value = values[k];
      const written = format === 'yaml' ? yamlQuoted(value) : xmlEscaped(value, slots[k].attribute);
      parts.push(verbatim, written);
      slotSpans[2 * k] = length + verbatim.length;
      length += verbatim.length + written.length;
      slotSpans[2 * k + 1] = length;
    }
    const tail = text.slice(slots.length ? slots[slots.length - 1].span.end : body.start, body.end);
    parts.push(tail);
    length += tail.length;
    rows.push({ row, span: { start, end: length }, slotSpans });
  }
  if (format === 'yaml' && rows.length > 0 && !bodyText.endsWith('\n')) {
    parts.push('\n');
    length++;
  }
  const suffixStart = length;
  parts.push(text.slice(body.end));
  return { text: parts.join(''), rows, body, suffixStart };
}
