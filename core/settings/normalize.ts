/**
 * The one reading of the `ocip.*` settings, shared by the language server, the extension's send path and the
 * CLI, so that a document is checked and sent under the same options. Whatever a settings file holds:
 * - enum values are matched without regard to case, spaces, `-` or `_` ("service_provider" is Service Provider);
 * - numbers are bounded (a value outside the bounds is clamped);
 * - `${workspaceFolder}` and relative paths are resolved against the document's workspace folder, never
 *   against the process's working directory;
 * - anything unusable yields a problem naming the setting, the value and the value used instead, and the value
 *   used is never the most permissive one: an unknown administrator level is the least privileged level.
 */
import { isAbsolute, resolve } from 'node:path';
import type { OcipSettings } from '../protocol/messages';
import { DEFAULT_SETTINGS } from '../protocol/messages';
import { parseSeverityOverrides } from '../checks/severity-overrides';

/** One unusable setting value: shown once as a warning. */
export interface SettingsProblem {
  /** The full setting name, e.g. `ocip.adminLevel`. */
  setting: string;
  message: string;
}

export interface NormalizedSettings {
  settings: OcipSettings;
  problems: SettingsProblem[];
}

export interface NormalizeContext {
  /** File-system path of the document's workspace folder, for `${workspaceFolder}` and relative paths. */
  workspaceFolder?: string;
}

export const SETTINGS_ADMIN_LEVELS: readonly OcipSettings['adminLevel'][] = [
  'System',
  'Provisioning',
  'Reseller',
  'Service Provider',
  'Group',
  'Group Department',
];
/** What an unknown administrator level becomes: the level allowed the least, so nothing is wrongly accepted. */
export const LEAST_PRIVILEGED_LEVEL: OcipSettings['adminLevel'] = 'Group Department';
export const DEBOUNCE_BOUNDS = { min: 0, max: 5000 } as const;
export const BATCH_SIZE_BOUNDS = { min: 1, max: 15 } as const;
/** Sessions in parallel for a template's rows (ocip.send.sessions, ocip send --sessions). */
export const SESSIONS_BOUNDS = { min: 1, max: 8 } as const;

const squash = (s: string) => s.toLowerCase().replace(/[\s_-]/g, '');
const show = (v: unknown) => (typeof v === 'string' ? `"${v}"` : (JSON.stringify(v) ?? String(v)));

/** An enum value matched loosely; undefined when it is none of them. */
export function matchEnum<T extends string>(value: unknown, allowed: readonly T[]): T | undefined {
  if (typeof value !== 'string') return undefined;
  return allowed.find((a) => squash(a) === squash(value));
}

