/** TLS to the Application Server (default port 2209), TLS from the first byte (no STARTTLS). */
import { openTlsSocket } from './tls-socket';
import { StreamTransport } from './stream';
import { DEFAULTS, type Transport, type TransportOptions } from './types';

export async function connectTls(options: TransportOptions, signal?: AbortSignal): Promise<Transport> {
  const port = options.port ?? DEFAULTS.tlsPort;
  const socket = await openTlsSocket({ ...options, port }, signal);
  socket.setNoDelay(true);
  return new StreamTransport(socket, options, true, `tls://${options.host}:${port}`);
}
