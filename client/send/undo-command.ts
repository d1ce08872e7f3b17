/**
 * "OCI-P: Undo Send…": pick a send from the history, open its undo file (OCI-P YAML, untitled: nothing is written
 * to the workspace) so the editor checks it with the normal diagnostics, then send it to the same server after a
 * confirmation. A production server needs its name typed. The undo lists, in comments, what it does not undo
 * (failed or unknown commands, modifications, what the server may have created): those are never sent blindly.
 */
import * as vscode from 'vscode';
import { historyLabel, serverAddress, undoFileText, type HistoryEntry, type HistoryStore } from '../../core/send';
import { sendFlow, type SendServices } from './send-flow';
import { readServers } from './servers';

export async function undoSend(services: SendServices, id?: unknown): Promise<void> {
  const entry = typeof id === 'string' ? services.history.find(id) : await pickUndoable(services.history);
  if (!entry) return;
  const commands = entry.undo?.commands.length ?? 0;
  const doc = await vscode.workspace.openTextDocument({ language: 'ocip-yaml', content: undoFileText(entry) });
  await vscode.window.showTextDocument(doc, { preview: false });
  if (!commands) {
    void vscode.window.showInformationMessage('OCI-P: nothing to undo for this send; what could not be undone is listed in the file.');
    return;
  }

  const server = readServers().servers.find((s) => s.name === entry.server.name);
  if (!server) {
    void vscode.window.showErrorMessage(
      `OCI-P: there is no server named "${entry.server.name}" in ocip.servers any more; the undo is not sent.`,
    );
    return;
  }
  // The undo belongs to the machine the send went to: a name that now points elsewhere must not receive it.
  if (serverAddress(server) !== entry.server.address || server.username !== entry.server.username) {
    void vscode.window.showErrorMessage(
      `OCI-P: "${server.name}" is now ${server.username} at ${serverAddress(server)}, but the send went to ${entry.server.username} at ${entry.server.address}; the undo is not sent.`,
    );
    return;
  }
  const n = `${commands} command${commands === 1 ? '' : 's'}`;
  if (server.production || entry.server.production) {
    const typed = await vscode.window.showInputBox({
      title: 'OCI-P: Undo Send on a PRODUCTION server',
      prompt: `"${server.name}" (${serverAddress(server)}) is a PRODUCTION server. The undo sends ${n} that delete what the send created. Type the server name to send it.`,
      placeHolder: server.name,
      ignoreFocusOut: true,
      validateInput: (v) => (v === server.name || v === '' ? undefined : `Type ${server.name} exactly`),
    });
    if (typed !== server.name) {
      void vscode.window.showInformationMessage('OCI-P: the undo was not sent.');
      return;
    }
  } else {
    const answer = await vscode.window.showWarningMessage(
      `Send the undo (${n}) to "${server.name}" (${serverAddress(server)})? Check the file first: what it cannot undo is listed in its comments.`,
      { modal: true },
      'Send Undo',
    );
    if (answer !== 'Send Undo') return;
  }
  // The same send as any file: checked by the language server (a file with errors is refused), progress, results.
  await sendFlow(services, { target: doc.uri, serverName: server.name, productionConfirmed: true });
}

async function pickUndoable(history: HistoryStore): Promise<HistoryEntry | undefined> {
  const entries = history.read().filter((e) => e.undo);
  if (!entries.length) {
    void vscode.window.showInformationMessage('OCI-P: no send in the history has anything to undo.');
    return undefined;
  }
  const pick = await vscode.window.showQuickPick(
    entries.map((e) => {
      const { label, detail } = historyLabel(e);
      const n = e.undo?.commands.length ?? 0;
      return { label, detail: `${detail} · undo: ${n} command${n === 1 ? '' : 's'}`, entry: e };
    }),
    { title: 'OCI-P: Undo Send', placeHolder: 'The send to undo (newest first)', matchOnDetail: true },
  );
  return pick?.entry;
}
