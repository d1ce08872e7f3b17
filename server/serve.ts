/**
 * The OCI-P language server's features over a connection, whatever carries it: `server/main.ts` (Node, stdio) and
 * `server/web/main.ts` (a web worker, VS Code for the Web). A thin adapter: every answer comes from core/.
 */
import { MessageType, ShowMessageNotification, TextDocuments, type Connection, type InitializeResult } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { pieceDocuments } from './piece-document';
import { MODEL_STATUS_NOTIFICATION, type InitializationOptions, type ModelStatus } from '../core/protocol/messages';
import { DocumentStates, formatOf } from './documents';
import type { ModelChoice, ModelLog, Models } from './models';
import { SettingsCache } from './settings';
import type { Feature, ServerContext } from './context';
import { SYNC_KIND, validation } from './validation';
import { analyzeRequest } from './analyze-request';
import { documentSymbols } from './symbols';
import { foldingRanges } from './folding';
import { selectionRanges } from './selection';
import { documentFormatting } from './formatting';
import { convertRequests } from './convert-request';
import { scaffoldRequests } from './scaffold-request';
import { completion, COMPLETION_TRIGGERS } from './completion';
import { hover } from './hover';
import { codeActions, CODE_ACTION_KINDS } from './code-actions';
import { guardConnection } from './guard';
import { guardRequests } from './cancel';
import { serverCheckRequests } from './server-check-requests';
import { templates } from './templates';
import { templateSendRequest } from './template-send-request';
import { sendRequests } from './send-requests';

export const SERVER_VERSION = '0.1.0';

/** What differs between the Node server and the web worker server. */
export interface ServerPlatform {
  /** Said in the start-up log line, e.g. "Node v20.19.0, pid 1234" or "web worker". */
  runtime: string;
  /** The models documents are checked against; `storagePath` is where compiled schema folders may be cached. */
  models(storagePath: string | undefined, log: ModelLog): Models;
  /** Where an error goes when the connection itself may be what failed (stderr, the worker's console). */
  logError(message: string): void;
  /** Catches what escapes every handler (the process's or the worker's global error events). */
  guardGlobal(log: (message: string) => void): void;
}

