/**
 * Turns the nodes of one parsed YAML document (eemeli/yaml) into the positioned element tree.
 * Keys become elements; lists become one element per item; `xsi:type` becomes the parent's xsiType;
 * null / ~ / empty become nil. Plain scalars keep their source text, because OCI-P values are text
 * (`007` must stay "007", not the number 7).
 */
import { isAlias, isMap, isPair, isScalar, isSeq, type Alias, type Node, type Pair, type Scalar } from 'yaml';
import type { ElementNode, ScalarValue, Span, SyntaxProblem } from '../tree/types';
import { ALIAS_LIMITS } from '../limits';

export const XSI_TYPE_KEY = 'xsi:type';
const NULL_WORDS = new Set(['', '~', 'null', 'Null', 'NULL']);
const CORE_TAG_PREFIX = 'tag:yaml.org,2002:';
/** Nesting deeper than any OCI-P type; beyond it the input is garbage and we stop descending. */
const MAX_DEPTH = 64;
/**
 * Alias expansion is bounded per document in nodes and in characters (guards against "billion laughs", and
 * against 20,000 aliases of one 100 KB scalar: 2 GB of text to check and convert from a 240 KB file).
 */
const MAX_ALIAS_NODES = ALIAS_LIMITS.nodes;
const MAX_ALIAS_CHARS = ALIAS_LIMITS.expandedChars;

export class YamlTreeBuilder {
  private aliasNodes = 0;
  /** Characters copied by alias expansion so far: scalars' text, collections' source. */
  private aliasChars = 0;
  private aliasLimitReported = false;
  /** Nodes being expanded through aliases right now, to stop recursive aliases. */
  private readonly expanding = new Set<Node>();

  constructor(
    private readonly text: string,
    private readonly problems: SyntaxProblem[],
    private readonly anchors: Map<Alias, Node | undefined>,
  ) {}

  problem(code: string, message: string, span: Span): void {
    this.problems.push({ code, message, span });
  }

  /** The node's span, without trailing blanks, line breaks and (for block collections) trailing comments. */
  spanOf(node: Node): Span {
    return { start: rangeOf(node)[0], end: this.endOf(node) };
  }

  private endOf(node: Node, depth = 0): number {
    const range = rangeOf(node);
    if ((isMap(node) || isSeq(node)) && !node.flow && node.items.length > 0 && depth < MAX_DEPTH) {
      const last = node.items[node.items.length - 1] as unknown;
      let lastNode: Node | null = null;
      if (isPair(last)) lastNode = (last.value as Node | null) ?? (last.key as Node | null);
      else if (last && typeof last === 'object') lastNode = last as Node;
      if (lastNode && lastNode.range) return Math.max(range[0], this.endOf(lastNode, depth + 1));
    }
    return this.trimEnd(range[0], range[1]);
  }

  private trimEnd(start: number, end: number): number {
    let e = Math.min(end, this.text.length);
    while (e > start) {
      const c = this.text.charCodeAt(e - 1);
      if (c !== 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d) break;
      e--;
    }
    return Math.max(e, start);
  }

  /**
   * Elements for the pairs of a mapping, plus the mapping's `xsi:type` when `allowXsiType`.
   * `handledKey`'s first occurrence is skipped (the caller reads it); later ones are duplicates as usual.
   */
  mappingContent(map: Node, allowXsiType: boolean, over: Span | undefined, depth: number, handledKey?: string) {
    const children: ElementNode[] = [];
    let xsiType: ScalarValue | undefined;
    const seen = new Set<string>();
    for (const item of (map as { items: unknown[] }).items) {
      if (!isPair(item)) continue;
      const key = this.keyOf(item, over);
      if (!key) continue;
      if (seen.has(key.name)) {
        this.problem(
          'OCI-YAML-DUPLICATE-KEY',
          `Duplicate key '${key.name}': only the first one counts. Write an element that repeats once, as a list: ` +
            `${key.name}: [first, second] or one '- item' per line.`,
          key.span,
        );
        continue;
      }
      seen.add(key.name);
      if (key.name === handledKey) continue; // the caller reads it (top-level `command`)
      if (allowXsiType && key.name === XSI_TYPE_KEY) {
        xsiType = this.xsiTypeOf(item, key.span, over);
        continue;
      }
      for (const element of this.elementsOf(key.name, key.span, item, over, depth)) children.push(element);
    }
    return { children, xsiType };
  }

