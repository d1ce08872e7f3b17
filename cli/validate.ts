/** `ocip validate [--format text|json|sarif] [check flags] FILE...`: exit 0 clean, 1 with errors, 2 usage or I/O. */
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { DocumentAnalyzer } from '../core/analysis/analyzer';
import { detectFormat } from '../core/syntax';
import { CHECK_FLAGS, checkOptionsFrom, modelFrom, UsageError } from './options';
import { encodingDiagnostic, formatForFile, readCommandFile, readFailure } from './read-file';
import { readFileHead } from '../core/text/read-bounded';
import { CLI_LIMITS, FILE_LIMITS } from '../core/limits';
import { capDiagnostics } from '../core/analysis/capped';
import type { Diagnostic } from '../core/checks/types';
import { formatJson, formatSarif, formatText, type FileReport } from './report-formats';
import type { CliIo } from './io';
import { applySeverityOverrides, parseSeverityOverrides, type SeverityOverrides } from '../core/checks/severity-overrides';
import { checkTemplateFile, isTemplate, TEMPLATE_FLAGS, variablesFrom } from './template';

/** `--severity CODE=LEVEL` flags; on the command line an unusable entry is a usage error (exit 2), not a warning. */
function severityOverridesFrom(specs: string[]): SeverityOverrides {
  const raw: Record<string, string> = {};
  for (const spec of specs) {
    const eq = spec.indexOf('=');
    if (eq <= 0) throw new UsageError(`--severity takes CODE=off|hint|information|warning|error (got '${spec}')`);
    raw[spec.slice(0, eq)] = spec.slice(eq + 1);
  }
  const { overrides, problems } = parseSeverityOverrides(raw);
  if (problems.length)
    throw new UsageError(
      problems
        .map((p) => p.replace('ocip.diagnostics.severity', '--severity').replace(/; (ignored|the rule keeps its default severity)\.$/, '.'))
        .join('\n'),
    );
  return overrides;
}

export const VALIDATE_SUMMARY = 'check OCI-P command files (YAML or XML)';

export const VALIDATE_USAGE = `Usage: ocip validate [--format text|json|sarif] [--data-mode AS|XS] [--admin-level LEVEL]
                     [--schema-dir DIR] [--external-authentication] [--service-pack NAME=Svc1,Svc2]...
                     [--new-user-template Svc1,Svc2] [--severity CODE=off|hint|information|warning|error]...
                     [--data FILE.csv] [--var NAME=VALUE]...
                     FILE|FOLDER...
  Folders are searched for *.ocip.yaml, *.ocip.yml, *.ocip.xml and *.xml files whose root is BroadsoftDocument.
  --severity overrides a rule's severity (codes in docs/rules.md), like the setting ocip.diagnostics.severity;
  'off' leaves the rule out. The exit status follows the overridden severities.
  A template (placeholders \${name}, a first line '# ocip-data: FILE.csv', or --data) is checked row by row: a
  problem caused by a cell is reported in the CSV file at that cell, and once on the template's placeholder.
  Exit status: 0 no errors, 1 errors found, 2 usage or I/O error.`;

/** Folders given on the command line are searched for OCI-P files (*.ocip.yaml, *.ocip.yml, *.ocip.xml, BroadsoftDocument *.xml). */
function expand(paths: string[]): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      if (name === 'node_modules' || name.startsWith('.')) continue;
      const p = join(dir, name);
      const st = statSync(p);
      if (st.isDirectory()) walk(p);
      else if (/\.ocip\.(ya?ml|xml)$/i.test(name)) out.push(p);
      else if (
        st.isFile() &&
        /\.xml$/i.test(name) &&
        detectFormat(name, readFileHead(p, FILE_LIMITS.sniffBytes).toString('utf8')) === 'xml'
      )
        out.push(p);
    }
  };
  for (const p of paths) {
    let dir = false;
    try {
      dir = statSync(p).isDirectory();
    } catch {
      // reported when it is read
    }
    if (dir) walk(p);
    else out.push(p);
  }
  return out;
}

/** Severity overrides, file order, and the cap on what is listed (with the totals of what was not). */
function finish(file: string, text: string, found: Diagnostic[], overrides: SeverityOverrides): FileReport {
  const diagnostics = applySeverityOverrides(found, overrides).sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end);
  const listed = capDiagnostics(diagnostics, CLI_LIMITS.diagnosticsPerFile);
  const totals =
    listed === diagnostics
      ? undefined
      : {
          errors: diagnostics.filter((d) => d.severity === 'error').length,
          warnings: diagnostics.filter((d) => d.severity === 'warning').length,
        };
  return { file, text, diagnostics: listed, totals };
}

export function runValidate(argv: string[], io: CliIo): number {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      ...CHECK_FLAGS,
      ...TEMPLATE_FLAGS,
      format: { type: 'string', default: 'text' },
      severity: { type: 'string', multiple: true },
    },
  });
  const format = values.format as string;
  if (!['text', 'json', 'sarif'].includes(format)) throw new UsageError(`--format must be text, json or sarif (got '${format}')`);
  if (positionals.length === 0) throw new UsageError('no files given');
  const options = checkOptionsFrom(values);
  const overrides = severityOverridesFrom(values.severity ?? []);
  const model = modelFrom(values);
  const variables = variablesFrom(values.var);
  const reports: FileReport[] = [];
  let ioError = false;
  for (const file of expand(positionals)) {
    let text: string;
    let encodingProblem: ReturnType<typeof encodingDiagnostic>;
    try {
      const decoded = readCommandFile(file);
      text = decoded.text;
      encodingProblem = encodingDiagnostic(decoded);
    } catch (e) {
      io.stderr(`ocip: cannot read ${file}: ${readFailure(e)}\n`);
      ioError = true;
      reports.push({
        file,
        text: '',
        diagnostics: [
          {
            code: 'OCI-IO',
            kind: 'syntax',
            severity: 'error',
            message: `cannot read file: ${(e as Error).message}`,
            span: { start: 0, end: 0 },
          },
        ],
      });
      continue;
    }
    const fmt = formatForFile(file, text);
    if (!fmt) {
      io.stderr(`ocip: ${file}: not an OCI-P file (expected *.ocip.yaml, *.ocip.yml, *.ocip.xml, *.yaml, *.xml)\n`);
      ioError = true;
      continue;
    }
    if (isTemplate(text, values.data)) {
      try {
        const run = checkTemplateFile(file, text, fmt, values.data, variables, model, options);
        for (const r of run.reports)
          reports.push(
            finish(r.file, r.text, [...(encodingProblem && r.file === file ? [encodingProblem] : []), ...r.diagnostics], overrides),
          );
      } catch (e) {
        io.stderr(`ocip: ${file}: ${(e as Error).message}\n`);
        ioError = true;
      }
      continue;
    }
    const found = [
      ...(encodingProblem ? [encodingProblem] : []),
      ...new DocumentAnalyzer(fmt, model, options, true).analyze(text).diagnostics,
    ];
    reports.push(finish(file, text, found, overrides));
  }
  io.stdout(format === 'json' ? formatJson(reports) : format === 'sarif' ? formatSarif(reports, io.version) : formatText(reports));
  if (ioError) return 2;
  return reports.some((r) => r.diagnostics.some((d) => d.severity === 'error')) ? 1 : 0;
}
