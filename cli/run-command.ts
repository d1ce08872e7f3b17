/** Runs one `ocip` command with its help and error handling (shared by the full CLI and the validate-only bundle). */
import type { CliIo } from './io';
import { UsageError } from './options';

export type Command = { run: (argv: string[], io: CliIo) => number | Promise<number>; usage: string; summary: string };

export async function runCommand(name: string, cmd: Command, rest: string[], io: CliIo): Promise<number> {
  if (rest.includes('--help') || rest.includes('-h')) {
    io.stdout(cmd.usage + '\n');
    return 0;
  }
  try {
    return await cmd.run(rest, io);
  } catch (e) {
    if (e instanceof UsageError || (e as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      io.stderr(`ocip ${name}: ${(e as Error).message}\n${cmd.usage}\n`);
      return 2;
    }
    io.stderr(`ocip ${name}: ${(e as Error).message}\n`);
    return 2;
  }
}
