/**
 * The OCI-P language server. Run with `node dist/server.js --stdio` (the VS Code client does the same).
 * It is a thin adapter: every answer comes from core/ (parse, check, complete, describe, fix).
 */
import {
  createConnection,
  type Connection,
  MessageType,
  ProposedFeatures,
  ShowMessageNotification,
  TextDocuments,
  type InitializeResult,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { format } from 'node:util';
import { MODEL_STATUS_NOTIFICATION, type InitializationOptions, type ModelStatus } from '../core/protocol/messages';
import { DocumentStates, formatOf } from './documents';
import { ModelProvider, type ModelChoice } from './models';
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
import { FrameGuard } from './frame-guard';
import { guardConnection, guardProcess } from './guard';
import { cancelUndispatched, guardRequests } from './cancel';
import { sendRequests } from './send-requests';
import { templates } from './templates';

/**
 * Over stdio the input goes through FrameGuard (see there why): garbage between messages is dropped and the
 * stream resynchronizes on the next valid header instead of leaving the server deaf. Other transports as usual.
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
  return createConnection(ProposedFeatures.all, input, process.stdout, options);
}

const SERVER_VERSION = '0.1.0';
const connection = createGuardedConnection();
const documents = new TextDocuments(TextDocument);
const states = new DocumentStates();
const log = connection.console;
const settings = new SettingsCache(connection, (problem) => warnOnce(problem));
let models = new ModelProvider(undefined, log);

const ctx: ServerContext = {
  connection: guardRequests(connection),
  documents,
  states,
  settings,
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
    release: choice.model.model.release,
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
  templates,
];

connection.onInitialize((params): InitializeResult => {
  const caps = params.capabilities;
  settings.supportsConfiguration = !!caps.workspace?.configuration;
  settings.workspaceFolders = params.workspaceFolders ?? [];
  watchFolders = !!caps.workspace?.workspaceFolders;
  const init = (params.initializationOptions ?? {}) as InitializationOptions;
  models = new ModelProvider(join(init.storagePath ?? tmpdir(), 'ocip-schema-cache'), log);
  return {
    capabilities: {
      textDocumentSync: SYNC_KIND,
      documentSymbolProvider: { label: 'OCI-P' },
      foldingRangeProvider: true,
      selectionRangeProvider: true,
      documentFormattingProvider: true,
      completionProvider: { triggerCharacters: COMPLETION_TRIGGERS },
      hoverProvider: true,
      codeActionProvider: { codeActionKinds: CODE_ACTION_KINDS },
      workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
    },
    serverInfo: { name: 'ocip-language-server', version: SERVER_VERSION },
  };
});

let watchFolders = false;
connection.onInitialized(() => {
  if (!watchFolders) return;
  // Relative schema folders follow the workspace folders.
  connection.workspace.onDidChangeWorkspaceFolders((e) => {
    settings.workspaceFolders = [...settings.workspaceFolders.filter((f) => !e.removed.some((r) => r.uri === f.uri)), ...e.added];
    settings.clear();
  });
});

documents.onDidClose((e) => statusSent.delete(e.document.uri));

connection.onInitialized(() => {
  const builtin = models.get('').model;
  log.info(`OCI-P language server ${SERVER_VERSION} started (Node ${process.version}, pid ${process.pid}).`);
  log.info(`Built-in model: ${builtin.commandNames().length} request commands.`);
});

for (const f of features) f(ctx);
// Whatever escapes a handler is logged and the server carries on (server/guard.ts); stderr, because the
// connection itself may be what failed (VS Code shows the server's stderr in the OCI-P output too).
const logToStderr = (message: string): void => void process.stderr.write(`${message}\n`);
guardProcess(logToStderr);
documents.listen(guardConnection(connection, logToStderr));
connection.listen();
