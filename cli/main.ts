/**
 * The `ocip` command line: validate, send, check, convert, schema, sim.
 * Exit status: 0 success, 1 problems found / commands failed, 2 usage or I/O error.
 */
import { processIo, type CliIo } from './io';
import { runCommand, type Command } from './run-command';
import { runValidate, VALIDATE_SUMMARY, VALIDATE_USAGE } from './validate';
import { CONVERT_USAGE, runConvert } from './convert';
import { runSchema, SCHEMA_USAGE } from './schema';
import { runSendCli, SEND_USAGE } from './send';
import { runSim, SIM_USAGE } from './sim';
import { CHECK_SUMMARY, CHECK_USAGE, runCheckCli } from './check';
import { RENDER_USAGE, runRender } from './render';

export const COMMANDS: Record<string, Command> = {
  validate: { run: runValidate, usage: VALIDATE_USAGE, summary: VALIDATE_SUMMARY },
  convert: { run: runConvert, usage: CONVERT_USAGE, summary: 'convert a command file between YAML and XML' },
  schema: { run: runSchema, usage: SCHEMA_USAGE, summary: 'export a JSON Schema of a command for other YAML tools' },
  send: { run: (argv, io) => runSendCli(argv, io), usage: SEND_USAGE, summary: 'send a checked file to a BroadWorks server' },
  check: { run: (argv, io) => runCheckCli(argv, io), usage: CHECK_USAGE, summary: CHECK_SUMMARY },
  render: { run: runRender, usage: RENDER_USAGE, summary: 'fill a template from a CSV file and variables' },
  sim: { run: runSim, usage: SIM_USAGE, summary: 'run the BroadWorks simulator' },
};

export function usage(): string {
  const lines = Object.entries(COMMANDS).map(([name, c]) => `  ${name.padEnd(10)} ${c.summary}`);
  return `Usage: ocip <command> [options]\n\nCommands:\n${lines.join('\n')}\n\nRun 'ocip <command> --help' for a command's options.\n`;
}

export async function main(argv: string[], io: CliIo = processIo): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    io.stdout(usage());
    return name ? 0 : 2;
  }
  if (name === '--version') {
    io.stdout(io.version + '\n');
    return 0;
  }
  const cmd = COMMANDS[name];
  if (!cmd) {
    io.stderr(`ocip: unknown command '${name}'\n${usage()}`);
    return 2;
  }
  return runCommand(name, cmd, rest, io);
}

if (require.main === module || process.env.OCIP_CLI_MAIN === '1') {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (e) => {
      process.stderr.write(`ocip: ${(e as Error).stack ?? e}\n`);
      process.exitCode = 2;
    },
  );
}
