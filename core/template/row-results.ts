/**
 * Send results per data row: the commands a row rendered are folded into one status, written as a CSV beside the
 * data (row number, key columns, status, the server's message). Kept apart from the send itself so that the CLI,
 * the extension and a later rollback can all read the same rows.
 */
import type { SendResultRow } from '../send/results';
import { isFailure, outcomeText } from '../send/results';
import { csvField, type CsvTable } from './csv';
import type { Slot } from './placeholders';

export type RowStatus = 'ok' | 'failed' | 'unknown' | 'not sent';

export interface RowResult {
  /** The spreadsheet's row number (the header is row 1). */
  row: number;
  /** Index into the table's rows (-1: rendered from variables only). */
  dataIndex: number;
  /** The key columns' values of the row, in `keyColumns` order. */
  keys: string[];
  status: RowStatus;
  message: string;
  /** Positions, in the rendered file, of the row's commands. */
  commands: number[];
}

/**
 * The columns that identify a row in a result: those feeding a top-level `...Id` element (userId, groupId,
 * serviceProviderId...) of the first command that has one, in template order; else the first column.
 */
export function keyColumns(slots: readonly Slot[], table: CsvTable | undefined): string[] {
  const names = new Set(table?.header?.cells.map((c) => c.text) ?? []);
  const keys: string[] = [];
  // The first command that has such an element names the row (a later lookup or modify of the same row does not).
  let command: number | undefined;
  for (const slot of slots)
    if (slot.path.length === 2 && /Id$/.test(slot.path[1]) && (command === undefined || slot.command === command))
      for (const p of slot.placeholders)
        if (names.has(p.name) && !keys.includes(p.name)) {
          keys.push(p.name);
          command = slot.command;
        }
  if (keys.length === 0 && table?.header?.cells[0]) keys.push(table.header.cells[0].text);
  return keys;
}

const rank: Record<RowStatus, number> = { ok: 0, 'not sent': 1, unknown: 2, failed: 3 };

/** One status per row from the per-command results: the worst of its commands (failed > unknown > not sent > ok). */
export function foldRowStatus(results: readonly Pick<SendResultRow, 'kind' | 'summary' | 'errorCode' | 'responseType'>[]): {
  status: RowStatus;
  message: string;
} {
  let status: RowStatus = 'ok';
  let message = '';
  for (const r of results) {
    const s: RowStatus = r.kind === 'unknown' ? 'unknown' : r.kind === 'not-sent' ? 'not sent' : isFailure(r.kind) ? 'failed' : 'ok';
    const text = s === 'not sent' ? (r.summary ?? '') : s === 'unknown' ? (r.summary ?? 'no response') : outcomeText(r);
    if (rank[s] > rank[status] || (s === status && !message)) {
      status = s;
      message = text;
    }
  }
  return { status, message: message || (status === 'ok' ? 'OK' : '') };
}

/** Rows of results: `rowOfCommand[i]` is the data row index of command i of the rendered file. */
export function rowResults(
  dataRows: readonly number[],
  commandsPerRow: number,
  results: readonly SendResultRow[],
  keysOf: (dataIndex: number) => string[],
  notSent: ReadonlyMap<number, string> = new Map(),
): RowResult[] {
  const byCommand = new Map(results.map((r) => [r.index, r]));
  return dataRows.map((dataIndex, i) => {
    const commands = Array.from({ length: commandsPerRow }, (_, k) => i * commandsPerRow + k);
    const reason = notSent.get(dataIndex);
    if (reason !== undefined)
      return { row: dataIndex + 2, dataIndex, keys: keysOf(dataIndex), status: 'not sent', message: reason, commands };
    const own = commands.map((c) => byCommand.get(c) ?? { kind: 'not-sent' as const, summary: 'not sent' });
    return { row: dataIndex + 2, dataIndex, keys: keysOf(dataIndex), ...foldRowStatus(own), commands };
  });
}

/** The results file: `row,<key columns>,status,message`, one line per data row. */
export function resultsCsv(rows: readonly RowResult[], keys: readonly string[]): string {
  const head = ['row', ...keys, 'status', 'message'].map((v) => csvField(v)).join(',');
  const lines = rows.map((r) => [String(r.row), ...r.keys, r.status, r.message.replace(/\s+/g, ' ')].map((v) => csvField(v)).join(','));
  return [head, ...lines].join('\r\n') + '\r\n';
}
