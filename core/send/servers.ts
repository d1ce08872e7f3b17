/**
 * The `ocip.servers` setting: a list of BroadWorks servers to send to. Parsed leniently (a bad entry is reported
 * and skipped, the others stay usable). Passwords are never part of it: they live in VS Code's SecretStorage or
 * come from OCIP_PASSWORD / a prompt in the CLI.
 */
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
    if ('password' in e) problems.push(`${where}: "password" is ignored: passwords are never read from settings (they are kept in the OS secret store or asked for)`);
    const name = str(e.name);
    const host = str(e.host);
    const username = str(e.username);
    const transport = (str(e.transport) ?? 'tcp').toLowerCase() as TransportKind;
    if (!name) return problems.push(`${where}: "name" is required`);
    if (!host) return problems.push(`${where} (${name}): "host" is required`);
    if (!username) return problems.push(`${where} (${name}): "username" is required`);
    if (!TRANSPORTS.includes(transport)) return problems.push(`${where} (${name}): "transport" must be tcp, tls or soap, not "${String(e.transport)}"`);
    if (servers.some((s) => s.name === name)) return problems.push(`${where}: a server named "${name}" is already defined; names must be unique`);
    let port: number | undefined;
    if (e.port !== undefined && e.port !== null) {
      if (typeof e.port !== 'number' || !Number.isInteger(e.port) || e.port < 1 || e.port > 65535) return problems.push(`${where} (${name}): "port" must be a number 1-65535`);
      port = e.port;
    }
    const tlsRaw = e.tls && typeof e.tls === 'object' ? (e.tls as Record<string, unknown>) : undefined;
    const tls = tlsRaw ? { fingerprint: str(tlsRaw.fingerprint), allowSelfSigned: tlsRaw.allowSelfSigned === true, ca: str(tlsRaw.ca) } : undefined;
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

/** The key under which a server's password is kept in a secret store: one per server name and user. */
export function secretKey(s: Pick<ServerConfig, 'name' | 'username'>): string {
  return `ocip.password/${encodeURIComponent(s.name)}/${encodeURIComponent(s.username)}`;
}
