/**
 * The YAML document chunks of successive versions of one text, found without re-scanning the whole text on an
 * edit: the unchanged prefix and suffix of the old and new text are either known (the server's documents record
 * the region each edit changed, core/text/piece-text) or found with native block compares (~1 ms for 9 MB);
 * chunks inside them are kept (those after the edit moved by the length change), and only the region between
 * is split again. The result always equals `splitYamlDocuments(text)` (test/perf-equivalence checks it on
 * random edits).
 */
import type { Chunk } from '../syntax/chunks';
import { splitYamlDocuments } from '../syntax/yaml-split';

export interface ChunkUpdate {
  chunks: Chunk[];
  /** chunks[i] for i < kept reuse previous[i] unchanged; chunks[i] for i >= tailFrom are previous[i + shift] moved. */
  kept: number;
  tailFrom: number;
  shift: number;
  /** The previous chunks that were replaced (their texts may still match new region chunks). */
  replaced: Chunk[];
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
  if (around.charCodeAt(0) !== 0x0a || !around.startsWith('---', 1)) return false;
  const after = around.charCodeAt(4);
  return Number.isNaN(after) || after === 0x20 || after === 0x09 || after === 0x0d || after === 0x0a;
}

/** Whether the chunk ends with a `...` line (which closes a document, so the next chunk starts after it). */
function endsWithDocumentEnd(chunk: Chunk): boolean {
  const t = chunk.text;
  let lineStart = t.lastIndexOf('\n', t.length - 2) + 1;
  if (!t.startsWith('...', lineStart)) return false;
  lineStart += 3;
  const after = t.charCodeAt(lineStart);
  return Number.isNaN(after) || after === 0x20 || after === 0x09 || after === 0x0d || after === 0x0a;
}

export function updateChunks(previous: Chunk[] | undefined, previousText: string, text: string): ChunkUpdate {
  if (!previous || previous.length === 0) return fresh(text, previous);
  const same = commonPrefix(previousText, text);
  return updateChunksAround(previous, previousText.length, text, same, commonSuffix(previousText, text, same));
}

function fresh(text: string, previous: Chunk[] | undefined): ChunkUpdate {
  // Not detached here: the analysis detaches each chunk when it parses it (spread over the validation slices).
  return { chunks: splitYamlDocuments(text), kept: 0, tailFrom: Number.MAX_SAFE_INTEGER, shift: 0, replaced: previous ?? [] };
}

/**
 * The chunks of `text` when its first `same` and last `sameEnd` characters equal those of the previous text
 * (of `previousLength` characters), whose chunks were `previous`.
 */
export function updateChunksAround(
  previous: Chunk[] | undefined,
  previousLength: number,
  text: TextAccess,
  same: number,
  sameEnd: number,
): ChunkUpdate {
  if (!previous || previous.length === 0) return fresh(text.slice(0, text.length), previous);
  const delta = text.length - previousLength;
  // Unchanged chunks at the start end before the first difference; those at the end start after the last one.
  let kept = lastChunkEndingBy(previous, same);
  const keptEnd = kept > 0 ? previous[kept - 1].start + previous[kept - 1].text.length : 0;
  let tail = firstChunkStartingFrom(previous, previousLength - sameEnd);
  while (tail < previous.length && previous[tail].start + delta < keptEnd) tail++;
  // The region between must begin and end on real document boundaries of the new text; widen it if not.
  while (kept > 0 && kept < previous.length && !startsDocument(text, previous[kept].start) && !endsWithDocumentEnd(previous[kept - 1]))
    kept--;
  if (
    kept === previous.length &&
    kept > 0 &&
    text.length > keptEnd &&
    !endsWithDocumentEnd(previous[kept - 1]) &&
    !startsDocument(text, keptEnd)
  )
    kept--;
  while (tail < previous.length && !startsDocument(text, previous[tail].start + delta)) tail++;
  const regionStart = kept > 0 ? previous[kept - 1].start + previous[kept - 1].text.length : 0;
  const regionEnd = tail < previous.length ? previous[tail].start + delta : text.length;

  const region = regionEnd > regionStart ? splitYamlDocuments(text.slice(regionStart, regionEnd)) : [];
  // One array of the final size: growing a copy of 50,000 entries by pushes costs several large-object allocations.
  const chunks = new Array<Chunk>(kept + region.length + previous.length - tail);
  for (let i = 0; i < kept; i++) chunks[i] = previous[i];
  for (let k = 0; k < region.length; k++) chunks[kept + k] = { start: regionStart + region[k].start, text: detach(region[k].text) };
  const tailFrom = kept + region.length;
  for (let i = tail; i < previous.length; i++) {
    const c = previous[i];
    chunks[tailFrom + i - tail] = delta === 0 ? c : { start: c.start + delta, text: c.text };
  }
  return { chunks, kept, tailFrom, shift: tail - tailFrom, replaced: previous.slice(kept, tail) };
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
function lastChunkEndingBy(chunks: Chunk[], offset: number): number {
  let lo = 0;
  let hi = chunks.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (chunks[mid].start + chunks[mid].text.length <= offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Index of the first chunk starting at or after `offset` (chunks.length if none). */
function firstChunkStartingFrom(chunks: Chunk[], offset: number): number {
  let lo = 0;
  let hi = chunks.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (chunks[mid].start < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
