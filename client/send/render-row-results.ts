/**
 * The "OCI-P Results" text of a template send: one line per data row (row number, key columns, status, the server's
 * message), optionally the failed rows only, and the results CSV written beside the data. Pure (no vscode).
 */
import { resultsCsv, type RowResult } from '../../core/template/row-results';
import { serverAddress, type ServerConfig } from '../../core/send';

/** The heading line the results view puts the row actions (Re-send Failed Rows, filter) on. */
export const ROWS_HEADING = 'Per-row results';

export interface RowResultsView {
  time: Date;
  server: Pick<ServerConfig, 'name' | 'transport' | 'host' | 'port' | 'soapUrl' | 'username'>;
  templateLabel: string;
  dataLabel?: string;
  keys: string[];
  rows: RowResult[];
  /** Where the results CSV was written (or why not). */
  csv?: string;
  failure?: string;
  failedOnly?: boolean;
}

export const isOk = (r: RowResult): boolean => r.status === 'ok';

export function renderRowResults(v: RowResultsView): string {
  const count = (s: RowResult['status']) => v.rows.filter((r) => r.status === s).length;
  const out = [
    'OCI-P Results',
    '============',
    '',
    `Template: ${v.templateLabel}${v.dataLabel ? `   Data: ${v.dataLabel}` : ''}`,
    `Server:   ${v.server.name} (${serverAddress(v.server as ServerConfig)}) as ${v.server.username}`,
    `Time:     ${v.time.toISOString()}`,
    `Summary:  ${v.rows.length} row${v.rows.length === 1 ? '' : 's'}: ${count('ok')} ok, ${count('failed')} failed, ${count('unknown')} unknown, ${count('not sent')} not sent`,
  ];
  if (v.csv) out.push(`Results:  ${v.csv}`);
  if (v.failure) out.push(`Not sent: ${v.failure}`);
  out.push('', v.failedOnly ? `${ROWS_HEADING} (failed, unknown and not sent only)` : ROWS_HEADING, '');
  const shown = v.failedOnly ? v.rows.filter((r) => !isOk(r)) : v.rows;
  const table = [['Row', ...v.keys, 'Status', 'Message'], ...shown.map((r) => [String(r.row), ...r.keys, r.status, oneLine(r.message)])];
  const widths = table[0].map((_, c) => Math.min(40, Math.max(...table.map((line) => line[c].length))));
  for (const line of table)
    out.push(
      line
        .map((cell, c) => (c === line.length - 1 ? cell : cell.padEnd(widths[c])))
        .join('  ')
        .trimEnd(),
    );
  if (!shown.length) out.push('(no row)');
  return out.join('\n') + '\n';
}

const oneLine = (s: string) => s.replace(/\s+/g, ' ').trim();

/** A key column that could hold a secret is never written out. */
export const safeKeys = (keys: readonly string[]): boolean[] => keys.map((k) => !/pass(word|code)?|secret|pin$/i.test(k));

/** The results CSV without secrets: no password-like key column, the login password masked in messages. */
export function safeResultsCsv(rows: readonly RowResult[], keys: readonly string[], password?: string): string {
  const keep = safeKeys(keys);
  const mask = (s: string) => (password ? s.split(password).join('********') : s);
  return resultsCsv(
    rows.map((r) => ({ ...r, keys: r.keys.filter((_, i) => keep[i]), message: mask(r.message) })),
    keys.filter((_, i) => keep[i]),
  );
}

/** `users.csv` → `users.results.csv` (the template's name when there is no data); never the data or template itself. */
export function resultsPathFor(dataPath: string | undefined, templatePath: string): string {
  const base = dataPath ? dataPath.replace(/\.csv$/i, '') : templatePath.replace(/(\.ocip)?\.(ya?ml|xml)$/i, '');
  return `${base}.results.csv`;
}
