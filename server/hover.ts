/** textDocument/hover: core/authoring/hover markdown at the cursor. */
import { MarkupKind } from 'vscode-languageserver';
import { hover as describeAt } from '../core/authoring/hover';
import type { Feature } from './context';
import { offsetAt, toRange } from './positions';
import { hoverCsv, isCsvUri } from './templates';
import { cursorView, shifted } from './cursor-view';

export const hover: Feature = (ctx) => {
  ctx.connection.onHover(async (params) => {
    if (isCsvUri(params.textDocument.uri)) return hoverCsv(ctx, params.textDocument.uri, params.position);
    const found = await ctx.analysisFor(params.textDocument.uri);
    if (!found) return null;
    const { doc, state, analysis } = found;
    const offset = offsetAt(doc, params.position);
    // Only the command at the cursor: never the whole tree, so a hover during a long first validation answers at once.
    const view = cursorView(doc, analysis, offset);
    const result = describeAt(view.text, offset - view.start, state.format, view.command, state.model);
    if (!result) return null;
    return { contents: { kind: MarkupKind.Markdown, value: result.markdown }, range: toRange(doc, shifted(result.span, view.start)) };
  });
};
