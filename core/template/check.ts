/**
 * Checking a template with its data: the template is refused if a placeholder stands outside a value; otherwise
 * every row is rendered (./render) into one file, that file gets every check a command file gets, and each
 * diagnostic is put where the mistake is:
 * - inside a value filled from a cell: on that cell of the CSV ("Row 7, column phone (phoneNumber): ..."), and
 *   once on the template's placeholder with the number of rows affected;
 * - anywhere else (a value of the template itself, a missing element, ...): on the template, once for all rows.
 * Data problems of their own (CSV syntax, rows with too many or too few fields, columns no placeholder uses,
 * placeholders no column or variable fills) are reported too.
 */
import { DocumentAnalyzer } from '../analysis/analyzer';
import { applyKeyScopes, checkCommand, type CheckOptions, type Diagnostic, type ModelView } from '../checks';
import { parseSource } from '../syntax';
import type { FileFormat } from '../tree/types';
import type { CsvTable } from './csv';
import { findSlots, type Slot } from './placeholders';
import { ColumnIndex, renderTemplate, resolve, slotValuesOf, type Rendered, type TemplateInput } from './render';
import { rowTreesOf } from './row-trees';

export interface TemplateCheckInput {
  text: string;
  format: FileFormat;
  table?: CsvTable;
  variables: ReadonlyMap<string, string>;
  model: ModelView;
  options: CheckOptions;
  /** Render and report the template's and the data's own problems only, without checking the rendered commands (ocip render). */
  renderOnly?: boolean;
  /** Only these data rows (indexes into table.rows), e.g. the failed rows sent again; default all. */
  rows?: number[];
  /** Check the rendered text even when row trees could be used (the reference they are proven equal to; tests). */
  viaRenderedText?: boolean;
}

export interface TemplateCheck {
  /** Diagnostics on the template text. */
  template: Diagnostic[];
  /** Diagnostics on the CSV text (cells, rows, header). */
  data: Diagnostic[];
  /** The rendered rows (made on first read); absent when the template was refused. */
  readonly rendered?: Rendered;
  input?: TemplateInput;
  /** True when the template has no placeholder and no data: it is an ordinary command file. */
  plain: boolean;
}

/** The spreadsheet's row number of data row `index` (the header is row 1). */
export const rowNumber = (index: number): number => index + 2;

/** Parses the template and finds its slots; `refused` holds placeholders outside values (and syntax problems). */
export function prepareTemplate(input: Omit<TemplateCheckInput, 'model' | 'options'>): {
  templateInput: TemplateInput;
  problems: Diagnostic[];
  refused: boolean;
} {
  const file = parseSource(input.text, input.format);
  const found = findSlots(input.text, file);
  const problems: Diagnostic[] = found.problems.map((p) => ({
    code: p.code,
    kind: 'syntax',
    severity: 'error',
    message: p.message,
    span: p.span,
  }));
  return {
    templateInput: { text: input.text, format: input.format, file, slots: found.slots, table: input.table, variables: input.variables },
    problems,
    refused: found.problems.some((p) => p.code === 'OCI-TEMPLATE-PLACE'),
  };
}

/** Problems of the data against the template: CSV syntax, field counts, missing and unused columns. */
function dataProblems(
  input: TemplateInput,
  columns: ColumnIndex,
  only?: ReadonlySet<number>,
): { template: Diagnostic[]; data: Diagnostic[] } {
  const template: Diagnostic[] = [];
  const data: Diagnostic[] = [];
  const table = input.table;
  const used = new Set<string>();
  for (const slot of input.slots)
    for (const p of slot.placeholders) {
      used.add(p.name);
      if (input.variables.has(p.name) || columns.byName.has(p.name) || p.fallback !== undefined) continue;
      template.push({
        code: 'OCI-DATA-COLUMN-MISSING',
        kind: 'rule',
        severity: 'error',
        message: table
          ? `No column '${p.name}' in the data file and no variable of that name: add the column, a variable (--var ${p.name}=..., setting ocip.variables), or a default \${${p.name}:-...}.`
          : `Nothing fills \${${p.name}}: name a data file (first line '# ocip-data: FILE.csv' or --data), give a variable (--var ${p.name}=..., setting ocip.variables), or a default \${${p.name}:-...}.`,
        span: p.span,
      });
    }
  if (!table) return { template, data };
  for (const p of table.problems) data.push({ code: 'OCI-DATA-CSV', kind: 'syntax', severity: 'error', message: p.message, span: p.span });
  if (!table.header) {
    data.push({
      code: 'OCI-DATA-CSV',
      kind: 'syntax',
      severity: 'error',
      message: 'The data file is empty: its first line must name the columns.',
      span: { start: 0, end: 0 },
    });
    return { template, data };
  }
  const width = table.header.cells.length;
  const seen = new Set<string>();
  for (const cell of table.header.cells) {
    if (seen.has(cell.text))
      data.push({
        code: 'OCI-DATA-CSV',
        kind: 'syntax',
        severity: 'error',
        message: `Column '${cell.text}' is named twice: only the first is used.`,
        span: cell.span,
      });
    seen.add(cell.text);
    if (!used.has(cell.text) && !input.variables.has(cell.text))
      data.push({
        code: 'OCI-DATA-COLUMN-UNUSED',
        kind: 'info',
        severity: 'warning',
        message:
          cell.text === ''
            ? 'This column has no name, so no placeholder can use it.'
            : `No placeholder uses column '${cell.text}': its values are not sent.`,
        span: cell.span,
      });
    else if (input.variables.has(cell.text) && used.has(cell.text))
      data.push({
        code: 'OCI-DATA-COLUMN-UNUSED',
        kind: 'info',
        severity: 'warning',
        message: `Column '${cell.text}' is overridden by the variable of the same name: its values are not sent.`,
        span: cell.span,
      });
  }
  table.rows.forEach((row, i) => {
    if (row.cells.length === width || (only && !only.has(i))) return;
    const more = row.cells.length > width;
    data.push({
      code: 'OCI-DATA-ROW-FIELDS',
      kind: 'syntax',
      severity: 'error',
      message: `Row ${rowNumber(i)} has ${row.cells.length} field${row.cells.length === 1 ? '' : 's'}, the header ${width}: ${more ? 'a value holds an unquoted delimiter, or a column is missing from the header' : 'a field is missing (each row needs one per column, empty ones too)'}.`,
      span: more ? { start: row.cells[width].span.start, end: row.span.end } : row.span,
    });
  });
  if (table.rows.length === 0)
    data.push({
      code: 'OCI-DATA-EMPTY',
      kind: 'info',
      severity: 'warning',
      message: 'The data file has a header but no rows: nothing would be sent.',
      span: table.header.span,
    });
  return { template, data };
}

