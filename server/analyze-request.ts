/** ocip/analyze: a summary of a document's commands and problems, for the client's send and preview commands. */
import { ANALYZE_REQUEST, type AnalyzeParams, type AnalyzeResult } from '../core/protocol/messages';
import type { Feature } from './context';
import { positionAt } from './positions';

export const analyzeRequest: Feature = (ctx) => {
  ctx.connection.onRequest(ANALYZE_REQUEST, async (params: AnalyzeParams): Promise<AnalyzeResult | null> => {
    const found = await ctx.analysisFor(params.uri);
    if (!found) return null;
    const { doc, analysis } = found;
    const errorsOf = (i: number) => analysis.diagnostics.filter((d) => d.command === i && d.severity === 'error').length;
    return {
      format: analysis.file.format,
      errors: analysis.diagnostics.filter((d) => d.severity === 'error').length,
      warnings: analysis.diagnostics.filter((d) => d.severity === 'warning').length,
      commands: analysis.file.commands.map((c) => ({
        index: c.index,
        name: c.name,
        line: positionAt(doc, c.headSpan.start).line,
        errors: errorsOf(c.index),
      })),
    };
  });
};
