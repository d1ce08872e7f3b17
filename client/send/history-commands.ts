/** "OCI-P: Show Send History" (quick pick; show or resend an entry) and "OCI-P: Resend from History". */
import * as vscode from 'vscode';
import { historyLabel, type HistoryEntry, type HistoryStore } from '../../core/send';
import { renderHistoryEntry } from './render-results';
import type { ResultsView } from './results-view';

export async function pickHistoryEntry(history: HistoryStore, title: string): Promise<HistoryEntry | undefined> {
  const entries = history.read();
  if (!entries.length) {
    void vscode.window.showInformationMessage('OCI-P: nothing has been sent yet.');
    return undefined;
  }
  const pick = await vscode.window.showQuickPick(
    entries.map((e) => ({ ...historyLabel(e), entry: e })),
    { title, placeHolder: 'Sends, newest first', matchOnDetail: true },
  );
  return pick?.entry;
}

export async function showHistory(history: HistoryStore, results: ResultsView): Promise<void> {
  const entry = await pickHistoryEntry(history, 'OCI-P: Send History');
  if (!entry) return;
  const actions = entry.undo ? ['Show results', 'Resend', 'Undo…'] : ['Show results', 'Resend'];
  const action = await vscode.window.showQuickPick(actions, { title: historyLabel(entry).label });
  if (action === 'Show results') await results.show(renderHistoryEntry(entry));
  if (action === 'Resend') await vscode.commands.executeCommand('ocip.resend', entry.id);
  if (action === 'Undo…') await vscode.commands.executeCommand('ocip.undoSend', entry.id);
}
