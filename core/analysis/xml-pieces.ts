/**
 * The `<command` starts (see core/syntax/xml: a file is cut before each) of successive versions of one XML
 * text, without re-scanning the whole text on an edit. The old and new text share a prefix and a suffix (found
 * by native block compares); starts well inside the prefix are kept, the scan restarts at the last of them
 * and stops as soon as it meets an old start inside the suffix (the scan reads only forward, so from there on
 * it would find the old starts moved by the length change). An edit that opens a comment or CDATA section
 * scans on to the end. The result always equals `commandStarts(text)` (test/perf-equivalence checks it).
 */
import { commandStarts, scanCommandStarts } from '../syntax/xml';
import { commonPrefix, commonSuffix } from './yaml-chunks';

/**
 * Piece 0 is the head (text before the first start), piece i + 1 the command piece at starts[i].
 * Pieces i < keptPieces are the previous pieces i with the same text and offset; pieces i >= tailPieces are
 * the previous pieces i + shift with the same text, moved by the length change. Those between are new text.
 */
export interface StartsUpdate {
  starts: number[];
  keptPieces: number;
  tailPieces: number;
  shift: number;
}

/** What a match at a start reads: `<command` and the character after it. */
const MATCH_READS = '<command'.length + 1;

export function updateStarts(previous: number[] | undefined, previousText: string, text: string): StartsUpdate {
  if (!previous) {
    const starts = commandStarts(text);
    return { starts, keptPieces: 0, tailPieces: starts.length + 1, shift: 0 };
  }
  const delta = text.length - previousText.length;
  const same = commonPrefix(previousText, text);
  const sameEnd = commonSuffix(previousText, text, same);
  // Old starts whose match read only unchanged text; the scan state at such a start is the same in both texts.
  let kept = 0;
  while (kept < previous.length && previous[kept] + MATCH_READS <= same) kept++;
  // A start at or after suffixFrom (new coordinates) lies in the unchanged suffix.
  const suffixFrom = text.length - sameEnd;
  let old = firstAtOrAfter(previous, suffixFrom - delta);
  const starts = previous.slice(0, kept > 0 ? kept - 1 : 0);
  let tailFrom = -1;
  scanCommandStarts(text, kept > 0 ? previous[kept - 1] : 0, (at) => {
    if (at >= suffixFrom) {
      while (old < previous.length && previous[old] + delta < at) old++;
      if (old < previous.length && previous[old] + delta === at) {
        tailFrom = starts.length;
        return false;
      }
    }
    starts.push(at);
    return true;
  });
  // The head and the pieces before previous[kept - 1] end before the first difference.
  if (tailFrom < 0) return { starts, keptPieces: kept, tailPieces: starts.length + 1, shift: 0 };
  const shift = old - tailFrom;
  for (let i = old; i < previous.length; i++) starts.push(previous[i] + delta);
  return { starts, keptPieces: kept, tailPieces: tailFrom + 1, shift };
}

function firstAtOrAfter(sorted: number[], value: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid] < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
