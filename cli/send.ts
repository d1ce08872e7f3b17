/**
 * `ocip send FILE`: check the file, then send its commands to a BroadWorks server and report per command.
 * Exit status: 0 every command succeeded; 1 the file has errors or any command failed / unknown / not sent;
 * 2 usage, configuration, connection or login error.
 */
import { parseArgs } from 'node:util';
import {
  errorsRefusalText,
  formatLogLine,
  prepareSend,
  productionConfirmationText,
  resultJson,
  resultLine,
  runSend,
  summarizeResults,
  summaryText,
  isFailure,
} from '../core/send';
import { renderResponseTree } from '../core/ocip/response-data';
import { SESSIONS_BOUNDS } from '../core/settings';
import type { CliIo } from './io';
import { CHECK_FLAGS, checkOptionsFrom, modelFrom, UsageError } from './options';
import { formatText } from './report-formats';
import { resolveServer } from './send-config';
import { processTty, type SendTty } from './send-tty';
import { readOneCommandFile } from './read-file';
import { checkRecordTargets, recordSend } from './send-records';
import { isTemplate, TEMPLATE_FLAGS } from './template';
import { prepareTemplateSend, rowLine, sendTemplateRows, writeResults } from './send-template';

const DEFAULT_TIMEOUT_SECONDS = 30;
const DEFAULT_CONNECT_TIMEOUT_SECONDS = 10;
/** A day: beyond that a bound is a typo (and setTimeout overflows past ~24.8 days). */
const MAX_TIMEOUT_SECONDS = 86_400;

export const SEND_USAGE = `Usage: ocip send FILE (--server NAME [--config settings.json] | --host H [--port P] [--transport tcp|tls|soap] [--soap-url URL])
                 [--user U] [--yes] [--format text|json] [--batch-size N] [--fingerprint SHA256] [--allow-self-signed]
                 [--timeout SECONDS] [--connect-timeout SECONDS]
                 [--data-mode AS|XS] [--admin-level LEVEL] [--schema-dir DIR] [--verbose]
                 [--rollback FILE] [--results FILE.csv] [--history FILE|off]
  The password comes from the OCIP_PASSWORD environment variable or a prompt on the terminal.
  --timeout: how long to wait for each response (default ${DEFAULT_TIMEOUT_SECONDS}); a command whose response does not come in time is
  reported as unknown (it may have been executed) and the later ones are not sent.
  --connect-timeout: how long to wait for the connection and TLS handshake (default ${DEFAULT_CONNECT_TIMEOUT_SECONDS}).
  Data responses are shown as a tree under their line (tables as columns); --format json gives them as data
  (lists as arrays, tables as arrays of objects keyed by column heading).
  --server reads ocip.servers from .vscode/settings.json (or --config FILE).
  --rollback FILE: write an OCI-P YAML command file that undoes what succeeded (send it with ocip send); what cannot
  be undone (failed, unknown, modifications, what the server may have created) is listed in its comments.
  --results FILE.csv: one line per command: index, command, key, status (ok/failed/unknown/not sent), message.
  --history: the send history file (default $OCIP_HISTORY_FILE, else $XDG_STATE_HOME or ~/.local/state/ocip/send-history.json; off: none).
  A template (placeholders \${name}, '# ocip-data: FILE.csv' or --data; see 'ocip render --help') is checked row by
  row and refused on any error; its rows are sent and reported one line per data row (ok, failed, unknown, not sent),
  and written to --results FILE.csv (row, key columns, status, message). --rows LIST sends only those spreadsheet
  rows (e.g. the failed ones of a results file); --sessions N sends over N sessions in parallel (default 1, at most 8).
  Exit status: 0 all commands succeeded, 1 file errors or any command failed/unknown/not sent, 2 usage/connection/login error.`;

