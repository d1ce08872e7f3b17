/**
 * `ocip check FILE...`: the file's schema and rule diagnostics plus what the live server's state says about its
 * commands (core/server-checks: read requests only, never the file's commands), in the formats of `ocip validate`.
 * Exit status: 0 no errors, 1 errors, 2 usage, I/O, connection or login error.
 */
import { parseArgs } from 'node:util';
import { DocumentAnalyzer } from '../core/analysis/analyzer';
import { formatLogLine } from '../core/send';
import { parseSource } from '../core/syntax';
import { runServerCheck, ServerStateCache } from '../core/server-checks';
import type { CliIo } from './io';
import { CHECK_FLAGS, checkOptionsFrom, modelFrom, UsageError } from './options';
import { readOneCommandFile } from './read-file';
import { formatJson, formatSarif, formatText, type FileReport } from './report-formats';
import { resolveServer } from './send-config';
import { processTty, type SendTty } from './send-tty';

export const CHECK_SUMMARY = 'check files against a live server (read-only) before sending';

export const CHECK_USAGE = `Usage: ocip check FILE... (--server NAME [--config settings.json] | --host H [--port P] [--transport tcp|tls|soap] [--soap-url URL])
                  [--user U] [--format text|json|sarif] [--fingerprint SHA256] [--allow-self-signed]
                  [--timeout SECONDS] [--data-mode AS|XS] [--admin-level LEVEL] [--new-user-template Svc1,Svc2]
                  [--schema-dir DIR] [--verbose]
  Prints the schema and rule diagnostics of each file with what the server's state says (OCI-SERVER-* codes):
  the user id is free, the group exists, domains, numbers, services, devices... Only read requests are sent
  (never the file's commands). The administrator level comes from the login; --admin-level is used when the
  server does not say. The password comes from OCIP_PASSWORD or a prompt on the terminal.
  Exit status: 0 no errors, 1 errors found, 2 usage, I/O, connection or login error.`;

const FLAGS = {
  ...CHECK_FLAGS,
  server: { type: 'string' },
  config: { type: 'string' },
  host: { type: 'string' },
  port: { type: 'string' },
  transport: { type: 'string' },
  'soap-url': { type: 'string' },
  user: { type: 'string' },
  format: { type: 'string', default: 'text' },
  fingerprint: { type: 'string' },
  'allow-self-signed': { type: 'boolean' },
  timeout: { type: 'string' },
  verbose: { type: 'boolean', short: 'v' },
} as const;

export async function runCheckCli(argv: string[], io: CliIo, tty: SendTty = processTty): Promise<number> {
  const { values, positionals } = parseArgs({ args: argv, allowPositionals: true, options: FLAGS });
  const format = values.format as string;
  if (!['text', 'json', 'sarif'].includes(format)) throw new UsageError(`--format must be text, json or sarif (got '${format}')`);
  if (!positionals.length) throw new UsageError('no FILE given');
  const timeout = values.timeout === undefined ? 30 : Number(values.timeout);
  if (!Number.isFinite(timeout) || timeout <= 0 || timeout > 86_400)
    throw new UsageError(`--timeout must be a number of seconds (got '${values.timeout}')`);
  const server = resolveServer(values);
  const options = checkOptionsFrom(values);
  const model = modelFrom(values);

  const files: { file: string; text: string; format: 'yaml' | 'xml' }[] = [];
  for (const file of positionals) {
    const read = readOneCommandFile(file, 'check', io);
    if (typeof read === 'number') return read;
    files.push({ file, ...read });
  }

  let password = io.env.OCIP_PASSWORD;
  if (!password) {
    if (!tty.interactive) {
      io.stderr('ocip check: no password: set OCIP_PASSWORD or run on a terminal to be asked for it.\n');
      return 2;
    }
    password = await tty.askHidden(`Password for ${server.username} on ${server.name}: `);
    if (!password) return 2;
  }

  // One cache for the run: a question asked for one file is not asked again for the next.
  const cache = new ServerStateCache({ ttlSeconds: 300 });
  const reports: FileReport[] = [];
  for (const f of files) {
    const local = new DocumentAnalyzer(f.format, model, options).analyze(f.text).diagnostics;
    const outcome = await runServerCheck({
      server,
      password,
      file: parseSource(f.text, f.format),
      dataMode: options.dataMode,
      adminLevel: options.adminLevel,
      newUserTemplateServices: options.newUserTemplateServices,
      cache,
      timeoutMs: timeout * 1000,
      log: values.verbose ? (line) => io.stderr(formatLogLine(line, password) + '\n') : undefined,
      onWarning: (m) => io.stderr(`ocip check: warning: ${m}\n`),
    });
    if (outcome.failure) {
      const what =
        outcome.failure.stage === 'login' ? 'login failed' : outcome.failure.stage === 'read' ? 'reading failed' : 'connection failed';
      io.stderr(`ocip check: ${what}: ${outcome.failure.message}\n`);
      return 2;
    }
    if (values.verbose)
      io.stderr(
        `ocip check: ${f.file}: ${outcome.requestsSent} read request(s) sent, ${outcome.cached} answered from the cache, as ${outcome.level}\n`,
      );
    const diagnostics = [...local, ...outcome.diagnostics].sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end);
    reports.push({ file: f.file, text: f.text, diagnostics });
  }
  io.stdout(format === 'json' ? formatJson(reports) : format === 'sarif' ? formatSarif(reports, io.version) : formatText(reports));
  return reports.some((r) => r.diagnostics.some((d) => d.severity === 'error')) ? 1 : 0;
}
