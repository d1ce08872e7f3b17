/**
 * Starts the OCI-P language server in a web worker (dist/web/server.js) for VS Code for the Web. The same
 * document selector and options as the desktop (client/language-client.ts), without a storage path: the web
 * server has no schema-folder cache.
 */
import * as vscode from 'vscode';
import { LanguageClient, RevealOutputChannelOn, type LanguageClientOptions } from 'vscode-languageclient/browser';
import { languageClientChannel } from '../log';

/** The project's lib has no DOM types: what this file needs of the worker's globals. */
declare const Worker: new (url: string, options?: { name?: string }) => { terminate(): void };
declare const Blob: new (parts: Uint8Array[], options: { type: string }) => object;
declare const URL: { createObjectURL(blob: object): string; revokeObjectURL(url: string): void };

export interface WebLanguageClient {
  client: LanguageClient;
  /** Stops the client and ends its worker. */
  dispose(): Promise<void>;
}

/**
 * The worker's script URL. vscode.dev and github.dev serve the extension over https, which a worker loads
 * directly. An extension installed on a remote server and run in the browser's web worker extension host
 * (code-server, VS Code Server's web UI) has a `vscode-remote:` location, from which VS Code refuses to start
 * workers ("Creating workers from remote extensions is currently not supported"): the script is read through
 * VS Code's file system instead and started from a blob URL.
 */
async function workerUrl(serverMain: vscode.Uri, log: vscode.LogOutputChannel): Promise<{ url: string; revoke?: () => void }> {
  if (serverMain.scheme !== 'vscode-remote') return { url: serverMain.toString(true) };
  const bytes = await vscode.workspace.fs.readFile(serverMain);
  const url = URL.createObjectURL(new Blob([bytes], { type: 'text/javascript' }));
  log.info(`The language server's script is read from ${serverMain.toString(true)} (${bytes.length} bytes) and started from a blob URL.`);
  return { url, revoke: () => URL.revokeObjectURL(url) };
}

export async function createWebLanguageClient(context: vscode.ExtensionContext, log: vscode.LogOutputChannel): Promise<WebLanguageClient> {
  const serverMain = vscode.Uri.joinPath(context.extensionUri, 'dist/web/server.js');
  const script = await workerUrl(serverMain, log);
  const worker = new Worker(script.url, { name: 'ocip-language-server' });
  const clientOptions: LanguageClientOptions = {
    // Any scheme: in the browser, documents come from virtual file systems (vscode-vfs, vscode-remote, memfs...).
    // Data files of templates too: in the browser the server has no disk, so a template's CSV is checked and
    // used once it is open in an editor (server/templates.ts).
    documentSelector: [{ language: 'ocip-yaml' }, { language: 'ocip-xml' }, { pattern: '**/*.csv' }],
    synchronize: { configurationSection: 'ocip' },
    initializationOptions: {},
    outputChannel: languageClientChannel(log),
    revealOutputChannelOn: RevealOutputChannelOn.Never,
  };
  const client = new LanguageClient('ocip', vscode.l10n.t('OCI-P Language Server'), clientOptions, worker as never);
  return {
    client,
    async dispose() {
      try {
        await client.stop();
      } finally {
        worker.terminate();
        script.revoke?.();
      }
    },
  };
}
