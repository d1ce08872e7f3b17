/**
 * "OCI-P: Send All Rows" and "OCI-P: Re-send Failed Rows": a template's rows, prepared by the language server
 * (ocip/prepareTemplateSend: rendered, checked, encoded; this host parses nothing), sent like a plain file (same
 * questions in the same order: server, errors → Problems, production confirmation, password; batches of
 * ocip.send.batchSize, over ocip.send.sessions sessions in parallel, each a contiguous share of whole rows), recorded in the send history with its undo plan, shown per data row in the results view and
 * written as `<data>.results.csv` beside the data file.
 */
import * as vscode from 'vscode';
import { basename } from 'node:path';
import {
  errorsRefusalText,
  makeHistoryEntry,
  notSentReason,
  planUndo,
  productionConfirmationText,
  serverAddress,
  type SendResultRow,
} from '../../core/send';
import { rowResults, type RowResult } from '../../core/template/row-results';
import {
  PREPARE_TEMPLATE_SEND_REQUEST,
  type PrepareTemplateSendParams,
  type PrepareTemplateSendResult,
} from '../../core/protocol/messages';
import { formatOf, resolveDocument, settingsFor } from './document';
import { isOk, renderRowResults, resultsPathFor, safeResultsCsv, type RowResultsView } from './render-row-results';
import { chooseServer, requestPrepared, sendWithProgress, type SendServices } from './send-flow';

type Ready = Extract<PrepareTemplateSendResult, { version: number }>;

/** The last template send, for the filter and Re-send Failed Rows. */
let last: (RowResultsView & { templateUri: string }) | undefined;
let busy = false;

export async function sendAllRows(
  s: SendServices,
  target?: unknown,
  rows?: number[],
  serverName?: string,
): Promise<RowResult[] | undefined> {
  if (busy) {
    void vscode.window.showWarningMessage('OCI-P: a send is already running.');
    return undefined;
  }
  busy = true;
  try {
    return await sendRows(s, target, rows, serverName);
  } finally {
    busy = false;
  }
}

/** Sends again the rows of the last template send that are not ok (failed, unknown, not sent), to the same server. */
export async function resendFailedRows(s: SendServices): Promise<RowResult[] | undefined> {
  const failed = last?.rows.filter((r) => !isOk(r) && r.row >= 2).map((r) => r.row) ?? [];
  if (!last || !failed.length) {
    void vscode.window.showInformationMessage('OCI-P: no failed rows to send again (send a template with Send All Rows first).');
    return undefined;
  }
  return sendAllRows(s, last.templateUri, failed, last.server.name);
}

/** Shows the last template send's rows: the failed ones only, or all again. */
export async function filterFailedRows(s: SendServices, failedOnly?: boolean): Promise<void> {
  if (!last) {
    void vscode.window.showInformationMessage('OCI-P: no template send to show (use Send All Rows first).');
    return;
  }
  last.failedOnly = failedOnly ?? !last.failedOnly;
  await s.results.show(renderRowResults(last));
}

