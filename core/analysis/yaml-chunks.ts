/**
 * The YAML document chunks of successive versions of one text, found without re-scanning the whole text on an
 * edit: the unchanged prefix and suffix of the old and new text are either known (the server's documents record
 * the region each edit changed, core/text/piece-text) or found with native block compares (~1 ms for 9 MB);
 * chunks inside them are kept (those after the edit moved by the length change), and only the region between
 * is split again. The result always equals `splitYamlDocuments(text)` (test/perf-equivalence checks it on
 * random edits).
 */
import type { Chunk } from '../syntax/chunks';
import { isMarker, splitYamlDocuments } from '../syntax/yaml-split';
import { PagedArray } from './paged-array';

/**
 * A version's chunks: their starts in a typed array, their texts in pages shared with the previous version
 * (./paged-array). An edit moves every chunk after it; with one object per chunk that was a new object per moved
 * chunk per version (25,000 at 50,000 commands, ~4 ms and their garbage); here it is a copy of numbers.
 */
export class ChunkList {
  constructor(
    readonly starts: Int32Array,
    readonly texts: PagedArray<string>,
  ) {}

  static of(chunks: readonly Chunk[]): ChunkList {
    const starts = new Int32Array(chunks.length);
    for (let i = 0; i < chunks.length; i++) starts[i] = chunks[i].start;
    return new ChunkList(starts, PagedArray.from(chunks.map((c) => c.text)));
  }

  get length(): number {
    return this.texts.length;
  }

  start(i: number): number {
    return this.starts[i];
  }

  text(i: number): string {
    return this.texts.get(i);
  }

  end(i: number): number {
    return this.starts[i] + this.texts.get(i).length;
  }

  toArray(): Chunk[] {
    return this.texts.slice().map((text, i) => ({ start: this.starts[i], text }));
  }
}

export interface ChunkUpdate {
  chunks: ChunkList;
  /** chunks[i] for i < kept reuse previous[i] unchanged; chunks[i] for i >= tailFrom are previous[i + shift] moved. */
  kept: number;
  tailFrom: number;
  shift: number;
  /** The texts of the previous chunks that were replaced (they may still match new region chunks). */
  replaced: string[];
}

/** A flat copy of a substring, so caches keyed by it do not keep the whole document text alive. */
export function detach(text: string): string {
  return (' ' + text).slice(1);
}

/** What the chunking reads of a text: a string, or the blocks of an open document (core/text/piece-text). */
export interface TextAccess {
  readonly length: number;
  slice(start: number, end: number): string;
}

function startsDocument(text: TextAccess, at: number): boolean {
  if (at === 0) return true;
  // Five characters around `at`: the line break before, `---`, and what follows.
  const around = text.slice(at - 1, at + 4);
  return around.charCodeAt(0) === 0x0a && isMarker(around, 1, '---');
}

/** Whether the chunk ends with a `...` line (which closes a document, so the next chunk starts after it). */
function endsWithDocumentEnd(t: string): boolean {
  return isMarker(t, t.lastIndexOf('\n', t.length - 2) + 1, '...');
}

export function updateChunks(previous: ChunkList | undefined, previousText: string, text: string): ChunkUpdate {
  if (!previous || previous.length === 0) return fresh(text, previous);
  const same = commonPrefix(previousText, text);
  return updateChunksAround(previous, previousText.length, text, same, commonSuffix(previousText, text, same));
}

function fresh(text: string, previous: ChunkList | undefined): ChunkUpdate {
  // Not detached here: the analysis detaches each chunk when it parses it (spread over the validation slices).
  const chunks = ChunkList.of(splitYamlDocuments(text));
  return { chunks, kept: 0, tailFrom: Number.MAX_SAFE_INTEGER, shift: 0, replaced: previous ? previous.texts.slice() : [] };
}

/**
 * The chunks of `text` when its first `same` and last `sameEnd` characters equal those of the previous text
 * (of `previousLength` characters), whose chunks were `previous`.
 */
export function updateChunksAround(
  previous: ChunkList | undefined,
  previousLength: number,
  text: TextAccess,
  same: number,
  sameEnd: number,
): ChunkUpdate {
  if (!previous || previous.length === 0) return fresh(text.slice(0, text.length), previous);
  const delta = text.length - previousLength;
  const count = previous.length;
  // Unchanged chunks at the start end before the first difference; those at the end start after the last one.
  let kept = lastChunkEndingBy(previous, same);
  const keptEnd = kept > 0 ? previous.end(kept - 1) : 0;
  let tail = firstChunkStartingFrom(previous, previousLength - sameEnd);
  while (tail < count && previous.start(tail) + delta < keptEnd) tail++;
  // The region between must begin and end on real document boundaries of the new text; widen it if not.
  while (kept > 0 && kept < count && !startsDocument(text, previous.start(kept)) && !endsWithDocumentEnd(previous.text(kept - 1))) kept--;
  if (
    kept === count &&
    kept > 0 &&
    text.length > keptEnd &&
    !endsWithDocumentEnd(previous.text(kept - 1)) &&
    !startsDocument(text, keptEnd)
  )
    kept--;
  while (tail < count && !startsDocument(text, previous.start(tail) + delta)) tail++;
  const regionStart = kept > 0 ? previous.end(kept - 1) : 0;
  const regionEnd = tail < count ? previous.start(tail) + delta : text.length;

  const region = regionEnd > regionStart ? splitYamlDocuments(text.slice(regionStart, regionEnd)) : [];
  const size = kept + region.length + count - tail;
  const starts = new Int32Array(size);
  starts.set(previous.starts.subarray(0, kept));
  for (let k = 0; k < region.length; k++) starts[kept + k] = regionStart + region[k].start;
  const tailFrom = kept + region.length;
  for (let i = tail; i < count; i++) starts[tailFrom + i - tail] = previous.starts[i] + delta;
  const texts = previous.texts.splice(
    kept,
    tail,
    region.map((r) => detach(r.text)),
  );
  return { chunks: new ChunkList(starts, texts), kept, tailFrom, shift: tail - tailFrom, replaced: previous.texts.slice(kept, tail) };
}

/** Length of the common prefix: block compares (native, memcmp-like) first, then characters. */
export function commonPrefix(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  let i = 0;
  while (i < n) {
    const e = Math.min(n, i + BLOCK);
    if (a.slice(i, e) !== b.slice(i, e)) break;
    i = e;
  }
  while (i < n && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  return i;
}

/** Length of the common suffix, not reaching into the first `prefix` characters of either string. */
export function commonSuffix(a: string, b: string, prefix: number): number {
  const n = Math.min(a.length, b.length) - prefix;
  let k = 0;
  while (k < n) {
    const e = Math.min(n, k + BLOCK);
    if (a.slice(a.length - e, a.length - k) !== b.slice(b.length - e, b.length - k)) break;
    k = e;
  }
  while (k < n && a.charCodeAt(a.length - 1 - k) === b.charCodeAt(b.length - 1 - k)) k++;
  return k;
}

const BLOCK = 1 << 16;

/** How many chunks end at or before `offset`. */
function lastChunkEndingBy(chunks: ChunkList, offset: number): number {
  let lo = 0;
  let hi = chunks.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (chunks.end(mid) <= offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Index of the first chunk starting at or after `offset` (chunks.length if none). */
function firstChunkStartingFrom(chunks: ChunkList, offset: number): number {
  let lo = 0;
  let hi = chunks.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (chunks.start(mid) < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
