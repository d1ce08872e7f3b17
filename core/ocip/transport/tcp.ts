/** Plain TCP to the Application Server (default port 2208). Unencrypted: no plain password by default. */
import { connect } from 'node:net';
import { awaitConnected } from './connect';
import { StreamTransport } from './stream';
import { DEFAULTS, type Transport, type TransportOptions } from './types';

export async function connectTcp(options: TransportOptions, signal?: AbortSignal): Promise<Transport> {
  const port = options.port ?? DEFAULTS.tcpPort;
  const target = `tcp://${options.host}:${port}`;
  const socket = await awaitConnected(connect({ host: options.host, port }), 'connect', target, options.connectTimeoutMs, signal);
  socket.setNoDelay(true);
  return new StreamTransport(socket, options, false, target);
}
