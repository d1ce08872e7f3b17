/** Server checks: a file's commands judged against a live server's state, through read requests only. */
export { CHECK_READ_REQUESTS, CHECK_SESSION_REQUESTS, isCheckRequest, assertReadOnly, ReadOnlyGate, ReadOnlyRefusal } from './read-only';
export { ServerStateCache, answerOf, type Answer } from './cache';
export {
  runServerCheck,
  planServerCheck,
  readServerState,
  judgeServerCheck,
  cacheIdentity,
  type ServerCheckOptions,
  type ServerCheckOutcome,
  type ServerState,
  type JudgeOptions,
} from './run';
export type { KeyedQuery } from './queries';
export { queriesFor, checkUca22 } from './uca22';
export { serverCheckMode, cacheSeconds, SERVER_CHECK_MODES, DEFAULT_CACHE_SECONDS, type ServerCheckMode } from './settings';
