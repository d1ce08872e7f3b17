/**
 * A template and its data for the CLI: `--data FILE.csv` (else the template's `# ocip-data:` line, relative to the
 * template), `--var NAME=VALUE` (a variable wins over a column of the same name), then the check of every row with
 * diagnostics placed on the template or on the CSV's cells (core/template/check).
 */
import { dirname, isAbsolute, join } from 'node:path';
import { FILE_LIMITS } from '../core/limits';
import type { CheckOptions, Diagnostic, ModelView } from '../core/checks';
import { readBoundedFile } from '../core/text/read-bounded';
import type { FileFormat } from '../core/tree/types';
import { decodeCsv, parseCsv, type CsvTable } from '../core/template/csv';
import { dataFileLine, isTemplateText } from '../core/template/placeholders';
import { checkTemplate, type TemplateCheck } from '../core/template/check';
import { UsageError } from './options';
import { readFailure } from './read-file';
import type { FileReport } from './report-formats';

export const TEMPLATE_FLAGS = {
  data: { type: 'string' },
  var: { type: 'string', multiple: true },
} as const;

/** `--var NAME=VALUE` flags as a map; a malformed one is a usage error. */
export function variablesFrom(specs: readonly string[] | undefined): Map<string, string> {
  const vars = new Map<string, string>();
  for (const spec of specs ?? []) {
    const eq = spec.indexOf('=');
    if (eq <= 0) throw new UsageError(`--var takes NAME=VALUE (got '${spec}')`);
    vars.set(spec.slice(0, eq), spec.slice(eq + 1));
  }
  return vars;
}

/** Is this file a template: a `# ocip-data:` line, a placeholder, or data given on the command line? */
export function isTemplate(text: string, dataFlag: string | undefined): boolean {
  return dataFlag !== undefined || isTemplateText(text);
}

export interface LoadedData {
  file: string;
  text: string;
  table: CsvTable;
}

/** The data file of a template, or undefined when it names none; throws a readable Error when it cannot be read. */
export function loadData(templateFile: string, templateText: string, dataFlag: string | undefined): LoadedData | undefined {
  const named = dataFlag ?? dataFileLine(templateText)?.path;
  if (named === undefined) return undefined;
  const file = dataFlag !== undefined ? dataFlag : isAbsolute(named) ? named : join(dirname(templateFile), named);
  let bytes: Buffer;
  try {
    bytes = readBoundedFile(file, FILE_LIMITS.commandFileBytes);
  } catch (e) {
    throw new Error(`cannot read the data file ${file}: ${readFailure(e)}`);
  }
  const { text } = decodeCsv(bytes);
  return { file, text, table: parseCsv(text) };
}

export interface TemplateRun {
  check: TemplateCheck;
  data?: LoadedData;
  reports: FileReport[];
}

/** Checks a template with its data; the reports are the template's and, when there is data, the CSV's. */
export function checkTemplateFile(
  file: string,
  text: string,
  format: FileFormat,
  dataFlag: string | undefined,
  variables: ReadonlyMap<string, string>,
  model: ModelView,
  options: CheckOptions,
  how: { renderOnly?: boolean; rows?: string } = {},
): TemplateRun {
  const data = loadData(file, text, dataFlag);
  const rows = rowsFlag(how.rows, data?.table.rows.length ?? 0);
  const check = checkTemplate({ text, format, table: data?.table, variables, model, options, renderOnly: how.renderOnly, rows });
  const reports: FileReport[] = [{ file, text, diagnostics: check.template }];
  if (data) reports.push({ file: data.file, text: data.text, diagnostics: check.data });
  return { check, data, reports };
}

/** `2,5-7` → data row indexes 0,3,4,5 (spreadsheet rows: the header is row 1). */
export function rowsFlag(spec: string | undefined, rowCount: number): number[] | undefined {
  if (spec === undefined) return undefined;
  const out: number[] = [];
  for (const part of spec.split(',')) {
    const m = /^\s*(\d+)\s*(?:-\s*(\d+)\s*)?$/.exec(part);
    if (!m) throw new UsageError(`--rows takes row numbers like 2,5-7 (got '${spec}')`);
    const from = Number(m[1]);
    const to = m[2] === undefined ? from : Number(m[2]);
    if (from < 2 || to < from || to > rowCount + 1)
      throw new UsageError(`--rows: ${part.trim()} is not within the data rows 2-${rowCount + 1} (row 1 is the header)`);
    for (let r = from; r <= to; r++) if (!out.includes(r - 2)) out.push(r - 2);
  }
  return out.sort((a, b) => a - b);
}

export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === 'error');
}
