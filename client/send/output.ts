/** Send's lines in the "OCI-P" log channel (../log): the wire log of sends and the local simulator, passwords masked (formatLogLine). */
import * as vscode from 'vscode';
import { formatLogLine } from '../../core/send';

export class SendLog implements vscode.Disposable {
  constructor(readonly channel: vscode.LogOutputChannel) {}

  /** Every line goes through formatLogLine: password elements masked, the known password redacted. */
  write(line: string, password?: string): void {
    // The log channel stamps each line itself: formatLogLine's own timestamp is left out, not doubled.
    this.channel.info(formatLogLine(line, password).replace(/^\[[^\]]*\] /, ''));
  }

  /** The channel belongs to the extension (client/extension.ts disposes it). */
  dispose(): void {}
}
