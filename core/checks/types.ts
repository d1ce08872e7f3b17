import type { Span } from '../tree/types';

export type Severity = 'error' | 'warning' | 'information' | 'hint';

/** What a quick fix would do; computed by the checks, turned into text edits by core/fixes. */
export type FixHint =
  | { kind: 'rename'; to: string }
  | { kind: 'remove' }
  | { kind: 'addElements'; names: string[] }
  | { kind: 'replaceValue'; candidates: string[] }
  | { kind: 'reorder' }
  | { kind: 'addXsiType'; candidates: string[] }
  | { kind: 'addService'; service: string }
  | { kind: 'setValue'; value: string };

export interface RelatedInfo {
  span: Span;
  message: string;
}

/**
 * Where a diagnostic comes from: 'syntax' (the file is not well-formed YAML/XML), 'schema' (the XSD would reject it:
 * the server answers [Error 6004]), 'rule' (a documented mode or authority rule of the command: the server fails it
 * or ignores the element), 'info' (advice, e.g. "cannot verify").
 */
export type DiagnosticKind = 'syntax' | 'schema' | 'rule' | 'info';

export interface Diagnostic {
  /** Stable code, listed in docs/rules.md (e.g. "OCI-MISSING"). */
  code: string;
  kind: DiagnosticKind;
  severity: Severity;
  message: string;
  span: Span;
  related?: RelatedInfo[];
  /** 'unnecessary' renders faded (elements ignored in XS mode). */
  tags?: ('unnecessary' | 'deprecated')[];
  fix?: FixHint;
  /** Index of the command the diagnostic belongs to, when it belongs to one. */
  command?: number;
  /** Rules with scope 'first-per-key' (core/checks/registry): what the report is about, e.g. the group "acme/hq". */
  key?: string;
  /**
   * Not a report: the command settles the key (e.g. it creates the group), so later diagnostics with this code and
   * key are dropped. Removed by `applyKeyScopes` (./scope); never shown.
   */
  claim?: true;
}

export type DataMode = 'AS' | 'XS';

/**
 * Administrator levels (BroadWorks login types), lowest first. Their order is what the authority rules compare.
 * The setting ocip.adminLevel offers System, Provisioning, Reseller, Service Provider, Group and Group Department;
 * 'User' is what a server reports for an end-user login.
 */
export const ADMIN_LEVELS = ['User', 'Group Department', 'Group', 'Service Provider', 'Reseller', 'Provisioning', 'System'] as const;
export type AdminLevel = (typeof ADMIN_LEVELS)[number];

export interface CheckOptions {
  dataMode: DataMode;
  adminLevel: AdminLevel;
  /** ocip.externalAuthentication: the server authenticates users externally, so no password is needed. */
  externalAuthentication: boolean;
  /** ocip.servicePacks: known service pack contents, pack name -> user service names. */
  servicePacks: Record<string, string[]>;
  /** ocip.newUserTemplateServices: services of the new user template; undefined = unknown. */
  newUserTemplateServices?: string[];
}

export const DEFAULT_CHECK_OPTIONS: CheckOptions = {
  dataMode: 'AS',
  adminLevel: 'System',
  externalAuthentication: false,
  servicePacks: {},
  newUserTemplateServices: undefined,
};

export function adminAtLeast(actual: AdminLevel, needed: AdminLevel): boolean {
  return ADMIN_LEVELS.indexOf(actual) >= ADMIN_LEVELS.indexOf(needed);
}
