/** The check options of a send, from the `ocip.*` settings: the shared normalizer (core/settings), so send and editor agree. */
import type { CheckOptions } from '../checks/types';
import { normalizeSettings, toCheckOptions, type NormalizeContext } from '../settings';

export function checkOptionsFromSettings(raw: Record<string, unknown> | undefined, context: NormalizeContext = {}): CheckOptions {
  return toCheckOptions(normalizeSettings(raw, context).settings);
}
