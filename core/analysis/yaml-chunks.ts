/**
 * The YAML document chunks of successive versions of one text, found without re-scanning the whole text on an
 * edit: chunks before the edit are recognised by comparing their text in place, chunks after it by comparing
 * at the shifted offset (both native string compares); only the region between is split again. The result
 * always equals `splitYamlDocuments(text)` (test/perf-equivalence checks it on random edits).
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

function startsDocument(text: string, at: number): boolean {
  if (at === 0) return true;
  if (text.charCodeAt(at - 1) !== 0x0a || !text.startsWith('---', at)) return false;
  const after = text.charCodeAt(at + 3);
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

export function updateChunks(previous: Chunk[] | undefined, previousLength: number, text: string): ChunkUpdate {
  if (!previous || previous.length === 0) {
    return { chunks: detachAll(splitYamlDocuments(text)), kept: 0, tailFrom: Number.MAX_SAFE_INTEGER, shift: 0, replaced: previous ?? [] };
  }
  const delta = text.length - previousLength;
  // Unchanged chunks at the start: same text at the same offset.
  let kept = 0;
  while (kept < previous.length && text.startsWith(previous[kept].text, previous[kept].start)) kept++;
  // Unchanged chunks at the end: same text at the offset moved by delta, not overlapping the kept ones.
  const keptEnd = kept > 0 ? previous[kept - 1].start + previous[kept - 1].text.length : 0;
  let tail = previous.length; // first previous index of the unchanged tail
  while (tail > kept) {
    const c = previous[tail - 1];
    const at = c.start + delta;
    if (at < keptEnd || !text.startsWith(c.text, at)) break;
    tail--;
  }
  // The region between must begin and end on real document boundaries of the new text; widen it if not.
  while (kept > 0 && kept < previous.length && !startsDocument(text, previous[kept].start) && !endsWithDocumentEnd(previous[kept - 1])) kept--;
  if (kept === previous.length && kept > 0 && text.length > keptEnd && !endsWithDocumentEnd(previous[kept - 1]) && !startsDocument(text, keptEnd)) kept--;
  while (tail < previous.length && !startsDocument(text, previous[tail].start + delta)) tail++;
  const regionStart = kept > 0 ? previous[kept - 1].start + previous[kept - 1].text.length : 0;
  const regionEnd = tail < previous.length ? previous[tail].start + delta : text.length;

  const chunks: Chunk[] = previous.slice(0, kept);
  if (regionEnd > regionStart) {
    for (const c of splitYamlDocuments(text.slice(regionStart, regionEnd))) chunks.push({ start: regionStart + c.start, text: detach(c.text) });
  }
  const tailFrom = chunks.length;
  for (let i = tail; i < previous.length; i++) {
    const c = previous[i];
    chunks.push(delta === 0 ? c : { start: c.start + delta, text: c.text });
  }
  return { chunks, kept, tailFrom, shift: tail - tailFrom, replaced: previous.slice(kept, tail) };
}

function detachAll(chunks: Chunk[]): Chunk[] {
  for (const c of chunks) c.text = detach(c.text);
  return chunks;
}