const SEND_FLAGS = {
  ...CHECK_FLAGS,
  server: { type: 'string' },
  config: { type: 'string' },
  host: { type: 'string' },
  port: { type: 'string' },
  transport: { type: 'string' },
  'soap-url': { type: 'string' },
  user: { type: 'string' },
  yes: { type: 'boolean', short: 'y' },
  format: { type: 'string', default: 'text' },
  'batch-size': { type: 'string' },
  fingerprint: { type: 'string' },
  'allow-self-signed': { type: 'boolean' },
  production: { type: 'boolean' },
  verbose: { type: 'boolean', short: 'v' },
  timeout: { type: 'string' },
  'connect-timeout': { type: 'string' },
  rollback: { type: 'string' },
  results: { type: 'string' },
  history: { type: 'string' },
  ...TEMPLATE_FLAGS,
  rows: { type: 'string' },
  sessions: { type: 'string' },
} as const;

/** `--timeout 2.5` → 2500 ms; a usage error for anything but a positive number of seconds up to a day. */
function secondsFlag(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback * 1000;
  const seconds = Number(value);
  if (!value.trim() || !Number.isFinite(seconds) || seconds <= 0 || seconds > MAX_TIMEOUT_SECONDS) {
    throw new UsageError(`--${name} must be a number of seconds, more than 0 and at most ${MAX_TIMEOUT_SECONDS} (got '${value}')`);
  }
  return Math.max(1, Math.round(seconds * 1000));
}

