/**
 * Incremental analysis of a YAML command file, one document chunk at a time, with no cost proportional to the
 * file on an edit beyond a native compare of the text:
 * - each chunk keeps its parsed fragment and its diagnostics relative to the chunk start (cached by the
 *   chunk's text, see ./yaml-chunks), so an edit parses and checks only the changed document;
 * - absolute diagnostics are rebuilt per version: the key-scope filter runs on the relative diagnostics and
 *   only the shown ones are placed (./placed-diagnostics), reusing a chunk's absolute copies while it stays put;
 * - the absolute tree (`file`) is materialised only when a feature asks for it, as views of the cached
 *   relative trees whose children are shifted on first access (./lazy-shift); `commandAt(offset)` places
 *   just one command.
 * Work can be done in slices (`advance(budgetMs)`) so a long first validation never blocks requests.
 */
import { checkCommand, syntaxDiagnostics, type CheckOptions, type Diagnostic, type ModelView } from '../checks';
import type { SourceFragment } from '../syntax/chunks';
import { parseYamlDocument } from '../syntax/yaml';
import type { CommandNode, SourceFile } from '../tree/types';
import { KeyScope, RelativeDiagnostics, UNKEYED, type Picked } from './placed-diagnostics';
import { capDiagnostics, moreProblems } from './capped';
import { applySeverityOverrides, type SeverityOverrides } from '../checks/severity-overrides';
import { detach, updateChunks, updateChunksAround, type ChunkList, type ChunkUpdate } from './yaml-chunks';
import { yamlLineEnds } from '../text/line-ends';
import type { PieceText } from '../text/piece-text';
import { lazilyShiftedFragment } from './lazy-shift';
import { PagedArray } from './paged-array';

const NO_OVERRIDES: SeverityOverrides = {};

/** See YamlChunkAnalysis.listing. */
interface Listing {
  limit: number;
  listed: Diagnostic[];
  listedErrors: number;
  /** Where the first diagnostic left out starts (the summary's position). */
  nextStart: number;
  /** The last chunk holding one of the listed diagnostics or the first one left out. */
  lastChunk: number;
}

/** The keyed diagnostic's index × 2, + 1 if it is an error (0 when there is none). */
function keyedOf(d: RelativeDiagnostics): number {
  return d.keyedAt < 0 ? 0 : d.keyedAt * 2 + (d.list[d.keyedAt].severity === 'error' ? 1 : 0);
}

export interface CheckConfig {
  model: ModelView;
  options: CheckOptions;
  /** Bumped whenever model or options change: cached diagnostics of an older generation are stale. */
  generation: number;
  /**
   * One-shot analysis (`ocip validate`): a chunk's tree is dropped once checked (parsed again if `file` or
   * `commandAt` asks), and chunk texts are not detached (the whole text lives as long as the analysis). Trees that
   * die young cost the garbage collector little; kept, each scavenge copies them (measured in bench/RESULTS.md).
   */
  oneShot?: boolean;
}

/** One document chunk's cached work. The fragment's spans are relative to the chunk start, commands numbered from 0. */
export interface ChunkEntry {
  fragment?: SourceFragment;
  /** The fragment as last placed in the file (absolute spans, numbered in the file), shared while the chunk stays put. */
  view?: { start: number; firstIndex: number; fragment: SourceFragment };
  /** Diagnostics relative to the chunk start; `command` = index within the chunk. */
  syntax?: RelativeDiagnostics;
  checks?: RelativeDiagnostics;
  generation?: number;
}

