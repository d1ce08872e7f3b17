/** textDocument/formatting: one edit replacing the whole text with core's formatted version (none when unchanged or broken). */
import type { TextEdit } from 'vscode-languageserver';
import { formatDocument } from '../core/authoring/format';
import type { Feature } from './context';
import { positionAt } from './positions';

export const documentFormatting: Feature = (ctx) => {
  ctx.connection.onDocumentFormatting(async (params): Promise<TextEdit[]> => {
    const state = await ctx.stateFor(params.textDocument.uri);
    const doc = ctx.documents.get(params.textDocument.uri);
    if (!state || !doc) return [];
    const text = doc.getText();
    const formatted = formatDocument(text, state.format, state.model);
    if (formatted === undefined || formatted === text) return [];
    return [{ range: { start: { line: 0, character: 0 }, end: positionAt(doc, text.length) }, newText: formatted }];
  });
};