/** Binary search: the last index in `starts` with value <= x (or -1). */
function lastAtOrBefore(count: number, at: (i: number) => number, x: number): number {
  let lo = 0;
  let hi = count - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (at(mid) <= x) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}

/** A rendered-text offset -> the template offset it was copied from (an offset inside a slot -> the slot's start or end). */
export function templateOffset(rendered: Rendered, slots: Slot[], offset: number, templateLength: number, isEnd: boolean): number {
  if (rendered.rows.length === 0 || offset < rendered.rows[0].span.start) return Math.min(offset, rendered.body.start);
  if (offset >= rendered.suffixStart) return Math.min(templateLength, rendered.body.end + (offset - rendered.suffixStart));
  const r = Math.max(
    0,
    lastAtOrBefore(rendered.rows.length, (i) => rendered.rows[i].span.start, offset),
  );
  const row = rendered.rows[r];
  if (offset > row.span.end) return rendered.body.end;
  const k = lastAtOrBefore(slots.length, (i) => row.slotSpans[2 * i], offset);
  if (k < 0) return rendered.body.start + (offset - row.span.start);
  const outEnd = row.slotSpans[2 * k + 1];
  if (offset < outEnd || (offset === outEnd && isEnd && offset > row.slotSpans[2 * k]))
    return offset === row.slotSpans[2 * k] ? slots[k].span.start : slots[k].span.end;
  return slots[k].span.end + (offset - outEnd);
}

/**
 * XML: the rows' commands are rendered inside the template's one envelope, which may then hold more than the 15
 * commands a BroadsoftDocument allows; a send batches them 15 per document anyway. The count is the template's own
 * matter: it is kept only when the template itself has none or more than 15 commands.
 */
function rowCountAgnostic(found: Diagnostic[], input: Pick<TemplateInput, 'format' | 'file'>): Diagnostic[] {
  const own = input.file.commands.length;
  if (input.format !== 'xml' || !input.file.envelope || own === 0 || own > 15) return found;
  return found.filter((d) => d.code !== 'OCI-ENVELOPE-COUNT');
}

interface Affected {
  diagnostic: Diagnostic;
  rows: number[];
}

/**
 * Checks the template with its data. A YAML template is checked row by row on trees built from its one parse
 * (./row-trees: no rendered text, spans already in the template's offsets); otherwise, and when that cannot be
 * proven equal to parsing the rendered text, every row is rendered into one file, checked once and each diagnostic
 * mapped back from the rendered offsets. Either way the diagnostics are the same. The rendered text is made only
 * when `rendered` is read (ocip render, send, the preview).
 */
