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
  return [...sorted.slice(0, limit), moreProblems(rest.length, errors, rest[0].span.start, limit)];
}

/** The summary standing for the `count` diagnostics left out (`errors` of them errors), at the first one's start. */
export function moreProblems(count: number, errors: number, at: number, limit: number): Diagnostic {
  return {
    code: 'OCI-MORE-PROBLEMS',
    kind: 'info',
    severity: errors ? 'error' : 'warning',
    message: `${count} more problem${count === 1 ? '' : 's'} (${errors} error${errors === 1 ? '' : 's'}) from here on are not listed: at most ${limit} are listed per file. Fix the ones above first.`,
    span: { start: at, end: at },
  };
}
