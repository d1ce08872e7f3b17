export {
  normalizeSettings,
  matchEnum,
  SETTINGS_ADMIN_LEVELS,
  LEAST_PRIVILEGED_LEVEL,
  DEBOUNCE_BOUNDS,
  BATCH_SIZE_BOUNDS,
  SESSIONS_BOUNDS,
  type NormalizedSettings,
  type SettingsProblem,
  type NormalizeContext,
} from './normalize';
export { toCheckOptions } from './check-options';
