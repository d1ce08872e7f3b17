/**
 * The send history: what was sent where and how it went. Holds no password and no raw XML (only masked
 * summaries), so the file can be read by anyone who can read the user's profile. Stored as one JSON file.
 */
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { FILE_LIMITS } from '../limits';
import { FileLimitError, readBoundedFile } from '../text/read-bounded';
import { dirname } from 'node:path';
import { maskSecrets } from '../ocip';
import { oneLine, summarizeResults, type SendResultRow, type SendSummary } from './results';
import { serverAddress, type ServerConfig } from './servers';
import { renderUndoYaml, type UndoPlan } from './undo';

export interface HistoryResult {
  index: number;
  type: string;
  userId?: string;
  kind: SendResultRow['kind'];
  errorCode?: number;
  summary?: string;
}

export interface HistoryEntry {
  id: string;
  /** ISO time of the send. */
  time: string;
  server: { name: string; address: string; username: string; production: boolean };
  /** The file as a URI string (extension) or path (CLI). */
  file: string;
  /** Which commands were sent (0-based file positions); undefined = the whole file. */
  only?: number[];
  /** Why nothing was sent (connection or login failure, cancel). */
  failure?: string;
  summary: SendSummary;
  results: HistoryResult[];
  /** What undoes the commands that succeeded (identifiers only, never a password): see ./undo.ts. */
  undo?: UndoPlan;
}

export const HISTORY_LIMIT = 200;
/**
 * The history file stays under this size: the oldest entries go first (a 10,000-row send's undo plan is ~1.5 MB).
 * Far below the read bound (FILE_LIMITS.stateFileBytes), past which a file is set aside as unreadable.
 */
export const HISTORY_MAX_BYTES = 16 * 1024 * 1024;

export function makeHistoryEntry(p: {
  time?: Date;
  server: ServerConfig;
  file: string;
  only?: readonly number[];
  rows: readonly SendResultRow[];
  failure?: string;
  password?: string;
  undo?: UndoPlan;
}): HistoryEntry {
  const time = p.time ?? new Date();
  const clean = (s: string | undefined) => (s === undefined ? undefined : scrub(oneLine(s, 400), p.password));
  return {
    id: `${time.getTime().toString(36)}-${Math.random().toString(36).slice(2, 8)}`,
    time: time.toISOString(),
    server: { name: p.server.name, address: serverAddress(p.server), username: p.server.username, production: p.server.production },
    file: p.file,
    only: p.only ? [...p.only] : undefined,
    failure: clean(p.failure),
    summary: summarizeResults(p.rows),
    results: p.rows.map((r) => ({
      index: r.index,
      type: r.type,
      userId: r.userId,
      kind: r.kind,
      errorCode: r.errorCode,
      summary: clean(r.summary),
    })),
    // Notes quote server messages: scrubbed like the summaries.
    undo: p.undo && { commands: p.undo.commands, notes: p.undo.notes.map((n) => ({ ...n, text: clean(n.text) ?? '' })) },
  };
}

function scrub(s: string, password: string | undefined): string {
  let out = maskSecrets(s);
  if (password) out = out.split(password).join('********');
  return out;
}

/** The history file: newest first, at most HISTORY_LIMIT entries. A corrupt file is kept aside, not lost silently. */
export class HistoryStore {
  constructor(private readonly file: string) {}

  read(): HistoryEntry[] {
    let text: string;
    try {
      text = readBoundedFile(this.file, FILE_LIMITS.stateFileBytes).toString('utf8');
    } catch (e) {
      if (!(e instanceof FileLimitError)) return [];
      // Too large or not a file: kept aside like a corrupt one, never overwritten.
      renameSync(this.file, `${this.file}.corrupt-${Date.now()}`);
      return [];
    }
    try {
      const data = JSON.parse(text) as { entries?: unknown };
      return Array.isArray(data.entries) ? (data.entries.filter(isEntry) as HistoryEntry[]) : [];
    } catch {
      renameSync(this.file, `${this.file}.corrupt-${Date.now()}`);
      return [];
    }
  }

  add(entry: HistoryEntry): HistoryEntry[] {
    const entries = [entry, ...this.read()].slice(0, HISTORY_LIMIT);
    // Each entry measured once; the newest is always kept.
    let bytes = entries.reduce((sum, e) => sum + JSON.stringify(e).length, 0);
    while (entries.length > 1 && bytes > HISTORY_MAX_BYTES) bytes -= JSON.stringify(entries.pop()).length;
    mkdirSync(dirname(this.file), { recursive: true });
    const tmp = `${this.file}.tmp`;
    // One line per entry: readable, and the size measured above is the size written (plus the line breaks).
    writeFileSync(tmp, `{"version":1,"entries":[\n${entries.map((e) => JSON.stringify(e)).join(',\n')}\n]}\n`);
    renameSync(tmp, this.file);
    return entries;
  }

  find(id: string): HistoryEntry | undefined {
    return this.read().find((e) => e.id === id);
  }
}

function isEntry(e: unknown): boolean {
  const x = e as HistoryEntry;
  return (
    !!x && typeof x.id === 'string' && typeof x.time === 'string' && !!x.server && typeof x.file === 'string' && Array.isArray(x.results)
  );
}

/** One quick-pick line: "2025-01-02 10:11 · Lab AS · users.ocip.yaml · 3 of 4 commands succeeded, 1 failed". */
export function historyLabel(e: HistoryEntry): { label: string; detail: string } {
  const base = e.file.split(/[\\/]/).pop() ?? e.file;
  const when = e.time.replace('T', ' ').slice(0, 16);
  const outcome = e.failure
    ? `not sent: ${e.failure}`
    : `${e.summary.succeeded}/${e.summary.total} succeeded${e.summary.failed ? `, ${e.summary.failed} failed` : ''}${e.summary.unknown ? `, ${e.summary.unknown} unknown` : ''}${e.summary.notSent ? `, ${e.summary.notSent} not sent` : ''}`;
  return {
    label: `${when} · ${e.server.name} · ${decodeURIComponent(base)}`,
    detail: `${e.only ? `command #${e.only.map((i) => i + 1).join(', #')} · ` : ''}${outcome}`,
  };
}

/** The undo file of a history entry (OCI-P YAML): what it undoes, where it was sent, then the plan. */
export function undoFileText(e: HistoryEntry): string {
  const base = e.file.split(/[\\/]/).pop() ?? e.file;
  const header = [
    `Undo of ${decodeURIComponent(base)}, sent to "${e.server.name}" (${e.server.address}) as ${e.server.username} at ${e.time}.`,
    `Send it to the same server. History entry ${e.id}.`,
  ];
  return renderUndoYaml(e.undo ?? { commands: [], notes: [] }, header);
}
