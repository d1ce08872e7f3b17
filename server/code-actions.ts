/**
 * textDocument/codeAction: quick fixes for the diagnostics in the request (their fix hint travels in
 * `data`, see diagnostics.ts) and "Fix all OCI-P problems in the file" (kind source.fixAll.ocip).
 */
import { CodeActionKind, type CodeAction, type Diagnostic as LspDiagnostic, type TextEdit as LspTextEdit } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { fixAll, fixesFor, type FixInput, type TextEdit } from '../core/authoring/fixes';
import type { Diagnostic } from '../core/checks/types';
import { applySeverityOverrides, type SeverityOverrides } from '../core/checks/severity-overrides';
import type { Feature } from './context';
import type { DiagnosticData } from './diagnostics';
import { toRange, toSpan } from './positions';

export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.ocip`;
export const CODE_ACTION_KINDS = [CodeActionKind.QuickFix, FIX_ALL_KIND];

function wants(only: string[] | undefined, kind: string): boolean {
  return !only || only.some((o) => kind === o || kind.startsWith(`${o}.`));
}

function toCore(doc: TextDocument, d: LspDiagnostic): Diagnostic | undefined {
  const data = d.data as DiagnosticData | undefined;
  if (d.source !== 'ocip' || !data?.fix) return undefined;
  const severity = d.severity === 1 ? 'error' : d.severity === 2 ? 'warning' : d.severity === 3 ? 'information' : 'hint';
  return {
    code: String(d.code),
    kind: data.kind,
    severity,
    message: d.message,
    span: toSpan(doc, d.range),
    fix: data.fix,
    command: data.command,
  };
}

function toLspEdits(doc: TextDocument, edits: TextEdit[]): LspTextEdit[] {
  return edits.map((e) => ({ range: toRange(doc, e.span), newText: e.newText }));
}

interface FixAllData {
  uri: string;
  version: number;
}

export const codeActions: Feature = (ctx) => {
  ctx.connection.onCodeAction(async (params) => {
    const found = await ctx.analysisFor(params.textDocument.uri);
    if (!found) return null;
    const { doc, state, analysis } = found;
    // The whole text and tree only when a fix needs them: VS Code asks on every cursor move.
    let input: FixInput | undefined;
    const fixInput = (): FixInput => (input ??= { text: doc.getText(), format: state.format, file: analysis.file, model: state.model });
    const uri = doc.uri;
    const out: CodeAction[] = [];
    const only = params.context.only;
    if (wants(only, CodeActionKind.QuickFix)) {
      for (const lsp of params.context.diagnostics) {
        const d = toCore(doc, lsp);
        if (!d) continue;
        for (const fix of fixesFor(fixInput(), d)) {
          out.push({
            title: fix.title,
            kind: CodeActionKind.QuickFix,
            diagnostics: [lsp],
            isPreferred: fix.preferred,
            edit: { changes: { [uri]: toLspEdits(doc, fix.edits) } },
          });
        }
      }
    }
    if (wants(only, FIX_ALL_KIND)) {
      if (!only && ctx.client.codeActionResolve) {
        // Asked for everything (the light bulb): offered when the published diagnostics have a fix; its edits are
        // worked out only if the user picks it (codeAction/resolve), not on every cursor move of a huge file.
        const fixable = state.fixable;
        if (fixable?.any && fixable.version === doc.version) {
          const data: FixAllData = { uri, version: doc.version };
          out.push({ title: FIX_ALL_TITLE, kind: FIX_ALL_KIND, data });
        }
      } else {
        const edits = fixAllEdits(fixInput(), analysis.diagnostics, state.settings.diagnostics.severity);
        if (edits.length) out.push({ title: FIX_ALL_TITLE, kind: FIX_ALL_KIND, edit: { changes: { [uri]: toLspEdits(doc, edits) } } });
      }
    }
    return out;
  });

  ctx.connection.onCodeActionResolve(async (action) => {
    const data = action.data as FixAllData | undefined;
    if (action.kind !== FIX_ALL_KIND || typeof data?.uri !== 'string') return action;
    const found = await ctx.analysisFor(data.uri);
    // Edited since it was offered: nothing (VS Code asks again).
    if (!found || found.doc.version !== data.version) return action;
    const { doc, state, analysis } = found;
    const input: FixInput = { text: doc.getText(), format: state.format, file: analysis.file, model: state.model };
    const edits = fixAllEdits(input, analysis.diagnostics, state.settings.diagnostics.severity);
    return { ...action, edit: { changes: { [doc.uri]: toLspEdits(doc, edits) } } };
  });
};

const FIX_ALL_TITLE = 'Fix all OCI-P problems in the file';

/** A rule turned off (ocip.diagnostics.severity) is not fixed behind the user's back either. */
function fixAllEdits(input: FixInput, diagnostics: Diagnostic[], severity: SeverityOverrides): TextEdit[] {
  return fixAll(input, applySeverityOverrides(diagnostics, severity));
}
