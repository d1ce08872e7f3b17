/**
 * A fast path for the plain YAML that OCI-P command files use: block mappings, block sequences of scalars or
 * mappings, one-line flow sequences/mappings of scalars, plain and quoted one-line scalars, comments and a
 * leading `---`. It produces exactly the fragment `parseYamlChunk` (the `yaml` package path) produces, or
 * undefined ("bail out") for anything else: anchors, tags, block scalars, multi-line scalars or flow
 * collections, quoted or complex keys, odd indentation, duplicate keys, and anything that would be a problem.
 * test/perf-equivalence proves the equality with property tests. It is ~20x faster than the `yaml` package.
 */
import type { CommandNode, ElementNode, ScalarValue, Span } from '../tree/types';
import type { SourceFragment } from './chunks';
import { NULL_WORDS, readKey, readScalar, type ReadScalar } from './yaml-fast-scalar';
import { firstLine } from './yaml-tree';
import { intern } from '../text/intern';

const SPACE = 0x20;
const HASH = 0x23;
const DASH = 0x2d;
const XSI_TYPE_KEY = 'xsi:type';
const COMMAND_KEY = 'command';
const MAX_DEPTH = 40;

/** Thrown inside the fast path to give up; caught at the top, never escapes. */
class Bail {}
const BAIL = new Bail();

interface Line {
  start: number;
  /** End of the content, before '\r\n' or '\n'. */
  end: number;
  /** Offset of the first non-space character. */
  first: number;
}

/** The parsed value of a key or list item, before it becomes elements. */
type Value =
  | { kind: 'scalar'; scalar: ReadScalar }
  | { kind: 'null'; at: number }
  | { kind: 'map'; pairs: Pair[]; span: Span }
  | { kind: 'seq'; items: Value[]; span: Span; flow: boolean };

interface Pair {
  key: string;
  keySpan: Span;
  value: Value;
}

/** A key given twice (the `yaml` package path reports it). Small mappings, the usual ones, are compared without a Set. */
function hasDuplicateKey(pairs: Pair[]): boolean {
  const n = pairs.length;
  if (n > 16) {
    const seen = new Set<string>();
    for (let i = 0; i < n; i++) {
      const key = pairs[i].key;
      if (seen.has(key)) return true;
      seen.add(key);
    }
    return false;
  }
  for (let i = 1; i < n; i++) {
    const key = pairs[i].key;
    for (let j = 0; j < i; j++) if (pairs[j].key === key) return true;
  }
  return false;
}

export function parseYamlChunkFast(text: string): SourceFragment | undefined {
  try {
    return new FastParser(text).fragment();
  } catch (error) {
    if (error === BAIL) return undefined;
    throw error;
  }
}

function bail(): never {
  throw BAIL;
}

class FastParser {
  private readonly lines: Line[] = [];
  /** Index of the next content line not yet consumed. */
  private next = 0;

  constructor(private readonly text: string) {
    this.split();
  }

  /** Content lines only: blank and comment lines are dropped, a leading `---` line is checked and dropped. */
  private split(): void {
    const { text } = this;
    let start = 0;
    let firstLine = true;
    while (start < text.length) {
      const newline = text.indexOf('\n', start);
      const next = newline < 0 ? text.length : newline + 1;
      let end = newline < 0 ? text.length : newline;
      if (newline >= 0 && end > start && text.charCodeAt(end - 1) === 0x0d) end--;
      let first = start;
      while (first < end && text.charCodeAt(first) === SPACE) first++;
      if (firstLine && text.startsWith('---', start)) this.checkMarkerLine(start + 3, end);
      else if (first < end && text.charCodeAt(first) !== HASH) this.lines.push({ start, end, first });
      else this.checkRestOfLine(first, end);
      firstLine = false;
      start = next;
    }
  }

  private checkMarkerLine(at: number, end: number): void {
    let i = at;
    while (i < end && this.text.charCodeAt(i) === SPACE) i++;
    if (i < end && (i === at || this.text.charCodeAt(i) !== HASH)) bail();
    this.checkRestOfLine(i, end);
  }

  /** From `at` to `end` only a comment (or nothing) may follow; no stray CR or tabs, no document end marker. */
  private checkRestOfLine(at: number, end: number): void {
    for (let i = at; i < end; i++) {
      const c = this.text.charCodeAt(i);
      if (c === 0x0d || c === 0x09 || c === 0xfeff) bail();
    }
  }

