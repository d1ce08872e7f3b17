/** textDocument/completion: core/authoring/completion entries -> LSP completion items. */
import {
  CompletionItemKind,
  CompletionItemTag,
  CompletionTriggerKind,
  InsertTextFormat,
  InsertTextMode,
  type CompletionItem,
} from 'vscode-languageserver';
import { complete, type CompletionEntry, type CompletionKind } from '../core/authoring/completion';
import type { CursorRole } from '../core/authoring/cursor';
import type { Feature } from './context';
import { offsetAt, toRange } from './positions';
import { toCheckOptions } from './settings';
import { cursorView, shifted } from './cursor-view';

export const COMPLETION_TRIGGERS = [':', ' ', '<', '"', '-'];

const KIND: Record<CompletionKind, CompletionItemKind> = {
  element: CompletionItemKind.Field,
  value: CompletionItemKind.EnumMember,
  type: CompletionItemKind.Class,
  command: CompletionItemKind.Function,
  skeleton: CompletionItemKind.Snippet,
  attribute: CompletionItemKind.Property,
};

/** Trigger characters are typed all the time; answer them only where they start something. */
function triggerMeansSomething(char: string, role: CursorRole): boolean {
  switch (char) {
    case ':':
    case ' ':
      return role === 'value' || role === 'commandName' || role === 'xsiType' || role === 'attribute';
    case '<':
      return role === 'key' || role === 'document';
    case '"':
      return role === 'commandName' || role === 'xsiType';
    case '-':
      return role === 'key' || role === 'value';
    default:
      return true;
  }
}

export const completion: Feature = (ctx) => {
  ctx.connection.onCompletion(async (params) => {
    const found = await ctx.analysisFor(params.textDocument.uri);
    if (!found) return null;
    const { doc, state, analysis } = found;
    const offset = offsetAt(doc, params.position);
    const trigger = params.context?.triggerKind === CompletionTriggerKind.TriggerCharacter ? params.context.triggerCharacter : undefined;
    // Spaces, colons and dashes are typed all the time: decide from the role alone, before any entry is built.
    const wanted = trigger ? (role: CursorRole) => triggerMeansSomething(trigger, role) : undefined;
    const view = cursorView(doc, analysis, offset);
    const result = complete(
      view.text,
      offset - view.start,
      state.format,
      view.command,
      state.model,
      toCheckOptions(state.settings),
      wanted,
    );
    if (trigger && !triggerMeansSomething(trigger, result.role)) return null;
    return { isIncomplete: result.incomplete ?? false, items: result.entries.map((e) => toItem(doc, e, view.start)) };
  });
};

function toItem(doc: Parameters<typeof toRange>[0], e: CompletionEntry, start: number): CompletionItem {
  return {
    label: e.label,
    kind: KIND[e.kind],
    detail: e.detail,
    documentation: e.documentation ? { kind: 'markdown', value: e.documentation } : undefined,
    textEdit: { range: toRange(doc, shifted(e.replace, start)), newText: e.insertText },
    insertTextFormat: e.snippet ? InsertTextFormat.Snippet : InsertTextFormat.PlainText,
    // Inserted text carries its own indentation.
    insertTextMode: InsertTextMode.asIs,
    filterText: e.filterText,
    sortText: e.sortText,
    tags: e.deprecated ? [CompletionItemTag.Deprecated] : undefined,
    command: e.retrigger ? { title: 'Suggest values', command: 'editor.action.triggerSuggest' } : undefined,
  };
}
