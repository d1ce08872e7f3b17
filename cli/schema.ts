/** `ocip schema --json-schema COMMAND[,COMMAND...] [--schema-dir DIR]`: a draft-07 JSON Schema of the YAML form, on stdout. */
import { parseArgs } from 'node:util';
import { commandJsonSchema } from '../core/authoring/json-schema';
import type { CliIo } from './io';
import { modelFrom, UsageError } from './options';

export const SCHEMA_USAGE = `Usage: ocip schema --json-schema COMMAND[,COMMAND...]|all [--schema-dir DIR]
  Prints a JSON Schema (draft-07) of the YAML form of the given command(s), for other YAML tools
  (e.g. yaml-language-server: # yaml-language-server: $schema=<file>). Several commands: each YAML document
  must be one of them, chosen by its 'command:' key ('all': every command of the model). Without --schema-dir, the built-in R25 model is used.`;

export function runSchema(argv: string[], io: CliIo): number {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { 'json-schema': { type: 'string' }, 'schema-dir': { type: 'string' } },
  });
  if (positionals.length) throw new UsageError(`unexpected argument '${positionals[0]}'`);
  const requested = (values['json-schema'] ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  if (!requested.length) throw new UsageError('--json-schema COMMAND is required');
  const model = modelFrom(values);
  const names = requested.length === 1 && requested[0] === 'all' ? model.commandNames() : requested;
  let schema;
  try {
    schema = commandJsonSchema(model, names);
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
  io.stdout(JSON.stringify(schema, null, 2) + '\n');
  return 0;
}