export class YamlChunkAnalysis {
  /** Chunks fully checked so far for this version. */
  private done = 0;
  /** Chunks parsed and checked afresh in this version (the rest came from the cache). */
  checked = 0;
  private diagnosticsCache?: Diagnostic[];
  private fileCache?: SourceFile;
  /** First command index of chunks 0..length-1 (filled on demand, in order). */
  private readonly firstIndexes: number[] = [];
  /**
   * Per checked chunk, in flat arrays (so a version's pass over 10,000 chunks reads small numbers, not scattered
   * objects): the signatures of its syntax and check diagnostics (./placed-diagnostics) and its command count.
   * Copied from the previous version for the chunks before and after the edited region. Typed arrays of the
   * chunk count: at 50,000 chunks, slicing and concatenating plain arrays (large-object allocations) cost ~8 ms per
   * version where typed copies cost ~0.02 ms (bench note "Edit → diagnostics over LSP").
   */
  private readonly syntaxSigs: Int32Array;
  private readonly checkSigs: Int32Array;
  private readonly counts: Int32Array;
  /**
   * How many syntax (check) diagnostics the chunk has, how many of them are errors, and its keyed one's index × 2
   * (+ 1 if an error): what `shown` needs of a chunk whose RelativeDiagnostics.soleKey is not -1 (the Sigs arrays hold
   * soleKey). At 50,000 commands with 5 % mistakes, reading these from the chunks' own objects (scattered over a
   * 650 MB heap) took ~3 ms of every edit.
   */
  private readonly syntaxLengths: Int32Array;
  private readonly checkLengths: Int32Array;
  private readonly syntaxErrors: Int32Array;
  private readonly checkErrors: Int32Array;
  private readonly syntaxKeyed: Int32Array;
  private readonly checkKeyed: Int32Array;
  /**
   * What the last capped `shown` without overrides listed (the placed diagnostics, before the summary), and the last
   * chunk it read. Passed on to the next version when the edit lies after that chunk: that version lists the same.
   */
  private listing?: Listing;
  /** Chunks from here on were copied from the previous version (checking reaching it is done). */
  private tailFrom = Number.MAX_SAFE_INTEGER;

  constructor(
    readonly chunks: ChunkList,
    readonly entries: PagedArray<ChunkEntry>,
    private readonly config: CheckConfig,
    previous?: { analysis: YamlChunkAnalysis; kept: number; tailFrom: number; shift: number },
  ) {
    this.syntaxSigs = new Int32Array(chunks.length);
    this.checkSigs = new Int32Array(chunks.length);
    this.counts = new Int32Array(chunks.length);
    this.syntaxLengths = new Int32Array(chunks.length);
    this.checkLengths = new Int32Array(chunks.length);
    this.syntaxErrors = new Int32Array(chunks.length);
    this.checkErrors = new Int32Array(chunks.length);
    this.syntaxKeyed = new Int32Array(chunks.length);
    this.checkKeyed = new Int32Array(chunks.length);
    // The previous version, fully checked with the same settings: its chunks outside the edited region need nothing.
    const old = previous?.analysis;
    if (!previous || !old!.complete || old!.config.generation !== config.generation) return;
    const { kept, tailFrom, shift } = previous;
    for (const [to, from] of [
      [this.syntaxSigs, old!.syntaxSigs],
      [this.checkSigs, old!.checkSigs],
      [this.counts, old!.counts],
      [this.syntaxLengths, old!.syntaxLengths],
      [this.checkLengths, old!.checkLengths],
      [this.syntaxErrors, old!.syntaxErrors],
      [this.checkErrors, old!.checkErrors],
      [this.syntaxKeyed, old!.syntaxKeyed],
      [this.checkKeyed, old!.checkKeyed],
    ] as const) {
      to.set(from.subarray(0, kept));
      if (tailFrom < chunks.length) to.set(from.subarray(tailFrom + shift), tailFrom);
    }
    this.done = kept;
    if (tailFrom < chunks.length) this.tailFrom = tailFrom;
    // Before kept - 1, not kept: a diagnostic at the very end of chunk kept - 1 starts where chunk kept does, and a
    // new one there could sort before it. Chunks are never empty, so chunk kept starts after every earlier one.
    if (old!.listing && old!.listing.lastChunk < kept - 1) this.listing = old!.listing;
  }

  get complete(): boolean {
    return this.done >= this.chunks.length;
  }

  /** Parses and checks chunks until done or `budgetMs` has passed; true when everything is done. */
  advance(budgetMs = Infinity): boolean {
    const until = performance.now() + budgetMs;
    while (this.done < this.chunks.length) {
      if (this.done === this.tailFrom) {
        this.done = this.chunks.length;
        break;
      }
      this.check(this.done++);
      // The clock after every unit: a cold process takes several ms per document at first (JIT, model chunks),
      // so eight of them made the first slice 70 ms at 10,000 commands, blocking a request sent with didOpen.
      if (performance.now() >= until) break;
    }
    return this.complete;
  }