  /** The key's text and span, or undefined (with a problem) when the key is not a plain name. */
  keyOf(pair: Pair, over: Span | undefined): { name: string; span: Span } | undefined {
    const key = pair.key as Node | null;
    if (key && isScalar(key) && scalarText(key) !== '') {
      this.checkTag(key);
      return { name: scalarText(key), span: over ?? this.spanOf(key) };
    }
    const at = key?.range ? this.spanOf(key) : (pair.value as Node | null)?.range ? this.spanOf(pair.value as Node) : undefined;
    if (at) {
      const what = key && (isMap(key) || isSeq(key)) ? 'a mapping or list' : key && isAlias(key) ? 'an alias' : 'an empty key';
      this.problem('OCI-YAML-KEY', `A key must be an element name, not ${what}.`, over ?? at);
    }
    return undefined;
  }

  private xsiTypeOf(pair: Pair, keySpan: Span, over: Span | undefined): ScalarValue | undefined {
    const value = this.resolve(pair.value as Node | null);
    if (value && isScalar(value) && !this.isNull(value)) {
      this.checkTag(value);
      return { text: scalarText(value), span: over ?? this.spanOf(pair.value as Node) };
    }
    this.problem('OCI-YAML-XSI-TYPE', `${XSI_TYPE_KEY} needs a type name, like ${XSI_TYPE_KEY}: GroupDepartmentKey.`, keySpan);
    return undefined;
  }

  /** One element for a scalar or mapping value, one per item for a list value. */
  elementsOf(name: string, nameSpan: Span, pair: Pair, over: Span | undefined, depth: number): ElementNode[] {
    const raw = pair.value as Node | null;
    const valueSpan: Span = over ?? (raw?.range ? this.spanOf(raw) : { start: nameSpan.end, end: nameSpan.end });
    const value = raw && isAlias(raw) ? this.anchors.get(raw) : raw; // element() reports a dangling alias
    const itemOver = over ?? (raw && isAlias(raw) ? valueSpan : undefined);
    if (value && isSeq(value)) {
      const out: ElementNode[] = [];
      if (!this.enter(value, raw, valueSpan)) return out;
      if (!over) this.checkTag(value);
      value.items.forEach((item, listIndex) => {
        const itemNode = item as Node | null;
        const span = itemOver ?? (itemNode?.range ? this.spanOf(itemNode) : valueSpan);
        const element = this.element(name, nameSpan, span, itemNode, span, itemOver, depth);
        if (element) out.push({ ...element, listIndex });
      });
      this.leave(value, raw);
      return out;
    }
    const span = { start: nameSpan.start, end: Math.max(nameSpan.end, valueSpan.end) };
    const element = this.element(name, nameSpan, span, raw, valueSpan, over, depth);
    return element ? [element] : [];
  }

  /** The element for one value that is not a list (a list here is a list inside a list: reported, dropped). */
  private element(
    name: string,
    nameSpan: Span,
    span: Span,
    raw: Node | null,
    valueSpan: Span,
    over: Span | undefined,
    depth: number,
  ): ElementNode | undefined {
    const base: ElementNode = { name, nameSpan, span, namespace: '' };
    const value = this.resolve(raw);
    const innerOver = over ?? (raw && isAlias(raw) ? valueSpan : undefined);
    if (!value || (isScalar(value) && this.isNull(value))) {
      if (raw && isAlias(raw) && !value) return undefined; // unresolvable alias: already reported
      if (value) this.checkTag(value);
      return { ...base, nil: valueSpan };
    }
    if (isScalar(value)) {
      this.checkTag(value);
      const text = scalarText(value);
      if (raw && isAlias(raw) && !this.expand(1, text.length, valueSpan)) return undefined;
      return { ...base, value: { text, span: valueSpan } };
    }
    if (isMap(value)) {
      if (depth >= MAX_DEPTH) {
        this.problem('OCI-YAML-TOO-DEEP', `Nesting deeper than ${MAX_DEPTH} levels is not read.`, valueSpan);
        return { ...base, children: [] };
      }
      if (!this.enter(value, raw, valueSpan)) return undefined;
      if (!over) this.checkTag(value);
      const { children, xsiType } = this.mappingContent(value, true, innerOver, depth + 1);
      this.leave(value, raw);
      const out: ElementNode = { ...base, children };
      if (xsiType) out.xsiType = xsiType;
      return out;
    }
    if (isSeq(value)) {
      this.problem(
        'OCI-YAML-NESTED-LIST',
        `A list item of '${name}' cannot itself be a list; list the items once, or use a mapping with element names.`,
        valueSpan,
      );
    }
    return undefined;
  }

