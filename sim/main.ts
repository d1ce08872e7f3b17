/**
 * `ocip sim`: runs the simulator until SIGINT/SIGTERM. Prints the ports, the TLS fingerprint and the
 * seeded administrators' user names (never passwords).
 */
import { startSimulator, type SimulatorOptions } from './index';

const USAGE = `Usage: ocip sim [--host H] [--tcp-port N] [--tls-port N] [--soap-port N] [--data-mode AS|XS] [--state FILE] [--seed FILE] [--schema-dir DIR] [--verbose]
  Ports default to 2208 (TCP), 2209 (TLS) and 8080 (SOAP); 0 picks a free port; "off" disables a listener.
  --schema-dir: validate requests against this XSD folder (e.g. the R25 set) instead of the built-in model.`;

export class UsageError extends Error {}

function port(flag: string, value: string | undefined): number | undefined {
  if (value === 'off') return undefined;
  const n = Number(value);
  if (value === undefined || !Number.isInteger(n) || n < 0 || n > 65535)
    throw new UsageError(`${flag} needs a port number 0-65535 or "off", got ${value ?? 'nothing'}`);
  return n;
}

export function parseSimArgs(argv: string[]): SimulatorOptions & { verbose: boolean } {
  const opts: SimulatorOptions & { verbose: boolean } = { tcpPort: 2208, tlsPort: 2209, soapPort: 8080, verbose: false };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    const value = () => {
      const v = argv[++i];
      if (v === undefined) throw new UsageError(`${flag} needs a value`);
      return v;
    };
    switch (flag) {
      case '--host':
        opts.host = value();
        break;
      case '--tcp-port':
        opts.tcpPort = port(flag, value());
        break;
      case '--tls-port':
        opts.tlsPort = port(flag, value());
        break;
      case '--soap-port':
        opts.soapPort = port(flag, value());
        break;
      case '--data-mode': {
        const m = value().toUpperCase();
        if (m !== 'AS' && m !== 'XS') throw new UsageError(`--data-mode must be AS or XS, got ${m}`);
        opts.dataMode = m;
        break;
      }
      case '--state':
        opts.stateFile = value();
        break;
      case '--seed':
        opts.seedFile = value();
        break;
      case '--schema-dir':
        opts.schemaDir = value();
        break;
      case '--verbose':
      case '-v':
        opts.verbose = true;
        break;
      case '--help':
      case '-h':
        throw new UsageError(USAGE);
      default:
        throw new UsageError(`Unknown option ${flag}\n${USAGE}`);
    }
  }
  return opts;
}

/** Runs until a signal arrives; resolves with the process exit code. */
export async function runSimCli(argv: string[], out: (line: string) => void = (l) => console.log(l)): Promise<number> {
  let opts;
  try {
    opts = parseSimArgs(argv);
  } catch (e) {
    out(e instanceof Error ? e.message : String(e));
    return 2;
  }
  const { verbose, ...options } = opts;
  let sim;
  try {
    // Without --verbose there is no request log at all: nothing is formatted or masked for a log nobody reads.
    sim = await startSimulator({ ...options, log: verbose ? out : undefined, notice: out });
  } catch (e) {
    out(`ocip sim: ${e instanceof Error ? e.message : String(e)}`);
    return 1;
  }
  // Listen for the signals before printing the banner: whoever reads "Press Ctrl+C" may signal at once.
  const stopped = new Promise<void>((resolve) => {
    const stop = () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve();
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
  const host = options.host ?? '127.0.0.1';
  out(`BroadWorks simulator (${sim.dataMode} data mode)`);
  if (sim.ports.tcp !== undefined) out(`  OCI-P TCP  ${host}:${sim.ports.tcp}`);
  if (sim.ports.tls !== undefined) out(`  OCI-P TLS  ${host}:${sim.ports.tls}  SHA-256 ${sim.tlsFingerprint}`);
  if (sim.ports.soap !== undefined) out(`  SOAP       http://${host}:${sim.ports.soap}/webservice/services/ProvisioningService`);
  out(`  state      ${options.stateFile ?? '(in memory)'}`);
  out(`  admins     ${sim.accountNames.join(', ')}`);
  out('Press Ctrl+C to stop.');
  await stopped;
  await sim.close();
  out('Simulator stopped.');
  return 0;
}