  private parsed(i: number): ChunkEntry & { fragment: SourceFragment } {
    const entry = this.entries.get(i);
    if (!entry.fragment) {
      this.checked++;
      const { texts } = this.chunks;
      // A flat copy, so the cache does not keep this version's whole text alive (same content: safe to share).
      if (!this.config.oneShot) texts.replaceSame(i, detach(texts.get(i)));
      entry.fragment = parseYamlDocument(texts.get(i));
    }
    return entry as ChunkEntry & { fragment: SourceFragment };
  }

  private check(i: number): void {
    const entry = this.parsed(i);
    if (entry.generation !== this.config.generation || !entry.checks) this.checkChunk(entry);
    const { syntax, checks } = entry as Required<ChunkEntry>;
    this.syntaxSigs[i] = syntax.soleKey;
    this.checkSigs[i] = checks.soleKey;
    this.counts[i] = entry.fragment.commands.length;
    this.syntaxLengths[i] = syntax.list.length;
    this.checkLengths[i] = checks.list.length;
    this.syntaxErrors[i] = syntax.errors;
    this.checkErrors[i] = checks.errors;
    this.syntaxKeyed[i] = keyedOf(syntax);
    this.checkKeyed[i] = keyedOf(checks);
    if (this.config.oneShot) this.entries.get(i).fragment = undefined;
  }

  private checkChunk(entry: ChunkEntry & { fragment: SourceFragment }): void {
    const { fragment } = entry;
    entry.syntax = RelativeDiagnostics.of(syntaxDiagnostics({ format: 'yaml', commands: [], problems: fragment.problems }));
    const checks: Diagnostic[] = [];
    for (const cmd of fragment.commands) for (const d of checkCommand(cmd, 'yaml', this.config.model, this.config.options)) checks.push(d);
    entry.checks = RelativeDiagnostics.of(checks);
    entry.generation = this.config.generation;
  }

  /** Every diagnostic, absolute: syntax problems first (file order), then each command's (command order). */
  get diagnostics(): Diagnostic[] {
    // Syntax problems first (file order), then each command's; the key scopes run over that order (see `shown`).
    return (this.diagnosticsCache ??= this.shown(Infinity, NO_OVERRIDES));
  }

  get size(): number {
    return this.chunks.length;
  }

