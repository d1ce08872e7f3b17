/** Starts the OCI-P language server (dist/server.js) over stdio for OCI-P YAML and XML documents. */
import * as vscode from 'vscode';
import {
  LanguageClient,
  RevealOutputChannelOn,
  TransportKind,
  type LanguageClientOptions,
  type ServerOptions,
} from 'vscode-languageclient/node';
import type { InitializationOptions } from '../core/protocol/messages';
import { languageClientChannel } from './log';

/**
 * @param activatedAt performance.now() when activate() began: the first diagnostics the server publishes are logged
 *   with the time since then (the start-up figure bench/vsix-startup.ts reads from the log).
 */
export function createLanguageClient(context: vscode.ExtensionContext, log: vscode.LogOutputChannel, activatedAt?: number): LanguageClient {
  const module = context.asAbsolutePath('dist/server.js');
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.stdio },
    debug: { module, transport: TransportKind.stdio, options: { execArgv: ['--nolazy', '--inspect=6029'] } },
  };
  let firstDiagnosticsLogged = false;
  const initializationOptions: InitializationOptions = { storagePath: context.globalStorageUri.fsPath };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { scheme: 'file', language: 'ocip-yaml' },
      { scheme: 'file', language: 'ocip-xml' },
      { scheme: 'untitled', language: 'ocip-yaml' },
      { scheme: 'untitled', language: 'ocip-xml' },
      // Virtual workspaces (GitHub Repositories): checked from the editor's text, like untitled files.
      { scheme: 'vscode-vfs', language: 'ocip-yaml' },
      { scheme: 'vscode-vfs', language: 'ocip-xml' },
      // Data files of templates: the server shows the cells' problems and hovers (server/templates.ts).
      { scheme: 'file', pattern: '**/*.csv' },
      { scheme: 'vscode-vfs', pattern: '**/*.csv' },
    ],
    synchronize: { configurationSection: 'ocip' },
    initializationOptions,
    // Server logs go to the extension's LogOutputChannel, with their levels; the user opens it (OCI-P: Show
    // Output) rather than having it jump to the front on every warning.
    outputChannel: languageClientChannel(log),
    revealOutputChannelOn: RevealOutputChannelOn.Never,
    middleware: {
      handleDiagnostics(uri, diagnostics, next) {
        if (activatedAt !== undefined && !firstDiagnosticsLogged) {
          firstDiagnosticsLogged = true;
          log.info(
            `Start-up: first diagnostics ${Math.round(performance.now() - activatedAt)} ms after activation (${uri.path.split('/').pop()}).`,
          );
        }
        next(uri, diagnostics);
      },
    },
  };
  // The id 'ocip' makes the setting ocip.trace.server control the protocol trace.
  return new LanguageClient('ocip', vscode.l10n.t('OCI-P Language Server'), serverOptions, clientOptions);
}
