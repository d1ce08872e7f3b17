/** The "OCI-P" output channel: the wire log of sends and the local simulator, passwords masked (formatLogLine). */
import * as vscode from 'vscode';
import { formatLogLine } from '../../core/send';

export class SendLog implements vscode.Disposable {
  readonly channel = vscode.window.createOutputChannel('OCI-P');

  /** Every line goes through formatLogLine: password elements masked, the known password redacted. */
  write(line: string, password?: string): void {
    this.channel.appendLine(formatLogLine(line, password));
  }

  dispose(): void {
    this.channel.dispose();
  }
}
