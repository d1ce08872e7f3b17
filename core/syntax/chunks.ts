/**
 * Per-command reuse for big files, shared by the YAML and XML front ends.
 *
 * A front end splits its text into independent chunks (YAML: one document each; XML could use one <command>
 * each), parses every chunk on its own into a `SourceFragment` whose spans are relative to the chunk start,
 * and lets `ChunkedParser` glue the fragments together. The parser keeps an LRU cache keyed by chunk text,
 * so after an edit only the changed chunk is parsed again; reused fragments are rebased (spans shifted to
 * the chunk's new offset, command indexes renumbered). A chunk that did not move at all gets back the very
 * same objects as last time, so consumers may cache per-command work by identity.
 * Trees handed out are shared with the cache: treat them as immutable.
 *
 * API
 * - `interface Chunk { start; text }`                        one piece of the document and its offset.
 * - `interface SourceFragment { commands; problems; envelope? }`  the part of a SourceFile one chunk produces.
 * - `shiftSpan / shiftElement / shiftCommand / shiftFragment(fragment, delta, firstIndex)`  rebase copies.
 * - `class LruCache<V>(capacity)`                           get/set by string key, evicts least recently used.
 * - `class ChunkedParser(parseChunk, capacity?)`             `.parse(chunks)`: the whole fragment, absolute spans,
 *                                                             commands numbered from 0. capacity 0 = no cache.
 */
import type { AttributeNode, CommandNode, ElementNode, EnvelopeNode, ScalarValue, Span, SyntaxProblem } from '../tree/types';

export interface Chunk {
  /** Offset of the chunk's first character in the whole text. */
  start: number;
  text: string;
}

export interface SourceFragment {
  commands: CommandNode[];
  problems: SyntaxProblem[];
  envelope?: EnvelopeNode;
}

export function shiftSpan(span: Span, delta: number): Span {
  return { start: span.start + delta, end: span.end + delta };
}

function shiftScalar(value: ScalarValue, delta: number): ScalarValue {
  return { text: value.text, span: shiftSpan(value.span, delta) };
}

function shiftAttribute(attribute: AttributeNode, delta: number): AttributeNode {
  return {
    ...attribute,
    nameSpan: shiftSpan(attribute.nameSpan, delta),
    value: shiftScalar(attribute.value, delta),
  };
}

export function shiftElement(element: ElementNode, delta: number): ElementNode {
  // Built field by field rather than by spread: this runs for every element after an edit, and explicit
  // construction is several times faster. Keep in step with ElementNode when fields are added.
  const out: ElementNode = {
    name: element.name,
    nameSpan: shiftSpan(element.nameSpan, delta),
    span: shiftSpan(element.span, delta),
  };
  if (element.value) out.value = shiftScalar(element.value, delta);
  if (element.children) out.children = shiftElements(element.children, delta);
  if (element.xsiType) out.xsiType = shiftScalar(element.xsiType, delta);
  if (element.nil) out.nil = shiftSpan(element.nil, delta);
  if (element.nilFalse) out.nilFalse = shiftSpan(element.nilFalse, delta);
  if (element.listIndex !== undefined) out.listIndex = element.listIndex;
  if (element.attributes) out.attributes = element.attributes.map((a) => shiftAttribute(a, delta));
  if (element.namespace !== undefined) out.namespace = element.namespace;
  return out;
}

function shiftElements(elements: ElementNode[], delta: number): ElementNode[] {
  const out = new Array<ElementNode>(elements.length);
  for (let i = 0; i < elements.length; i++) out[i] = shiftElement(elements[i], delta);
  return out;
}

