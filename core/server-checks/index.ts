/** Server checks: a file's commands judged against a live server's state, through read requests only. */
export { CHECK_READ_REQUESTS, CHECK_SESSION_REQUESTS, isCheckRequest, assertReadOnly, ReadOnlyGate, ReadOnlyRefusal } from './read-only';
export { ServerStateCache, answerOf, type Answer } from './cache';
export { runServerCheck, cacheIdentity, type ServerCheckOptions, type ServerCheckOutcome } from './run';
export { queriesFor, checkUca22 } from './uca22';
export { serverCheckMode, cacheSeconds, SERVER_CHECK_MODES, DEFAULT_CACHE_SECONDS, type ServerCheckMode } from './settings';