  /**
   * What a client is shown of `diagnostics` (of `diagnosticsSoFar()` with `soFar`): exactly
   * `capDiagnostics(applySeverityOverrides(list, overrides), limit)`, but only the diagnostics listed are placed
   * (given absolute spans). A large file often has a diagnostic on every command; placing and sorting them all after
   * each edit to publish the first `limit` took most of an edit (7.5 of 10 ms at 10,000 commands, about 70 ms at
   * 50,000). Checked against that expression in test/perf-equivalence/shown-diagnostics.test.ts.
   */
  shown(limit: number, overrides: SeverityOverrides, soFar = false): Diagnostic[] {
    if (this.diagnosticsCache) return capDiagnostics(applySeverityOverrides(this.diagnosticsCache, overrides), limit);
    if (!soFar) this.advance();
    const { chunks, entries, syntaxSigs, checkSigs, counts } = this;
    const done = soFar ? this.done : chunks.length;
    // The shown relative diagnostics, in the order of `diagnostics`: syntax problems (by chunk), then checks.
    const scope = new KeyScope();
    const syntax: Picked = { chunk: [], index: [], errors: 0 };
    const checks: Picked = { chunk: [], index: [], errors: 0 };
    // Chunks are decided from the flat arrays (not touching their objects) unless RelativeDiagnostics.pick must.
    // Whether a syntax diagnostic may carry a key id (then it can hide a check diagnostic of any earlier chunk).
    let syntaxHasKeys = false;
    const pickAll = (
      kind: 'syntax' | 'checks',
      sigs: Int32Array,
      lengths: Int32Array,
      errors: Int32Array,
      keyed: Int32Array,
      out: Picked,
    ) => {
      for (let i = 0; i < done; i++) {
        const sig = sigs[i];
        if (sig === 0) continue;
        if (kind === 'syntax' && sig !== UNKEYED) syntaxHasKeys = true;
        if (sig === -1) {
          entries.get(i)[kind]!.pick(scope, i, out);
          continue;
        }
        let skip = -1;
        out.errors += errors[i];
        if (sig > 0) {
          if (scope.has(sig)) {
            skip = keyed[i] >> 1;
            out.errors -= keyed[i] & 1;
          } else scope.mark(sig);
        }
        for (let k = 0, n = lengths[i]; k < n; k++) {
          if (k === skip) continue;
          out.chunk.push(i);
          out.index.push(k);
        }
      }
    };
    pickAll('syntax', syntaxSigs, this.syntaxLengths, this.syntaxErrors, this.syntaxKeyed, syntax);
    pickAll('checks', checkSigs, this.checkLengths, this.checkErrors, this.checkKeyed, checks);
    const overridden = Object.keys(overrides).length > 0;
    const severityOf = (d: Diagnostic): Diagnostic['severity'] | 'off' => (overridden ? (overrides[d.code] ?? d.severity) : d.severity);
    const relative = (kind: 'syntax' | 'checks', chunk: number, k: number) => entries.get(chunk)[kind]!.list[k];
    let kept = syntax.chunk.length + checks.chunk.length;
    let errors = syntax.errors + checks.errors;
    if (overridden) {
      kept = 0;
      errors = 0;
      for (const [kind, from] of [
        ['syntax', syntax],
        ['checks', checks],
      ] as const) {
        for (let n = 0; n < from.chunk.length; n++) {
          const severity = severityOf(relative(kind, from.chunk[n], from.index[n]));
          if (severity === 'off') continue;
          kept++;
          if (severity === 'error') errors++;
        }
      }
    }
    // First command index of each chunk, summed as far as asked (a typed array: no growth by copies).
    const firstIndexes = new Int32Array(done + 1);
    let indexed = 1;
    const firstIndexOf = (chunk: number) => {
      for (; indexed <= chunk; indexed++) firstIndexes[indexed] = firstIndexes[indexed - 1] + counts[indexed - 1];
      return firstIndexes[chunk];
    };
    const placed = (kind: 'syntax' | 'checks', chunk: number, k: number): Diagnostic => {
      const d = entries.get(chunk)[kind]!.placedAt(k, chunks.starts[chunk], kind === 'syntax' ? 0 : firstIndexOf(chunk));
      const severity = severityOf(d);
      return severity === d.severity || severity === 'off' ? d : { ...d, severity };
    };
    if (kept <= limit) {
      const out: Diagnostic[] = [];
      for (const [kind, from] of [
        ['syntax', syntax],
        ['checks', checks],
      ] as const)
        for (let n = 0; n < from.chunk.length; n++)
          if (severityOf(relative(kind, from.chunk[n], from.index[n])) !== 'off') out.push(placed(kind, from.chunk[n], from.index[n]));
      return out;
    }
    // The previous version listed the same: its listing ends before the edited chunks (the constructor checked that),
    // and the key scopes of the chunks before them are the same (no syntax diagnostic has a key id, and the check
    // pass reaches them before any later chunk). Only the summary's counts change.
    const reusable = !overridden && !soFar && !syntaxHasKeys;
    const listing = this.listing;
    if (reusable && listing?.limit === limit) {
      const out = listing.listed.slice();
      out.push(moreProblems(kept - limit, errors - listing.listedErrors, listing.nextStart, limit));
      return out;
    }
    // The first `limit` by position lie in the first chunks: walk chunks in order, collecting their kept diagnostics,
    // until more than `limit` are collected and the next chunk starts after every one (later ones sort after them).
    interface Item {
      start: number;
      end: number;
      order: number;
      kind: 'syntax' | 'checks';
      chunk: number;
      k: number;
    }
    const items: Item[] = [];
    let s = 0;
    let c = 0;
    let maxStart = -1;
    const collect = (kind: 'syntax' | 'checks', from: Picked, n: number, base: number) => {
      const chunk = from.chunk[n];
      const d = relative(kind, chunk, from.index[n]);
      if (severityOf(d) === 'off') return;
      const at = chunks.starts[chunk];
      const start = at + d.span.start;
      items.push({ start, end: at + d.span.end, order: base + n, kind, chunk, k: from.index[n] });
      if (start > maxStart) maxStart = start;
    };
    // Chunk by chunk, only those with diagnostics (both lists are in chunk order).
    const syntaxCount = syntax.chunk.length;
    const checkCount = checks.chunk.length;
    while (s < syntaxCount || c < checkCount) {
      const chunk = Math.min(s < syntaxCount ? syntax.chunk[s] : done, c < checkCount ? checks.chunk[c] : done);
      if (items.length > limit && chunks.starts[chunk] > maxStart) break;
      for (; s < syntaxCount && syntax.chunk[s] === chunk; s++) collect('syntax', syntax, s, 0);
      for (; c < checkCount && checks.chunk[c] === chunk; c++) collect('checks', checks, c, syntaxCount);
    }
    items.sort((a, b) => a.start - b.start || a.end - b.end || a.order - b.order);
    const out: Diagnostic[] = [];
    let listedErrors = 0;
    for (let n = 0; n < limit; n++) {
      const d = placed(items[n].kind, items[n].chunk, items[n].k);
      if (d.severity === 'error') listedErrors++;
      out.push(d);
    }
    if (reusable) {
      let lastChunk = 0;
      for (let n = 0; n <= limit; n++) lastChunk = Math.max(lastChunk, items[n].chunk);
      this.listing = { limit, listed: out.slice(), listedErrors, nextStart: items[limit].start, lastChunk };
    }
    out.push(moreProblems(kept - limit, errors - listedErrors, items[limit].start, limit));
    return out;
  }

