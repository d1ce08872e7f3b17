/**
 * One server check of a file: collect the reads its commands need, answer what the cache knows, send the rest
 * through the read-only gate (connect, log in, read in documents of up to 15, log out), then judge the commands in
 * file order. Never sends the file's commands. Runs on files with schema errors too: every command whose values
 * can be read is checked. Never throws for server or network trouble: the outcome says what happened.
 */
import { OcipClient, OcipError, redactPassword } from '../ocip';
import { makeEmitter } from '../checks/rules/emit';
import { ADMIN_LEVELS, type AdminLevel, type DataMode, type Diagnostic } from '../checks/types';
import { endpointIdentity, toServerOptions, type ServerConfig } from '../send/servers';
import type { CommandNode, SourceFile } from '../tree/types';
import { answerOf, type Answer, type ServerStateCache } from './cache';
import { FileEffects } from './effects';
import { ReadOnlyGate, type ReadSender } from './read-only';
import type { KeyedQuery } from './queries';
import { checkUca22, queriesFor, UCA22 } from './uca22';

export interface ServerCheckOptions {
  server: ServerConfig;
  password: string;
  file: SourceFile;
  dataMode: DataMode;
  /** Used when the login does not say the administrator's level. */
  adminLevel: AdminLevel;
  newUserTemplateServices?: string[];
  /** Report only on these commands (0-based); every command is still judged, for the effects on later ones. */
  only?: readonly number[];
  cache: ServerStateCache;
  batchSize?: number;
  timeoutMs?: number;
  connectTimeoutMs?: number;
  signal?: AbortSignal;
  log?: (line: string) => void;
  onWarning?: (message: string) => void;
  /** The time stamped on the diagnostics (default now). */
  now?: () => Date;
  /** Tests: how to reach the server (default an OcipClient on `server`). */
  connect?: () => Promise<{ sender: ReadSender; loginType?: string; close(): Promise<void> }>;
}

export interface ServerCheckOutcome {
  failure?: { stage: 'usage' | 'connect' | 'login' | 'cancelled' | 'read'; code: string; message: string };
  diagnostics: Diagnostic[];
  /** Read requests written to the server (login and logout not counted). */
  requestsSent: number;
  /** Answers taken from the cache. */
  cached: number;
  level: AdminLevel;
  checkedAt: Date;
}

/** Cache identity: the endpoint and the administrator (answers depend on what the login may see). */
export function cacheIdentity(server: ServerConfig): string {
  return `${endpointIdentity(server)}\n${server.username}`;
}

const LEVEL_KEY = '\u0000login-level';

/** The reads a check of the file needs (each asked once), and the commands it judges. */
export function planServerCheck(file: SourceFile, only?: readonly number[]): { commands: CommandNode[]; queries: KeyedQuery[] } {
  let last = Infinity;
  if (only?.length) {
    last = -1;
    for (const i of only) last = Math.max(last, i);
  }
  // Commands after the last one reported on cannot change its verdict: they are neither read for nor judged.
  const commands = file.commands.filter((c) => c.name === UCA22 && c.index <= last);
  const needed = new Map<string, KeyedQuery>();
  for (const c of commands) for (const q of queriesFor(c)) needed.set(q.key, q);
  return { commands, queries: [...needed.values()] };
}

export interface ReadStateOptions extends Omit<ServerCheckOptions, 'file' | 'dataMode' | 'newUserTemplateServices' | 'only' | 'now'> {
  queries: readonly KeyedQuery[];
}

export interface ServerState {
  failure?: ServerCheckOutcome['failure'];
  /** Answer by query key. */
  answers: Map<string, Answer>;
  requestsSent: number;
  cached: number;
  level: AdminLevel;
}

