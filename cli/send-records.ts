/**
 * What `ocip send` leaves behind after a send: the history entry (with its undo plan), the rollback file
 * (`--rollback FILE`: an OCI-P YAML command file that undoes what succeeded, sendable with `ocip send`) and the
 * results CSV (`--results FILE.csv`). None holds a password: the plan and the results carry identifiers and server
 * messages only (scrubbed like the history).
 */
import { writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import {
  commandKey,
  HistoryStore,
  makeHistoryEntry,
  planUndo,
  resultCsvRows,
  resultsCsv,
  undoFileText,
  type PreparedCommand,
  type SendOutcome,
  type ServerConfig,
} from '../core/send';
import type { CliIo } from './io';
import { UsageError } from './options';

export interface RecordFlags {
  rollback?: string;
  results?: string;
  history?: string;
}

/** The history file: `--history FILE` (`off`: none), OCIP_HISTORY_FILE, else $XDG_STATE_HOME or ~/.local/state. */
export function historyFile(flags: RecordFlags, env: NodeJS.ProcessEnv): string | undefined {
  const chosen = flags.history ?? env.OCIP_HISTORY_FILE;
  if (chosen !== undefined) return chosen === '' || chosen === 'off' ? undefined : resolve(chosen);
  const state = env.XDG_STATE_HOME || (env.HOME || homedir() ? join(env.HOME || homedir(), '.local', 'state') : undefined);
  return state ? join(state, 'ocip', 'send-history.json') : undefined;
}

/** Refuses, before anything is sent, an output that would overwrite the command file itself. */
export function checkRecordTargets(flags: RecordFlags, file: string): void {
  const input = resolve(file);
  for (const [flag, out] of [
    ['--rollback', flags.rollback],
    ['--results', flags.results],
  ] as const) {
    if (out !== undefined && resolve(out) === input) throw new UsageError(`${flag} would overwrite the file being sent (${file})`);
  }
  if (flags.rollback && flags.results && resolve(flags.rollback) === resolve(flags.results))
    throw new UsageError('--rollback and --results must be different files');
}

export function recordSend(p: {
  flags: RecordFlags;
  io: CliIo;
  file: string;
  server: ServerConfig;
  password: string;
  commands: readonly PreparedCommand[];
  outcome: SendOutcome;
  dataMode: 'AS' | 'XS';
  time: Date;
}): void {
  const { flags, io, outcome } = p;
  const undo = outcome.failure ? undefined : planUndo(p.commands, outcome.rows, { dataMode: p.dataMode });
  const entry = makeHistoryEntry({
    time: p.time,
    server: p.server,
    file: resolve(p.file),
    rows: outcome.rows,
    failure: outcome.failure?.message,
    password: p.password,
    undo,
  });
  const history = historyFile(flags, io.env);
  if (history) {
    try {
      new HistoryStore(history).add(entry);
    } catch (e) {
      io.stderr(`ocip send: warning: the send history (${history}) could not be written: ${(e as Error).message}\n`);
    }
  }
  if (outcome.failure) {
    if (flags.rollback || flags.results) io.stderr('ocip send: nothing was sent: no rollback or results file written.\n');
    return;
  }
  if (flags.results) {
    const keys = new Map(p.commands.map((c) => [c.index, c.userId ?? commandKey(c.xml)]));
    writeOut(io, '--results', flags.results, resultsCsv(resultCsvRows(outcome.rows, (i) => keys.get(i))));
  }
  if (flags.rollback) {
    writeOut(io, '--rollback', flags.rollback, undoFileText(entry));
    const n = entry.undo?.commands.length ?? 0;
    const listed = entry.undo?.notes.filter((x) => x.kind !== 'not-sent').length ?? 0;
    io.stderr(
      `ocip send: rollback written to ${flags.rollback}: ${n} command${n === 1 ? '' : 's'} to undo what succeeded${listed ? `, ${listed} note${listed === 1 ? '' : 's'} to check by hand (in its comments)` : ''}.\n`,
    );
  }
}

function writeOut(io: CliIo, flag: string, path: string, text: string): void {
  try {
    writeFileSync(path, text, 'utf8');
  } catch (e) {
    io.stderr(`ocip send: ${flag} ${path} could not be written: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}\n`);
  }
}
