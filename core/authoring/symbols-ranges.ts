/**
 * Folding ranges and selection ranges over the parsed tree.
 * Folding: every command, the XML envelope, and every element or YAML list spanning lines.
 * Selection ("expand selection"): value → element (→ list) → parent element → … → command → file.
 */
import { LineIndex } from '../text/line-index';
import type { ElementNode, SourceFile, Span } from '../tree/types';
import { within } from './symbols';

/** What folding needs of a text: the line of an offset. */
export interface LinesOf {
  positionAt(offset: number): { line: number };
}

export interface FoldingLines {
  startLine: number;
  endLine: number;
}

/** Line ranges to fold, sorted and de-duplicated. XML keeps the end tag's line visible; YAML folds to the last line. */
export function foldingLines(file: SourceFile, text: string | LinesOf): FoldingLines[] {
  // An open document answers positions from its own index; a plain text is indexed here.
  const lines = typeof text === 'string' ? new LineIndex(text) : text;
  const spans: Span[] = [];
  if (file.envelope) spans.push(file.envelope.span);
  for (const command of file.commands) {
    spans.push(command.span);
    collectFoldable(command.children, spans);
  }
  const seen = new Set<string>();
  const out: FoldingLines[] = [];
  for (const span of spans) {
    const startLine = lines.positionAt(span.start).line;
    // The end offset is exclusive; the last character of the construct is at end - 1.
    let endLine = lines.positionAt(Math.max(span.start, span.end - 1)).line;
    if (file.format === 'xml') endLine--;
    if (endLine <= startLine) continue;
    const key = `${startLine}:${endLine}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ startLine, endLine });
  }
  return out.sort((a, b) => a.startLine - b.startLine || b.endLine - a.endLine);
}

function collectFoldable(elements: ElementNode[], out: Span[]): void {
  let listStart: number | undefined;
  for (let i = 0; i < elements.length; i++) {
    const e = elements[i];
    if (e.listIndex !== undefined) {
      // A YAML list: from its key to its last item.
      listStart ??= e.nameSpan.start;
      const next = elements[i + 1];
      if (!next || next.listIndex === undefined || next.nameSpan.start !== e.nameSpan.start) {
        out.push({ start: listStart, end: e.span.end });
        listStart = undefined;
      }
    }
    if (e.children) {
      out.push(e.span);
      collectFoldable(e.children, out);
    }
  }
}

/**
 * The nested spans around `offset`, innermost first, each strictly containing the previous one; ends with the file.
 * Outside every command it is just the file.
 */
export function selectionChain(file: SourceFile, offset: number, textLength: number): Span[] {
  const chain: Span[] = [{ start: 0, end: textLength }];
  const push = (span: Span) => {
    const outer = chain[chain.length - 1];
    if (within(span, outer) && (span.start !== outer.start || span.end !== outer.end)) chain.push(span);
  };
  if (file.envelope && contains(file.envelope.span, offset)) push(file.envelope.span);
  const command = file.commands.find((c) => contains(c.span, offset));
  if (command) {
    push(command.span);
    if (command.nameSpan && contains(command.nameSpan, offset)) push(command.nameSpan);
    else descend(command.children, offset, push);
  }
  return chain.reverse();
}

function descend(elements: ElementNode[], offset: number, push: (span: Span) => void): void {
  // YAML list items share their key: the list (key through last item) encloses the item.
  const hit = elements.find((e) => contains(e.span, offset)) ?? elements.find((e) => contains(e.nameSpan, offset));
  if (!hit) return;
  if (hit.listIndex !== undefined) {
    const items = elements.filter((e) => e.listIndex !== undefined && e.nameSpan.start === hit.nameSpan.start);
    push({ start: hit.nameSpan.start, end: items[items.length - 1].span.end });
    if (!contains(hit.span, offset)) {
      push(hit.nameSpan);
      return;
    }
  }
  push(hit.span);
  if (hit.children && hit.children.some((c) => contains(c.span, offset) || contains(c.nameSpan, offset))) {
    descend(hit.children, offset, push);
    return;
  }
  if (hit.xsiType && contains(hit.xsiType.span, offset)) push(hit.xsiType.span);
  else if (hit.value && contains(hit.value.span, offset)) push(hit.value.span);
  else if (contains(hit.nameSpan, offset)) push(hit.nameSpan);
}

/** Offset inside the span, its end included (a cursor right after a value still belongs to it). */
function contains(span: Span, offset: number): boolean {
  return offset >= span.start && offset <= span.end;
}
