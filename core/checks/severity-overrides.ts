/**
 * Per-rule severity overrides (setting `ocip.diagnostics.severity`, CLI `--severity CODE=LEVEL`) and the link
 * from a diagnostic code to its row in docs/rules.md. Applied after the checks, on their output, so the
 * analyses (and their caches) never depend on them: the editor and the CLI post-process alike.
 */
import { RULES_BY_CODE } from './registry';
import type { Diagnostic, Severity } from './types';

export type SeverityOverride = Severity | 'off';
export type SeverityOverrides = Readonly<Record<string, SeverityOverride>>;

const LEVELS: readonly SeverityOverride[] = ['off', 'hint', 'information', 'warning', 'error'];

/** Where docs/rules.md is published; each code has an anchor there (its lower-case code, see ./rules-doc). */
export const RULES_DOC_URL = 'https://github.com/ocip-tools/ocip-vscode/blob/main/docs/rules.md';

export function ruleAnchor(code: string): string {
  return code.toLowerCase();
}

/** The documentation link of a code, or undefined for a code docs/rules.md does not list. */
export function ruleDocLink(code: string): string | undefined {
  return RULES_BY_CODE.has(code) ? `${RULES_DOC_URL}#${ruleAnchor(code)}` : undefined;
}

/**
 * Reads overrides from whatever a user wrote (settings.json or CLI flags): codes are matched case-insensitively
 * against the registry, levels case-insensitively ('info' is accepted for 'information'). Anything else is kept
 * out and described in `problems` (one sentence each, naming the entry), never silently widened.
 */
export function parseSeverityOverrides(raw: unknown): { overrides: SeverityOverrides; problems: string[] } {
  const overrides: Record<string, SeverityOverride> = {};
  const problems: string[] = [];
  if (raw === undefined || raw === null) return { overrides, problems };
  if (typeof raw !== 'object' || Array.isArray(raw)) {
    problems.push('ocip.diagnostics.severity must be an object of rule code → off, hint, information, warning or error; ignored.');
    return { overrides, problems };
  }
  for (const [key, value] of Object.entries(raw as Record<string, unknown>)) {
    const code = key.trim().toUpperCase();
    if (!RULES_BY_CODE.has(code)) {
      problems.push(`ocip.diagnostics.severity: unknown rule code '${key}' (see docs/rules.md); ignored.`);
      continue;
    }
    const level = typeof value === 'string' ? normalizeLevel(value) : undefined;
    if (!level) {
      problems.push(
        `ocip.diagnostics.severity: '${key}' must be off, hint, information, warning or error (got ${JSON.stringify(value)}); the rule keeps its default severity.`,
      );
      continue;
    }
    overrides[code] = level;
  }
  return { overrides, problems };
}

function normalizeLevel(value: string): SeverityOverride | undefined {
  const v = value.trim().toLowerCase();
  if (v === 'info') return 'information';
  return LEVELS.find((l) => l === v);
}

/** The diagnostics with overridden severities; 'off' drops them. The input is not modified. */
export function applySeverityOverrides<D extends Pick<Diagnostic, 'code' | 'severity'>>(
  diagnostics: readonly D[],
  overrides: SeverityOverrides,
): D[] {
  if (Object.keys(overrides).length === 0) return diagnostics as D[];
  const out: D[] = [];
  for (const d of diagnostics) {
    const level = overrides[d.code];
    if (level === undefined) out.push(d);
    else if (level !== 'off') out.push(level === d.severity ? d : { ...d, severity: level });
  }
  return out;
}
