/**
 * Settings per resource (workspace/configuration with a scopeUri), turned into the core's CheckOptions.
 * Cached per URI until the client reports a configuration change.
 */
import type { Connection } from 'vscode-languageserver';
import { ADMIN_LEVELS, type AdminLevel, type CheckOptions } from '../core/checks/types';
import { DEFAULT_SETTINGS, SETTINGS_SECTION, type OcipSettings } from '../core/protocol/messages';
import { parseSeverityOverrides } from '../core/checks/severity-overrides';

export class SettingsCache {
  private readonly cache = new Map<string, Promise<OcipSettings>>();
  supportsConfiguration = false;

  /** @param onProblem told once per fetch about each setting value that could not be used (the server logs it). */
  constructor(
    private readonly connection: Connection,
    private readonly onProblem: (message: string) => void = () => undefined,
  ) {}

  get(uri: string): Promise<OcipSettings> {
    let s = this.cache.get(uri);
    if (!s) {
      s = this.fetch(uri);
      this.cache.set(uri, s);
    }
    return s;
  }

  clear(): void {
    this.cache.clear();
  }

  private async fetch(uri: string): Promise<OcipSettings> {
    if (!this.supportsConfiguration) return DEFAULT_SETTINGS;
    try {
      const raw = await this.connection.workspace.getConfiguration({ scopeUri: uri, section: SETTINGS_SECTION });
      const settings = normalizeSettings(raw);
      for (const p of settingsProblems(raw)) this.onProblem(p);
      return settings;
    } catch {
      return DEFAULT_SETTINGS;
    }
  }
}

/** Whatever the user typed in settings.json: keep what is valid, default the rest. */
export function normalizeSettings(raw: unknown): OcipSettings {
  const r = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
  const d = DEFAULT_SETTINGS;
  const packs: Record<string, string[]> = {};
  if (r.servicePacks && typeof r.servicePacks === 'object') {
    for (const [k, v] of Object.entries(r.servicePacks as Record<string, unknown>)) {
      if (Array.isArray(v)) packs[k] = v.filter((x): x is string => typeof x === 'string');
    }
  }
  const diag = (r.diagnostics && typeof r.diagnostics === 'object' ? r.diagnostics : {}) as Record<string, unknown>;
  return {
    dataMode: r.dataMode === 'XS' ? 'XS' : 'AS',
    adminLevel: ADMIN_LEVELS.includes(r.adminLevel as AdminLevel) && r.adminLevel !== 'User' ? (r.adminLevel as OcipSettings['adminLevel']) : d.adminLevel,
    externalAuthentication: r.externalAuthentication === true,
    servicePacks: packs,
    newUserTemplateServices: Array.isArray(r.newUserTemplateServices) ? r.newUserTemplateServices.filter((x): x is string => typeof x === 'string') : null,
    schemaDirectory: typeof r.schemaDirectory === 'string' ? r.schemaDirectory : '',
    diagnostics: {
      debounceMs: typeof diag.debounceMs === 'number' && diag.debounceMs >= 0 ? diag.debounceMs : d.diagnostics.debounceMs,
      severity: parseSeverityOverrides(diag.severity).overrides,
    },
  };
}

/** What normalizeSettings had to leave out, one sentence each (logged by the server). */
export function settingsProblems(raw: unknown): string[] {
  const r = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
  const diag = (r.diagnostics && typeof r.diagnostics === 'object' ? r.diagnostics : {}) as Record<string, unknown>;
  return parseSeverityOverrides(diag.severity).problems;
}

export function toCheckOptions(s: OcipSettings): CheckOptions {
  return {
    dataMode: s.dataMode,
    adminLevel: s.adminLevel,
    externalAuthentication: s.externalAuthentication,
    servicePacks: s.servicePacks,
    newUserTemplateServices: s.newUserTemplateServices ?? undefined,
  };
}
