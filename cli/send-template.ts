/**
 * `ocip send TEMPLATE`: check every row (refused on any error, like a plain file), render, send through the same
 * path as a plain file (core/send: one session per --sessions, batches of --batch-size), then one result per data
 * row (core/template/row-results), written to --results as CSV.
 */
import { writeFileSync } from 'node:fs';
import { notSentReason, prepareChecked, runSendSessions, type PreparedSend, type RunSendOptions, type SendResultRow } from '../core/send';
import { keyColumns, resultsCsv, rowResults, type RowResult } from '../core/template/row-results';
import type { CheckOptions, ModelView } from '../core/checks';
import { parseSource } from '../core/syntax';
import type { SendModel } from '../core/send';
import type { FileFormat } from '../core/tree/types';
import type { CliIo } from './io';
import { UsageError } from './options';
import { formatText } from './report-formats';
import { checkTemplateFile, hasErrors, variablesFrom } from './template';

export interface PreparedTemplateSend {
  prepared: PreparedSend;
  /** Data row indexes sent, in order ([-1] without data). */
  dataRows: number[];
  commandsPerRow: number;
  keys: string[];
  keysOf: (dataIndex: number) => string[];
}

export function prepareTemplateSend(
  file: string,
  text: string,
  format: FileFormat,
  flags: { data?: string; var?: string[]; rows?: string },
  model: SendModel & ModelView,
  options: CheckOptions,
  io: CliIo,
): PreparedTemplateSend | number {
  let run;
  try {
    run = checkTemplateFile(file, text, format, flags.data, variablesFrom(flags.var), model, options, { rows: flags.rows });
  } catch (e) {
    if (e instanceof UsageError) throw e;
    io.stderr(`ocip send: ${(e as Error).message}\n`);
    return 2;
  }
  const errors = run.reports
    .map((r) => ({ ...r, diagnostics: r.diagnostics.filter((d) => d.severity === 'error') }))
    .filter((r) => r.diagnostics.length);
  if (!run.check.input || errors.some((r) => hasErrors(r.diagnostics))) {
    io.stderr(formatText(errors));
    io.stderr(`ocip send: ${file} (with its data) has errors; nothing was sent. Fix them (ocip validate shows them all) and send again.\n`);
    return 1;
  }
  const table = run.data?.table;
  const rendered = run.check.rendered!;
  // What is sent is the rendered file, encoded as a plain file is. Its rows carry no error: every diagnostic of every
  // row was placed on the template or a cell above and refused the send (as the language server does for Send All Rows).
  const prepared = prepareChecked(parseSource(rendered.text, format), [], model);
  const dataRows = rendered.rows.map((r) => r.row);
  const keys = keyColumns(run.check.input.slots, table);
  const keyIndexes = keys.map((k) => table?.header?.cells.findIndex((c) => c.text === k) ?? -1);
  return {
    prepared,
    dataRows,
    commandsPerRow: dataRows.length ? prepared.commands.length / dataRows.length : 0,
    keys,
    keysOf: (i) => keyIndexes.map((c) => (i >= 0 && c >= 0 ? (table?.rows[i]?.cells[c]?.text ?? '') : '')),
  };
}

/**
 * Sends the rows over `sessions` sessions in parallel (core/send/sessions: contiguous shares of whole rows) and folds
 * the results per row.
 */
export async function sendTemplateRows(
  t: PreparedTemplateSend,
  sessions: number,
  base: Omit<RunSendOptions, 'commands'>,
): Promise<{ rows: RowResult[]; commandRows: SendResultRow[]; failure?: string }> {
  const outcome = await runSendSessions({ ...base, commands: t.prepared.commands, sessions, unitSize: t.commandsPerRow });
  const reason = outcome.failure && notSentReason(outcome.failure);
  const commandRows: SendResultRow[] = reason
    ? t.prepared.commands.map((c) => ({ index: c.index, type: c.type, kind: 'not-sent', summary: reason, rawXml: '' }))
    : outcome.rows;
  return {
    rows: rowResults(t.dataRows, t.commandsPerRow, commandRows, t.keysOf),
    commandRows,
    failure: outcome.failure?.message ?? outcome.sessionFailures[0]?.message,
  };
}

export function rowLine(r: RowResult, keys: readonly string[]): string {
  const id = keys.map((k, i) => `${k}=${r.keys[i]}`).join(' ');
  return `row ${r.row}${id ? ` ${id}` : ''}: ${r.status}${r.message && r.status !== 'ok' ? ` — ${r.message}` : ''}`;
}

export function writeResults(path: string, rows: readonly RowResult[], keys: readonly string[], io: CliIo): boolean {
  try {
    writeFileSync(path, resultsCsv(rows, keys));
    return true;
  } catch (e) {
    io.stderr(`ocip send: cannot write ${path}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}\n`);
    return false;
  }
}
