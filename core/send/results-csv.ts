/**
 * Per-command (or per data row) results as CSV, for `ocip send --results FILE.csv` and the template send: one line per
 * command with its number, the command type, a key (the userId, or provider / group / name), a status
 * (`ok` / `failed` / `unknown` / `not sent`) and the server's message. RFC 4180 quoting; a cell that a spreadsheet
 * would run as a formula (=, @, tab, CR) gets a leading apostrophe. Phone numbers (+1-…) are left as they are.
 */
import type { CommandResultKind } from '../ocip';
import { oneLine, outcomeText, type SendResultRow } from './results';

export type ResultStatus = 'ok' | 'failed' | 'unknown' | 'not sent';

export interface ResultCsvRow {
  /** 1-based: the command's number in the file, or the data row's number for a template send. */
  index: number;
  command: string;
  key: string;
  status: ResultStatus;
  message: string;
}

export const RESULT_CSV_HEADER = ['index', 'command', 'key', 'status', 'message'] as const;

export function resultStatus(kind: CommandResultKind): ResultStatus {
  if (kind === 'error') return 'failed';
  if (kind === 'unknown') return 'unknown';
  if (kind === 'not-sent') return 'not sent';
  return 'ok';
}

/** Rows of a plain file's send; `keyOf` gives the key of the command at a file position (default: its userId). */
export function resultCsvRows(
  rows: readonly SendResultRow[],
  keyOf: (index: number) => string | undefined = () => undefined,
): ResultCsvRow[] {
  return rows.map((r) => ({
    index: r.index + 1,
    command: r.type,
    key: r.userId ?? keyOf(r.index) ?? '',
    status: resultStatus(r.kind),
    message: r.kind === 'success' || r.kind === 'data' ? '' : oneLine(outcomeText(r), 2000),
  }));
}

export function resultsCsv(rows: readonly ResultCsvRow[]): string {
  const lines = [
    RESULT_CSV_HEADER.join(','),
    ...rows.map((r) => [String(r.index), r.command, r.key, r.status, r.message].map(csvCell).join(',')),
  ];
  return `${lines.join('\r\n')}\r\n`;
}

export function csvCell(value: string): string {
  const safe = /^[=@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n;]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
