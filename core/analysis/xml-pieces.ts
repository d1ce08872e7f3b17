/**
 * The `<command` starts (see core/syntax/xml: a file is cut before each) of successive versions of one XML
 * text, without re-scanning the whole text on an edit. The old and new text share a prefix and a suffix (found
 * by native block compares); starts well inside the prefix are kept, the scan restarts at the last of them
 * and stops as soon as it meets an old start inside the suffix (the scan reads only forward, so from there on
 * it would find the old starts moved by the length change). An edit that opens a comment or CDATA section
 * scans on to the end. The result always equals `commandStarts(text)` (test/perf-equivalence checks it).
 */
import { commandStarts, scanCommandStarts } from '../syntax/xml';
import { commonPrefix, commonSuffix, type TextAccess } from './yaml-chunks';

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
  const same = commonPrefix(previousText, text);
  return updateStartsAround(previous, previousText.length, text, same, commonSuffix(previousText, text, same));
}

/**
 * The starts of `text` when its first `same` and last `sameEnd` characters equal those of the previous text (of
 * `previousLength` characters), whose starts were `previous`. The text is read through a window that begins at
 * the scan's start and doubles until the scan stops inside it (or the window reaches the end): a comment or
 * section cut by the window's end would otherwise seem to end there.
 */
export function updateStartsAround(
  previous: number[],
  previousLength: number,
  text: TextAccess,
  same: number,
  sameEnd: number,
  /** The first window's extent past the edited region (tests use tiny ones). */
  window = WINDOW,
): StartsUpdate {
  const delta = text.length - previousLength;
  // Old starts whose match read only unchanged text; the scan state at such a start is the same in both texts.
  let kept = 0;
  while (kept < previous.length && previous[kept] + MATCH_READS <= same) kept++;
  // A start at or after suffixFrom (new coordinates) lies in the unchanged suffix.
  const suffixFrom = text.length - sameEnd;
  let old = firstAtOrAfter(previous, suffixFrom - delta);
  const from = kept > 0 ? previous[kept - 1] : 0;
  const oldFrom = old;
  let starts: number[] = [];
  let tailFrom = -1;
  for (let width = Math.max(window, suffixFrom - from + window); ; width *= 2) {
    const end = Math.min(text.length, from + width);
    const window = text.slice(from, end);
    starts = previous.slice(0, kept > 0 ? kept - 1 : 0);
    tailFrom = -1;
    old = oldFrom;
    scanCommandStarts(window, 0, (relative) => {
      const at = from + relative;
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
    if (tailFrom >= 0 || end === text.length) break;
  }
  // The head and the pieces before previous[kept - 1] end before the first difference.
  if (tailFrom < 0) return { starts, keptPieces: kept, tailPieces: starts.length + 1, shift: 0 };
  const shift = old - tailFrom;
  for (let i = old; i < previous.length; i++) starts.push(previous[i] + delta);
  return { starts, keptPieces: kept, tailPieces: tailFrom + 1, shift };
}

/** The first window read after the edited region (characters); it doubles as needed. */
const WINDOW = 64 * 1024;

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
