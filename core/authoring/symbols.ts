/**
 * The document outline of an OCI-P file: one symbol per command ("UserConsolidatedAddRequest22 jdoe@example.com"),
 * its elements nested below. Repeated elements are grouped under a list symbol and numbered from 1
 * (YAML: the items of one list value; XML: consecutive siblings with the same name).
 * Works on whatever the front end parsed, so a file with syntax errors still gets an outline for its commands.
 */
import type { CommandNode, ElementNode, SourceFile, Span } from '../tree/types';

/** Adapter-neutral kinds: the server maps them to LSP SymbolKind (Class, Property, Field, Array). */
export type OutlineKind = 'command' | 'complex' | 'leaf' | 'list';

export interface OutlineSymbol {
  name: string;
  detail?: string;
  kind: OutlineKind;
  /** The whole construct. */
  span: Span;
  /** What to reveal and highlight: the key, tag name or command name; always inside `span`. */
  selectionSpan: Span;
  children: OutlineSymbol[];
}

/** Top-level ids that name what a command is about, most specific first. */
const MAIN_IDS = ['userId', 'groupId', 'serviceProviderId', 'enterpriseId', 'deviceName', 'trunkGroupName', 'servicePackName', 'domain'];
const SECRET = /(?:password|passcode|secret)$/i;
const DETAIL_MAX = 60;

export function outline(file: SourceFile): OutlineSymbol[] {
  return file.commands.map(commandSymbol);
}

/** "<CommandName> <userId>", or the command's main id when it has no userId. */
export function commandLabel(command: CommandNode): string {
  const name = command.name ?? '(no command type)';
  const id = mainId(command);
  return id ? `${name} ${id}` : name;
}

function mainId(command: CommandNode): string | undefined {
  const leaves = command.children.filter((c) => c.value && c.listIndex === undefined && c.value.text.trim() !== '');
  for (const key of MAIN_IDS) {
    const hit = leaves.find((c) => c.name === key);
    if (hit) return hit.value!.text.trim();
  }
  return leaves.find((c) => /Id$/.test(c.name))?.value!.text.trim();
}

function commandSymbol(command: CommandNode): OutlineSymbol {
  const selection =
    command.nameSpan && within(command.nameSpan, command.span) ? command.nameSpan : clampSpan(command.headSpan, command.span);
  return {
    name: commandLabel(command),
    detail: `#${command.index + 1}`,
    kind: 'command',
    span: command.span,
    selectionSpan: selection,
    children: elementSymbols(command.children),
  };
}

/** Symbols of sibling elements, grouping repeated ones under a numbered list symbol. */
function elementSymbols(elements: ElementNode[]): OutlineSymbol[] {
  const out: OutlineSymbol[] = [];
  for (const group of repetitionGroups(elements)) {
    if (group.length === 1 && group[0].listIndex === undefined) {
      out.push(elementSymbol(group[0], group[0].name));
      continue;
    }
    const first = group[0];
    const last = group[group.length - 1];
    const span = { start: Math.min(first.nameSpan.start, first.span.start), end: Math.max(last.span.end, first.nameSpan.end) };
    out.push({
      name: first.name,
      detail: `${group.length} item${group.length === 1 ? '' : 's'}`,
      kind: 'list',
      span,
      selectionSpan: first.nameSpan,
      children: group.map((e, i) => elementSymbol(e, `${e.name}[${i + 1}]`)),
    });
  }
  return out;
}

/** YAML: the items of one list (same key span); XML: runs of same-named siblings. */
function repetitionGroups(elements: ElementNode[]): ElementNode[][] {
  const groups: ElementNode[][] = [];
  for (const e of elements) {
    const previous = groups[groups.length - 1]?.[0];
    const sameList =
      previous !== undefined &&
      previous.name === e.name &&
      (e.listIndex !== undefined
        ? previous.listIndex !== undefined && previous.nameSpan.start === e.nameSpan.start
        : previous.listIndex === undefined);
    if (sameList) groups[groups.length - 1].push(e);
    else groups.push([e]);
  }
  return groups;
}

function elementSymbol(element: ElementNode, name: string): OutlineSymbol {
  // A YAML list item's span is the item only; its key lies before it, so select the item itself.
  const selectionSpan = element.listIndex !== undefined ? itemSelection(element) : element.nameSpan;
  return {
    name,
    detail: detailOf(element),
    kind: element.children ? 'complex' : 'leaf',
    span: element.span,
    selectionSpan,
    children: element.children ? elementSymbols(element.children) : [],
  };
}

function itemSelection(element: ElementNode): Span {
  const firstChild = element.children?.[0];
  if (firstChild && within(firstChild.nameSpan, element.span)) return firstChild.nameSpan;
  return element.span;
}

function detailOf(element: ElementNode): string | undefined {
  if (element.nil) return 'nil';
  if (element.xsiType) return element.xsiType.text;
  if (element.children) {
    // A list item reads better with its first value ("Call Forwarding Always").
    const firstLeaf = element.children.find((c) => c.value && !SECRET.test(c.name));
    return firstLeaf && element.listIndex !== undefined ? shorten(firstLeaf.value!.text) : undefined;
  }
  if (!element.value) return undefined;
  if (SECRET.test(element.name)) return element.value.text === '' ? '' : '********';
  return shorten(element.value.text);
}

function shorten(text: string): string {
  const oneLine = text.replace(/\s+/g, ' ').trim();
  return oneLine.length > DETAIL_MAX ? `${oneLine.slice(0, DETAIL_MAX - 1)}…` : oneLine;
}

export function within(inner: Span, outer: Span): boolean {
  return inner.start >= outer.start && inner.end <= outer.end;
}

function clampSpan(span: Span, outer: Span): Span {
  const start = Math.min(Math.max(span.start, outer.start), outer.end);
  return { start, end: Math.min(Math.max(span.end, start), outer.end) };
}
