/** `ocip render TEMPLATE [--data FILE.csv] [--var NAME=VALUE]... [--rows LIST] [--to yaml|xml] [--out FILE]`: 0 rendered, 1 template or data refused, 2 usage or I/O. */
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { convertText } from '../core/authoring/format-convert';
import type { CliIo } from './io';
import { CHECK_FLAGS, checkOptionsFrom, modelFrom, UsageError } from './options';
import { readOneCommandFile } from './read-file';
import { formatText } from './report-formats';
import { checkTemplateFile, TEMPLATE_FLAGS, variablesFrom } from './template';

export const RENDER_USAGE = `Usage: ocip render TEMPLATE [--data FILE.csv] [--var NAME=VALUE]... [--rows LIST] [--to yaml|xml] [--out FILE]
  Fills the placeholders of a command file (\${name}, \${name:-default}; $\${ is a literal \${) from each row of the data
  file and from the variables, and writes the commands of every row as one file (the template's format unless --to).
  The data file is --data, else the template's first-line comment '# ocip-data: FILE.csv' (relative to the template).
  --var wins over a column of the same name. --rows takes spreadsheet row numbers (the header is row 1): 2,5-7.
  A template with a placeholder outside a value, a missing column or a malformed data file is refused (exit 1);
  values are not checked here: run 'ocip validate' on the template for that.`;

/** Codes that make a rendering meaningless: the template or the data cannot be read as intended. */
const REFUSING = /^OCI-(TEMPLATE|DATA-CSV|DATA-ROW|DATA-COLUMN-MISSING|YAML-SYNTAX|XML-SYNTAX)/;

export function runRender(argv: string[], io: CliIo): number {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { ...CHECK_FLAGS, ...TEMPLATE_FLAGS, to: { type: 'string' }, out: { type: 'string' }, rows: { type: 'string' } },
  });
  if (positionals.length !== 1) throw new UsageError(positionals.length ? 'give exactly one TEMPLATE' : 'no TEMPLATE given');
  const to = values.to;
  if (to !== undefined && to !== 'xml' && to !== 'yaml') throw new UsageError(`--to must be xml or yaml (got '${to}')`);
  const [file] = positionals;
  const read = readOneCommandFile(file, 'render', io);
  if (typeof read === 'number') return read;
  const model = modelFrom(values);
  let run;
  try {
    run = checkTemplateFile(file, read.text, read.format, values.data, variablesFrom(values.var), model, checkOptionsFrom(values), {
      renderOnly: true,
      rows: values.rows,
    });
  } catch (e) {
    if (e instanceof UsageError) throw e;
    io.stderr(`ocip render: ${(e as Error).message}\n`);
    return 2;
  }
  const refusing = run.reports.map((r) => ({
    ...r,
    diagnostics: r.diagnostics.filter((d) => d.severity === 'error' && REFUSING.test(d.code)),
  }));
  if (!run.check.input || refusing.some((r) => r.diagnostics.length)) {
    io.stderr(formatText(refusing.filter((r) => r.diagnostics.length)));
    io.stderr(`ocip render: ${file} not rendered.\n`);
    return 1;
  }
  const rendered = run.check.rendered!;
  let text = rendered.text;
  if (to && to !== read.format) {
    const converted = convertText(text, read.format, to, model);
    if (!converted.ok) {
      io.stderr(`ocip render: cannot convert to ${to}: ${converted.error}\n`);
      return 1;
    }
    text = converted.text;
  }
  if (values.out === undefined) {
    io.stdout(text);
    return 0;
  }
  try {
    writeFileSync(values.out, text);
  } catch (e) {
    io.stderr(`ocip render: cannot write ${values.out}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}\n`);
    return 2;
  }
  return 0;
}
