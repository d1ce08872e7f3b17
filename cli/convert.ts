/** `ocip convert FILE --to xml|yaml [--out FILE] [--schema-dir DIR]`: 0 converted, 1 syntax errors, 2 usage or I/O. */
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { convertText } from '../core/authoring/format-convert';
import type { CliIo } from './io';
import { modelFrom, UsageError } from './options';
import { readOneCommandFile } from './read-file';

export const CONVERT_USAGE = `Usage: ocip convert FILE --to xml|yaml [--out FILE] [--schema-dir DIR]
  Converts an OCI-P command file to the other format (schema order; XML gets a BroadsoftDocument with a
  placeholder sessionId). Writes to stdout unless --out is given. Files with syntax errors are refused (exit 1).`;

export function runConvert(argv: string[], io: CliIo): number {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { to: { type: 'string' }, out: { type: 'string' }, 'schema-dir': { type: 'string' } },
  });
  if (positionals.length !== 1) throw new UsageError(positionals.length ? 'give exactly one FILE' : 'no file given');
  const to = values.to;
  if (to !== 'xml' && to !== 'yaml') throw new UsageError(`--to must be xml or yaml${to === undefined ? '' : ` (got '${to}')`}`);
  const [file] = positionals;
  const read = readOneCommandFile(file, 'convert', io);
  if (typeof read === 'number') return read;
  const { text, format: from } = read;
  const result = convertText(text, from, to, modelFrom(values));
  if (!result.ok) {
    io.stderr(`${file}: ${result.error}\n`);
    return 1;
  }
  if (values.out === undefined) {
    io.stdout(result.text);
    return 0;
  }
  try {
    writeFileSync(values.out, result.text);
  } catch (e) {
    io.stderr(`ocip convert: cannot write ${values.out}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}\n`);
    return 2;
  }
  return 0;
}
