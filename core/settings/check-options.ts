/** Normalized settings → the checks' options (the same for diagnostics and for the send path). */
import type { CheckOptions } from '../checks/types';
import type { OcipSettings } from '../protocol/messages';

export function toCheckOptions(s: OcipSettings): CheckOptions {
  return {
    dataMode: s.dataMode,
    adminLevel: s.adminLevel,
    externalAuthentication: s.externalAuthentication,
    servicePacks: s.servicePacks,
    newUserTemplateServices: s.newUserTemplateServices ?? undefined,
  };
}
