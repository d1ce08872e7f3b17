/**
 * An open document's text kept as blocks of about BLOCK_CHARS characters, each ending with a line feed (the last
 * one excepted), so that an edit never rebuilds the whole text.
 *
 * Why: a JavaScript string is immutable, and V8 copies the whole text into a new flat string the first time any
 * version made by `prefix + inserted + suffix` is read; on this machine that costs about 3 ms per MB (29 ms per
 * keystroke at 10,000 commands, 136 ms at 50,000; bench/RESULTS.md, "Library bounds"). Here an edit rebuilds the
 * one or two blocks it touches; positions come from per-block line starts computed when first asked; and the
 * region changed since a given revision is recorded, so the incremental analysis (core/analysis) re-reads only
 * that region instead of comparing two whole texts. `whole()` still gives one string, built once per revision,
 * for the features that need the entire text.
 *
 * Positions follow vscode-languageserver-textdocument exactly (LF, CRLF and a lone CR end a line; an offset inside
 * a line break is placed before it): test/text/piece-text.test.ts checks every method against that library on
 * random texts and edits.
 */

import { lineCount, lineStarts } from './line-index';

/** Blocks are split near this size (at a line feed); an edited block is split again only past twice this. */
export const BLOCK_CHARS = 32 * 1024;
/**
 * Edit regions are kept for this many revisions (a consumer further behind reads the whole text instead). Each change
 * of a didChange is a revision: a multi-cursor edit makes one per cursor.
 */
const REGION_LOG = 4096;

export interface TextEditAt {
  /** Offsets in the text as it is before this edit (edits of one batch apply one after another). */
  start: number;
  end: number;
  text: string;
}

/** What changed between two revisions: [start, oldEnd) of the older text became [start, newEnd) of the newer. */
export interface ChangedRegion {
  start: number;
  oldEnd: number;
  newEnd: number;
}

const LF = 10;
const CR = 13;

export class PieceText {
  private blocks: string[] = [];
  /** Offset of each block's first character. */
  private starts: number[] = [];
  /** Per block: offsets (within the block) where its lines start, computed on first use. */
  private lineStarts: (Int32Array | undefined)[] = [];
  /**
   * Per block: how many lines start in it (-1: not counted yet). Blocks before a position only need their count:
   * counting without the offsets took half the time of the first position in the middle of a 9 MB file.
   */
  private lineCounts: number[] = [];
  /** Lines starting before block i, valid for i < linesKnown. */
  private lineBase: number[] = [];
  private linesKnown = 0;
  /** Per block: MARK_LONE_CR, MARK_PLACEHOLDER bits; and how many blocks have each. */
  private marks: number[] = [];
  private loneCrBlocks = 0;
  private placeholderBlocks = 0;
  private total = 0;
  private wholeCache?: string;
  /** Bumped by every `apply`; regions[k] = what revision (revision - regions.length + k + 1) changed. */
  revision = 0;
  private regions: ChangedRegion[] = [];

  /** `blockChars`: the block size (tests use tiny blocks to exercise block boundaries). */
  constructor(
    text: string,
    private readonly blockChars = BLOCK_CHARS,
  ) {
    this.reset(text);
  }

  get length(): number {
    return this.total;
  }

  /** Whether a lone CR (a line break for YAML and LSP, not for our YAML front end) is anywhere in the text. */
  get hasLoneCr(): boolean {
    return this.loneCrBlocks > 0;
  }

  /** The whole text as one string (built once per revision). */
  whole(): string {
    if (this.wholeCache === undefined) this.wholeCache = this.blocks.length === 1 ? this.blocks[0] : this.blocks.join('');
    return this.wholeCache;
  }

