/** textDocument/documentSymbol: the outline from core/authoring/symbols, as hierarchical DocumentSymbols. */
import { SymbolKind, type DocumentSymbol } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { outline, type OutlineKind, type OutlineSymbol } from '../core/authoring/symbols';
import type { Feature } from './context';
import { toRange } from './positions';
import { checkCancelled } from './cancel';

const KINDS: Record<OutlineKind, SymbolKind> = {
  command: SymbolKind.Class,
  complex: SymbolKind.Property,
  leaf: SymbolKind.Field,
  list: SymbolKind.Array,
};

function toDocumentSymbol(doc: TextDocument, s: OutlineSymbol): DocumentSymbol {
  return {
    name: s.name,
    detail: s.detail,
    kind: KINDS[s.kind],
    range: toRange(doc, s.span),
    selectionRange: toRange(doc, s.selectionSpan),
    children: s.children.map((c) => toDocumentSymbol(doc, c)),
  };
}

export const documentSymbols: Feature = (ctx) => {
  ctx.connection.onDocumentSymbol(async (params, token) => {
    const found = await ctx.analysisFor(params.textDocument.uri);
    if (!found) return null;
    await checkCancelled(token);
    void found.analysis.file; // the (lazy) parse, on its own before the outline: a cancel can come in between
    await checkCancelled(token);
    return outline(found.analysis.file).map((s) => toDocumentSymbol(found.doc, s));
  });
};
