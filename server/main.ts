/**
 * The OCI-P language server on Node. Run with `node dist/server.js --stdio` (the VS Code client does the same).
 * The features are in ./serve.ts, shared with the web worker server (./web/main.ts).
 */
import { createConnection, type Connection, ProposedFeatures, StreamMessageWriter } from 'vscode-languageserver/node';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { format } from 'node:util';
import { ModelProvider } from './models';
import { FrameGuard } from './frame-guard';
import { FrameReader } from './message-reader';
import { guardProcess } from './guard';
import { cancelUndispatched } from './cancel';
import { serve } from './serve';

/**
 * Over stdio the input goes through FrameGuard (see there why): garbage between messages is dropped and the
 * stream resynchronizes on the next valid header instead of leaving the server deaf. Its frames are read by
 * FrameReader (see there: a large didOpen is assembled while it arrives, not after). Other transports as usual.
 */
function createGuardedConnection(): Connection {
  const options = { connectionStrategy: { cancelUndispatched } };
  if (!process.argv.includes('--stdio')) return createConnection(ProposedFeatures.all, options);
  const input = process.stdin.pipe(
    new FrameGuard({
      onDrop: (bytes, why) =>
        process.stderr.write(`ocip-language-server: dropped ${bytes} bytes of input (${why}); resynchronized on the next message header\n`),
    }),
  );
  // What createConnection does for --stdio: nothing but JSON-RPC may reach stdout.
  for (const k of ['log', 'info', 'warn', 'error', 'debug'] as const)
    console[k] = (...args: unknown[]) => void process.stderr.write(`${format(...args)}\n`);
  // Given streams, createConnection exits when the input ends (code 0 after a shutdown request, else 1); given a
  // reader, it does not: the same here.
  let shutdown = false;
  const reader = new FrameReader(input, {
    // Any JSON may come in (null, a number): only a shutdown request counts.
    onMessage: (message) => void ((message as { method?: unknown } | null)?.method === 'shutdown' && (shutdown = true)),
  });
  const exit = () => process.exit(shutdown ? 0 : 1);
  input.on('end', exit);
  input.on('close', exit);
  return createConnection(ProposedFeatures.all, reader, new StreamMessageWriter(process.stdout), options);
}

serve(createGuardedConnection(), {
  runtime: `Node ${process.version}, pid ${process.pid}`,
  models: (storagePath, log) => new ModelProvider(join(storagePath ?? tmpdir(), 'ocip-schema-cache'), log),
  // VS Code shows the server's stderr in the OCI-P output too.
  logError: (message) => void process.stderr.write(`${message}\n`),
  guardGlobal: guardProcess,
});
