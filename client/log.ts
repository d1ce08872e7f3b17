/**
 * The extension's one output channel, "OCI-P": a LogOutputChannel, so every line has a level the user can filter
 * (Output view › gear › log level). The send wire log, the simulator and the language server all write to it.
 */
import * as vscode from 'vscode';

export function createLog(): vscode.LogOutputChannel {
  return vscode.window.createOutputChannel(vscode.l10n.t('OCI-P'), { log: true });
}

/**
 * vscode-languageclient 9 writes the server's window/logMessage as `[Error - 10:00:00] text` lines into a plain
 * OutputChannel. This adapter gives it one that turns the prefix back into the level of `log`, so server errors
 * are errors and its info is info. Lines without the prefix (message data, protocol traces asked for with
 * ocip.trace.server) go in as info.
 */
export function languageClientChannel(log: vscode.LogOutputChannel): vscode.OutputChannel {
  let pending = '';
  const write = (line: string) => {
    const m = /^\[(Error|Warn|Info|Debug|Trace|LSP)\s*- [^\]]*\] ?([\s\S]*)$/.exec(line);
    const text = m ? m[2] : line;
    switch (m?.[1]) {
      case 'Error':
        return log.error(text);
      case 'Warn':
        return log.warn(text);
      case 'Debug':
        return log.debug(text);
      default:
        return log.info(text);
    }
  };
  return {
    name: log.name,
    append(value: string) {
      pending += value;
    },
    appendLine(value: string) {
      write(pending + value);
      pending = '';
    },
    replace(value: string) {
      pending = '';
      log.replace(value);
    },
    clear() {
      pending = '';
      log.clear();
    },
    show(a?: unknown, b?: boolean) {
      log.show(typeof a === 'boolean' ? a : b);
    },
    hide() {
      log.hide();
    },
    // The channel belongs to the extension (it outlives a server restart): disposing the client must not close it.
    dispose() {},
  };
}
