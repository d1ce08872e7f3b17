/** `ocip validate [--format text|json|sarif] [check flags] FILE...`: exit 0 clean, 1 with errors, 2 usage or I/O. */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { checkFile } from '../core/checks';
import { parseSource, detectFormat } from '../core/syntax';
import type { FileFormat } from '../core/tree/types';
import { CHECK_FLAGS, checkOptionsFrom, modelFrom, UsageError } from './options';
import { formatJson, formatSarif, formatText, type FileReport } from './report-formats';
import type { CliIo } from './io';

export const VALIDATE_USAGE = `Usage: ocip validate [--format text|json|sarif] [--data-mode AS|XS] [--admin-level LEVEL]
                     [--schema-dir DIR] [--external-authentication] [--service-pack NAME=Svc1,Svc2]...
                     [--new-user-template Svc1,Svc2] FILE...`;

export function formatForFile(file: string, text: string): FileFormat | undefined {
  const detected = detectFormat(file, text);
  if (detected) return detected;
  const lower = file.toLowerCase();
  if (lower.endsWith('.yaml') || lower.endsWith('.yml')) return 'yaml';
  if (lower.endsWith('.xml')) return 'xml';
  return undefined;
}

export function runValidate(argv: string[], io: CliIo): number {
  const { values, positionals } = parseArgs({ args: argv, allowPositionals: true, options: { ...CHECK_FLAGS, format: { type: 'string', default: 'text' } } });
  const format = values.format as string;
  if (!['text', 'json', 'sarif'].includes(format)) throw new UsageError(`--format must be text, json or sarif (got '${format}')`);
  if (positionals.length === 0) throw new UsageError('no files given');
  const options = checkOptionsFrom(values);
  const model = modelFrom(values);
  const reports: FileReport[] = [];
  let ioError = false;
  for (const file of positionals) {
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch (e) {
      io.stderr(`ocip: cannot read ${file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}\n`);
      ioError = true;
      reports.push({ file, text: '', diagnostics: [{ code: 'OCI-IO', kind: 'syntax', severity: 'error', message: `cannot read file: ${(e as Error).message}`, span: { start: 0, end: 0 } }] });
      continue;
    }
    const fmt = formatForFile(file, text);
    if (!fmt) {
      io.stderr(`ocip: ${file}: not an OCI-P file (expected *.ocip.yaml, *.ocip.yml, *.ocip.xml, *.yaml, *.xml)\n`);
      ioError = true;
      continue;
    }
    const diagnostics = checkFile(parseSource(text, fmt), model, options).sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end);
    reports.push({ file, text, diagnostics });
  }
  io.stdout(format === 'json' ? formatJson(reports) : format === 'sarif' ? formatSarif(reports, io.version) : formatText(reports));
  if (ioError) return 2;
  return reports.some((r) => r.diagnostics.some((d) => d.severity === 'error')) ? 1 : 0;
}
