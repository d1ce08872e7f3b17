/**
 * Text edits for quick fixes, on the tree's spans: removing, renaming and inserting elements (YAML at the end
 * of the mapping with its indentation, XML at the schema position with its siblings' indentation) and
 * reordering XML children.
 */
import { indexContent } from '../checks/content';
import type { ModelIndex } from '../model/model-index';
import type { ElementNode, FileFormat, Span } from '../tree/types';
import { elementText, type TextStyle } from './completion-text';
import { afterLineBreak, blankAfter, blankBefore, column, isCommand, lineEnd, lineStart, type Owner } from './fixes-tree';

export interface TextEdit {
  span: Span;
  newText: string;
}

const pad = (n: number) => ' '.repeat(Math.max(0, n));

function childrenOf(o: Owner): ElementNode[] {
  return (isCommand(o) ? o.children : o.children) ?? [];
}

/** Remove an element with its line (a YAML list item with its dash; the key too when it was the only item). */
export function removeElement(text: string, format: FileFormat, node: ElementNode, parent: Owner): TextEdit {
  if (format === 'xml') {
    const start = blankBefore(text, node.span.start) ? lineStart(text, node.span.start) : node.span.start;
    const end = blankAfter(text, node.span.end) && blankBefore(text, node.span.start) ? afterLineBreak(text, node.span.end) : node.span.end;
    return { span: { start, end }, newText: '' };
  }
  if (node.listIndex !== undefined) {
    const items = childrenOf(parent).filter((c) => c.name === node.name && c.listIndex !== undefined);
    if (items.length > 1) {
      const dash = text.lastIndexOf('-', node.span.start);
      return { span: { start: lineStart(text, dash), end: afterLineBreak(text, node.span.end) }, newText: '' };
    }
    const last = items[items.length - 1] ?? node;
    return {
      span: { start: lineStart(text, node.nameSpan.start), end: afterLineBreak(text, Math.max(node.span.end, last.span.end)) },
      newText: '',
    };
  }
  const end = Math.max(node.span.end, node.nameSpan.end);
  if (blankBefore(text, node.nameSpan.start))
    return { span: { start: lineStart(text, node.nameSpan.start), end: afterLineBreak(text, end) }, newText: '' };
  // First key of a list item (`- key: v`): keep the dash, pull the next key of the item up.
  const next = afterLineBreak(text, end);
  const nextIndent = /^ */.exec(text.slice(next))![0].length;
  const sibling = nextIndent === column(text, node.nameSpan.start) && /^[A-Za-z_]/.test(text.slice(next + nextIndent));
  return { span: { start: node.nameSpan.start, end: sibling ? next + nextIndent : lineEnd(text, end) }, newText: '' };
}

/** Rename an element (and its XML end tag). */
export function renameElement(text: string, format: FileFormat, node: ElementNode, to: string): TextEdit[] {
  const edits: TextEdit[] = [{ span: node.nameSpan, newText: to }];
  if (format === 'xml') {
    const endTag = text.lastIndexOf(`</`, node.span.end);
    const m = /^<\/((?:[\w.\-]+:)?)([\w.\-]+)/.exec(text.slice(endTag, node.span.end));
    if (endTag > node.nameSpan.end && m && m[2] === node.name) {
      const start = endTag + 2 + m[1].length;
      edits.push({ span: { start, end: start + m[2].length }, newText: to });
    }
  }
  return edits;
}

/** Column of the owner's children (existing, or one level in from the owner). */
function childColumn(text: string, format: FileFormat, owner: Owner): number {
  const kids = childrenOf(owner);
  if (kids.length) return column(text, format === 'xml' ? kids[0].span.start : kids[0].nameSpan.start);
  if (isCommand(owner)) return format === 'yaml' ? column(text, owner.headSpan.start) : column(text, owner.span.start) + 2;
  return column(text, format === 'xml' ? owner.span.start : owner.nameSpan.start) + 2;
}

/**
 * Insert child elements, each given as a function of its column. YAML: after the last child (any order is
 * valid). XML: before the first existing child that comes later in schema order.
 */