  fragment(): SourceFragment {
    if (this.lines.length === 0) return { commands: [], problems: [] };
    const top = this.lines[0];
    if (top.first !== top.start) bail();
    const map = this.blockMapping(0, top.start, 0);
    if (this.next < this.lines.length) bail();
    return { commands: [this.command(map)], problems: [] };
  }

  /** Skips spaces; then only a comment or the line end may follow. */
  private endOfLine(at: number, line: Line): void {
    let i = at;
    while (i < line.end && this.text.charCodeAt(i) === SPACE) i++;
    if (i === line.end) return;
    if (this.text.charCodeAt(i) !== HASH || i === at) bail();
    this.checkRestOfLine(i, line.end);
  }

  private peek(): Line | undefined {
    return this.lines[this.next];
  }

  private indentOf(line: Line): number {
    return line.first - line.start;
  }

  /**
   * A block mapping whose keys sit at column `column`; the first key starts at `firstKey` on the current line
   * (which may be after `- `). Ends before the first line indented less; a line indented more is an error.
   */
  private blockMapping(column: number, firstKey: number, depth: number): Value {
    if (depth > MAX_DEPTH) bail();
    const pairs: Pair[] = [];
    let keyAt = firstKey;
    for (;;) {
      const line = this.lines[this.next++];
      pairs.push(this.pair(line, keyAt, column, depth));
      const after = this.peek();
      if (!after) break;
      const indent = this.indentOf(after);
      if (indent < column) break;
      if (indent > column) bail();
      keyAt = after.first;
    }
    const start = pairs[0].keySpan.start;
    return { kind: 'map', pairs, span: { start, end: this.endOfValue(pairs[pairs.length - 1]) } };
  }

  private endOfValue(pair: Pair): number {
    const value = pair.value;
    return Math.max(pair.keySpan.end, valueEnd(value));
  }

  /** One `key: value` entry; the value may continue on the following lines. */
  private pair(line: Line, keyAt: number, column: number, depth: number): Pair {
    const text = this.text;
    const keyEnd = readKey(text, keyAt, line.end);
    if (keyEnd === undefined) bail();
    const key = intern(text.slice(keyAt, keyEnd));
    const keySpan = { start: keyAt, end: keyEnd };
    let at = keyEnd + 1;
    while (at < line.end && text.charCodeAt(at) === SPACE) at++;
    if (at === line.end || text.charCodeAt(at) === HASH) {
      if (at < line.end && at === keyEnd + 1) bail();
      this.checkRestOfLine(at, line.end);
      return { key, keySpan, value: this.nestedBlock(column, true, at, depth) };
    }
    return { key, keySpan, value: this.inlineValue(line, at, column, depth) };
  }

  /** What follows `key:` or `-` with nothing else on its line: a nested block on the next lines, or null. */
  private nestedBlock(column: number, sameColumnList: boolean, nullAt: number, depth: number): Value {
    const after = this.peek();
    if (!after) return { kind: 'null', at: nullAt };
    const indent = this.indentOf(after);
    const isItem = this.isListItem(after);
    if (indent > column) return isItem ? this.blockSequence(indent, depth + 1) : this.blockMapping(indent, after.first, depth + 1);
    if (indent === column && isItem && sameColumnList) return this.blockSequence(indent, depth + 1);
    return { kind: 'null', at: nullAt };
  }

  private isListItem(line: Line): boolean {
    if (this.text.charCodeAt(line.first) !== DASH) return false;
    return line.first + 1 === line.end || this.text.charCodeAt(line.first + 1) === SPACE;
  }

  /** A value written on the same line as its key (scalar or one-line flow collection). */
  private inlineValue(line: Line, at: number, column: number, depth: number): Value {
    const c = this.text.charCodeAt(at);
    let value: Value;
    let end: number;
    if (c === 0x5b || c === 0x7b) {
      const flow = c === 0x5b ? this.flowSequence(at, line.end) : this.flowMapping(at, line.end);
      value = flow;
      end = flow.span.end;
    } else {
      const scalar = readScalar(this.text, at, line.end, false);
      if (!scalar) bail();
      value = { kind: 'scalar', scalar };
      end = scalar.end;
    }
    this.endOfLine(end, line);
    this.noContinuation(column);
    void depth;
    return value;
  }