export function serve(connection: Connection, platform: ServerPlatform): void {
  /** Start-up times since the process (or worker) started, for the start-up log line. */
  const loadedAt = performance.now();
  let initializeAt = 0;
  const documents = new TextDocuments<TextDocument>(pieceDocuments);
  const states = new DocumentStates();
  const log = connection.console;
  const settings = new SettingsCache(connection, (problem) => warnOnce(problem));
  let models = platform.models(undefined, log);
  let watchFolders = false;

  const ctx: ServerContext = {
    connection: guardRequests(connection),
    documents,
    states,
    settings,
    client: { codeActionResolve: false },
    get models() {
      return models;
    },
    async stateFor(uri) {
      const doc = documents.get(uri);
      if (!doc) return undefined;
      const format = formatOf(doc);
      if (!format) return undefined;
      const s = await settings.get(uri);
      const choice = models.get(s.schemaDirectory);
      if (choice.error) reportModelError(choice.error);
      reportModelStatus(uri, choice);
      return states.prepare(doc, format, s, choice.model);
    },
    async analysisFor(uri) {
      const state = await ctx.stateFor(uri);
      const doc = documents.get(uri);
      if (!state || !doc) return undefined;
      return { doc, state, analysis: states.current(state, doc) };
    },
  };

  /** ocip/modelStatus for the client's language status item, sent when a document's model changes. */
  const statusSent = new Map<string, string>();
  function reportModelStatus(uri: string, choice: ModelChoice): void {
    const status: ModelStatus = {
      uri,
      source: choice.source,
      // `release`, not `model.release`: the latter materialises every chunk of the built-in model (150 ms CPU on the
      // first didOpen, measured with --cpu-prof) to read one label.
      release: choice.model.release,
      commands: choice.model.commandNames().length,
      error: choice.error,
    };
    const key = JSON.stringify(status);
    if (statusSent.get(uri) === key) return;
    statusSent.set(uri, key);
    void connection.sendNotification(MODEL_STATUS_NOTIFICATION, status);
  }

  const reported = new Set<string>();
  function reportModelError(message: string): void {
    if (reported.has(message)) return;
    reported.add(message);
    // A plain notification: showWarningMessage sends a request whose failure would be an unhandled rejection.
    void connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Warning, message });
  }

  const warned = new Set<string>();
  /** A setting value that cannot be used: logged once (not on every re-read of the settings). */
  function warnOnce(message: string): void {
    if (warned.has(message)) return;
    warned.add(message);
    log.warn(message);
  }

  /** Feature modules; each registers its own handlers. */
  const features: Feature[] = [
    validation,
    analyzeRequest,
    documentSymbols,
    foldingRanges,
    selectionRanges,
    documentFormatting,
    convertRequests,
    scaffoldRequests,
    completion,
    hover,
    codeActions,
    sendRequests,
    serverCheckRequests,
    templates,
    templateSendRequest,
  ];

  connection.onInitialize((params): InitializeResult => {
    initializeAt = performance.now();
    const caps = params.capabilities;
    settings.supportsConfiguration = !!caps.workspace?.configuration;
    ctx.client.codeActionResolve = !!caps.textDocument?.codeAction?.resolveSupport?.properties?.includes('edit');
    settings.workspaceFolders = params.workspaceFolders ?? [];
    watchFolders = !!caps.workspace?.workspaceFolders;
    const init = (params.initializationOptions ?? {}) as InitializationOptions;
    models = platform.models(init.storagePath, log);
    return {
      capabilities: {
        textDocumentSync: SYNC_KIND,
        documentSymbolProvider: { label: 'OCI-P' },
        foldingRangeProvider: true,
        selectionRangeProvider: true,
        documentFormattingProvider: true,
        completionProvider: { triggerCharacters: COMPLETION_TRIGGERS },
        hoverProvider: true,
        codeActionProvider: { codeActionKinds: CODE_ACTION_KINDS, resolveProvider: true },
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
      },
      serverInfo: { name: 'ocip-language-server', version: SERVER_VERSION },
    };
  });

  documents.onDidClose((e) => statusSent.delete(e.document.uri));

  // One handler: the connection keeps only the last one given for a notification (a second `onInitialized` silently
  // replaced the first, and workspace folders added later were never seen).
  connection.onInitialized(() => {
    // Relative schema folders follow the workspace folders.
    if (watchFolders)
      connection.workspace.onDidChangeWorkspaceFolders((e) => {
        settings.workspaceFolders = [...settings.workspaceFolders.filter((f) => !e.removed.some((r) => r.uri === f.uri)), ...e.added];
        settings.clear();
      });
    const builtin = models.get('').model;
    // Since the process (or worker) started: what loading the code cost, and when the client asked.
    log.info(
      `OCI-P language server ${SERVER_VERSION} started (${platform.runtime}). Code loaded at ${Math.round(loadedAt)} ms, ` +
        `initialize received at ${Math.round(initializeAt)} ms, initialized at ${Math.round(performance.now())} ms.`,
    );
    // Counting the commands walks the model's index (~10 ms): after the messages already read (the first didOpen,
    // whose settings request then leaves the server idle), not before them.
    setImmediate(() => log.info(`Built-in model: ${builtin.commandNames().length} request commands.`));
  });

  for (const f of features) f(ctx);
  // Whatever escapes a handler is logged and the server carries on (server/guard.ts); to the platform's own error
  // output (stderr, the worker's console), because the connection itself may be what failed.
  platform.guardGlobal(platform.logError);
  documents.listen(guardConnection(connection, platform.logError));
  connection.listen();
}
