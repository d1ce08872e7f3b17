/**
 * What one file may produce: at most `limit` diagnostics (LSP_LIMITS / CLI_LIMITS), the first by position, plus
 * one OCI-MORE-PROBLEMS summary at the first one left out that counts the rest. A million list items with a mistake
 * each published a million diagnostics (2.2 GB of JSON-RPC) and printed 400 MB from the CLI.
 */
import type { Diagnostic } from '../checks/types';

export function capDiagnostics(diagnostics: readonly Diagnostic[], limit: number): Diagnostic[] {
  if (diagnostics.length <= limit) return diagnostics as Diagnostic[];
  const sorted = [...diagnostics].sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end);
  const rest = sorted.slice(limit);
  const errors = rest.filter((d) => d.severity === 'error').length;
  const first = rest[0];
  const summary: Diagnostic = {
    code: 'OCI-MORE-PROBLEMS',
    kind: 'info',
    severity: errors ? 'error' : 'warning',
    message: `${rest.length} more problem${rest.length === 1 ? '' : 's'} (${errors} error${errors === 1 ? '' : 's'}) from here on are not listed: at most ${limit} are listed per file. Fix the ones above first.`,
    span: { start: first.span.start, end: first.span.start },
  };
  return [...sorted.slice(0, limit), summary];
}
