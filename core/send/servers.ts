/**
 * The `ocip.servers` setting: a list of BroadWorks servers to send to. Parsed leniently (a bad entry is reported
 * and skipped, the others stay usable). Passwords are never part of it: they live in VS Code's SecretStorage or
 * come from OCIP_PASSWORD / a prompt in the CLI.
 */
import { createHash } from 'node:crypto';
import type { ServerOptions } from '../ocip';

export type TransportKind = 'tcp' | 'tls' | 'soap';

export interface ServerConfig {
  name: string;
  host: string;
  port?: number;
  transport: TransportKind;
  soapUrl?: string;
  username: string;
  /** Sending asks for confirmation (a modal naming the server and the number of commands). */
  production: boolean;
  tls?: { fingerprint?: string; allowSelfSigned?: boolean; ca?: string };
}

export interface ParsedServers {
  servers: ServerConfig[];
  /** One message per entry that could not be used. */
  problems: string[];
}

const TRANSPORTS: readonly TransportKind[] = ['tcp', 'tls', 'soap'];

export function parseServers(raw: unknown): ParsedServers {
  const servers: ServerConfig[] = [];
  const problems: string[] = [];
  if (raw === undefined || raw === null) return { servers, problems };
  if (!Array.isArray(raw)) return { servers, problems: ['ocip.servers must be an array of server entries'] };
  raw.forEach((entry, i) => {
    const where = `ocip.servers[${i}]`;
    if (!entry || typeof entry !== 'object' || Array.isArray(entry)) return problems.push(`${where}: must be an object`);
    const e = entry as Record<string, unknown>;
    if ('password' in e)
      problems.push(
        `${where}: "password" is ignored: passwords are never read from settings (they are kept in the OS secret store or asked for)`,
      );
    const name = str(e.name);
    const host = str(e.host);
    const username = str(e.username);
    const transport = (str(e.transport) ?? 'tcp').toLowerCase() as TransportKind;
    if (!name) return problems.push(`${where}: "name" is required`);
    if (!host) return problems.push(`${where} (${name}): "host" is required`);
    if (!username) return problems.push(`${where} (${name}): "username" is required`);
    if (!TRANSPORTS.includes(transport))
      return problems.push(`${where} (${name}): "transport" must be tcp, tls or soap, not "${String(e.transport)}"`);
    if (servers.some((s) => s.name === name))
      return problems.push(`${where}: a server named "${name}" is already defined; names must be unique`);
    let port: number | undefined;
    if (e.port !== undefined && e.port !== null) {
      if (typeof e.port !== 'number' || !Number.isInteger(e.port) || e.port < 1 || e.port > 65535)
        return problems.push(`${where} (${name}): "port" must be a number 1-65535`);
      port = e.port;
    }
    const tlsRaw = e.tls && typeof e.tls === 'object' ? (e.tls as Record<string, unknown>) : undefined;
    const tls = tlsRaw
      ? { fingerprint: str(tlsRaw.fingerprint), allowSelfSigned: tlsRaw.allowSelfSigned === true, ca: str(tlsRaw.ca) }
      : undefined;
    servers.push({ name, host, port, transport, soapUrl: str(e.soapUrl), username, production: e.production === true, tls });
  });
  return { servers, problems };
}

function str(v: unknown): string | undefined {
  return typeof v === 'string' && v.trim() ? v.trim() : undefined;
}

/** "tcp://127.0.0.1:2208", for messages and history (never with credentials). */
export function serverAddress(s: Pick<ServerConfig, 'transport' | 'host' | 'port' | 'soapUrl'>): string {
  if (s.transport === 'soap') return s.soapUrl ?? `https://${s.host}${s.port ? `:${s.port}` : ''}`;
  return `${s.transport}://${s.host}${s.port ? `:${s.port}` : ''}`;
}

/** The OCI-P client's view of a server. */
export function toServerOptions(s: ServerConfig): ServerOptions {
  return { name: s.name, host: s.host, port: s.port, transport: s.transport, soapUrl: s.soapUrl, username: s.username, tls: s.tls };
}

/**
 * Where a password may go: everything that decides which machine receives it and how that machine is trusted.
 * SOAP: the effective URL (the host and port inside it are what is contacted); TCP/TLS: host and effective port.
 */
export function endpointIdentity(s: Pick<ServerConfig, 'transport' | 'host' | 'port' | 'soapUrl' | 'username' | 'tls'>): string {
  const host = s.host.trim().toLowerCase();
  const port = s.port ?? (s.transport === 'tls' ? 2209 : s.transport === 'tcp' ? 2208 : undefined);
  let soapUrl: string | undefined;
  if (s.transport === 'soap') {
    const text = s.soapUrl ?? `https://${host}${s.port ? `:${s.port}` : ''}`;
    try {
      const url = new URL(text);
      if (url.pathname === '/' || url.pathname === '') url.pathname = '/webservice/services/ProvisioningService';
      soapUrl = url.href;
    } catch {
      soapUrl = text; // the send fails on it anyway; the key stays distinct
    }
  }
  // TLS trust is part of the endpoint: a weaker trust on the same host (allowSelfSigned, another pin or CA)
  // would let a machine in the middle receive the password.
  const tls =
    s.transport === 'tcp' || !s.tls
      ? undefined
      : { allowSelfSigned: s.tls.allowSelfSigned === true, fingerprint: s.tls.fingerprint?.toUpperCase(), ca: s.tls.ca };
  return JSON.stringify({
    transport: s.transport,
    host: s.transport === 'soap' ? undefined : host,
    port: s.transport === 'soap' ? undefined : port,
    soapUrl,
    username: s.username,
    tls,
  });
}

/**
 * The key under which a server's password is kept in a secret store: bound to the endpoint (transport, host,
 * port, SOAP URL, TLS trust) and the user, never to the server's name alone. A settings entry that keeps a
 * name but points elsewhere gets another key, so it finds no password and asks for one.
 */
export function secretKey(s: Pick<ServerConfig, 'transport' | 'host' | 'port' | 'soapUrl' | 'username' | 'tls'>): string {
  return `ocip.password.v2/${createHash('sha256').update(endpointIdentity(s)).digest('hex')}`;
}

/**
 * The key of 0.1.0 (server name + user only). Such a password cannot be tied to the endpoint it
 * was typed for, so it is never read: it is deleted when found (see the extension's Passwords).
 */
export function legacySecretKey(s: Pick<ServerConfig, 'name' | 'username'>): string {
  return `ocip.password/${encodeURIComponent(s.name)}/${encodeURIComponent(s.username)}`;
}