export function insertChildren(
  text: string,
  format: FileFormat,
  owner: Owner,
  ownerType: string,
  model: ModelIndex,
  items: { name: string; text: (col: number) => string }[],
): TextEdit[] {
  const kids = childrenOf(owner);
  const col = childColumn(text, format, owner);
  if (format === 'yaml') {
    const after = kids.length ? Math.max(...kids.map((k) => k.span.end)) : isCommand(owner) ? owner.headSpan.end : owner.nameSpan.end;
    const at = lineEnd(text, after);
    return [{ span: { start: at, end: at }, newText: items.map((i) => `\n${pad(col)}${i.text(col)}`).join('') }];
  }
  const content = model.complexType(ownerType)?.content;
  const orderOf = (name: string) => (content ? (indexContent(content).byName.get(name)?.[0]?.order ?? Infinity) : Infinity);
  const groups = new Map<ElementNode | undefined, string[]>();
  for (const item of [...items].sort((a, b) => orderOf(a.name) - orderOf(b.name))) {
    const before = kids.find((k) => orderOf(k.name) > orderOf(item.name) && orderOf(k.name) !== Infinity);
    const texts = groups.get(before) ?? [];
    texts.push(item.text(col));
    groups.set(before, texts);
  }
  const edits: TextEdit[] = [];
  for (const [before, texts] of groups) {
    if (before) {
      const at = blankBefore(text, before.span.start) ? lineStart(text, before.span.start) : before.span.start;
      edits.push({ span: { start: at, end: at }, newText: texts.map((t) => `${pad(col)}${t}\n`).join('') });
    } else if (kids.length) {
      const last = kids[kids.length - 1].span.end;
      edits.push({ span: { start: last, end: last }, newText: texts.map((t) => `\n${pad(col)}${t}`).join('') });
    } else {
      edits.push(intoEmpty(text, owner, col, texts));
    }
  }
  return edits;
}

/** XML: children into an element that has none (`<a></a>`, `<a>\n</a>`, `<a/>`). */
function intoEmpty(text: string, owner: Owner, col: number, texts: string[]): TextEdit {
  const whole = text.slice(owner.span.start, owner.span.end);
  const ownerCol = column(text, owner.span.start);
  const body = texts.map((t) => `\n${pad(col)}${t}`).join('') + `\n${pad(ownerCol)}`;
  if (whole.endsWith('/>')) {
    const name = /^<([\w.\-:]+)/.exec(whole)?.[1] ?? '';
    return { span: { start: owner.span.end - 2, end: owner.span.end }, newText: `>${body}</${name}>` };
  }
  const endTag = owner.span.start + whole.lastIndexOf('</');
  const startTagEnd = owner.span.start + whole.indexOf('>') + 1;
  return { span: { start: startTagEnd, end: endTag }, newText: body };
}

/** Plain (non-snippet) text of a new element, placeholders empty. */
export function newElementText(
  model: ModelIndex,
  format: FileFormat,
  ownerType: string,
  name: string,
): ((col: number) => string) | undefined {
  const decl = model.childDecl(ownerType, name);
  if (!decl) return undefined;
  return (col) => elementText(model, decl, col, { format, snippet: false, stop: { n: 1 } } satisfies TextStyle);
}

/**
 * XML: the owner's children rewritten in schema order. Each child keeps its text and the comments and
 * blank space before it; unknown children stay behind the element they followed.
 */
export function reorderChildren(text: string, owner: Owner, ownerType: string, model: ModelIndex): TextEdit | undefined {
  const kids = childrenOf(owner);
  const content = model.complexType(ownerType)?.content;
  if (kids.length < 2 || !content) return undefined;
  const idx = indexContent(content);
  const starts = kids.map((k, i) =>
    i === 0 ? (blankBefore(text, k.span.start) ? lineStart(text, k.span.start) : k.span.start) : kids[i - 1].span.end,
  );
  const chunks = kids.map((k, i) => text.slice(starts[i], k.span.end));
  let lastOrder = -1;
  const keyed = kids.map((k, i) => {
    const order = idx.byName.get(k.name)?.[0]?.order;
    if (order !== undefined) lastOrder = order;
    return { chunk: chunks[i], order: order ?? lastOrder + 0.5, i };
  });
  const sorted = [...keyed].sort((a, b) => a.order - b.order || a.i - b.i);
  if (sorted.every((s, i) => s.i === i)) return undefined;
  // The first chunk starts at its line start; the others begin with the line break that preceded them.
  const normalized = sorted.map((s) => (s.i === 0 ? `\n${s.chunk}` : s.chunk));
  let joined = normalized.join('');
  if (joined.startsWith('\n') && starts[0] === lineStart(text, kids[0].span.start)) joined = joined.slice(1);
  else if (!/^\s/.test(chunks[0])) joined = joined.replace(/^\s+/, '');
  return { span: { start: starts[0], end: kids[kids.length - 1].span.end }, newText: joined };
}
