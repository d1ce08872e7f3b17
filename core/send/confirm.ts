/** Texts of the questions asked before sending, shared by the extension (modal) and the CLI (TTY prompt). */
import { serverAddress, type ServerConfig } from './servers';

/** The production warning: names the server and the number of commands, so the user knows what they approve. */
export function productionConfirmationText(
  server: Pick<ServerConfig, 'name' | 'transport' | 'host' | 'port' | 'soapUrl'>,
  commandCount: number,
): string {
  const n = `${commandCount} command${commandCount === 1 ? '' : 's'}`;
  return `"${server.name}" (${serverAddress(server)}) is a PRODUCTION server. Send ${n} to it? Commands are executed immediately and cannot be undone.`;
}

export function errorsRefusalText(errorCount: number, fileName: string): string {
  return `Not sent: ${fileName} has ${errorCount} error${errorCount === 1 ? '' : 's'}. Fix ${errorCount === 1 ? 'it' : 'them'} first (see Problems).`;
}