  slice(start: number, end: number): string {
    start = Math.max(0, Math.min(start, this.total));
    end = Math.max(start, Math.min(end, this.total));
    if (this.wholeCache !== undefined) return this.wholeCache.slice(start, end);
    if (start === end) return '';
    let b = this.blockAt(start);
    const first = this.blocks[b];
    const from = start - this.starts[b];
    if (end <= this.starts[b] + first.length) return first.slice(from, end - this.starts[b]);
    const parts = [first.slice(from)];
    for (b++; b < this.blocks.length && this.starts[b] + this.blocks[b].length <= end; b++) parts.push(this.blocks[b]);
    if (b < this.blocks.length && this.starts[b] < end) parts.push(this.blocks[b].slice(0, end - this.starts[b]));
    return parts.join('');
  }

  /**
   * Whether `needle` (which must not contain a line break: blocks end at line feeds) occurs in the text. `${` (what
   * makes a file a template, asked on every publication) is kept per block, so it costs nothing per edit.
   */
  includes(needle: string): boolean {
    if (needle === PLACEHOLDER) return this.placeholderBlocks > 0;
    if (this.wholeCache !== undefined) return this.wholeCache.includes(needle);
    for (const block of this.blocks) if (block.includes(needle)) return true;
    return false;
  }

  /** The text from the start to the end of line `lines - 1` (at most the whole text). */
  head(lines: number): string {
    let at = 0;
    for (let l = 0; l < lines && at < this.total; l++) {
      const next = this.offsetAt(l + 1, 0);
      if (next <= at) break;
      at = next;
    }
    return this.slice(0, at);
  }

  /** Replaces the whole text (a full-content change). */
  replaceAll(text: string): void {
    const oldLength = this.total;
    this.reset(text);
    this.record({ start: 0, oldEnd: oldLength, newEnd: text.length });
  }

  /** Applies edits in order, as one revision. */
  apply(edits: readonly TextEditAt[]): void {
    let region: ChangedRegion | undefined;
    for (const e of edits) {
      const start = Math.max(0, Math.min(e.start, e.end, this.total));
      const end = Math.min(this.total, Math.max(e.start, e.end, start));
      this.edit(start, end, e.text);
      region = region
        ? compose(region, { start, oldEnd: end, newEnd: start + e.text.length })
        : { start, oldEnd: end, newEnd: start + e.text.length };
    }
    this.record(region ?? { start: 0, oldEnd: 0, newEnd: 0 });
  }

  /** The region changed since `revision`, in this revision's offsets; undefined when too old or unknown. */
  changedSince(revision: number): ChangedRegion | undefined {
    const back = this.revision - revision;
    if (back < 0 || back > this.regions.length) return undefined;
    let region: ChangedRegion | undefined;
    for (let k = this.regions.length - back; k < this.regions.length; k++)
      region = region ? compose(region, this.regions[k]) : this.regions[k];
    return region ?? { start: 0, oldEnd: 0, newEnd: 0 };
  }

  get lineCount(): number {
    const last = this.blocks.length - 1;
    this.knowLinesUpTo(last);
    return this.lineBase[last] + this.countOf(last);
  }

