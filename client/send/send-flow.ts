/**
 * The "Send to BroadWorks" flow. Order of the questions (what an end-to-end test sees):
 *   1. no server configured → error message with "Start Local Simulator" / "Open Settings";
 *      servers but none active → the server quick pick;
 *   2. the file has errors → the Problems view is focused and an error message names the count; nothing is sent;
 *   3. a production server → a modal warning naming the server and the number of commands ("Send" / Cancel);
 *   4. no stored password → a password input box (stored in SecretStorage after a successful login);
 *   5. a cancellable progress notification; then the "OCI-P Results" document opens beside the editor,
 *      failed commands get 'ocip-send' diagnostics, and a message gives the summary.
 */
import * as vscode from 'vscode';
import { basename } from 'node:path';
import { builtinModel } from '../../core/model';
import {
  errorsRefusalText,
  HistoryStore,
  isFailure,
  makeHistoryEntry,
  planUndo,
  productionConfirmationText,
  runSendSessions,
  serverAddress,
  summarizeResults,
  summaryText,
  type PreparedCommand,
  type ServerConfig,
  type SendOutcome,
  type SessionsOutcome,
} from '../../core/send';
import { formatOf, resolveDocument, settingsFor } from './document';
import type { LanguageClient } from 'vscode-languageclient/node';
import { PREPARE_SEND_REQUEST, type PrepareSendParams, type PrepareSendResult } from '../../core/protocol/messages';
import type { SendLog } from './output';
import type { Passwords } from './passwords';
import { renderResults } from './render-results';
import type { ResultsView } from './results-view';
import type { SendDiagnostics } from './send-diagnostics';
import { activeServer, offerSetup, pickServer, readServers } from './servers';

export interface SendServices {
  log: SendLog;
  passwords: Passwords;
  results: ResultsView;
  diagnostics: SendDiagnostics;
  history: HistoryStore;
  storage: vscode.Uri;
  /** The language server (started if needed): it prepares what is sent, from its own analysis and model. */
  languageClient: () => Promise<LanguageClient | undefined>;
}

export interface SendRequest {
  /** Uri (or its string) of the file; default the active editor. */
  target?: unknown;
  /** Only these commands (0-based); default all. */
  only?: number[];
  /** Send to this server (by name) instead of the active one (resend from history). */
  serverName?: string;
  /** The caller already had the user confirm this send to a production server (Undo Send: the typed server name). */
  productionConfirmed?: boolean;
}

let busy = false;

export async function sendFlow(services: SendServices, request: SendRequest): Promise<SendOutcome | undefined> {
  if (busy) {
    void vscode.window.showWarningMessage('OCI-P: a send is already running.');
    return undefined;
  }
  busy = true;
  try {
    return await sendOnce(services, request);
  } finally {
    busy = false;
  }
}

async function sendOnce(s: SendServices, request: SendRequest): Promise<SendOutcome | undefined> {
  const doc = await resolveDocument(request.target);
  const format = doc && formatOf(doc);
  if (!doc || !format) {
    void vscode.window.showErrorMessage('OCI-P: open an OCI-P file (*.ocip.yaml, *.ocip.yml, *.ocip.xml) to send it.');
    return undefined;
  }
  const server = await chooseServer(request.serverName);
  if (!server) return undefined;

  const prepared = await prepareOnServer(s, doc, request.only);
  if (!prepared) return undefined;
  const fileLabel = basename(doc.uri.path);
  if (prepared.errors.length) {
    await vscode.commands.executeCommand('workbench.actions.view.problems');
    void vscode.window.showErrorMessage(`OCI-P: ${errorsRefusalText(prepared.errors.length, fileLabel)}`);
    return undefined;
  }
  const count = prepared.commands.length;
  if (server.production && !request.productionConfirmed) {
    const answer = await vscode.window.showWarningMessage(productionConfirmationText(server, count), { modal: true }, 'Send');
    if (answer !== 'Send') return undefined;
  }
  const secret = await s.passwords.get(server);
  if (!secret) return undefined;
  const { password } = secret;

  s.diagnostics.clear(doc.uri);
  s.log.write(
    `sending ${count} command(s) from ${doc.uri.fsPath || doc.uri.toString()} to ${server.name} (${serverAddress(server)}) as ${server.username}`,
    password,
  );
  const time = new Date();
  const outcome = await sendWithProgress(
    s,
    doc,
    server,
    password,
    prepared.commands,
    `OCI-P: sending ${count} command${count === 1 ? '' : 's'} to ${server.name}`,
    '',
  );

  s.history.add(
    makeHistoryEntry({
      time,
      server,
      file: doc.uri.toString(),
      only: request.only,
      rows: outcome.rows,
      failure: outcome.failure?.message,
      password,
      // What undoes the commands that succeeded (OCI-P: Undo Send…); identifiers only.
      undo: outcome.failure ? undefined : planUndo(prepared.commands, outcome.rows, { dataMode: settingsFor(doc).dataMode }),
    }),
  );
  const view = {
    time,
    server,
    fileLabel,
    failure: outcome.failure?.message,
    loginType: outcome.login?.loginType,
    rows: outcome.rows,
    commands: prepared.commands,
  };
  if (outcome.failure) {
    s.log.write(`not sent: ${outcome.failure.message}`, password);
    if (outcome.failure.stage === 'login' && secret.stored) await s.passwords.forget(server);
    if (outcome.failure.stage !== 'cancelled')
      void vscode.window.showErrorMessage(
        `OCI-P: ${outcome.failure.stage === 'login' ? `login to ${server.name} failed` : `cannot reach ${server.name}`}: ${outcome.failure.message}`,
      );
    await s.results.show(renderResults(view));
    return outcome;
  }
  if (!secret.stored) await s.passwords.store(server, password);
  s.diagnostics.set(doc, prepared.commands, outcome.rows);
  await s.results.show(renderResults(view), view);
  const summary = summaryText(summarizeResults(outcome.rows));
  s.log.write(summary);
  if (outcome.rows.some((r) => isFailure(r.kind))) void vscode.window.showErrorMessage(`OCI-P: ${summary}.`);
  else void vscode.window.showInformationMessage(`OCI-P: ${summary}.`);
  return outcome;
}