  /** Follows an alias to the node it names; reports aliases that name nothing. */
  resolve(node: Node | null): Node | null {
    if (!node || !isAlias(node)) return node;
    const target = this.anchors.get(node);
    if (!target) {
      this.problem('OCI-YAML-ALIAS', `Alias *${node.source} names no anchor (&${node.source}) defined before it.`, this.spanOf(node));
      return null;
    }
    return target;
  }

  /** Starts expanding a collection; false (with a problem) when it would recurse or explode. */
  private enter(value: Node, raw: Node | null, at: Span): boolean {
    if (!raw || !isAlias(raw)) return true;
    if (this.expanding.has(value)) {
      this.problem('OCI-YAML-ALIAS', `Alias *${raw.source} refers to itself.`, at);
      return false;
    }
    const [start, , end] = rangeOf(value);
    if (!this.expand((value as { items: unknown[] }).items.length + 1, end - start, at)) return false;
    this.expanding.add(value);
    return true;
  }

  /** Counts what one alias expansion copies; false (with one problem per document) past the limits. */
  private expand(nodes: number, chars: number, at: Span): boolean {
    this.aliasNodes += nodes;
    this.aliasChars += chars;
    if (this.aliasNodes <= MAX_ALIAS_NODES && this.aliasChars <= MAX_ALIAS_CHARS) return true;
    if (this.aliasLimitReported) return false;
    this.aliasLimitReported = true;
    const what =
      this.aliasNodes > MAX_ALIAS_NODES ? `more than ${MAX_ALIAS_NODES} nodes` : `more than ${MAX_ALIAS_CHARS / (1024 * 1024)} MiB of text`;
    this.problem('OCI-YAML-ALIAS', `Aliases expand to ${what}; the rest is not read.`, at);
    return false;
  }

  private leave(value: Node, raw: Node | null): void {
    if (raw && isAlias(raw)) this.expanding.delete(value);
  }

  isNull(scalar: Scalar): boolean {
    const tag = scalar.tag;
    if (tag === CORE_TAG_PREFIX + 'null') return true;
    if (tag) return false; // !!str '' etc. is an explicit (empty) string
    return scalar.type === 'PLAIN' && NULL_WORDS.has(scalarText(scalar));
  }

  /** Core tags (!!str, !!int, ...) are harmless and ignored; any other tag means nothing in OCI-P. */
  checkTag(node: Node): void {
    const tag = node.tag;
    if (!tag || tag.startsWith(CORE_TAG_PREFIX)) return;
    this.problem('OCI-YAML-TAG', `Tag ${tag} means nothing in an OCI-P command; remove it.`, this.tagSpan(node, tag));
  }

  /** Where the tag is written: just before the node, possibly behind an anchor. */
  private tagSpan(node: Node, tag: string): Span {
    const start = rangeOf(node)[0];
    const from = Math.max(0, start - 200);
    const before = this.text.slice(from, start);
    const at = before.lastIndexOf('!');
    if (at >= 0 && before.slice(at).startsWith(tag.startsWith('!') ? tag : '!')) {
      let end = from + at;
      while (end < start && !/\s/.test(this.text[end])) end++;
      return { start: from + at, end };
    }
    return this.spanOf(node);
  }
}

/** The first line of `span`, trailing whitespace dropped: a command's head when its name has no span of its own. */
export function firstLine(text: string, span: Span): Span {
  const newline = text.indexOf('\n', span.start);
  let end = newline < 0 || newline > span.end ? span.end : newline;
  while (end > span.start && /\s/.test(text[end - 1])) end--;
  return { start: span.start, end };
}

export function rangeOf(node: Node): [number, number, number] {
  return (node.range as [number, number, number] | undefined) ?? [0, 0, 0];
}

/** The text of a scalar: plain scalars as written (folded if multi-line), quoted and block scalars decoded. */
export function scalarText(scalar: Scalar): string {
  const source = (scalar as { source?: unknown }).source;
  if (typeof source === 'string') return source;
  return scalar.value == null ? '' : String(scalar.value);
}