  /** The LSP position of an offset (vscode-languageserver-textdocument's positionAt). */
  positionAt(offset: number): { line: number; character: number } {
    offset = Math.max(0, Math.min(offset, this.total));
    const b = this.blockAt(offset);
    const lines = this.linesOf(b);
    let rel = offset - this.starts[b];
    let lo = 0;
    let hi = lines.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (lines[mid] > rel) hi = mid;
      else lo = mid + 1;
    }
    const line = lo - 1;
    rel = this.beforeLineEnd(this.blocks[b], rel, lines[line]);
    this.knowLinesUpTo(b);
    return { line: this.lineBase[b] + line, character: rel - lines[line] };
  }

  /** The offset of an LSP position (vscode-languageserver-textdocument's offsetAt). */
  offsetAt(line: number, character: number): number {
    if (line < 0) return 0;
    const b = this.blockOfLine(line);
    if (b < 0) return this.total;
    const lines = this.linesOf(b);
    const k = line - this.lineBase[b];
    const lineStart = lines[k];
    if (character <= 0) return this.starts[b] + lineStart;
    const block = this.blocks[b];
    const next = k + 1 < lines.length ? lines[k + 1] : block.length;
    const rel = Math.min(lineStart + character, next);
    return this.starts[b] + this.beforeLineEnd(block, rel, lineStart);
  }

  /** Adds (or, with -1, removes) a block's marks to the counts; returns them. */
  private count(marks: number, sign: 1 | -1): number {
    if (marks & MARK_LONE_CR) this.loneCrBlocks += sign;
    if (marks & MARK_PLACEHOLDER) this.placeholderBlocks += sign;
    return marks;
  }

  private reset(text: string): void {
    this.blocks = [];
    this.starts = [];
    this.lineStarts = [];
    this.lineCounts = [];
    this.marks = [];
    this.loneCrBlocks = 0;
    this.placeholderBlocks = 0;
    this.lineBase = [];
    this.linesKnown = 0;
    this.total = text.length;
    this.wholeCache = text;
    // Slices of the text, not copies: the text stays alive as long as an unedited block refers to it.
    const pieces = split(text, this.blockChars);
    for (let i = 0; i < pieces.length; i++) this.pushBlock(pieces[i], i === 0 ? 0 : this.starts[i - 1] + pieces[i - 1].length);
  }

  private pushBlock(text: string, start: number): void {
    this.blocks.push(text);
    this.starts.push(start);
    this.lineStarts.push(undefined);
    this.lineCounts.push(-1);
    this.marks.push(this.count(marksOf(text), 1));
  }

  private record(region: ChangedRegion): void {
    this.revision++;
    this.regions.push(region);
    if (this.regions.length > REGION_LOG) this.regions.splice(0, this.regions.length - REGION_LOG);
  }

  private edit(start: number, end: number, inserted: string): void {
    this.wholeCache = undefined;
    let b0 = this.blockAt(start);
    let b1 = end > start ? this.blockAt(end - 1) : b0;
    // An insertion at a block's first character could go to the end of the block before; either is right.
    let text = this.blocks[b0].slice(0, start - this.starts[b0]) + inserted + this.blocks[b1].slice(end - this.starts[b1]);
    // Every block but the last ends with a line feed: take in the following blocks until that holds again.
    while (b1 < this.blocks.length - 1 && text.length > 0 && text.charCodeAt(text.length - 1) !== LF) text += this.blocks[++b1];
    const at = this.starts[b0];
    const pieces =
      text.length > 2 * this.blockChars ? split(text, this.blockChars) : text.length > 0 || this.blocks.length === 1 ? [text] : [];
    const removed = b1 - b0 + 1;
    const delta = inserted.length - (end - start);
    for (let k = b0; k <= b1; k++) this.count(this.marks[k], -1);
    const starts: number[] = [];
    let s = at;
    for (const p of pieces) {
      starts.push(s);
      s += p.length;
    }
    const marks = pieces.map((p) => this.count(marksOf(p), 1));
    this.blocks.splice(b0, removed, ...pieces);
    this.starts.splice(b0, removed, ...starts);
    this.lineStarts.splice(b0, removed, ...pieces.map(() => undefined));
    this.lineCounts.splice(b0, removed, ...pieces.map(() => -1));
    this.marks.splice(b0, removed, ...marks);
    for (let k = b0 + pieces.length; k < this.starts.length; k++) this.starts[k] += delta;
    // The block before may have become the last one: its last line's start (after its final line feed) now counts.
    if (b0 > 0) {
      this.lineStarts[b0 - 1] = undefined;
      this.lineCounts[b0 - 1] = -1;
    }
    if (this.blocks.length === 0) {
      this.pushBlock('', 0);
      b0 = 0;
    }
    this.total += delta;
    this.linesKnown = Math.min(this.linesKnown, Math.max(0, b0 - 1));
    this.lineBase.length = this.linesKnown;
  }

  /** The block containing `offset` (the last block for the end of the text). */
  private blockAt(offset: number): number {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    // Empty blocks do not occur except a lone empty text, so `lo` holds the offset.
    return lo;
  }

  /** Line starts within block b: 0, then after every line break (the one ending a non-last block excluded). */
  private linesOf(b: number): Int32Array {
    const known = this.lineStarts[b];
    if (known) return known;
    const block = this.blocks[b];
    const out = lineStarts(block);
    if (out.length > 1 && this.finalBreakEndsBlock(b)) out.pop();
    const lines = Int32Array.from(out);
    this.lineStarts[b] = lines;
    return lines;
  }

  /** linesOf(b).length, without the offsets unless they are known. */
  private countOf(b: number): number {
    const known = this.lineStarts[b];
    if (known) return known.length;
    if (this.lineCounts[b] >= 0) return this.lineCounts[b];
    let n = lineCount(this.blocks[b]);
    if (n > 1 && this.finalBreakEndsBlock(b)) n--;
    this.lineCounts[b] = n;
    return n;
  }

  /** Whether block b ends with a line break that starts its line in the next block (every block but the last). */
  private finalBreakEndsBlock(b: number): boolean {
    const block = this.blocks[b];
    const last = block.charCodeAt(block.length - 1);
    return b < this.blocks.length - 1 && (last === LF || last === CR);
  }

  private knowLinesUpTo(b: number): void {
    for (let k = this.linesKnown; k <= b; k++) this.lineBase[k] = k === 0 ? 0 : this.lineBase[k - 1] + this.countOf(k - 1);
    this.linesKnown = Math.max(this.linesKnown, b + 1);
  }

  /** The block holding line `line`, or -1 past the last line. */
  private blockOfLine(line: number): number {
    // Lines are indexed as far as needed, block by block, until the line is found.
    const last = this.blocks.length - 1;
    if (this.linesKnown > 0) {
      const k = this.linesKnown - 1;
      if (line >= this.lineBase[k] + this.countOf(k)) {
        for (let b = this.linesKnown; b <= last; b++) {
          this.knowLinesUpTo(b);
          if (line < this.lineBase[b] + this.countOf(b)) return b;
        }
        return -1;
      }
    } else {
      for (let b = 0; b <= last; b++) {
        this.knowLinesUpTo(b);
        if (line < this.lineBase[b] + this.countOf(b)) return b;
      }
      return -1;
    }
    let lo = 0;
    let hi = this.linesKnown - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.lineBase[mid] <= line) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  private beforeLineEnd(block: string, rel: number, lineStart: number): number {
    while (rel > lineStart) {
      const c = block.charCodeAt(rel - 1);
      if (c !== LF && c !== CR) break;
      rel--;
    }
    return rel;
  }
}