async function sendRows(
  s: SendServices,
  target: unknown,
  only: number[] | undefined,
  serverName?: string,
): Promise<RowResult[] | undefined> {
  const doc = await resolveDocument(target);
  if (!doc || !formatOf(doc)) {
    void vscode.window.showErrorMessage('OCI-P: open an OCI-P template (*.ocip.yaml, *.ocip.xml) to send its rows.');
    return undefined;
  }
  const server = await chooseServer(serverName);
  if (!server) return undefined;
  const prepared = await prepare(s, doc, only);
  if (!prepared) return undefined;
  const templateLabel = basename(doc.uri.path);
  if (prepared.errors.length) {
    const first = prepared.errors[0];
    const where = `${basename(vscode.Uri.parse(first.uri).path)}:${first.range.start.line + 1}`;
    s.log.write(`not sent: ${prepared.errors.length} error(s); first: ${where}: ${first.message}`);
    await vscode.commands.executeCommand('workbench.actions.view.problems');
    void vscode.window.showErrorMessage(
      `OCI-P: ${errorsRefusalText(prepared.errors.length, templateLabel)} First: ${where}: ${first.message}`,
    );
    return undefined;
  }
  const count = prepared.commands.length;
  if (!count) {
    void vscode.window.showErrorMessage(`OCI-P: ${templateLabel} renders no command (its data has no row).`);
    return undefined;
  }
  if (server.production) {
    const answer = await vscode.window.showWarningMessage(productionConfirmationText(server, count), { modal: true }, 'Send');
    if (answer !== 'Send') return undefined;
  }
  const secret = await s.passwords.get(server);
  if (!secret) return undefined;
  const { password } = secret;
  s.log.write(
    `sending ${prepared.rows.length} row(s), ${count} command(s), of ${doc.uri.fsPath || doc.uri.toString()} to ${server.name} (${serverAddress(server)}) as ${server.username}`,
    password,
  );
  const time = new Date();
  // ocip.send.sessions: the rows in that many contiguous shares, one session each (a row never split).
  const sessions = Math.min(settingsFor(doc).send.sessions, prepared.rows.length);
  const outcome = await sendWithProgress(
    s,
    doc,
    server,
    password,
    prepared.commands,
    `OCI-P: sending ${prepared.rows.length} rows to ${server.name}${sessions > 1 ? ` over ${sessions} sessions` : ''}`,
    ' commands',
    { sessions, unitSize: prepared.rows.length ? count / prepared.rows.length : 1 },
  );
  for (const f of outcome.sessionFailures)
    s.log.write(
      `${f.count} command(s) not sent: a session ${f.stage === 'cancelled' ? 'was cancelled' : `${f.stage} failed: ${f.message}`}`,
      password,
    );
  s.history.add(
    makeHistoryEntry({
      time,
      server,
      file: doc.uri.toString(),
      rows: outcome.rows,
      failure: outcome.failure?.message,
      password,
      undo: outcome.failure ? undefined : planUndo(prepared.commands, outcome.rows, { dataMode: settingsFor(doc).dataMode }),
    }),
  );
  if (outcome.failure?.stage === 'login' && secret.stored) await s.passwords.forget(server);
  else if (!outcome.failure && !secret.stored) await s.passwords.store(server, password);

  // The login password never shows in the view or the CSV, even when a server echoes it in a message.
  const rows = foldRows(prepared, outcome.rows, outcome.failure && notSentReason(outcome.failure)).map((r) => ({
    ...r,
    message: r.message.split(password).join('********'),
  }));
  // A re-send of some rows of the same template updates those rows of the previous results.
  const merged = only && last?.templateUri === doc.uri.toString() ? last.rows.map((r) => rows.find((n) => n.row === r.row) ?? r) : rows;
  const view: RowResultsView & { templateUri: string } = {
    templateUri: doc.uri.toString(),
    time,
    server,
    templateLabel,
    dataLabel: prepared.dataUri && basename(vscode.Uri.parse(prepared.dataUri).path),
    keys: prepared.keys,
    rows: merged,
    failure: outcome.failure?.message,
  };
  view.csv = await writeResultsCsv(doc, prepared, view, password);
  last = view;
  await s.results.show(renderRowResults(view));
  const bad = merged.filter((r) => !isOk(r)).length;
  const summary = `${merged.length - bad} of ${merged.length} rows ok${bad ? `, ${bad} not ok (Re-send Failed Rows sends them again)` : ''}`;
  s.log.write(summary);
  if (outcome.failure && outcome.failure.stage !== 'cancelled')
    void vscode.window.showErrorMessage(
      `OCI-P: ${outcome.failure.stage === 'login' ? `login to ${server.name} failed` : `cannot reach ${server.name}`}: ${outcome.failure.message}`,
    );
  else if (bad) {
    // Some sessions could not connect or log in while others sent: their rows are "not sent", and say why.
    const lost = outcome.sessionFailures.find((f) => f.stage !== 'cancelled');
    const why = lost ? ` (${outcome.sessionFailures.length} of ${outcome.sessions} sessions: ${lost.stage} failed: ${lost.message})` : '';
    void vscode.window.showErrorMessage(`OCI-P: ${summary}${why}.`);
  } else void vscode.window.showInformationMessage(`OCI-P: ${summary}.`);
  return merged;
}

function foldRows(prepared: Ready, results: readonly SendResultRow[], notSent: string | undefined): RowResult[] {
  const byIndex = new Map(prepared.rows.map((r) => [r.dataIndex, r]));
  const perRow = prepared.rows.length ? prepared.commands.length / prepared.rows.length : 0;
  const reasons = new Map(notSent ? prepared.rows.map((r) => [r.dataIndex, notSent] as const) : []);
  return rowResults(
    prepared.rows.map((r) => r.dataIndex),
    perRow,
    results,
    (i) => byIndex.get(i)?.keys ?? [],
    reasons,
  );
}

/** Writes the results beside the data (never over the data or the template); returns its path or why it was not written. */
async function writeResultsCsv(
  doc: vscode.TextDocument,
  prepared: Ready,
  view: RowResultsView,
  password: string,
): Promise<string | undefined> {
  if (doc.uri.scheme !== 'file') return undefined;
  const dataPath = prepared.dataUri ? vscode.Uri.parse(prepared.dataUri).fsPath : undefined;
  const path = resultsPathFor(dataPath, doc.uri.fsPath);
  if (path === dataPath || path === doc.uri.fsPath) return undefined;
  try {
    await vscode.workspace.fs.writeFile(vscode.Uri.file(path), Buffer.from(safeResultsCsv(view.rows, view.keys, password), 'utf8'));
    return basename(path);
  } catch (e) {
    return `not written: ${(e as Error).message}`;
  }
}

function prepare(s: SendServices, doc: vscode.TextDocument, rows: number[] | undefined): Promise<Ready | undefined> {
  return requestPrepared<PrepareTemplateSendResult>(s, doc, PREPARE_TEMPLATE_SEND_REQUEST, {
    uri: doc.uri.toString(),
    rows,
  } satisfies PrepareTemplateSendParams);
}

/**
 * Context key ocip.templateWithData (the editor title's Send All Rows): the active OCI-P file names its data on its
 * first line. Only that line is looked at; the template itself is read by the language server.
 */
export function trackTemplateEditor(): vscode.Disposable {
  const update = () => {
    const doc = vscode.window.activeTextEditor?.document;
    const first = doc && formatOf(doc) ? doc.lineAt(0).text : '';
    void vscode.commands.executeCommand('setContext', 'ocip.templateWithData', /^\s*(#|<!--)\s*ocip-data:/.test(first));
  };
  update();
  return vscode.Disposable.from(
    vscode.window.onDidChangeActiveTextEditor(update),
    vscode.workspace.onDidChangeTextDocument(
      (e) => e.document === vscode.window.activeTextEditor?.document && e.contentChanges.length && update(),
    ),
  );
}
