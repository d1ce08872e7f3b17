/** Shared CLI option handling: check options and the model from flags. */
import { DEFAULT_CHECK_OPTIONS, type AdminLevel, type CheckOptions } from '../core/checks/types';
import { matchEnum, SETTINGS_ADMIN_LEVELS } from '../core/settings';
import { builtinModel, loadSchemaDirCached, type ModelIndex } from '../core/model';
import { join } from 'node:path';
import { tmpdir } from 'node:os';

export class UsageError extends Error {}

export function checkOptionsFrom(values: Record<string, unknown>): CheckOptions {
  // The settings' own enum matching (core/settings); an unusable flag is an error here, never a default.
  const given = (values['data-mode'] as string | undefined) ?? 'AS';
  const mode = matchEnum(given, ['AS', 'XS'] as const);
  if (!mode) throw new UsageError(`--data-mode must be AS or XS (got '${given}')`);
  const level = (values['admin-level'] as string | undefined) ?? 'System';
  const canonical = matchEnum(level, SETTINGS_ADMIN_LEVELS);
  if (!canonical) throw new UsageError(`--admin-level must be one of ${SETTINGS_ADMIN_LEVELS.join(', ')} (got '${level}')`);
  const packs: Record<string, string[]> = {};
  for (const spec of (values['service-pack'] as string[] | undefined) ?? []) {
    const eq = spec.indexOf('=');
    if (eq <= 0) throw new UsageError(`--service-pack takes NAME=Service1,Service2 (got '${spec}')`);
    packs[spec.slice(0, eq)] = spec
      .slice(eq + 1)
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
  }
  const template = values['new-user-template'] as string | undefined;
  return {
    ...DEFAULT_CHECK_OPTIONS,
    dataMode: mode,
    adminLevel: canonical as AdminLevel,
    externalAuthentication: values['external-authentication'] === true,
    servicePacks: packs,
    newUserTemplateServices:
      template === undefined
        ? undefined
        : template
            .split(',')
            .map((s) => s.trim())
            .filter(Boolean),
  };
}

export function modelFrom(values: Record<string, unknown>): ModelIndex {
  const dir = values['schema-dir'] as string | undefined;
  if (!dir) return builtinModel();
  try {
    return loadSchemaDirCached(dir, join(tmpdir(), 'ocip-schema-cache'));
  } catch (e) {
    throw new UsageError(`--schema-dir ${dir}: ${(e as Error).message}`);
  }
}

export const CHECK_FLAGS = {
  'data-mode': { type: 'string' },
  'admin-level': { type: 'string' },
  'schema-dir': { type: 'string' },
  'external-authentication': { type: 'boolean' },
  'service-pack': { type: 'string', multiple: true },
  'new-user-template': { type: 'string' },
} as const;
