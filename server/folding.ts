/** textDocument/foldingRange: commands, the envelope and multi-line elements (core/authoring/symbols-ranges). */
import { FoldingRangeKind } from 'vscode-languageserver';
import { foldingLines } from '../core/authoring/symbols-ranges';
import type { Feature } from './context';

export const foldingRanges: Feature = (ctx) => {
  ctx.connection.onFoldingRanges(async (params) => {
    const found = await ctx.analysisFor(params.textDocument.uri);
    if (!found) return null;
    return foldingLines(found.analysis.file, found.doc).map((f) => ({ ...f, kind: FoldingRangeKind.Region }));
  });
};