  /** After a one-line value owned by something at `column`, a more indented line would continue it: bail. */
  private noContinuation(column: number): void {
    const after = this.peek();
    if (after && this.indentOf(after) > column) bail();
  }

  /** `- item` lines at `column`. */
  private blockSequence(column: number, depth: number): Value {
    if (depth > MAX_DEPTH) bail();
    const items: Value[] = [];
    const start = this.peek()!.first;
    for (;;) {
      const line = this.lines[this.next++];
      items.push(this.item(line, column, depth));
      const after = this.peek();
      if (!after) break;
      const indent = this.indentOf(after);
      if (indent < column) break;
      if (indent > column) bail();
      if (!this.isListItem(after)) break; // a key of the parent mapping at the same column
    }
    return { kind: 'seq', items, flow: false, span: { start, end: valueEnd(items[items.length - 1]) } };
  }

  private item(line: Line, column: number, depth: number): Value {
    const text = this.text;
    let at = line.first + 1;
    while (at < line.end && text.charCodeAt(at) === SPACE) at++;
    if (at === line.end || text.charCodeAt(at) === HASH) {
      if (at < line.end && at === line.first + 1) bail();
      this.checkRestOfLine(at, line.end);
      const value = this.nestedBlock(column, false, at, depth);
      if (value.kind !== 'null') bail(); // `-` alone with the item below it: rare, let yaml handle it
      return value;
    }
    const c = text.charCodeAt(at);
    if (c === DASH || c === 0x5b) bail(); // a list in a list: reported by the slow path
    if (c !== 0x7b && c !== 0x27 && c !== 0x22 && readKey(text, at, line.end) !== undefined) {
      this.next--; // the mapping reads this line again, from the key on
      return this.blockMapping(at - line.start, at, depth + 1);
    }
    return this.inlineValue(line, at, column, depth);
  }

  private flowSequence(open: number, lineEnd: number): Value & { kind: 'seq' } {
    const text = this.text;
    const items: Value[] = [];
    let at = skipSpaces(text, open + 1, lineEnd);
    if (text.charCodeAt(at) === 0x5d) return { kind: 'seq', items, flow: true, span: { start: open, end: at + 1 } };
    for (;;) {
      const c = text.charCodeAt(at);
      if (c === 0x5b || c === 0x7b) bail();
      const scalar = readScalar(text, at, lineEnd, true);
      if (!scalar) bail();
      items.push({ kind: 'scalar', scalar });
      at = skipSpaces(text, scalar.end, lineEnd);
      const sep = text.charCodeAt(at);
      if (sep === 0x5d) return { kind: 'seq', items, flow: true, span: { start: open, end: at + 1 } };
      if (sep !== 0x2c) bail();
      at = skipSpaces(text, at + 1, lineEnd);
      if (at >= lineEnd || text.charCodeAt(at) === 0x5d) bail();
    }
  }

  private flowMapping(open: number, lineEnd: number): Value & { kind: 'map' } {
    const text = this.text;
    const pairs: Pair[] = [];
    let at = skipSpaces(text, open + 1, lineEnd);
    if (text.charCodeAt(at) === 0x7d) return { kind: 'map', pairs, span: { start: open, end: at + 1 } };
    for (;;) {
      const keyEnd = readKey(text, at, lineEnd);
      if (keyEnd === undefined) bail();
      const keySpan = { start: at, end: keyEnd };
      at = skipSpaces(text, keyEnd + 1, lineEnd);
      const c = text.charCodeAt(at);
      let value: Value;
      if (c === 0x2c || c === 0x7d) value = { kind: 'null', at };
      else {
        if (c === 0x5b || c === 0x7b) bail();
        const scalar = readScalar(text, at, lineEnd, true);
        if (!scalar) bail();
        value = { kind: 'scalar', scalar };
        at = skipSpaces(text, scalar.end, lineEnd);
      }
      pairs.push({ key: intern(text.slice(keySpan.start, keySpan.end)), keySpan, value });
      const sep = text.charCodeAt(at);
      if (sep === 0x7d) return { kind: 'map', pairs, span: { start: open, end: at + 1 } };
      if (sep !== 0x2c) bail();
      at = skipSpaces(text, at + 1, lineEnd);
      if (at >= lineEnd || text.charCodeAt(at) === 0x7d) bail();
    }
  }