export function normalizeSettings(raw: unknown, context: NormalizeContext = {}): NormalizedSettings {
  const r = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
  const d = DEFAULT_SETTINGS;
  const problems: SettingsProblem[] = [];
  const problem = (setting: string, value: unknown, used: string, why = 'is not valid') =>
    problems.push({ setting: `ocip.${setting}`, message: `ocip.${setting}: ${show(value)} ${why}; using ${used} instead.` });

  let dataMode = d.dataMode;
  if (r.dataMode !== undefined && r.dataMode !== null) {
    const m = matchEnum(r.dataMode, ['AS', 'XS'] as const);
    if (m) dataMode = m;
    else problem('dataMode', r.dataMode, d.dataMode, 'is not a data mode (AS or XS)');
  }

  let adminLevel = d.adminLevel;
  if (r.adminLevel !== undefined && r.adminLevel !== null) {
    const m = matchEnum(r.adminLevel, SETTINGS_ADMIN_LEVELS);
    if (m) adminLevel = m;
    else {
      adminLevel = LEAST_PRIVILEGED_LEVEL;
      problem(
        'adminLevel',
        r.adminLevel,
        `${LEAST_PRIVILEGED_LEVEL} (the least privileged level)`,
        `is not an administrator level (${SETTINGS_ADMIN_LEVELS.join(', ')})`,
      );
    }
  }

  let externalAuthentication = d.externalAuthentication;
  if (r.externalAuthentication !== undefined && r.externalAuthentication !== null) {
    if (typeof r.externalAuthentication === 'boolean') externalAuthentication = r.externalAuthentication;
    else problem('externalAuthentication', r.externalAuthentication, 'false', 'is not true or false');
  }

  const servicePacks: Record<string, string[]> = {};
  if (r.servicePacks !== undefined && r.servicePacks !== null) {
    if (typeof r.servicePacks !== 'object' || Array.isArray(r.servicePacks))
      problem('servicePacks', r.servicePacks, '{}', 'is not an object of pack name → services');
    else {
      for (const [k, v] of Object.entries(r.servicePacks as Record<string, unknown>)) {
        if (!Array.isArray(v)) {
          problem(`servicePacks.${k}`, v, 'no such pack', 'is not a list of service names');
          continue;
        }
        const names = v.filter((x): x is string => typeof x === 'string');
        if (names.length !== v.length) problem(`servicePacks.${k}`, v, 'its service names only', 'holds values that are not service names');
        servicePacks[k] = names;
      }
    }
  }

  let newUserTemplateServices: string[] | null = null;
  if (r.newUserTemplateServices !== undefined && r.newUserTemplateServices !== null) {
    const v = r.newUserTemplateServices;
    if (Array.isArray(v) && v.every((x) => typeof x === 'string')) newUserTemplateServices = v as string[];
    else problem('newUserTemplateServices', v, 'null (unknown template)', 'is not a list of service names');
  }

  const variables: Record<string, string> = {};
  if (r.variables !== undefined && r.variables !== null) {
    if (typeof r.variables !== 'object' || Array.isArray(r.variables))
      problem('variables', r.variables, '{}', 'is not an object of name → value');
    else
      for (const [k, v] of Object.entries(r.variables as Record<string, unknown>)) {
        if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') variables[k] = String(v);
        else problem(`variables.${k}`, v, 'no such variable', 'is not a text value');
      }
  }

  let schemaDirectory = '';
  if (r.schemaDirectory !== undefined && r.schemaDirectory !== null && r.schemaDirectory !== '') {
    if (typeof r.schemaDirectory !== 'string') problem('schemaDirectory', r.schemaDirectory, 'the built-in model', 'is not a folder path');
    else schemaDirectory = resolvePath('schemaDirectory', r.schemaDirectory, context, problem);
  }

  const diag = (r.diagnostics && typeof r.diagnostics === 'object' ? r.diagnostics : {}) as Record<string, unknown>;
  const debounceMs = boundedNumber('diagnostics.debounceMs', diag.debounceMs, d.diagnostics.debounceMs, DEBOUNCE_BOUNDS, false, problem);
  const parsedSeverity = parseSeverityOverrides(diag.severity);
  for (const message of parsedSeverity.problems) problems.push({ setting: 'ocip.diagnostics.severity', message });
  const send = (r.send && typeof r.send === 'object' ? r.send : {}) as Record<string, unknown>;
  const batchSize = boundedNumber('send.batchSize', send.batchSize, d.send.batchSize, BATCH_SIZE_BOUNDS, true, problem);
  const sessions = boundedNumber('send.sessions', send.sessions, d.send.sessions, SESSIONS_BOUNDS, true, problem);

  return {
    settings: {
      dataMode,
      adminLevel,
      externalAuthentication,
      servicePacks,
      newUserTemplateServices,
      schemaDirectory,
      diagnostics: { debounceMs, severity: parsedSeverity.overrides },
      send: { batchSize, sessions },
      variables,
    },
    problems,
  };
}

type Report = (setting: string, value: unknown, used: string, why?: string) => void;

function boundedNumber(
  setting: string,
  v: unknown,
  fallback: number,
  b: { min: number; max: number },
  integer: boolean,
  problem: Report,
): number {
  if (v === undefined || v === null) return fallback;
  if (typeof v !== 'number' || !Number.isFinite(v)) {
    problem(setting, v, String(fallback), 'is not a number');
    return fallback;
  }
  const n = Math.min(b.max, Math.max(b.min, integer ? Math.round(v) : v));
  if (n !== v) problem(setting, v, String(n), `is outside ${b.min}–${b.max}${integer ? ' or not a whole number' : ''}`);
  return n;
}

/** `${workspaceFolder}`, `~`-free: a relative path is relative to the workspace folder; without one it cannot be used. */
function resolvePath(setting: string, value: string, context: NormalizeContext, problem: Report): string {
  const trimmed = value.trim();
  const needsFolder = trimmed.includes('${workspaceFolder}') || !isAbsolute(trimmed);
  if (needsFolder && !context.workspaceFolder) {
    problem(setting, value, 'the built-in model', 'is relative and the document is in no workspace folder');
    return '';
  }
  const substituted = trimmed.replace(/\$\{workspaceFolder\}/g, context.workspaceFolder ?? '');
  return isAbsolute(substituted) ? resolve(substituted) : resolve(context.workspaceFolder!, substituted);
}
