/** "OCI-P: Restart Language Server" and "OCI-P: Show Output". */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';

export function registerServerCommands(
  context: vscode.ExtensionContext,
  log: vscode.LogOutputChannel,
  client: () => LanguageClient | undefined,
): void {
  context.subscriptions.push(
    vscode.commands.registerCommand('ocip.showOutput', () => log.show()),
    vscode.commands.registerCommand('ocip.restartServer', async () => {
      const c = client();
      if (!c) {
        void vscode.window.showInformationMessage(
          vscode.l10n.t('OCI-P: the language server is not running (it starts with the first OCI-P file).'),
        );
        return;
      }
      log.info('Restarting the language server (OCI-P: Restart Language Server).');
      try {
        await c.restart();
      } catch (e) {
        log.error(`The language server did not restart: ${(e as Error).message}`);
        void vscode.window.showErrorMessage(vscode.l10n.t('OCI-P: the language server did not restart: {0}', (e as Error).message));
      }
    }),
  );
}
