/**
 * One bad message never takes the server down.
 * - guardProcess: an exception or rejected promise that escapes a handler (a notification handler's async work
 *   is nobody's promise) is logged instead of ending the process, which Node does by default.
 * - guardConnection: the view of the connection given to TextDocuments, which refuses malformed document
 *   notifications (didOpen with `text: null` or without text, didChange with a change that is not text and a
 *   valid range) before they reach the document store: a stored document whose text is not a string broke every
 *   later feature (didOpen with `text: null` killed the server).
 */
import type { Connection, DidChangeTextDocumentParams, DidOpenTextDocumentParams, NotificationHandler } from 'vscode-languageserver';

type Log = (message: string) => void;

export function guardProcess(log: Log): void {
  process.on('uncaughtException', (e) => log(`ocip-language-server: internal error (the server carries on): ${describe(e)}`));
  process.on('unhandledRejection', (e) => log(`ocip-language-server: internal error (the server carries on): ${describe(e)}`));
}

const describe = (e: unknown): string => (e instanceof Error ? (e.stack ?? e.message) : String(e)).slice(0, 2000);

const isObject = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null;
const isCount = (x: unknown): boolean => typeof x === 'number' && Number.isInteger(x) && x >= 0;
const isPosition = (p: unknown): boolean => isObject(p) && isCount(p.line) && isCount(p.character);
const isRange = (r: unknown): boolean => isObject(r) && isPosition(r.start) && isPosition(r.end);
const isVersion = (v: unknown): boolean => typeof v === 'number' && Number.isInteger(v);

/** Why a didOpen is refused, or undefined when it is well formed. */
export function badOpen(params: unknown): string | undefined {
  const td = isObject(params) ? params.textDocument : undefined;
  if (!isObject(td)) return 'no textDocument';
  if (typeof td.uri !== 'string') return 'textDocument.uri is not a string';
  if (typeof td.languageId !== 'string') return 'textDocument.languageId is not a string';
  if (!isVersion(td.version)) return 'textDocument.version is not an integer';
  if (typeof td.text !== 'string') return `textDocument.text is ${td.text === null ? 'null' : typeof td.text}, not a string`;
  return undefined;
}

/** Why a didChange is refused, or undefined when it is well formed. */
export function badChange(params: unknown): string | undefined {
  if (!isObject(params) || !isObject(params.textDocument)) return 'no textDocument';
  const td = params.textDocument;
  if (typeof td.uri !== 'string') return 'textDocument.uri is not a string';
  if (!isVersion(td.version)) return 'textDocument.version is not an integer';
  if (!Array.isArray(params.contentChanges)) return 'contentChanges is not a list';
  for (const c of params.contentChanges as unknown[]) {
    if (!isObject(c) || typeof c.text !== 'string') return 'a content change without text';
    if ('range' in c && c.range !== undefined && !isRange(c.range)) return 'a content change with an invalid range';
  }
  return undefined;
}

const hasUri = (params: unknown): boolean =>
  isObject(params) && isObject(params.textDocument) && typeof params.textDocument.uri === 'string';

/** The connection as TextDocuments should see it: malformed document notifications are logged and dropped. */
export function guardConnection(connection: Connection, log: Log): Connection {
  const guarded =
    <P>(name: string, why: (p: unknown) => string | undefined) =>
    (handler: NotificationHandler<P>) =>
    (params: P) => {
      const problem = why(params);
      if (problem) return log(`ocip-language-server: ${name} ignored: ${problem}`);
      return handler(params);
    };
  const open = guarded<DidOpenTextDocumentParams>('textDocument/didOpen', badOpen);
  const change = guarded<DidChangeTextDocumentParams>('textDocument/didChange', badChange);
  const uriOnly = (name: string) => guarded<unknown>(name, (p) => (hasUri(p) ? undefined : 'no textDocument.uri'));
  return new Proxy(connection, {
    get(target, key, receiver) {
      switch (key) {
        case 'onDidOpenTextDocument':
          return (h: NotificationHandler<DidOpenTextDocumentParams>) => target.onDidOpenTextDocument(open(h));
        case 'onDidChangeTextDocument':
          return (h: NotificationHandler<DidChangeTextDocumentParams>) => target.onDidChangeTextDocument(change(h));
        case 'onDidCloseTextDocument':
        case 'onDidSaveTextDocument':
        case 'onWillSaveTextDocument':
          return (h: NotificationHandler<unknown>) => (target[key] as (h: NotificationHandler<unknown>) => unknown)(uriOnly(key)(h));
        default:
          return Reflect.get(target, key, receiver);
      }
    },
  });
}