  /** The diagnostics of the chunks checked so far; same order and key scopes as `diagnostics` restricted to them. */
  diagnosticsSoFar(): Diagnostic[] {
    return this.diagnosticsCache ?? this.shown(Infinity, NO_OVERRIDES, true);
  }

  /** The whole tree with absolute spans, built on first use; only chunks that moved are shifted. */
  get file(): SourceFile {
    if (this.fileCache) return this.fileCache;
    const commands: CommandNode[] = [];
    const problems: SourceFile['problems'] = [];
    for (let i = 0; i < this.chunks.length; i++) {
      const fragment = this.placeFragment(i, commands.length);
      for (const c of fragment.commands) commands.push(c);
      for (const p of fragment.problems) problems.push(p);
    }
    return (this.fileCache = { format: 'yaml', commands, problems });
  }

  /**
   * The command of the document containing `offset` (undefined in a document without one), with absolute spans.
   * Parses only that document; its `index` is worked out when first read (it needs the documents before it parsed).
   */
  commandAt(offset: number): CommandNode | undefined {
    if (this.fileCache) return this.fileCache.commands.find((c) => c.span.start <= offset && offset <= c.span.end) ?? this.nearest(offset);
    const i = this.chunkIndexAt(offset);
    if (i < 0) return undefined;
    const fragment = this.indexKnown(i)
      ? this.placeFragment(i, this.firstIndexOf(i))
      : lazilyShiftedFragment(this.parsed(i).fragment, this.chunks.start(i), () => this.firstIndexOf(i));
    return fragment.commands.find((c) => c.span.start <= offset && offset <= c.span.end) ?? fragment.commands[0];
  }

  documentAt(offset: number): { start: number; text: string; command?: CommandNode } | undefined {
    const i = this.chunkIndexAt(offset);
    if (i < 0) return undefined;
    const start = this.chunks.start(i);
    const text = this.chunks.text(i);
    const relative = offset - start;
    const { commands } = this.parsed(i).fragment;
    return { start, text, command: commands.find((c) => c.span.start <= relative && relative <= c.span.end) ?? commands[0] };
  }

  private nearest(offset: number): CommandNode | undefined {
    const i = this.chunkIndexAt(offset);
    if (i < 0) return undefined;
    const start = this.chunks.start(i);
    const end = this.chunks.end(i);
    return this.fileCache!.commands.find((c) => c.span.start >= start && c.span.start < end);
  }