export async function runSendCli(argv: string[], io: CliIo, tty: SendTty = processTty): Promise<number> {
  const { values, positionals } = parseArgs({ args: argv, allowPositionals: true, options: SEND_FLAGS });
  const format = values.format as string;
  if (format !== 'text' && format !== 'json') throw new UsageError(`--format must be text or json (got '${format}')`);
  if (positionals.length !== 1) throw new UsageError(positionals.length ? 'give exactly one FILE' : 'no FILE given');
  const batchSize = values['batch-size'] === undefined ? undefined : Number(values['batch-size']);
  if (batchSize !== undefined && (!Number.isInteger(batchSize) || batchSize < 1 || batchSize > 15))
    throw new UsageError(`--batch-size must be 1-15 (got '${values['batch-size']}')`);
  const timeoutMs = secondsFlag('timeout', values.timeout, DEFAULT_TIMEOUT_SECONDS);
  const connectTimeoutMs = secondsFlag('connect-timeout', values['connect-timeout'], DEFAULT_CONNECT_TIMEOUT_SECONDS);
  const server = resolveServer(values);
  const [file] = positionals;
  checkRecordTargets(values, file);

  const read = readOneCommandFile(file, 'send', io);
  if (typeof read === 'number') return read;
  const { text, format: fileFormat } = read;
  const model = modelFrom(values);
  const checks = checkOptionsFrom(values);
  const sessions = values.sessions === undefined ? 1 : Number(values.sessions);
  if (!Number.isInteger(sessions) || sessions < SESSIONS_BOUNDS.min || sessions > SESSIONS_BOUNDS.max)
    throw new UsageError(`--sessions must be ${SESSIONS_BOUNDS.min}-${SESSIONS_BOUNDS.max} (got '${values.sessions}')`);
  const template = isTemplate(text, values.data) ? prepareTemplateSend(file, text, fileFormat, values, model, checks, io) : undefined;
  if (typeof template === 'number') return template;
  const prepared = template ? template.prepared : prepareSend(text, fileFormat, model, { checks });
  if (prepared.errors.length) {
    io.stderr(formatText([{ file, text, diagnostics: prepared.errors }]));
    io.stderr(`ocip send: ${errorsRefusalText(prepared.errors.length, file)}\n`);
    return 1;
  }

  if (server.production && !values.yes) {
    const question = productionConfirmationText(server, prepared.commands.length);
    if (!tty.interactive) {
      io.stderr(`ocip send: ${question}\nRefusing without a terminal to confirm on; pass --yes to send anyway.\n`);
      return 2;
    }
    const answer = (await tty.askLine(`${question} Type "yes" to send: `)).trim().toLowerCase();
    if (answer !== 'yes' && answer !== 'y') {
      io.stderr('ocip send: not sent.\n');
      return 2;
    }
  }

  let password = io.env.OCIP_PASSWORD;
  if (!password) {
    if (!tty.interactive) {
      io.stderr('ocip send: no password: set OCIP_PASSWORD or run on a terminal to be asked for it.\n');
      return 2;
    }
    password = await tty.askHidden(`Password for ${server.username} on ${server.name}: `);
    if (!password) {
      io.stderr('ocip send: no password given; not sent.\n');
      return 2;
    }
  }

  const time = new Date();
  const base = {
    server,
    password,
    batchSize,
    timeoutMs,
    connectTimeoutMs,
    model,
    log: values.verbose ? (line: string) => io.stderr(formatLogLine(line, password) + '\n') : undefined,
    onWarning: (m: string) => io.stderr(`ocip send: warning: ${m}\n`),
  };
  if (template) {
    const sent = await sendTemplateRows(template, sessions, base);
    if (format === 'json')
      io.stdout(
        JSON.stringify(
          sent.rows.map((r) => ({ ...r, keys: Object.fromEntries(template.keys.map((k, i) => [k, r.keys[i]])) })),
          null,
          2,
        ) + '\n',
      );
    else {
      io.stdout(sent.rows.map((r) => rowLine(r, template.keys) + '\n').join(''));
      const ok = sent.rows.filter((r) => r.status === 'ok').length;
      io.stdout(
        `${ok} of ${sent.rows.length} row${sent.rows.length === 1 ? '' : 's'} succeeded; ${summaryText(summarizeResults(sent.commandRows))}.\n`,
      );
    }
    if (sent.failure) io.stderr(`ocip send: ${sent.failure}\n`);
    if (values.results !== undefined && !writeResults(values.results, sent.rows, template.keys, io)) return 2;
    // History and --rollback as for a plain file (the results CSV above is per data row).
    const nothingSent = sent.commandRows.every((r) => r.kind === 'not-sent');
    recordSend({
      flags: { ...values, results: undefined },
      io,
      file,
      server,
      password,
      commands: prepared.commands,
      outcome: {
        rows: sent.commandRows,
        results: [],
        failure: nothingSent && sent.failure ? { stage: 'connect', code: 'not-sent', message: sent.failure } : undefined,
      },
      dataMode: checks.dataMode,
      time,
    });
    if (sent.failure && sent.rows.every((r) => r.status === 'not sent')) return 2;
    return sent.rows.some((r) => r.status !== 'ok') ? 1 : 0;
  }
  const outcome = await runSend({ ...base, commands: prepared.commands });
  recordSend({ flags: values, io, file, server, password, commands: prepared.commands, outcome, dataMode: checks.dataMode, time });
  if (outcome.failure) {
    io.stderr(`ocip send: ${outcome.failure.stage === 'login' ? 'login failed' : 'connection failed'}: ${outcome.failure.message}\n`);
    if (/no connection within/.test(outcome.failure.message)) io.stderr('ocip send: use --connect-timeout SECONDS to wait longer.\n');
    return 2;
  }
  if (outcome.rows.some((r) => r.kind === 'unknown' && r.summary?.includes('no complete response within'))) {
    io.stderr(`ocip send: the server did not answer within ${timeoutMs / 1000} s; use --timeout SECONDS to wait longer.\n`);
  }
  if (format === 'json') io.stdout(JSON.stringify(resultJson(outcome.rows), null, 2) + '\n');
  else {
    // A data response follows its line as a readable tree: tables as columns under their headings.
    io.stdout(
      outcome.rows
        .map(
          (r) =>
            resultLine(r) +
            '\n' +
            (r.response
              ? renderResponseTree(r.response)
                  .map((l) => `    ${l}\n`)
                  .join('')
              : ''),
        )
        .join(''),
    );
    io.stdout(`${summaryText(summarizeResults(outcome.rows))}.\n`);
  }
  return outcome.rows.some((r) => isFailure(r.kind)) ? 1 : 0;
}
