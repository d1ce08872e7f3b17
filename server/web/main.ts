/**
 * The OCI-P language server in a web worker (VS Code for the Web: vscode.dev, github.dev), bundled as
 * dist/web/server.js and started by the web extension (client/web/language-client.ts). Same features as the Node
 * server (../serve.ts) over the built-in R25 model, whose chunks are bundled in (core/model/store/chunk-reader.web.ts);
 * esbuild.mjs builds it for the browser, with the Node built-ins that only the desktop's paths reach replaced
 * (server/web/node/).
 */
import { BrowserMessageReader, BrowserMessageWriter, createConnection, ProposedFeatures } from 'vscode-languageserver/browser';
import { cancelUndispatched } from '../cancel';
import { serve } from '../serve';
import { BuiltinOnlyModels } from './models';
import { installSetImmediate } from './timers';

/** The worker's global scope, as much of it as the server uses (the project's lib has no DOM/webworker types). */
interface WorkerScope {
  postMessage(message: unknown): void;
  addEventListener(type: 'message' | 'error' | 'unhandledrejection', listener: (event: WorkerEvent) => void): void;
  removeEventListener(type: 'message', listener: (event: WorkerEvent) => void): void;
}
interface WorkerEvent {
  error?: unknown;
  message?: string;
  reason?: unknown;
  preventDefault?(): void;
}
declare const self: WorkerScope;

installSetImmediate();

type Port = ConstructorParameters<typeof BrowserMessageReader>[0];
const port = self as unknown as Port;
const connection = createConnection(ProposedFeatures.all, new BrowserMessageReader(port), new BrowserMessageWriter(port), {
  connectionStrategy: { cancelUndispatched },
});

const describe = (e: unknown): string => (e instanceof Error ? (e.stack ?? e.message) : String(e)).slice(0, 2000);

serve(connection, {
  runtime: 'web worker',
  models: (_storagePath, log) => new BuiltinOnlyModels(log),
  logError: (message) => console.error(message),
  guardGlobal(log) {
    self.addEventListener('error', (e) => {
      log(`ocip-language-server: internal error (the server carries on): ${describe(e.error ?? e.message)}`);
      e.preventDefault?.();
    });
    self.addEventListener('unhandledrejection', (e) => {
      log(`ocip-language-server: internal error (the server carries on): ${describe(e.reason)}`);
      e.preventDefault?.();
    });
  },
});
