/** The check options of a send, from the `ocip.*` settings (extension) or flags (CLI); unknown values default. */
import { ADMIN_LEVELS, DEFAULT_CHECK_OPTIONS, type AdminLevel, type CheckOptions } from '../checks/types';

export function checkOptionsFromSettings(raw: Record<string, unknown> | undefined): CheckOptions {
  const r = raw ?? {};
  const packs: Record<string, string[]> = {};
  if (r.servicePacks && typeof r.servicePacks === 'object') {
    for (const [k, v] of Object.entries(r.servicePacks as Record<string, unknown>)) {
      if (Array.isArray(v)) packs[k] = v.filter((x): x is string => typeof x === 'string');
    }
  }
  const level = ADMIN_LEVELS.includes(r.adminLevel as AdminLevel) ? (r.adminLevel as AdminLevel) : DEFAULT_CHECK_OPTIONS.adminLevel;
  return {
    dataMode: r.dataMode === 'XS' ? 'XS' : 'AS',
    adminLevel: level,
    externalAuthentication: r.externalAuthentication === true,
    servicePacks: packs,
    newUserTemplateServices: Array.isArray(r.newUserTemplateServices) ? r.newUserTemplateServices.filter((x): x is string => typeof x === 'string') : undefined,
  };
}
