/**
 * The commands that need VS Code desktop (a network socket, a file system, the OS secret store or a Node process):
 * in VS Code for the Web they say so instead of failing obscurely. Registered under the desktop's ids, so the
 * CodeLens-free editor title button, the key binding and the palette all lead to the same clear message.
 */
import * as vscode from 'vscode';

/** Command id → what it does, in the words of the message. */
export const DESKTOP_ONLY_COMMANDS: Record<string, string> = {
  'ocip.send': 'Sending to BroadWorks',
  'ocip.sendAll': 'Sending to BroadWorks',
  'ocip.selectServer': 'Choosing a BroadWorks server',
  'ocip.forgetPassword': 'Stored passwords',
  'ocip.showHistory': 'The send history',
  'ocip.resend': 'Sending again',
  'ocip.startSimulator': 'The local BroadWorks simulator',
  'ocip.stopSimulator': 'The local BroadWorks simulator',
  'ocip.saveResults': 'Send results',
  'ocip.copyResults': 'Send results',
  'ocip.showResultXml': 'Send results',
  'ocip.undoSend': 'Undoing a send',
  'ocip.checkServer': 'Checking against a BroadWorks server',
  'ocip.clearServerCache': 'Checking against a BroadWorks server',
  // Templates read their CSV data from the file system.
  'ocip.previewRenderedRows': 'Previewing the rows of a template',
  'ocip.sendAllRows': 'Sending the rows of a template',
  'ocip.resendFailedRows': 'Sending the rows of a template',
  'ocip.showFailedRows': 'Send results',
};

export const needsDesktopMessage = (what: string): string =>
  vscode.l10n.t(
    'OCI-P: {0} needs VS Code desktop (VS Code for the Web cannot open network connections to BroadWorks or keep passwords in the OS secret store). Checking, completion, hover, outline and conversion work here.',
    what,
  );

export function registerDesktopOnlyCommands(context: vscode.ExtensionContext, log: vscode.LogOutputChannel): void {
  for (const [id, what] of Object.entries(DESKTOP_ONLY_COMMANDS))
    context.subscriptions.push(
      vscode.commands.registerCommand(id, () => {
        const message = needsDesktopMessage(what);
        log.info(`${id}: ${message}`);
        void vscode.window.showInformationMessage(message);
      }),
    );
}
