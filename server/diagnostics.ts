/** Core diagnostics -> LSP diagnostics. The fix hint travels in `data` for the code actions. */
import { DiagnosticSeverity, DiagnosticTag, type Diagnostic as LspDiagnostic } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic } from '../core/checks/types';
import { toRange } from './positions';

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
    source: 'ocip',
    message: d.message,
    tags: d.tags?.map((t) => (t === 'unnecessary' ? DiagnosticTag.Unnecessary : DiagnosticTag.Deprecated)),
    relatedInformation: d.related?.map((r) => ({ location: { uri: doc.uri, range: toRange(doc, r.span) }, message: r.message })),
    data,
  };
}