  private command(map: (Value & { kind: 'map' }) | Value): CommandNode {
    if (map.kind !== 'map') bail();
    let name: string | null = null;
    let nameSpan: Span | undefined;
    let headSpan: Span | undefined;
    if (hasDuplicateKey(map.pairs)) bail();
    const children: ElementNode[] = [];
    for (const pair of map.pairs) {
      if (pair.key === COMMAND_KEY) {
        headSpan = pair.keySpan;
        const value = pair.value;
        if (value.kind === 'scalar' && !isNull(value.scalar)) {
          name = intern(value.scalar.text);
          nameSpan = { start: value.scalar.start, end: value.scalar.end };
        } else if (value.kind !== 'scalar' && value.kind !== 'null') bail();
        continue;
      }
      elementsOf(pair, children, false);
    }
    const head = headSpan ?? firstLine(this.text, map.span);
    // One literal per shape, as in elementOf.
    if (nameSpan) return { index: 0, name, headSpan: head, span: map.span, children: exactCopy(children), nameSpan };
    return { index: 0, name, headSpan: head, span: map.span, children: exactCopy(children) };
  }
}

function skipSpaces(text: string, at: number, end: number): number {
  while (at < end && text.charCodeAt(at) === SPACE) at++;
  return at;
}

function isNull(scalar: ReadScalar): boolean {
  return scalar.plain && NULL_WORDS.has(scalar.text);
}

function valueEnd(value: Value): number {
  switch (value.kind) {
    case 'scalar':
      return value.scalar.end;
    case 'null':
      return value.at;
    default:
      return value.span.end;
  }
}

function spanOfValue(value: Value): Span {
  switch (value.kind) {
    case 'scalar':
      return { start: value.scalar.start, end: value.scalar.end };
    case 'null':
      return { start: value.at, end: value.at };
    default:
      return value.span;
  }
}

/** Elements for one pair, appended to `out`: one per list item, else one. Mirrors YamlTreeBuilder.elementsOf. */
function elementsOf(pair: Pair, out: ElementNode[], _nested: boolean): void {
  const value = pair.value;
  if (value.kind === 'seq') {
    for (let listIndex = 0; listIndex < value.items.length; listIndex++) {
      const item = value.items[listIndex];
      if (item.kind === 'seq') bail();
      const span = spanOfValue(item);
      const element = elementOf(pair, span, item, span);
      element.listIndex = listIndex;
      out.push(element);
    }
    return;
  }
  const valueSpan = spanOfValue(value);
  const span = { start: pair.keySpan.start, end: Math.max(pair.keySpan.end, valueSpan.end) };
  out.push(elementOf(pair, span, value, valueSpan));
}

function elementOf(pair: Pair, span: Span, value: Value, valueSpan: Span): ElementNode {
  // Each kind of element in one literal (same key order as adding them one by one): its fields stay inside the
  // object, where added ones would need a separate property store (kept per node: see core/text/intern.ts).
  const name = pair.key;
  const nameSpan = pair.keySpan;
  if (value.kind === 'null' || (value.kind === 'scalar' && isNull(value.scalar)))
    return { name, nameSpan, span, namespace: '', nil: valueSpan };
  if (value.kind === 'scalar') return { name, nameSpan, span, namespace: '', value: scalarValue(value.scalar, valueSpan) };
  if (value.kind !== 'map') bail();
  const children: ElementNode[] = [];
  let xsiType: ScalarValue | undefined;
  if (hasDuplicateKey(value.pairs)) bail();
  for (const child of value.pairs) {
    if (child.key === XSI_TYPE_KEY) {
      const type = child.value;
      if (type.kind !== 'scalar' || isNull(type.scalar)) bail();
      xsiType = scalarValue(type.scalar, spanOfValue(type));
      continue;
    }
    elementsOf(child, children, true);
  }
  if (xsiType) return { name, nameSpan, span, namespace: '', children: exactCopy(children), xsiType };
  return { name, nameSpan, span, namespace: '', children: exactCopy(children) };
}

/** The array without the spare capacity `push` left (it stays with the tree as long as the document is open). */
function exactCopy<T>(items: T[]): T[] {
  return items.slice();
}

function scalarValue(scalar: ReadScalar, span: Span): ScalarValue {
  return { text: scalar.text, span };
}