/** The answers to the queries: from the cache, else read through the read-only gate (one session). */
export async function readServerState(o: ReadStateOptions): Promise<ServerState> {
  const identity = cacheIdentity(o.server);
  const answers = new Map<string, Answer>();
  for (const q of o.queries) {
    const hit = o.cache.get(identity, q.key);
    if (hit) answers.set(q.key, hit);
  }
  const cached = answers.size;
  const missing = o.queries.filter((q) => !answers.has(q.key));
  const levelHit = o.cache.get(identity, LEVEL_KEY);
  let level: AdminLevel = levelHit?.kind === 'data' ? (levelHit.data.level as AdminLevel) : o.adminLevel;
  let requestsSent = 0;
  if (!missing.length && levelHit) return { answers, requestsSent, cached, level };
  let session: { sender: ReadSender; loginType?: string; close(): Promise<void> };
  try {
    session = await (o.connect ?? (() => connectClient(o)))();
  } catch (e) {
    return { answers, requestsSent, cached, level, failure: failure(e, o.password) };
  }
  try {
    const fromLogin = ADMIN_LEVELS.find((l) => l.toLowerCase() === session.loginType?.trim().toLowerCase());
    if (fromLogin) {
      level = fromLogin;
      o.cache.set(identity, LEVEL_KEY, { kind: 'data', data: { level } });
    }
    const gate = new ReadOnlyGate(session.sender, o.batchSize);
    const results = await gate.read(missing);
    requestsSent = gate.sent;
    missing.forEach((q, i) => {
      const answer = answerOf(results[i]);
      answers.set(q.key, answer);
      o.cache.set(identity, q.key, answer);
    });
  } catch (e) {
    return { answers, requestsSent, cached, level, failure: { ...failure(e, o.password), stage: 'read' } };
  } finally {
    await session.close().catch(() => undefined);
  }
  return { answers, requestsSent, cached, level };
}

export interface JudgeOptions {
  level: AdminLevel;
  dataMode: DataMode;
  newUserTemplateServices?: string[];
  only?: readonly number[];
  serverName: string;
  checkedAt: Date;
}

/** The diagnostics of the file's commands, in file order, from the answers (a missing answer is "cannot verify"). */
export function judgeServerCheck(file: SourceFile, answers: ReadonlyMap<string, Answer>, o: JudgeOptions): Diagnostic[] {
  const { commands } = planServerCheck(file, o.only);
  const diagnostics: Diagnostic[] = [];
  const effects = new FileEffects();
  const stamp = ` [${o.serverName}, ${o.checkedAt.toISOString().replace(/\.\d+Z$/, 'Z')}]`;
  for (const cmd of commands) {
    const emit = makeEmitter(diagnostics, cmd.index);
    checkUca22(cmd, effects, {
      level: o.level,
      mode: o.dataMode,
      newUserTemplateServices: o.newUserTemplateServices,
      answer: (q) => answers.get(q.key) ?? { kind: 'unknown', summary: 'not asked' },
      report: (code, span, message) => emit(code, span, message + stamp),
    });
  }
  const reported = o.only ? diagnostics.filter((d) => d.command !== undefined && o.only!.includes(d.command)) : diagnostics;
  return reported.sort((a, b) => a.span.start - b.span.start);
}

/** Plan, read and judge in one process (`ocip check`, tests, the bench). */
export async function runServerCheck(o: ServerCheckOptions): Promise<ServerCheckOutcome> {
  const checkedAt = (o.now ?? (() => new Date()))();
  const { queries } = planServerCheck(o.file, o.only);
  const state = await readServerState({ ...o, queries });
  const base = { requestsSent: state.requestsSent, cached: state.cached, level: state.level, checkedAt };
  if (state.failure) return { ...base, diagnostics: [], failure: state.failure };
  const diagnostics = judgeServerCheck(o.file, state.answers, {
    level: state.level,
    dataMode: o.dataMode,
    newUserTemplateServices: o.newUserTemplateServices,
    only: o.only,
    serverName: o.server.name,
    checkedAt,
  });
  return { ...base, diagnostics };
}

async function connectClient(o: ReadStateOptions) {
  const client = new OcipClient({
    ...toServerOptions(o.server),
    password: o.password,
    batchSize: o.batchSize,
    log: o.log,
    onWarning: o.onWarning,
    timeoutMs: o.timeoutMs,
    connectTimeoutMs: o.connectTimeoutMs,
  });
  try {
    await client.connect(o.signal);
  } catch (e) {
    await client.close().catch(() => undefined);
    throw Object.assign(e as Error, { stage: 'connect' });
  }
  try {
    const info = await client.login();
    return {
      sender: { send: (qs: readonly { type: string; xml: string }[]) => client.send(qs, { signal: o.signal }) },
      loginType: info.loginType,
      close: () => client.close(),
    };
  } catch (e) {
    await client.close().catch(() => undefined);
    throw Object.assign(e as Error, { stage: 'login' });
  }
}

function failure(e: unknown, password: string): NonNullable<ServerCheckOutcome['failure']> {
  const code = e instanceof OcipError ? e.code : 'internal';
  const stage = (e as { stage?: 'connect' | 'login' }).stage ?? (code === 'cancelled' ? 'cancelled' : 'connect');
  return {
    stage: code === 'cancelled' ? 'cancelled' : stage,
    code,
    message: redactPassword(e instanceof Error ? e.message : String(e), password),
  };
}
