/** textDocument/selectionRange: value → element → parent → command → file (core/authoring/symbols-ranges). */
import type { SelectionRange } from 'vscode-languageserver';
import { selectionChain } from '../core/authoring/symbols-ranges';
import type { Feature } from './context';
import { offsetAt, toRange } from './positions';
import { textOf } from './piece-document';

export const selectionRanges: Feature = (ctx) => {
  ctx.connection.onSelectionRanges(async (params) => {
    const found = await ctx.analysisFor(params.textDocument.uri);
    if (!found) return null;
    const { doc, analysis } = found;
    // The text's length, not its text: an open document keeps it in blocks (./piece-document).
    const length = textOf(doc)?.length ?? doc.getText().length;
    return params.positions.map((position) => {
      const chain = selectionChain(analysis.file, offsetAt(doc, position), length);
      // The chain is innermost first; SelectionRange links each range to its parent.
      let range: SelectionRange | undefined;
      for (const span of [...chain].reverse()) range = { range: toRange(doc, span), parent: range };
      return range!;
    });
  });
};
