/** Where `ocip send` finds its server: `--server NAME` in a settings file, or `--host/--port/--transport` flags. */
import { existsSync } from 'node:fs';
import { FILE_LIMITS } from '../core/limits';
import { readBoundedFile } from '../core/text/read-bounded';
import { join } from 'node:path';
import { parseJsonc, parseServers, type ServerConfig, type TransportKind } from '../core/send';
import { UsageError } from './options';

export interface ServerFlags {
  server?: string;
  host?: string;
  port?: string;
  transport?: string;
  'soap-url'?: string;
  user?: string;
  fingerprint?: string;
  'allow-self-signed'?: boolean;
  config?: string;
  production?: boolean;
}

export function resolveServer(flags: ServerFlags, cwd: string = process.cwd()): ServerConfig {
  let server: ServerConfig;
  if (flags.server) {
    if (flags.host) throw new UsageError('give either --server NAME or --host, not both');
    server = serverFromConfig(flags.server, flags.config ?? join(cwd, '.vscode', 'settings.json'));
  } else {
    if (!flags.host)
      throw new UsageError('give --server NAME (from ocip.servers) or --host H [--port P] [--transport tcp|tls|soap] --user U');
    const transport = (flags.transport ?? 'tcp').toLowerCase();
    if (transport !== 'tcp' && transport !== 'tls' && transport !== 'soap')
      throw new UsageError(`--transport must be tcp, tls or soap (got '${flags.transport}')`);
    if (!flags.user) throw new UsageError('--user is required with --host');
    server = {
      name: flags.host,
      host: flags.host,
      transport: transport as TransportKind,
      username: flags.user,
      production: flags.production === true,
    };
  }
  if (flags.port !== undefined) {
    const port = Number(flags.port);
    if (!Number.isInteger(port) || port < 1 || port > 65535) throw new UsageError(`--port must be 1-65535 (got '${flags.port}')`);
    server.port = port;
  }
  if (flags.user) server.username = flags.user;
  if (flags['soap-url']) server.soapUrl = flags['soap-url'];
  if (flags.fingerprint || flags['allow-self-signed']) {
    server.tls = {
      ...server.tls,
      fingerprint: flags.fingerprint ?? server.tls?.fingerprint,
      allowSelfSigned: flags['allow-self-signed'] || server.tls?.allowSelfSigned,
    };
  }
  return server;
}

function serverFromConfig(name: string, file: string): ServerConfig {
  if (!existsSync(file)) throw new UsageError(`--server ${name}: ${file} does not exist (use --config FILE to name the settings file)`);
  let settings: unknown;
  try {
    settings = parseJsonc(readBoundedFile(file, FILE_LIMITS.settingsFileBytes).toString('utf8'), file);
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
  const raw = settings && typeof settings === 'object' ? (settings as Record<string, unknown>)['ocip.servers'] : undefined;
  const { servers, problems } = parseServers(raw);
  const found = servers.find((s) => s.name === name);
  if (!found) {
    const known = servers.map((s) => `"${s.name}"`).join(', ') || 'none';
    throw new UsageError(
      `no server named "${name}" in ocip.servers of ${file} (defined: ${known})${problems.length ? `; problems: ${problems.join('; ')}` : ''}`,
    );
  }
  return { ...found, tls: found.tls ? { ...found.tls } : undefined };
}
