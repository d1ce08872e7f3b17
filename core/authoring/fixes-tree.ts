/** Finding the tree nodes a diagnostic is about, and their types, for quick fixes. */
import { stripTypePrefix } from './cursor-raw';
import { resolveType } from './cursor';
import type { ModelIndex } from '../model/model-index';
import type { CommandNode, ElementNode, SourceFile, Span } from '../tree/types';

export type Owner = CommandNode | ElementNode;

export interface Found {
  node: ElementNode;
  /** The command or element whose child it is. */
  parent: Owner;
  command: CommandNode;
  /** Resolved type of the node (xsi:type applied) and of its parent. */
  type?: string;
  parentType?: string;
}

export function isCommand(o: Owner): o is CommandNode {
  return 'headSpan' in o;
}

export function sameSpan(a: Span | undefined, b: Span): boolean {
  return !!a && a.start === b.start && a.end === b.end;
}

/** Every element of the file, depth first, with its parent and resolved types. */
export function* walkElements(file: SourceFile, model: ModelIndex): Generator<Found> {
  for (const command of file.commands) {
    const walk = function* (parent: Owner, parentType: string | undefined): Generator<Found> {
      for (const node of (isCommand(parent) ? parent.children : parent.children) ?? []) {
        const decl = parentType ? model.childDecl(parentType, node.name) : undefined;
        const type = decl ? resolveType(model, decl.type, stripTypePrefix(node.xsiType?.text)) : undefined;
        yield { node, parent, command, type, parentType };
        if (node.children?.length) yield* walk(node, type);
      }
    };
    yield* walk(command, command.name ?? undefined);
  }
}

/** The element whose name, whole span, value, xsi:type or nil is exactly that span. */
export function findBySpan(file: SourceFile, model: ModelIndex, span: Span): Found | undefined {
  for (const f of walkElements(file, model)) {
    const n = f.node;
    if (
      sameSpan(n.nameSpan, span) ||
      sameSpan(n.span, span) ||
      sameSpan(n.value?.span, span) ||
      sameSpan(n.xsiType?.span, span) ||
      sameSpan(n.nil, span)
    )
      return f;
  }
  return undefined;
}

export function lineStart(text: string, at: number): number {
  return text.lastIndexOf('\n', at - 1) + 1;
}

/** Index of the line break ending the line of `at` (or the text length). */
export function lineEnd(text: string, at: number): number {
  const nl = text.indexOf('\n', at);
  if (nl < 0) return text.length;
  return text[nl - 1] === '\r' ? nl - 1 : nl;
}

export function afterLineBreak(text: string, at: number): number {
  const end = lineEnd(text, at);
  if (text[end] === '\r') return Math.min(text.length, end + 2);
  return end < text.length ? end + 1 : end;
}

export function column(text: string, at: number): number {
  return at - lineStart(text, at);
}

export function blankBefore(text: string, at: number): boolean {
  return text.slice(lineStart(text, at), at).trim() === '';
}

export function blankAfter(text: string, at: number): boolean {
  return text.slice(at, lineEnd(text, at)).trim() === '';
}
