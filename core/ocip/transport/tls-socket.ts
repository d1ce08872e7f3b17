/**
 * Opening a TLS socket with the project's trust rules, used by the TLS transport and by SOAP over HTTPS:
 * - default: verify the chain against Node's CAs (+ an optional extra CA PEM) and the host name;
 * - a pinned SHA-256 fingerprint: trust exactly that certificate (the safe way to use a self-signed server);
 * - allowSelfSigned: no verification at all, with a warning.
 * The socket is returned only after the handshake and the checks, so nothing is written to an untrusted peer.
 */
import { isIP } from 'node:net';
import { connect, rootCertificates, type TLSSocket } from 'node:tls';
import { OcipError } from '../errors';
import { awaitConnected } from './connect';
import type { TlsOptions } from './types';

export interface TlsSocketOptions {
  host: string;
  port: number;
  tls?: TlsOptions;
  connectTimeoutMs?: number;
  onWarning?: (message: string) => void;
}

/** "AA:BB:…" or plain hex, any case → "AA:BB:…"; throws on anything that is not 32 bytes of hex. */
export function normalizeFingerprint(text: string): string {
  const hex = text.replace(/[\s:]/g, '').toUpperCase();
  if (!/^[0-9A-F]{64}$/.test(hex)) {
    throw new OcipError('usage', `TLS fingerprint "${text}" is not a SHA-256 fingerprint (64 hex digits, colons optional)`);
  }
  return hex.match(/../g)!.join(':');
}

export async function openTlsSocket(o: TlsSocketOptions, signal?: AbortSignal): Promise<TLSSocket> {
  const target = `${o.host}:${o.port}`;
  const pinned = o.tls?.fingerprint ? normalizeFingerprint(o.tls.fingerprint) : undefined;
  const verify = !pinned && !o.tls?.allowSelfSigned;
  if (!pinned && o.tls?.allowSelfSigned) {
    o.onWarning?.(
      `TLS certificate verification is DISABLED for ${target} (allowSelfSigned): the connection is encrypted but the server is not authenticated; pin its SHA-256 fingerprint instead`,
    );
  }
  const socket = connect({
    host: o.host,
    port: o.port,
    servername: isIP(o.host) ? undefined : o.host,
    rejectUnauthorized: verify,
    ca: verify && o.tls?.ca ? [...rootCertificates, o.tls.ca] : undefined,
  });
  const checkPin = () => {
    if (!pinned) return;
    const raw = socket.getPeerCertificate()?.fingerprint256;
    const actual = raw ? normalizeFingerprint(raw) : '(none)';
    if (actual !== pinned) {
      throw new OcipError(
        'tls',
        `TLS certificate fingerprint mismatch for ${target}: expected ${pinned}, the server presented ${actual}; not connecting`,
      );
    }
  };
  return awaitConnected(socket, 'secureConnect', `tls://${target}`, o.connectTimeoutMs, signal, checkPin);
}
