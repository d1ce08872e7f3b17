/** `ocip sim`: the BroadWorks simulator (sim/main.ts) as a CLI command. Runs until Ctrl+C. */
import { runSimCli } from '../sim/main';
import type { CliIo } from './io';

export const SIM_USAGE = `Usage: ocip sim [--host H] [--tcp-port N] [--tls-port N] [--soap-port N] [--data-mode AS|XS] [--state FILE] [--seed FILE] [--verbose]
  Ports default to 2208 (TCP), 2209 (TLS) and 8080 (SOAP); 0 picks a free port; "off" disables a listener.`;

export function runSim(argv: string[], io: CliIo): Promise<number> {
  return runSimCli(argv, (line) => io.stdout(line + '\n'));
}
