/** `ocip.serverChecks` and `ocip.serverChecks.cacheSeconds`, normalized (an unusable value falls back to the default). */
import { matchEnum } from '../settings/normalize';

export const SERVER_CHECK_MODES = ['off', 'onDemand', 'onSave'] as const;
export type ServerCheckMode = (typeof SERVER_CHECK_MODES)[number];
export const DEFAULT_CACHE_SECONDS = 300;
/** A day: beyond that a server's state is surely stale. */
export const MAX_CACHE_SECONDS = 86_400;

export function serverCheckMode(value: unknown): ServerCheckMode {
  return matchEnum(value, SERVER_CHECK_MODES) ?? 'onDemand';
}

export function cacheSeconds(value: unknown): number {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0
    ? Math.min(Math.floor(value), MAX_CACHE_SECONDS)
    : DEFAULT_CACHE_SECONDS;
}
