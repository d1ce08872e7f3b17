/**
 * Which command lines of a large file get a CodeLens: those near what the editors show. VS Code converts every lens
 * a provider returns and sends it to the window on every keystroke, visible or not (20,000 lenses for a
 * 10,000-command file: ~12 ms of the extension host per keystroke); it never asks for a range. So above
 * WINDOW_MIN_COMMANDS the provider returns the lenses of the visible lines plus a margin of a few screens on each
 * side, and asks VS Code again (onDidChangeCodeLenses) when scrolling comes near the edge of what it covered.
 * Pure (no `vscode` import) so it is unit-tested in Node.
 */

/** Zero-based, inclusive line interval. */
export interface LineInterval {
  start: number;
  end: number;
}

/** Below this many commands every lens is returned (≈1 ms of the extension host): no windowing, no refetch. */
export const WINDOW_MIN_COMMANDS = 1000;
/** Lines added on each side of a visible range: at least this many... */
const MIN_MARGIN_LINES = 300;
/** ...or this many screens (the visible range's height). */
const MARGIN_SCREENS = 4;
/** Without an editor showing the document (not expected): the lenses of its first lines. */
const FALLBACK_LINES = 1000;

/** The visible ranges widened by the margin, sorted and merged. Empty `visible` → the first lines of the file. */
export function coveredLines(visible: readonly LineInterval[]): LineInterval[] {
  if (!visible.length) return [{ start: 0, end: FALLBACK_LINES }];
  const widened = visible
    .map((v) => {
      const margin = Math.max(MIN_MARGIN_LINES, MARGIN_SCREENS * (v.end - v.start + 1));
      return { start: Math.max(0, v.start - margin), end: v.end + margin };
    })
    .sort((a, b) => a.start - b.start);
  const merged: LineInterval[] = [widened[0]];
  for (const w of widened.slice(1)) {
    const last = merged[merged.length - 1];
    if (w.start <= last.end + 1) last.end = Math.max(last.end, w.end);
    else merged.push(w);
  }
  return merged;
}

/** Indices into `lines` (sorted ascending) of the commands whose line lies in one of `covered`, in order. */
export function commandsIn(lines: readonly number[], covered: readonly LineInterval[]): number[] {
  const out: number[] = [];
  for (const c of covered) for (let i = firstAtOrAfter(lines, c.start); i < lines.length && lines[i] <= c.end; i++) out.push(i);
  return out;
}

/**
 * True when a visible range comes within half a margin of the edge of what was covered (or outside it), so the
 * lenses beyond should be fetched before the user scrolls to them. The file's first and last lines are no edge.
 */
export function needsRefetch(visible: readonly LineInterval[], covered: readonly LineInterval[], lastLine: number): boolean {
  return visible.some((v) => {
    const keep = Math.max(MIN_MARGIN_LINES, MARGIN_SCREENS * (v.end - v.start + 1)) / 2;
    const wantStart = Math.max(0, v.start - keep);
    const wantEnd = Math.min(lastLine, v.end + keep);
    return !covered.some((c) => c.start <= wantStart && (c.end >= wantEnd || c.end >= lastLine));
  });
}

function firstAtOrAfter(lines: readonly number[], line: number): number {
  let lo = 0;
  let hi = lines.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (lines[mid] < line) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
