/**
 * The OCI-P language server. Run with `node dist/server.js --stdio` (the VS Code client does the same).
 * It is a thin adapter: every answer comes from core/ (parse, check, complete, describe, fix).
 */
import { createConnection, MessageType, ProposedFeatures, ShowMessageNotification, TextDocuments, type InitializeResult } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import type { InitializationOptions } from '../core/protocol/messages';
import { DocumentStates, formatOf } from './documents';
import { ModelProvider } from './models';
import { SettingsCache } from './settings';
import type { Feature, ServerContext } from './context';
import { SYNC_KIND, validation } from './validation';
import { analyzeRequest } from './analyze-request';
import { documentSymbols } from './symbols';
import { foldingRanges } from './folding';
import { selectionRanges } from './selection';
import { documentFormatting } from './formatting';
import { convertRequests } from './convert-request';
import { completion, COMPLETION_TRIGGERS } from './completion';
import { hover } from './hover';
import { codeActions, CODE_ACTION_KINDS } from './code-actions';

const SERVER_VERSION = '0.1.0';
const connection = createConnection(ProposedFeatures.all);
const documents = new TextDocuments(TextDocument);
const states = new DocumentStates();
const log = connection.console;
const settings = new SettingsCache(connection, (problem) => warnOnce(problem));
let models = new ModelProvider(undefined, log);

const ctx: ServerContext = {
  connection,
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
    return states.prepare(doc, format, s, choice.model);
  },
  async analysisFor(uri) {
    const state = await ctx.stateFor(uri);
    const doc = documents.get(uri);
    if (!state || !doc) return undefined;
    return { doc, state, analysis: states.current(state, doc) };
  },
};

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

// Whatever escapes a handler lands in the log. A failed promise concerns one request: log it and go on. An
// uncaught exception may leave state half-updated: log it and exit (the client restarts the server). Writes to a
// pipe are synchronous on Linux and macOS, so the message is out before the exit.
process.on('unhandledRejection', (e) => log.error(`Unhandled rejection: ${(e as Error)?.stack ?? String(e)}`));
process.on('uncaughtException', (e) => {
  log.error(`Uncaught exception, the server exits (VS Code restarts it): ${e.stack ?? e.message}`);
  process.exit(1);
});

/** Feature modules; each registers its own handlers. */
const features: Feature[] = [validation, analyzeRequest, documentSymbols, foldingRanges, selectionRanges, documentFormatting, convertRequests, completion, hover, codeActions];

connection.onInitialize((params): InitializeResult => {
  const caps = params.capabilities;
  settings.supportsConfiguration = !!caps.workspace?.configuration;
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
    },
    serverInfo: { name: 'ocip-language-server', version: SERVER_VERSION },
  };
});

connection.onInitialized(() => {
  const builtin = models.get('').model;
  log.info(`OCI-P language server ${SERVER_VERSION} started (Node ${process.version}, pid ${process.pid}).`);
  log.info(`Built-in model: ${builtin.commandNames().length} request commands.`);
});

for (const f of features) f(ctx);
documents.listen(connection);
connection.listen();