  private chunkIndexAt(offset: number): number {
    let lo = 0;
    let hi = this.chunks.length - 1;
    if (hi < 0) return -1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.chunks.start(mid) <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  /** Whether the first command index of chunk `i` is known without parsing more chunks. */
  private indexKnown(i: number): boolean {
    if (this.firstIndexes.length > i) return true;
    for (let k = Math.max(0, this.firstIndexes.length - 1); k < i; k++) if (!this.entries.get(k).fragment) return false;
    return true;
  }

  /** Index of the first command of chunk `i`; parses the chunks before it that are not parsed yet. */
  private firstIndexOf(i: number): number {
    const out = this.firstIndexes;
    for (let k = out.length; k <= i; k++) out.push(k === 0 ? 0 : out[k - 1] + this.parsed(k - 1).fragment.commands.length);
    return out[i];
  }

  /** The chunk's fragment placed at its offset and first command index; a view that shifts lazily. */
  private placeFragment(i: number, firstIndex: number): SourceFragment {
    const entry = this.parsed(i);
    const start = this.chunks.start(i);
    if (start === 0 && firstIndex === 0) return entry.fragment;
    const view = entry.view;
    if (view && view.start === start && view.firstIndex === firstIndex) return view.fragment;
    const fragment = lazilyShiftedFragment(entry.fragment, start, firstIndex);
    entry.view = { start, firstIndex, fragment };
    return fragment;
  }
}

/**
 * Keeps the chunks and entries of the last version of one document, so the next version reuses them.
 * The text comes as a string (compared with the previous one to find what changed) or as an open document's
 * blocks (core/text/piece-text), which say what changed since the revision analysed last: then nothing
 * proportional to the whole text is read or copied.
 */
export class YamlAnalyzerState {
  private last?: YamlChunkAnalysis;
  private chunks?: ChunkList;
  private entries = PagedArray.from<ChunkEntry>([]);
  /** The previous text (string input), or undefined when it came as blocks (then its chunks hold it). */
  private text?: string;
  private length = 0;
  /** The blocks analysed last, their revision, and whether that text had a lone CR (made LF in the chunks). */
  private source?: { text: PieceText; revision: number; loneCr: boolean };

  next(input: string | PieceText, config: CheckConfig): YamlChunkAnalysis {
    const update = this.chunksOf(input);
    const old = this.entries;
    const byText = new Map<string, ChunkEntry>();
    for (let k = 0; k < update.replaced.length; k++) {
      const at = update.kept + k;
      const entry = at < old.length ? old.get(at) : undefined;
      if (entry) byText.set(update.replaced[k], entry);
    }
    // Entries before `kept` and from `tailFrom` on are the previous version's (shared pages); the region's are
    // reused by text where they can be.
    const middle: ChunkEntry[] = [];
    const middleEnd = Math.min(update.tailFrom, update.chunks.length);
    for (let i = update.kept; i < middleEnd; i++) {
      // (Looked up only when there are old chunks to reuse: hashing every text of a newly opened file costs ~10 ms.)
      const text = update.chunks.text(i);
      const reused = byText.size > 0 ? byText.get(text) : undefined;
      if (reused) byText.delete(text);
      middle.push(reused ?? {});
    }
    const oldTail = Math.min(update.tailFrom + update.shift, old.length);
    const entries = old.splice(update.kept, oldTail, middle);
    this.chunks = update.chunks;
    this.entries = entries;
    const previous = this.last && { analysis: this.last, kept: update.kept, tailFrom: update.tailFrom, shift: update.shift };
    return (this.last = new YamlChunkAnalysis(update.chunks, entries, config, previous));
  }

  private chunksOf(input: string | PieceText): ChunkUpdate {
    if (typeof input !== 'string') {
      const loneCr = input.hasLoneCr;
      const source = this.source;
      // Lone CRs are made LF (core/text/line-ends) only on the whole-text path, so both versions must have none.
      const region = source?.text === input && !source.loneCr && !loneCr ? input.changedSince(source.revision) : undefined;
      const previousLength = this.length;
      this.source = { text: input, revision: input.revision, loneCr };
      this.length = input.length;
      if (region && this.chunks) {
        this.text = undefined;
        return updateChunksAround(this.chunks, previousLength, input, region.start, previousLength - region.oldEnd);
      }
      input = input.whole();
    } else this.source = undefined;
    // A lone CR is a YAML line break: made LF, offsets unchanged (core/text/line-ends).
    const text = yamlLineEnds(input);
    const previousText = this.text ?? (this.chunks ? this.chunks.texts.slice().join('') : '');
    this.text = text;
    this.length = text.length;
    return updateChunks(this.chunks, previousText, text);
  }

  /** Forget everything (e.g. the document was replaced wholesale by another format). */
  reset(): void {
    this.chunks = undefined;
    this.last = undefined;
    this.entries = PagedArray.from<ChunkEntry>([]);
    this.text = undefined;
    this.source = undefined;
    this.length = 0;
  }
}
