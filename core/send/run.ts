/**
 * One send: connect, log in, send the commands in batches, log out. Never throws for server or network trouble:
 * the outcome says what happened (a connection/login failure, or one result per command).
 */
import { OcipClient, OcipError, redactPassword, type CommandResult, type LoginInfo } from '../ocip';
import type { PreparedCommand } from './prepare';
import type { ModelIndex } from '../model/model-index';
import { joinResults, withResponseData, type SendResultRow } from './results';
import { toServerOptions, type ServerConfig } from './servers';

export interface RunSendOptions {
  server: ServerConfig;
  password: string;
  commands: readonly PreparedCommand[];
  batchSize?: number;
  signal?: AbortSignal;
  /** Wire log lines (documents masked by the client; see formatLogLine for the final pass). */
  log?: (line: string) => void;
  onWarning?: (message: string) => void;
  onProgress?: (done: number, total: number) => void;
  /** Bound for each response (default 30 s). */
  timeoutMs?: number;
  /** Bound for connecting, TLS handshake included (default 10 s). */
  connectTimeoutMs?: number;
  /** Types data responses (lists, tables, booleans, integers) by their response type; without it, by shape only. */
  model?: ModelIndex;
}

export type SendFailureStage = 'usage' | 'connect' | 'login' | 'cancelled';

export interface SendOutcome {
  /** Set when nothing was sent: the connection or login failed, or the user cancelled before sending. */
  failure?: { stage: SendFailureStage; code: string; message: string };
  login?: LoginInfo;
  rows: SendResultRow[];
  results: CommandResult[];
}

export async function runSend(o: RunSendOptions): Promise<SendOutcome> {
  let client: OcipClient;
  try {
    client = new OcipClient({
      ...toServerOptions(o.server),
      password: o.password,
      batchSize: o.batchSize,
      log: o.log,
      onWarning: o.onWarning,
      timeoutMs: o.timeoutMs,
      connectTimeoutMs: o.connectTimeoutMs,
    });
  } catch (e) {
    return failed('usage', e, o.password);
  }
  try {
    try {
      await client.connect(o.signal);
    } catch (e) {
      return failed(isCancel(e) ? 'cancelled' : 'connect', e, o.password);
    }
    let login: LoginInfo;
    try {
      login = await client.login();
    } catch (e) {
      return failed(isCancel(e) ? 'cancelled' : 'login', e, o.password);
    }
    const results = await client.send(o.commands, { signal: o.signal, onProgress: o.onProgress });
    return { login, results, rows: withResponseData(joinResults(o.commands, results), o.model, results) };
  } finally {
    await client.close().catch(() => undefined);
  }
}

function isCancel(e: unknown): boolean {
  return e instanceof OcipError && e.code === 'cancelled';
}

function failed(stage: SendFailureStage, e: unknown, password: string): SendOutcome {
  const code = e instanceof OcipError ? e.code : 'internal';
  const message = redactPassword(e instanceof Error ? e.message : String(e), password);
  return { failure: { stage, code, message }, rows: [], results: [] };
}
