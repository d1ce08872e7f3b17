/**
 * Cancelled requests are really cancelled. vscode-jsonrpc only cancels a token: a handler that never looks at it
 * computes and sends its whole answer anyway (a cancelled documentSymbol on a large file still sent its 11 MB).
 * - cancelUndispatched: a request cancelled while still queued is answered "cancelled" without running.
 * - guardRequests: every request handler registered through it first lets the event loop read what is already in
 *   the pipe (a $/cancelRequest written with or just after the request), and is answered RequestCancelled instead
 *   of its result when the token is cancelled before it starts or by the time it is done. Long handlers can call
 *   `checkCancelled` between their steps, which also waits a timer turn for a cancel still on its way.
 */
import { LSPErrorCodes, ResponseError, type CancellationToken, type Connection } from 'vscode-languageserver';
import type { Message, ResponseMessage } from 'vscode-languageserver/node';

export function cancelledError(): ResponseError<void> {
  return new ResponseError(LSPErrorCodes.RequestCancelled, 'Request cancelled');
}

export function cancelUndispatched(message: Message): ResponseMessage {
  return {
    jsonrpc: '2.0',
    id: (message as { id?: number | string }).id ?? null,
    error: { code: LSPErrorCodes.RequestCancelled, message: 'Request cancelled' },
  };
}

/**
 * Event-loop turns for messages already sent to arrive: vscode-jsonrpc reads, decodes and dispatches each message
 * over several setImmediate hops (one message at a time), and a cancel written just after its request may come in
 * the next read from the pipe. The timer turn makes it cost at least a millisecond: for long handlers only.
 */
async function letMessagesIn(): Promise<void> {
  for (let i = 0; i < 8; i++) await new Promise((resolve) => setImmediate(resolve));
  await new Promise((resolve) => setTimeout(resolve, 0));
  for (let i = 0; i < 8; i++) await new Promise((resolve) => setImmediate(resolve));
}

/**
 * One poll phase of the event loop: bytes already in the pipe are read, and vscode-jsonrpc acts on a $/cancelRequest
 * as soon as it is read (a queued request is answered cancelled, a running one has its token cancelled). Unlike
 * letMessagesIn it has no timer, whose 1 ms minimum was added to every hover and completion (a request that
 * did nothing took 1.8 ms instead of 0.4 ms over stdio).
 */
async function readWhatIsWaiting(): Promise<void> {
  for (let i = 0; i < 2; i++) await new Promise((resolve) => setImmediate(resolve));
}

/** Throws RequestCancelled when the token is cancelled, after letting pending cancellations arrive. */
export async function checkCancelled(token: CancellationToken | undefined): Promise<void> {
  if (!token) return;
  await letMessagesIn();
  if (token.isCancellationRequested) throw cancelledError();
}

const REQUEST_REGISTRATIONS = new Set([
  'onRequest',
  'onDocumentSymbol',
  'onFoldingRanges',
  'onSelectionRanges',
  'onDocumentFormatting',
  'onCompletion',
  'onCompletionResolve',
  'onHover',
  'onCodeAction',
  'onCodeActionResolve',
]);

type Handler = (...args: unknown[]) => unknown;

function cancellable(handler: Handler): Handler {
  return async (...args: unknown[]) => {
    const token = args.find((a): a is CancellationToken => !!a && typeof (a as CancellationToken).isCancellationRequested === 'boolean');
    if (token) {
      await readWhatIsWaiting();
      if (token.isCancellationRequested) throw cancelledError();
    }
    const result = await handler(...args);
    if (token?.isCancellationRequested) throw cancelledError();
    return result;
  };
}

/** The connection as features see it: request handlers wrapped by `cancellable`. */
export function guardRequests(connection: Connection): Connection {
  return new Proxy(connection, {
    get(target, key, receiver) {
      const value = Reflect.get(target, key, receiver) as unknown;
      if (typeof key !== 'string' || !REQUEST_REGISTRATIONS.has(key) || typeof value !== 'function') return value;
      return (...args: unknown[]) => {
        const last = args.length - 1;
        if (typeof args[last] === 'function') args[last] = cancellable(args[last] as Handler);
        return (value as Handler).apply(target, args);
      };
    },
  });
}