export function shiftCommand(command: CommandNode, delta: number, index: number): CommandNode {
  const out: CommandNode = {
    ...command,
    index,
    headSpan: shiftSpan(command.headSpan, delta),
    span: shiftSpan(command.span, delta),
    children: shiftElements(command.children, delta),
  };
  if (command.nameSpan) out.nameSpan = shiftSpan(command.nameSpan, delta);
  if (command.spaceOnly) out.spaceOnly = shiftSpan(command.spaceOnly, delta);
  if (command.nil) out.nil = shiftSpan(command.nil, delta);
  if (command.nilFalse) out.nilFalse = shiftSpan(command.nilFalse, delta);
  if (command.attributes) out.attributes = command.attributes.map((a) => shiftAttribute(a, delta));
  return out;
}

export function shiftEnvelope(envelope: EnvelopeNode, delta: number): EnvelopeNode {
  return {
    ...envelope,
    span: shiftSpan(envelope.span, delta),
    nameSpan: shiftSpan(envelope.nameSpan, delta),
    attributes: envelope.attributes.map((a) => shiftAttribute(a, delta)),
    children: envelope.children.map((c) => shiftElement(c, delta)),
  };
}

/** A copy of `fragment` with every span moved by `delta` and commands numbered from `firstIndex`. */
export function shiftFragment(fragment: SourceFragment, delta: number, firstIndex: number): SourceFragment {
  const out: SourceFragment = {
    commands: fragment.commands.map((c, i) => shiftCommand(c, delta, firstIndex + i)),
    problems: fragment.problems.map((p) => ({ ...p, span: shiftSpan(p.span, delta) })),
  };
  if (fragment.envelope) out.envelope = shiftEnvelope(fragment.envelope, delta);
  return out;
}

/** A string-keyed cache that forgets the least recently used entry once it holds more than `capacity`. */
export class LruCache<V> {
  private readonly entries = new Map<string, V>();
  constructor(readonly capacity: number) {}

  get(key: string): V | undefined {
    const value = this.entries.get(key);
    if (value !== undefined) {
      // Map keeps insertion order: re-inserting marks the entry as most recently used.
      this.entries.delete(key);
      this.entries.set(key, value);
    }
    return value;
  }

  set(key: string, value: V): void {
    if (this.capacity <= 0) return;
    this.entries.delete(key);
    this.entries.set(key, value);
    while (this.entries.size > this.capacity) {
      const oldest = this.entries.keys().next().value as string;
      this.entries.delete(oldest);
    }
  }

  get size(): number {
    return this.entries.size;
  }
}

interface CacheEntry {
  /** Spans relative to the chunk start, commands numbered from 0. */
  relative: SourceFragment;
  /** The last rebased copy handed out, reused while the chunk stays where it was. */
  placed?: { start: number; firstIndex: number; fragment: SourceFragment };
}

export class ChunkedParser {
  private readonly cache: LruCache<CacheEntry>;
  /** Chunk parses done so far (cache misses); lets tests and benchmarks see the reuse. */
  parsedChunks = 0;

  constructor(
    private readonly parseChunk: (text: string) => SourceFragment,
    capacity = 20000,
  ) {
    this.cache = new LruCache(capacity);
  }

  parse(chunks: Chunk[]): SourceFragment {
    const commands: CommandNode[] = [];
    const problems: SyntaxProblem[] = [];
    let envelope: EnvelopeNode | undefined;
    for (const chunk of chunks) {
      const placed = this.place(chunk, commands.length);
      for (const c of placed.commands) commands.push(c);
      for (const p of placed.problems) problems.push(p);
      envelope ??= placed.envelope;
    }
    const out: SourceFragment = { commands, problems };
    if (envelope) out.envelope = envelope;
    return out;
  }

  private place(chunk: Chunk, firstIndex: number): SourceFragment {
    let entry = this.cache.get(chunk.text);
    if (!entry) {
      this.parsedChunks++;
      entry = { relative: this.parseChunk(chunk.text) };
      this.cache.set(chunk.text, entry);
    }
    const last = entry.placed;
    if (last && last.start === chunk.start && last.firstIndex === firstIndex) return last.fragment;
    const fragment = shiftFragment(entry.relative, chunk.start, firstIndex);
    entry.placed = { start: chunk.start, firstIndex, fragment };
    return fragment;
  }
}
