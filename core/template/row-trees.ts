/**
 * A YAML template's rows as trees without text: the template is parsed once, and each row's commands are the
 * template's tree with the slots' values replaced (subtrees without a slot are shared by every row). Checking
 * these trees gives, for every row, the diagnostics that rendering the row's text and parsing it would give, with
 * spans in the template's own offsets: no rendered text, no parse and no position mapping per row.
 *
 * Why that is the same: a slot's value is written as a double-quoted YAML scalar (./render), so a cell can never
 * change the structure, and the parsed value is the cell's text exactly. What remains to hold is that the
 * template's tree, moved to a row's offsets, IS the parse of that row's text; `rowTreesOf` proves it on the first
 * row and on a row of awkward values (quotes, line breaks, `#`, an empty value), and answers undefined (the caller
 * then renders and parses every row) when it does not hold: syntax problems, a lone CR, a slot in an attribute, a
 * position strictly inside a slot (a block scalar's lines), or any other difference.
 */
import { parseYaml } from '../syntax/yaml';
import type { CommandNode, ElementNode, SourceFile, Span } from '../tree/types';
import { renderTemplate, type TemplateInput } from './render';

/** Builds one row's commands from its slot values (in slot order), numbered from `firstIndex`. */
export interface RowTrees {
  commands(values: readonly string[], firstIndex: number): CommandNode[];
}

type Build<T> = (values: readonly string[]) => T;

/** The template's tree with the slot values put in, or undefined when the tree has no slot (then it is shared). */
function compileElement(e: ElementNode, slotOf: Map<string, number>): Build<ElementNode> | undefined {
  const slot = e.value ? slotOf.get(spanKey(e.value.span)) : undefined;
  const children = e.children?.map((c) => compileElement(c, slotOf));
  const anyChild = children?.some((c) => c !== undefined) ?? false;
  if (slot === undefined && !anyChild) return undefined;
  return (values) => {
    const copy: ElementNode = { ...e };
    if (slot !== undefined) copy.value = { ...e.value!, text: values[slot] };
    if (anyChild) copy.children = e.children!.map((c, i) => (children![i] ? children![i]!(values) : c));
    return copy;
  };
}

function compileCommand(cmd: CommandNode, slotOf: Map<string, number>): (values: readonly string[], index: number) => CommandNode {
  const children = cmd.children.map((c) => compileElement(c, slotOf));
  if (children.every((c) => c === undefined)) return (_values, index) => ({ ...cmd, index });
  return (values, index) => ({ ...cmd, index, children: cmd.children.map((c, i) => (children[i] ? children[i]!(values) : c)) });
}

const spanKey = (s: Span): string => `${s.start}:${s.end}`;

/** Values that exercise the quoting: if these render and parse to the template's tree, so does any cell. */
const AWKWARD = ['', 'a "quoted" \\ value: #x, [y] {z} & *w !v |u >t', 'line\nbreak\r\ttab \u00e9\u2028', '~', 'null', ' 007 '];

/**
 * The row-tree builder of a parsed YAML template, proven against the text path (render one row, parse it) on
 * `provingRow` (an index into table.rows, or -1) and on rows of awkward values; undefined when it does not hold.
 */
export function rowTreesOf(input: TemplateInput, provingRow: number, valuesOf: (row: number) => string[]): RowTrees | undefined {
  const { file, slots, text } = input;
  if (input.format !== 'yaml' || file.problems.length > 0 || file.commands.length === 0) return undefined;
  if (/\r(?!\n)/.test(text) || slots.some((s) => s.attribute)) return undefined;
  const slotOf = new Map<string, number>();
  slots.forEach((s, k) => slotOf.set(spanKey(s.span), k));
  const builds = file.commands.map((c) => compileCommand(c, slotOf));
  const trees: RowTrees = { commands: (values, firstIndex) => builds.map((b, j) => b(values, firstIndex + j)) };
  // Every slot must be a value of the tree, or its placeholders would not be replaced.
  let found = 0;
  const count = (e: ElementNode): void => {
    if (e.value && slotOf.has(spanKey(e.value.span))) found++;
    e.children?.forEach(count);
  };
  file.commands.forEach((c) => c.children.forEach(count));
  if (found !== slots.length) return undefined;
  const proofs = [valuesOf(provingRow), ...AWKWARD.map((v) => slots.map(() => v))];
  return proofs.every((values) => sameAsParsed(input, trees, values)) ? trees : undefined;
}

/** Does the row of these slot values, rendered as text and parsed, give the built trees moved to its offsets? */
function sameAsParsed(input: TemplateInput, trees: RowTrees, values: readonly string[]): boolean {
  const rendered = renderTemplate(input, [-1], () => values);
  const parsed: SourceFile = parseYaml(rendered.text);
  if (parsed.problems.length > 0) return false;
  const row = rendered.rows[0];
  const { slots } = input;
  // A template offset -> the row's offset; -1 strictly inside a slot (a tree position there cannot be mapped).
  const moved = (t: number): number => {
    let shift = row.span.start - rendered.body.start;
    for (let k = 0; k < slots.length; k++) {
      const s = slots[k].span;
      if (t < s.start) break;
      if (t === s.start) return row.slotSpans[2 * k];
      if (t < s.end) return -1;
      shift = row.slotSpans[2 * k + 1] - s.end;
    }
    return t + shift;
  };
  const built = trees.commands(values, 0);
  return JSON.stringify(withSpansMoved(built, moved)) === JSON.stringify(withSpansMoved(parsed.commands, (t) => t));
}

/** A plain copy of a tree, every span passed through `move` (and properties holding undefined left out). */
function withSpansMoved(x: unknown, move: (t: number) => number): unknown {
  if (Array.isArray(x)) return x.map((v) => withSpansMoved(v, move));
  if (x === null || typeof x !== 'object') return x;
  const o = x as Record<string, unknown>;
  const keys = Object.keys(o).filter((k) => o[k] !== undefined);
  if (keys.length === 2 && typeof o.start === 'number' && typeof o.end === 'number')
    return { start: move(o.start as number), end: move(o.end as number) };
  const out: Record<string, unknown> = {};
  for (const k of keys.sort()) out[k] = withSpansMoved(o[k], move);
  return out;
}