/** Pieces of about `size` characters, each ending just after a line feed (the last one excepted). */
function split(text: string, size: number): string[] {
  if (text.length <= size) return [text];
  const out: string[] = [];
  let at = 0;
  while (text.length - at > size) {
    const nl = text.indexOf('\n', at + size - 1);
    if (nl < 0) break;
    out.push(text.slice(at, nl + 1));
    at = nl + 1;
  }
  if (at < text.length) out.push(text.slice(at));
  return out;
}

const PLACEHOLDER = '${';
const MARK_LONE_CR = 1;
const MARK_PLACEHOLDER = 2;

function marksOf(text: string): number {
  return (hasLoneCr(text) ? MARK_LONE_CR : 0) | (text.includes(PLACEHOLDER) ? MARK_PLACEHOLDER : 0);
}

function hasLoneCr(text: string): boolean {
  for (let i = text.indexOf('\r'); i >= 0; i = text.indexOf('\r', i + 1)) if (text.charCodeAt(i + 1) !== LF) return true;
  return false;
}

/**
 * `first` then `second` (offsets of the text `first` produced) as one region. The prefix before both starts is
 * untouched; the suffix must lie after `second`'s new end and, mapped back through `second`, after `first`'s.
 */
function compose(first: ChangedRegion, second: ChangedRegion): ChangedRegion {
  const delta1 = first.newEnd - first.oldEnd;
  const delta2 = second.newEnd - second.oldEnd;
  const newEnd = Math.max(second.newEnd, first.newEnd + delta2);
  return { start: Math.min(first.start, second.start), oldEnd: newEnd - delta1 - delta2, newEnd };
}
