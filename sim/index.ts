/**
 * The BroadWorks simulator as a library: `startSimulator(options)` opens the requested listeners
 * (plain TCP, TLS, SOAP/HTTP) on loopback and serves real OCI-P against a persisted state.
 * Used by `ocip sim` (sim/main.ts) and in-process by the VS Code extension and the tests.
 */
import { createServer as createTcpServer, type Server as NetServer, type Socket } from 'node:net';
import { createServer as createTlsServer } from 'node:tls';
import type { Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadSchemaDirCached } from '../core/model/load';
import type { ModelIndex } from '../core/model/model-index';
import { useSimModel } from './engine/model';
import type { Account } from './engine/accounts';
import type { DataMode } from './engine/context';
import { loadSeedFile, parseSeed, type SeedData } from './engine/seed';
import type { SimState } from './engine/state';
import { StateStore } from './engine/store';
import type { FaultOptions } from './faults';
import type { LogFn } from './log';
import { CertificateError, makeSelfSignedCertificate } from './listeners/certificate';
import { createSoapServer } from './listeners/soap';
import { serveStream } from './listeners/stream-connection';
import defaultSeed from './seed.example.json';

export type { FaultOptions, FaultSettings, ListenerKind } from './faults';
export type { SimState } from './engine/state';
export type { Account, AccountLevel } from './engine/accounts';
export type { SeedData } from './engine/seed';
export { signPassword } from './protocol/login';

export interface SimulatorOptions {
  /** Default 127.0.0.1. */
  host?: string;
  /** 0 = a random free port; undefined = that listener is off. */
  tcpPort?: number;
  tlsPort?: number;
  soapPort?: number;
  /** Default 'AS'. */
  dataMode?: DataMode;
  /** JSON state persisted here (loaded when it exists); default in-memory. */
  stateFile?: string;
  /** Accounts + initial state (JSON). Default: the built-in sim/seed.example.json. */
  seedFile?: string;
  /** The same as seedFile, given as data (tests, the extension). seedFile wins when both are set. */
  seed?: SeedData;
  faults?: FaultOptions;
  /**
   * An XSD folder (e.g. the R25 set): requests are validated against it, so every command of that release is
   * accepted (and answered, or refused as not supported by the simulator). Default: the built-in model.
   */
  schemaDir?: string;
  /** The same as schemaDir, given as a model already loaded (the extension's). model wins when both are set. */
  model?: ModelIndex;
  /** On TCP/TLS LogoutRequest, write a SuccessResponse before closing (default false: just close). */
  logoutSuccessResponse?: boolean;
  log?: (line: string) => void;
  /** Messages for the operator even without a request log (a listener that could not start). Default: `log`. */
  notice?: (line: string) => void;
}

export interface RunningSimulator {
  ports: { tcp?: number; tls?: number; soap?: number };
  /** SHA-256 fingerprint of the TLS certificate, "AA:BB:..". */
  tlsFingerprint?: string;
  /** The current state (read access for tests; changed only by committed commands, see engine/store.ts). */
  readonly state: SimState;
  /** Administrator user names of the seed (never passwords). */
  accountNames: string[];
  dataMode: DataMode;
  setFaults(f: FaultOptions): void;
  close(): Promise<void>;
}

type AnyServer = NetServer | HttpServer;

function listen(server: AnyServer, port: number, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve((server.address() as AddressInfo).port);
    });
  });
}

function closeServer(server: AnyServer): Promise<void> {
  return new Promise((resolve) => server.close(() => resolve()));
}

export async function startSimulator(options: SimulatorOptions = {}): Promise<RunningSimulator> {
  const host = options.host ?? '127.0.0.1';
  const dataMode = options.dataMode ?? 'AS';
  const log: LogFn | undefined = options.log;
  const seeded = options.seedFile
    ? loadSeedFile(options.seedFile)
    : parseSeed(options.seed ?? defaultSeed, options.seed ? 'seed' : 'built-in seed');
  const accounts: Account[] = seeded.accounts;
  const store = StateStore.open(seeded.state, options.stateFile);
  useSimModel(
    options.model ?? (options.schemaDir ? loadSchemaDirCached(options.schemaDir, join(tmpdir(), 'ocip-schema-cache')) : undefined),
  );
  let faults: FaultOptions | undefined = options.faults;
  const env = { store, accounts, dataMode, logoutSuccessResponse: options.logoutSuccessResponse ?? false };
  const deps = (kind: 'tcp' | 'tls') => ({ kind, env, faults: () => faults, log });

  const servers: AnyServer[] = [];
  const sockets = new Set<Socket>();
  const track = (s: Socket) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  };
  const ports: RunningSimulator['ports'] = {};
  let tlsFingerprint: string | undefined;

  const close = async () => {
    for (const s of sockets) s.destroy();
    await Promise.all(servers.map(closeServer));
  };

  try {
    if (options.tcpPort !== undefined) {
      const server = createTcpServer((s) => {
        track(s);
        serveStream(s, deps('tcp'));
      });
      servers.push(server);
      ports.tcp = await listen(server, options.tcpPort, host);
    }
    if (options.tlsPort !== undefined) {
      try {
        const cert = await makeSelfSignedCertificate(host);
        const server = createTlsServer({ key: cert.key, cert: cert.cert }, (s) => {
          track(s);
          serveStream(s, deps('tls'));
        });
        server.on('tlsClientError', (e) => log?.(`[tls] handshake failed: ${e.message}`));
        servers.push(server);
        ports.tls = await listen(server, options.tlsPort, host);
        tlsFingerprint = cert.fingerprint;
      } catch (e) {
        if (!(e instanceof CertificateError)) throw e;
        (options.notice ?? log)?.(`TLS listener disabled: ${e.message}`);
      }
    }
    if (options.soapPort !== undefined) {
      const server = createSoapServer({ env: { store, accounts, dataMode }, faults: () => faults, log });
      server.on('connection', track);
      servers.push(server);
      ports.soap = await listen(server, options.soapPort, host);
    }
  } catch (e) {
    await close();
    throw e;
  }

  return {
    ports,
    tlsFingerprint,
    get state() {
      return store.state;
    },
    accountNames: accounts.map((a) => a.userId),
    dataMode,
    setFaults(f: FaultOptions) {
      faults = f;
    },
    close,
  };
}
