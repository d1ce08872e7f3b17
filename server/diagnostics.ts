/** Core diagnostics -> LSP diagnostics. The fix hint travels in `data` for the code actions. */
import { DiagnosticSeverity, DiagnosticTag, type Diagnostic as LspDiagnostic } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic } from '../core/checks/types';
import { applySeverityOverrides, ruleDocLink } from '../core/checks/severity-overrides';
import { capDiagnostics } from '../core/analysis/capped';
import { LSP_LIMITS } from '../core/limits';
import type { OcipSettings } from '../core/protocol/messages';
import { toRange } from './positions';
import type { Analysis } from '../core/analysis/analyzer';

/**
 * What a publication shows, whoever publishes (a file, complete or progressive; a template; its CSV): the severities
 * of ocip.diagnostics.severity, at most LSP_LIMITS.diagnosticsPerDocument (past it, one summary diagnostic).
 */
export function shown(diagnostics: readonly Diagnostic[], settings: Pick<OcipSettings, 'diagnostics'>): Diagnostic[] {
  return capDiagnostics(applySeverityOverrides(diagnostics, settings.diagnostics.severity), LSP_LIMITS.diagnosticsPerDocument);
}

/** `shown` for a document's analysis (all its diagnostics, or those of the part checked so far), by its fast path if it has one. */
export function shownOf(analysis: Analysis, settings: Pick<OcipSettings, 'diagnostics'>, soFar = false): Diagnostic[] {
  if (analysis.shown) return analysis.shown(LSP_LIMITS.diagnosticsPerDocument, settings.diagnostics.severity, soFar);
  return shown(soFar ? analysis.diagnosticsSoFar() : analysis.diagnostics, settings);
}

const SEVERITY = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
} as const;

export interface DiagnosticData {
  fix?: Diagnostic['fix'];
  command?: number;
  kind: Diagnostic['kind'];
}

export function toLspDiagnostic(doc: TextDocument, d: Diagnostic): LspDiagnostic {
  const data: DiagnosticData = { fix: d.fix, command: d.command, kind: d.kind };
  return {
    range: toRange(doc, d.span),
    severity: SEVERITY[d.severity],
    code: d.code,
    codeDescription: codeDescription(d.code),
    source: 'ocip',
    message: d.message,
    tags: d.tags?.map((t) => (t === 'unnecessary' ? DiagnosticTag.Unnecessary : DiagnosticTag.Deprecated)),
    relatedInformation: d.related?.map((r) => ({ location: { uri: doc.uri, range: toRange(doc, r.span) }, message: r.message })),
    data,
  };
}

const links = new Map<string, { href: string } | undefined>();

/** The link to the code's row in docs/rules.md (shown by VS Code as the clickable code). */
function codeDescription(code: string): { href: string } | undefined {
  if (!links.has(code)) {
    const href = ruleDocLink(code);
    links.set(code, href ? { href } : undefined);
  }
  return links.get(code);
}
