/**
 * Per-command send results for people and machines: one line per command, a summary, JSON rows, and the exit
 * status rule shared by `ocip send` and the extension's messages.
 */
import type { CommandResult, CommandResultKind } from '../ocip';
import { responseElement } from '../ocip/messages';
import { responseData, responseTree, type ResponseTree } from '../ocip/response-data';
import type { ModelIndex } from '../model/model-index';
import type { PreparedCommand } from './prepare';

/** A result joined with the command it answers (file position, user id). */
export interface SendResultRow {
  /** 0-based position of the command in the file. */
  index: number;
  type: string;
  userId?: string;
  kind: CommandResultKind;
  responseType?: string;
  errorCode?: number;
  summary?: string;
  detail?: string;
  /** The response element as received, secrets masked ('' when none was read). */
  rawXml: string;
  /** A data response as data: lists as arrays, tables as arrays of objects keyed by column heading. */
  data?: unknown;
  /** A data response as a tree (typed by the response type when the model knows it), for text rendering. */
  response?: ResponseTree;
}

export interface SendSummary {
  total: number;
  succeeded: number;
  failed: number;
  warnings: number;
  unknown: number;
  notSent: number;
}

/** Joins results (indexed by position in the sent list) with the sent commands. */
export function joinResults(commands: readonly PreparedCommand[], results: readonly CommandResult[]): SendResultRow[] {
  return results.map((r) => {
    const c = commands[r.index];
    return {
      index: c?.index ?? r.index,
      type: c?.type ?? r.requestType,
      userId: c?.userId,
      kind: r.kind,
      responseType: r.responseType,
      errorCode: r.errorCode,
      summary: r.summaryEnglish ?? r.summary,
      detail: r.detail,
      rawXml: r.rawXml,
      data: r.data,
    };
  });
}

/**
 * Data responses decoded with the model: lists are lists even with one item or none, tables keep their headings,
 * booleans and integers are typed, password-like values masked. From the element the client parsed when the
 * result is given (rows and results in the same order, as joinResults makes them), else from the raw XML.
 * Other rows are unchanged.
 */
export function withResponseData(rows: readonly SendResultRow[], model?: ModelIndex, results?: readonly CommandResult[]): SendResultRow[] {
  return rows.map((r, i) => {
    if (r.kind !== 'data' || !r.rawXml) return r;
    const result = results?.[i];
    const element = result && result.requestType === r.type ? responseElement(result) : undefined;
    const response = responseTree(element ?? r.rawXml, model);
    return response ? { ...r, response, data: responseData(response) } : r;
  });
}

/** Success, data, info and warning count as done; error, unknown and not-sent do not. */
export function isFailure(kind: CommandResultKind): boolean {
  return kind === 'error' || kind === 'unknown' || kind === 'not-sent';
}

export function summarizeResults(rows: readonly Pick<SendResultRow, 'kind'>[]): SendSummary {
  const s: SendSummary = { total: rows.length, succeeded: 0, failed: 0, warnings: 0, unknown: 0, notSent: 0 };
  for (const r of rows) {
    if (r.kind === 'error') s.failed++;
    else if (r.kind === 'unknown') s.unknown++;
    else if (r.kind === 'not-sent') s.notSent++;
    else {
      s.succeeded++;
      if (r.kind === 'warning') s.warnings++;
    }
  }
  return s;
}

/** "3 of 4 commands succeeded, 1 failed" (+ unknown / not sent when any). */
export function summaryText(s: SendSummary): string {
  const parts = [`${s.succeeded} of ${s.total} command${s.total === 1 ? '' : 's'} succeeded`];
  if (s.warnings) parts.push(`${s.warnings} with a warning`);
  if (s.failed) parts.push(`${s.failed} failed`);
  if (s.unknown) parts.push(`${s.unknown} with unknown outcome (may have been executed)`);
  if (s.notSent) parts.push(`${s.notSent} not sent`);
  return parts.join(', ');
}

/** The outcome of one command in a few words: "OK", "[Error 4200] User already exists: jdoe", "not sent: …". */
export function outcomeText(r: Pick<SendResultRow, 'kind' | 'errorCode' | 'summary' | 'responseType'>): string {
  switch (r.kind) {
    case 'success':
      return 'OK';
    case 'data':
      return `OK (${r.responseType ?? 'data'})`;
    case 'unknown':
      return `UNKNOWN: ${r.summary ?? 'no response'}`;
    case 'not-sent':
      return `NOT SENT: ${r.summary ?? ''}`;
    default: {
      const summary = r.summary ?? '(no summary)';
      // BroadWorks puts "[Error NNNN]" in the summary itself; add it only when it is missing.
      if (/^\s*\[(Error|Warning|Info)\s+\d+\]/i.test(summary) || r.errorCode === undefined) return summary;
      const label = r.kind === 'warning' ? 'Warning' : r.kind === 'info' ? 'Info' : 'Error';
      return `[${label} ${r.errorCode}] ${summary}`;
    }
  }
}

/** `#3 UserConsolidatedAddRequest22 jdoe@example.com: [Error 4200] User already exists: …` (1-based number). */
export function resultLine(r: SendResultRow): string {
  const detail = r.detail?.trim() ? ` (${oneLine(r.detail, 300)})` : '';
  return `#${r.index + 1} ${r.type}${r.userId ? ` ${r.userId}` : ''}: ${oneLine(outcomeText(r), 500)}${detail}`;
}

/** The JSON rows of `ocip send --format json`. */
export function resultJson(rows: readonly SendResultRow[]): object[] {
  return rows.map((r) => ({
    index: r.index,
    number: r.index + 1,
    type: r.type,
    userId: r.userId ?? null,
    kind: r.kind,
    responseType: r.responseType ?? null,
    errorCode: r.errorCode ?? null,
    summary: r.summary ?? null,
    detail: r.detail ?? null,
    ...(r.data === undefined ? {} : { data: r.data }),
  }));
}

export function oneLine(s: string, max: number): string {
  const flat = s.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}