export function checkTemplate(input: TemplateCheckInput): TemplateCheck {
  const prepared = prepareTemplate(input);
  const plain = prepared.templateInput.slots.length === 0 && !input.table;
  if (prepared.refused) return { template: prepared.problems, data: [], plain };
  const templateInput = prepared.templateInput;
  const columns = new ColumnIndex(input.table);
  const own = dataProblems(templateInput, columns, input.rows && new Set(input.rows));
  const rowIndexes = input.rows ?? (input.table ? input.table.rows.map((_, i) => i) : [-1]);
  const valuesOf = slotValuesOf(templateInput);
  let rendered: Rendered | undefined;
  const render = (): Rendered => (rendered ??= renderTemplate(templateInput, input.rows, valuesOf));
  const template: Diagnostic[] = [...prepared.problems, ...own.template];
  const data: Diagnostic[] = [...own.data];
  const { slots } = templateInput;
  const seenTemplate = new Set<string>();
  const perPlaceholder = new Map<string, Affected>();
  const table = input.table;

  /** A diagnostic inside slot `k` (or -1) of data row `row`: on the cells that fed it, else on the template at start-end. */
  const place = (d: Diagnostic, row: number, k: number, templateSpan: () => { start: number; end: number }) => {
    let placedOnCells = false;
    if (k >= 0) {
      const slot = slots[k];
      for (const p of slot.placeholders) {
        const { source } = resolve(p.name, p.fallback, row, templateInput, columns);
        if (source.kind !== 'cell' || !table) continue;
        const cell = table.rows[row]?.cells[source.column];
        const column = table.header!.cells[source.column].text;
        const element = slot.path.slice(1).join(' › ');
        data.push({
          code: d.code,
          kind: d.kind,
          severity: d.severity,
          message: `Row ${rowNumber(row)}, column '${column}' (${element}): ${d.message}`,
          span: cell ? cell.span : { start: table.rows[row].span.end, end: table.rows[row].span.end },
        });
        const key = `${p.span.start}\u0000${d.code}`;
        const affected = perPlaceholder.get(key) ?? { diagnostic: { ...d, span: p.span, related: undefined, fix: undefined }, rows: [] };
        affected.rows.push(rowNumber(row));
        perPlaceholder.set(key, affected);
        placedOnCells = true;
      }
    }
    if (placedOnCells) return;
    const { start, end } = templateSpan();
    const key = `${start}\u0000${end}\u0000${d.code}\u0000${d.message}`;
    if (seenTemplate.has(key)) return;
    seenTemplate.add(key);
    template.push({ ...d, span: { start, end }, related: undefined, fix: undefined, command: undefined, key: undefined });
  };

  const trees =
    input.renderOnly || input.viaRenderedText || rowIndexes.length === 0 ? undefined : rowTreesOf(templateInput, rowIndexes[0], valuesOf);
  if (trees) {
    // Row by row on trees: each tree dies young (cheap for the garbage collector), spans are template offsets.
    const perRow = templateInput.file.commands.length;
    const found: Diagnostic[] = [];
    const rowOf = new Map<Diagnostic, number>();
    for (let r = 0; r < rowIndexes.length; r++)
      for (const cmd of trees.commands(valuesOf(rowIndexes[r]), r * perRow))
        for (const d of checkCommand(cmd, input.format, input.model, input.options)) {
          found.push(d);
          rowOf.set(d, rowIndexes[r]);
        }
    for (const d of applyKeyScopes(found)) {
      const { span } = d;
      const k = lastAtOrBefore(slots.length, (i) => slots[i].span.start, span.start);
      const inSlot = k >= 0 && span.end <= slots[k].span.end && span.start < slots[k].span.end + (span.start === span.end ? 1 : 0);
      place(d, rowOf.get(d)!, inSlot ? k : -1, () => span);
    }
  } else if (!input.renderOnly && render().rows.length > 0) {
    const all = render();
    const found = rowCountAgnostic(
      new DocumentAnalyzer(input.format, input.model, input.options, true).analyze(all.text).diagnostics,
      templateInput,
    );
    for (const d of found) {
      const { span } = d;
      const r = lastAtOrBefore(all.rows.length, (i) => all.rows[i].span.start, span.start);
      const row = r >= 0 ? all.rows[r] : undefined;
      let k = -1;
      if (row && span.end <= row.span.end) {
        const at = lastAtOrBefore(slots.length, (i) => row.slotSpans[2 * i], span.start);
        if (at >= 0 && span.end <= row.slotSpans[2 * at + 1] && span.start < row.slotSpans[2 * at + 1] + (span.start === span.end ? 1 : 0))
          k = at;
      }
      place(d, row ? row.row : -1, k, () => {
        const start = templateOffset(all, slots, span.start, input.text.length, false);
        return { start, end: Math.max(start, templateOffset(all, slots, span.end, input.text.length, true)) };
      });
    }
  }
  for (const { diagnostic, rows } of perPlaceholder.values()) {
    const shown = rows.slice(0, 10).join(', ') + (rows.length > 10 ? ', …' : '');
    template.push({
      ...diagnostic,
      message: `${rows.length} row${rows.length === 1 ? '' : 's'} (${shown}): ${diagnostic.message}`,
      command: undefined,
      key: undefined,
    });
  }
  const bySpan = (a: Diagnostic, b: Diagnostic) => a.span.start - b.span.start || a.span.end - b.span.end;
  return {
    template: template.sort(bySpan),
    data: data.sort(bySpan),
    get rendered() {
      return render();
    },
    input: templateInput,
    plain,
  };
}