export async function chooseServer(name: string | undefined): Promise<ServerConfig | undefined> {
  const { servers } = readServers();
  if (name) {
    const found = servers.find((s) => s.name === name);
    if (!found) void vscode.window.showErrorMessage(`OCI-P: there is no server named "${name}" in ocip.servers any more.`);
    return found;
  }
  if (!servers.length) {
    await offerSetup('No OCI-P server is configured (setting ocip.servers).');
    return undefined;
  }
  return activeServer() ?? pickServer('OCI-P: Select the server to send to');
}

/**
 * The commands to send, prepared by the language server from the analysis it holds of this very version of
 * the document (the editor's diagnostics and the send agree by construction; no second schema compile here).
 */
async function prepareOnServer(
  s: SendServices,
  doc: vscode.TextDocument,
  only: number[] | undefined,
): Promise<Extract<PrepareSendResult, { version: number }> | undefined> {
  return requestPrepared<PrepareSendResult>(s, doc, PREPARE_SEND_REQUEST, { uri: doc.uri.toString(), only } satisfies PrepareSendParams);
}

/**
 * A preparation request to the language server (a file's commands, or a template's rows): refused with a message
 * when the server is not running, answers an error, or prepared another version of the document than the editor's.
 */
export async function requestPrepared<R extends { version: number } | { error: string }>(
  s: SendServices,
  doc: vscode.TextDocument,
  method: string,
  params: object,
): Promise<Extract<R, { version: number }> | undefined> {
  const client = await s.languageClient();
  if (!client) {
    void vscode.window.showErrorMessage('OCI-P: the OCI-P language server is not running.');
    return undefined;
  }
  const result = await client.sendRequest<R>(method, params);
  if ('error' in result) {
    void vscode.window.showErrorMessage(`OCI-P: cannot send ${vscode.workspace.asRelativePath(doc.uri)}: ${result.error}`);
    return undefined;
  }
  if (result.version !== doc.version) {
    void vscode.window.showWarningMessage('OCI-P: the file changed while it was being prepared; nothing was sent. Send again.');
    return undefined;
  }
  return result as Extract<R, { version: number }>;
}

/**
 * Sends prepared commands with a cancellable progress notification: the one send path of the extension (a file,
 * chosen commands, or a template's rows). `unit` follows the "done of total" count in the progress message.
 * `parallel` (Send All Rows): that many sessions at once, each a contiguous share of whole rows of `unitSize`
 * commands (core/send/sessions, as `ocip send --sessions`); Cancel stops them all. Without it, one session.
 */
export function sendWithProgress(
  s: SendServices,
  doc: vscode.TextDocument,
  server: ServerConfig,
  password: string,
  commands: readonly PreparedCommand[],
  title: string,
  unit: string,
  parallel?: { sessions: number; unitSize: number },
): Thenable<SessionsOutcome> {
  return vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title, cancellable: true }, (progress, token) => {
    const abort = new AbortController();
    token.onCancellationRequested(() => abort.abort());
    let reported = 0;
    return runSendSessions({
      server,
      password,
      commands,
      sessions: parallel?.sessions ?? 1,
      unitSize: parallel?.unitSize,
      batchSize: settingsFor(doc).send.batchSize,
      signal: abort.signal,
      // Responses are typed by the built-in R25 model (lazy, no XSD compile in the extension host).
      model: builtinModel(),
      log: (line) => s.log.write(line, password),
      onWarning: (m) => void vscode.window.showWarningMessage(`OCI-P: ${m}`),
      onProgress: (done, total) => {
        progress.report({ increment: ((done - reported) / total) * 100, message: `${done} of ${total}${unit}` });
        reported = done;
      },
    });
  });
}
