/** Opening a socket with a connect bound and cancellation, shared by TCP, TLS and SOAP. */
import { OcipError } from '../errors';
import { DEFAULTS } from './types';

export interface Connectable {
  once(event: string, listener: (...args: never[]) => void): unknown;
  removeListener(event: string, listener: (...args: never[]) => void): unknown;
  destroy(error?: Error): unknown;
}

/**
 * Waits for `readyEvent` ('connect' or 'secureConnect') on a socket that is already connecting; destroys it on
 * timeout, error or abort. `check` runs on ready (TLS pinning) and may throw to reject the connection.
 */
export function awaitConnected<S extends Connectable>(
  socket: S,
  readyEvent: string,
  target: string,
  connectTimeoutMs: number | undefined,
  signal: AbortSignal | undefined,
  check?: () => void,
): Promise<S> {
  const ms = connectTimeoutMs ?? DEFAULTS.connectTimeoutMs;
  return new Promise<S>((resolve, reject) => {
    const done = (err?: OcipError) => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
      socket.removeListener('error', onError);
      socket.removeListener(readyEvent, onReady);
      if (err) {
        socket.destroy();
        reject(err);
      } else resolve(socket);
    };
    const onError = (e: Error & { code?: string }) => {
      const tlsCode = /CERT|SELF_SIGNED|UNABLE_TO_VERIFY|ERR_TLS|SSL/i.test(`${e.code ?? ''} ${e.message}`);
      done(
        tlsCode
          ? new OcipError('tls', `TLS connection to ${target} rejected: ${e.message}${certHint(e)}`, { cause: e })
          : new OcipError('connect', `cannot connect to ${target}: ${e.message}`, { cause: e }),
      );
    };
    const onReady = () => {
      try {
        check?.();
        done();
      } catch (e) {
        done(e instanceof OcipError ? e : new OcipError('tls', String(e)));
      }
    };
    const onAbort = () => done(new OcipError('cancelled', `connecting to ${target} was cancelled`));
    const timer = setTimeout(() => done(new OcipError('connect', `cannot connect to ${target}: no connection within ${ms} ms`)), ms);
    if (signal?.aborted) return onAbort();
    signal?.addEventListener('abort', onAbort, { once: true });
    socket.once('error', onError);
    socket.once(readyEvent, onReady);
  });
}

function certHint(e: Error & { code?: string }): string {
  if (!/SELF_SIGNED|UNABLE_TO_VERIFY|UNABLE_TO_GET_ISSUER/i.test(`${e.code ?? ''} ${e.message}`)) return '';
  return ' (the server certificate is not trusted: pin its SHA-256 fingerprint, add its CA, or, for a lab only, allow self-signed)';
}
