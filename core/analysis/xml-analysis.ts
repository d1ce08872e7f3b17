/**
 * Incremental analysis of an XML command file, one piece at a time (the file is cut before every `<command`
 * start tag, see core/syntax/xml), like the YAML analysis: after an edit only the edited piece is scanned,
 * assembled and checked, whatever the size of the file.
 * - the piece starts of the new version come from the old ones and a scan of the edited region (./xml-pieces);
 * - each piece keeps its fragment, its assembly (per state at its start, core/syntax/xml-assemble) and its
 *   diagnostics, all relative to the piece start, so a piece that merely moved costs nothing;
 * - per version, what is known per piece (result, first command index, state after it, diagnostics signature,
 *   file-level bits) sits in flat arrays copied from the previous version for the pieces before and after the
 *   edited region (when the state entering the tail is unchanged), so the O(pieces) part is array copying and
 *   a scan of small numbers, never a walk over thousands of scattered objects;
 * - only the shown diagnostics are placed (./placed-diagnostics), and the absolute tree is materialised only
 *   when read, as lazy views (./lazy-shift); `commandAt` places one command.
 * Arrays are per version and cached data is position-free, so an older analysis stays valid.
 */
import { scansWithinCommand } from '../authoring/cursor-xml';
import { checkCommand, checkFileLevel, type Diagnostic } from '../checks';
import { shiftEnvelope, shiftElement, shiftSpan } from '../syntax/chunks';
import { commandContext, contextKey, headContext } from '../syntax/xml';
import {
  assemblePiece,
  FILE_START,
  MAX_PROBLEMS,
  stateKey,
  unclosedEnvelope,
  withLateProblem,
  type PieceAssembly,
  type PieceState,
} from '../syntax/xml-assemble';
import { parseFragment, type Fragment, type FragmentContext } from '../syntax/xmlFragment';
import type { CommandNode, EnvelopeNode, SourceFile, SyntaxProblem } from '../tree/types';
import type { Analysis } from './analyzer';
import { lazilyShiftedFragment } from './lazy-shift';
import { KeyScope, RelativeDiagnostics } from './placed-diagnostics';
import { updateStarts, updateStartsAround, type StartsUpdate } from './xml-pieces';
import type { PieceText } from '../text/piece-text';
import type { CheckConfig } from './yaml-analysis';
import { detach, type TextAccess } from './yaml-chunks';

/** A piece's assembly for one state at its start, with what depends on it; spans relative to the piece start. */
interface PieceResult {
  key: number;
  assembly: PieceAssembly;
  /** FILE_BITS of the assembly. */
  bits: number;
  checks?: RelativeDiagnostics;
  generation?: number;
  /** The commands as last placed (lazy views), while the piece stays at `start` with its first command `firstIndex`. */
  view?: { start: number; firstIndex: number; commands: CommandNode[] };
}

/** What a piece contributes to the file level: problems, envelope parts. */
const HAS_PROBLEMS = 1;
const HAS_ENVELOPE = 2;

function fileBits(assembly: PieceAssembly): number {
  const envelope = assembly.envelope || assembly.envelopeChildren.length || assembly.envelopeEnd !== undefined;
  return (assembly.problems.length ? HAS_PROBLEMS : 0) | (envelope ? HAS_ENVELOPE : 0);
}

/** The previous version, complete, and how its pieces map to this one's. */
interface Previous {
  analysis: XmlPieceAnalysis;
  keptPieces: number;
  tailPieces: number;
  shift: number;
}

interface PieceEntry {
  /** The piece's text (made a flat copy when parsed: it must not keep a whole old version of the document alive). */
  text: string;
  /** contextKey of the context `fragment` was parsed in. */
  context: string;
  fragment?: Fragment;
  results: PieceResult[];
}

export class XmlPieceAnalysis implements Analysis {
  /** Pieces checked afresh in this version (the rest came from the cache). */
  checked = 0;
  /** Pieces checked so far. */
  private done = 0;
  /** Pieces assembled so far: their results, first command indexes and the state after them are known. */
  private assembled = 0;
  private results: PieceResult[] = [];
  private firstIndexes: number[] = [];
  /** stateKey of the state after each piece. */
  private exitKeys: number[] = [];
  /** RelativeDiagnostics.signature of each checked piece. */
  private sigs: number[] = [];
  /** fileBits of each assembled piece. */
  private bits: number[] = [];
  private exit: PieceState = FILE_START;
  /** Where the pieces copied from the previous version begin again after the edited region (0: none). */
  private tailStart = 0;
  /** Signatures of the copied tail when its checks are still valid: `advance` jumps over it. */
  private tailSigs?: number[];
  private nextIndex = 0;
  private readonly headContext: FragmentContext;
  private readonly headKey: string;
  private commandContextCache?: { context: FragmentContext; key: string };
  private diagnosticsCache?: Diagnostic[];
  private fileCache?: SourceFile;
  private envelopeCache?: { envelope?: EnvelopeNode };

  constructor(
    /** The text's length (the analysis reads its pieces, never the whole text). */
    private readonly textLength: number,
    /** Piece 0 is the head (before the first start), piece i + 1 starts at starts[i]. */
    private readonly starts: number[],
    private readonly entries: PieceEntry[],
    private readonly config: CheckConfig,
    private previous?: Previous,
  ) {
    this.headContext = headContext(starts.length > 0);
    this.headKey = contextKey(this.headContext);
    if (previous) this.copyKept(previous);
    // Without a tail to copy the previous version is not needed any more (and must not be kept alive in a chain).
    if (previous && previous.tailPieces >= this.pieces) this.previous = undefined;
  }

  /** The pieces before the edit: everything as in the previous version. */
  private copyKept({ analysis: old, keptPieces: kept }: Previous): void {
    if (kept === 0) return;
    this.results = old.results.slice(0, kept);
    this.firstIndexes = old.firstIndexes.slice(0, kept);
    this.exitKeys = old.exitKeys.slice(0, kept);
    this.bits = old.bits.slice(0, kept);
    this.assembled = kept;
    this.nextIndex = old.firstIndexes[kept - 1] + this.results[kept - 1].assembly.commands.length;
    this.exit = this.results[kept - 1].assembly.exit;
    this.commandContextCache = old.commandContextCache;
    if (old.config.generation === this.config.generation && old.done >= kept) {
      this.sigs = old.sigs.slice(0, kept);
      this.done = kept;
    }
  }

  /**
   * The pieces after the edited region, when the state entering them and the context are as before: their
   * results as in the previous version, first command indexes moved by the change in commands before them.
   */
  private copyTail(): boolean {
    const previous = this.previous!;
    this.previous = undefined;
    const old = previous.analysis;
    const from = previous.tailPieces;
    const oldFrom = from + previous.shift;
    if (stateKey(this.exit) !== old.exitKeys[oldFrom - 1]) return false;
    if (this.commandContext().key !== old.commandContext().key) return false;
    const moved = this.nextIndex - old.firstIndexes[oldFrom];
    this.results = this.results.concat(old.results.slice(oldFrom));
    this.exitKeys = this.exitKeys.concat(old.exitKeys.slice(oldFrom));
    this.bits = this.bits.concat(old.bits.slice(oldFrom));
    const firstIndexes = old.firstIndexes.slice(oldFrom);
    if (moved !== 0) for (let k = 0; k < firstIndexes.length; k++) firstIndexes[k] += moved;
    this.firstIndexes = this.firstIndexes.concat(firstIndexes);
    this.nextIndex = old.nextIndex + moved;
    this.exit = old.exit;
    this.assembled = this.pieces;
    this.tailStart = from;
    if (old.config.generation === this.config.generation && old.complete) this.tailSigs = old.sigs.slice(oldFrom);
    return true;
  }

  get assembledAll(): boolean {
    return this.assembled >= this.pieces;
  }

  private get pieces(): number {
    return this.starts.length + 1;
  }

  private startOf(i: number): number {
    return i === 0 ? 0 : this.starts[i - 1];
  }

  get complete(): boolean {
    return this.done >= this.pieces;
  }

  advance(budgetMs = Infinity): boolean {
    const until = performance.now() + budgetMs;
    const { generation, model, options } = this.config;
    while (this.done < this.pieces) {
      const i = this.done;
      this.assembleThrough(i);
      if (this.tailSigs && i === this.tailStart) {
        this.sigs = this.sigs.concat(this.tailSigs);
        this.tailSigs = undefined;
        this.done = this.pieces;
        break;
      }
      this.done++;
      const result = this.results[i];
      if (result.generation !== generation || !result.checks) {
        this.checked++;
        const list: Diagnostic[] = [];
        for (const cmd of result.assembly.commands) for (const d of checkCommand(cmd, 'xml', model, options)) list.push(d);
        result.checks = RelativeDiagnostics.of(list);
        result.generation = generation;
      }
      this.sigs[i] = result.checks.signature;
      // The clock after every unit: a cold process takes several ms per document at first (JIT, model chunks),
      // so eight of them made the first slice 70 ms at 10,000 commands, blocking a request sent with didOpen.
      if (performance.now() >= until) break;
    }
    return this.complete;
  }

  get size(): number {
    return this.pieces;
  }

  /** The checked pieces' command diagnostics (file-level syntax and envelope wait for `diagnostics`). */
  diagnosticsSoFar(): Diagnostic[] {
    if (this.diagnosticsCache) return this.diagnosticsCache;
    const out: Diagnostic[] = [];
    const scope = new KeyScope();
    const { sigs } = this;
    const done = Math.min(this.done, sigs.length);
    for (let i = 0; i < done; i++) {
      const sig = sigs[i];
      if (sig === 0 || (sig > 0 && scope.has(sig))) continue;
      this.results[i].checks!.emit(this.startOf(i), this.firstIndexes[i], scope, out);
    }
    return out;
  }

  /** File-level diagnostics (syntax, envelope), then each command's; key scopes over that order. */
  get diagnostics(): Diagnostic[] {
    if (this.diagnosticsCache) return this.diagnosticsCache;
    this.advance();
    const envelope = this.envelope();
    // The envelope checks read the commands (count, first start): materialise them only when there is one.
    const fileLevel = checkFileLevel({ format: 'xml', commands: envelope ? this.file.commands : [], problems: this.problems(), envelope });
    const out: Diagnostic[] = [];
    const scope = new KeyScope();
    new RelativeDiagnostics(fileLevel).emit(0, 0, scope, out);
    const { sigs } = this;
    for (let i = 0; i < sigs.length; i++) {
      const sig = sigs[i];
      // Most pieces: no diagnostics, or only a repeated group hint; decided without touching the piece.
      if (sig === 0 || (sig > 0 && scope.has(sig))) continue;
      this.results[i].checks!.emit(this.startOf(i), this.firstIndexes[i], scope, out);
    }
    return (this.diagnosticsCache = out);
  }

  get file(): SourceFile {
    if (this.fileCache) return this.fileCache;
    this.assembleThrough(this.pieces - 1);
    const commands: CommandNode[] = [];
    for (let i = 0; i < this.pieces; i++) for (const c of this.placedCommands(i)) commands.push(c);
    const file: SourceFile = { format: 'xml', commands, problems: this.problems() };
    const envelope = this.envelope();
    if (envelope) file.envelope = envelope;
    return (this.fileCache = file);
  }

  /** The first command whose element contains `offset`, absolute; scans only its piece (and reads no index). */
  commandAt(offset: number): CommandNode | undefined {
    if (this.fileCache) return this.fileCache.commands.find((c) => c.span.start <= offset && offset <= c.span.end);
    const i = this.pieceAt(offset);
    // A command of the piece before may end right where this piece starts.
    if (i > 0 && offset === this.startOf(i)) {
      const before = this.commandIn(i - 1, offset);
      if (before) return before;
    }
    return this.commandIn(i, offset);
  }

  private commandIn(i: number, offset: number, base = 0): CommandNode | undefined {
    const start = this.startOf(i);
    const commands = this.resultForCommands(i).assembly.commands;
    const at = offset - start;
    const found = commands.find((c) => c.span.start <= at && at <= c.span.end);
    if (!found) return undefined;
    const relative = found.index;
    const firstIndex =
      i < this.assembled ? this.firstIndexes[i] + relative : () => (this.assembleThrough(i), this.firstIndexes[i] + relative);
    return lazilyShiftedFragment({ commands: [found], problems: [] }, start - base, firstIndex).commands[0];
  }

  /**
   * For a cursor inside a command element: that command's piece, with the end of the piece before it back to the
   * start of the line holding its last `<` (what the cursor scan reads before the command: core/authoring/
   * cursor-xml `scansWithinCommand`), so hover and completion right after a keystroke need not build the whole
   * text of a large file (~40 ms at 10,000 commands). Undefined whenever the answer could differ from the whole
   * text's: the cursor outside the piece's parsed command, the scan reading past the piece, the line or the `<`
   * further back than the piece before.
   */
  documentAt(offset: number): { start: number; text: string; command?: CommandNode } | undefined {
    if (this.fileCache) return undefined;
    const i = this.pieceAt(offset);
    // Piece 1's window would be the whole head; the head is read from the file's start anyway.
    if (i < 2) return undefined;
    const pieceStart = this.startOf(i);
    const before = this.entries[i - 1].text;
    const lastOpen = before.lastIndexOf('<');
    const lineStart = before.lastIndexOf('\n') + 1;
    if (lastOpen < 0 || lineStart === 0) return undefined;
    const from = Math.min(lastOpen, lineStart);
    const start = this.startOf(i - 1) + from;
    const text = before.slice(from) + this.entries[i].text;
    // The scan starts from the parsed command's start tag (with another start, or none, it reads back further).
    const command = this.commandIn(i, offset, start);
    if (command?.span.start !== pieceStart - start || !scansWithinCommand(text, offset - start, pieceStart - start)) return undefined;
    return { start, text, command };
  }

  /**
   * A result of piece `i` whose commands are the ones of this version. When the piece begins with a command
   * element its commands do not depend on the state at its start (a command makes the envelope unopenable), so
   * the pieces before need not be parsed; otherwise they are.
   */
  private resultForCommands(i: number): PieceResult {
    if (i < this.assembled) return this.results[i];
    const first = this.fragmentOf(i).items[0];
    if (i === 0 || first?.kind !== 'element' || first.node.name !== 'command') {
      this.assembleThrough(i);
      return this.results[i];
    }
    this.assembleThrough(0);
    return this.resultOf(i, { envelope: this.results[0].assembly.exit.envelope, anyCommand: true });
  }

  private pieceAt(offset: number): number {
    let lo = 0;
    let hi = this.starts.length;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid - 1] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  private commandContext(): { context: FragmentContext; key: string } {
    if (!this.commandContextCache) {
      this.assembleThrough(0);
      const context = commandContext(this.fragmentOf(0), this.results[0].assembly);
      this.commandContextCache = { context, key: contextKey(context) };
    }
    return this.commandContextCache;
  }

  private fragmentOf(i: number): Fragment {
    const { context, key } = i === 0 ? { context: this.headContext, key: this.headKey } : this.commandContext();
    let entry = this.entries[i];
    if (entry.fragment && entry.context !== key) entry = this.entries[i] = { text: entry.text, context: key, results: [] };
    if (!entry.fragment) {
      entry.context = key;
      entry.text = detach(entry.text);
      entry.fragment = parseFragment(entry.text, context, 0);
    }
    return entry.fragment;
  }

  private resultOf(i: number, state: PieceState): PieceResult {
    const fragment = this.fragmentOf(i);
    const { results } = this.entries[i];
    const key = stateKey(state);
    for (const r of results) if (r.key === key) return r;
    const assembly = assemblePiece(fragment, state, 0);
    const result: PieceResult = { key, assembly, bits: fileBits(assembly) };
    results.push(result);
    return result;
  }

  /** Assembles pieces up to and including `last`: results, first command indexes, states. */
  private assembleThrough(last: number): void {
    while (this.assembled <= last) {
      const i = this.assembled;
      if (this.previous && i === this.previous.tailPieces && this.copyTail()) return;
      const result = this.resultOf(i, this.exit);
      this.results[i] = result;
      this.firstIndexes[i] = this.nextIndex;
      this.nextIndex += result.assembly.commands.length;
      this.exit = result.assembly.exit;
      this.exitKeys[i] = stateKey(this.exit);
      this.bits[i] = result.bits;
      this.assembled++;
    }
    if (this.assembled >= this.pieces) this.previous = undefined;
  }

  private placedCommands(i: number): CommandNode[] {
    const result = this.results[i];
    const start = this.startOf(i);
    const firstIndex = this.firstIndexes[i];
    if (start === 0 && firstIndex === 0) return result.assembly.commands;
    const view = result.view;
    if (view && view.start === start && view.firstIndex === firstIndex) return view.commands;
    const commands = lazilyShiftedFragment({ commands: result.assembly.commands, problems: [] }, start, firstIndex).commands;
    result.view = { start, firstIndex, commands };
    return commands;
  }

  /** The envelope with absolute spans, put together from the pieces (as core/syntax/xml-assemble joins them). */
  private envelope(): EnvelopeNode | undefined {
    if (this.envelopeCache) return this.envelopeCache.envelope;
    this.assembleThrough(this.pieces - 1);
    let envelope: EnvelopeNode | undefined;
    const { bits } = this;
    for (let i = 0; i < bits.length; i++) {
      if ((bits[i] & HAS_ENVELOPE) === 0) continue;
      const assembly = this.results[i].assembly;
      const start = this.startOf(i);
      if (assembly.envelope) {
        envelope = start === 0 ? { ...assembly.envelope } : shiftEnvelope(assembly.envelope, start);
        envelope.children = [...envelope.children];
      } else if (envelope) {
        for (const child of assembly.envelopeChildren) envelope.children.push(start === 0 ? child : shiftElement(child, start));
        if (assembly.envelopeEnd !== undefined) envelope.span = { start: envelope.span.start, end: assembly.envelopeEnd + start };
      }
    }
    if (envelope && this.exit.envelope === 'open') envelope.span = { start: envelope.span.start, end: this.textLength };
    this.envelopeCache = { envelope };
    return envelope;
  }

  private problemsCache?: SyntaxProblem[];

  /** The file's problems: the pieces' in order (each sorted, pieces do not overlap), the first MAX_PROBLEMS. */
  private problems(): SyntaxProblem[] {
    if (this.problemsCache) return this.problemsCache;
    this.assembleThrough(this.pieces - 1);
    const out: SyntaxProblem[] = [];
    const { bits } = this;
    for (let i = 0; i < bits.length && out.length <= MAX_PROBLEMS; i++) {
      if ((bits[i] & HAS_PROBLEMS) === 0) continue;
      const list = this.results[i].assembly.problems;
      const start = this.startOf(i);
      for (const p of list) {
        if (out.length > MAX_PROBLEMS) break;
        out.push(start === 0 ? p : { ...p, span: shiftSpan(p.span, start) });
      }
    }
    const envelope = this.envelope();
    return (this.problemsCache = withLateProblem(out, envelope && this.exit.envelope === 'open' ? unclosedEnvelope(envelope) : undefined));
  }
}

/**
 * Keeps the pieces of the last version of one document, so the next version reuses them. The text comes as a
 * string (compared with the previous one to find what changed) or as an open document's blocks
 * (core/text/piece-text), which say what changed since the revision analysed last.
 */
export class XmlAnalyzerState {
  private last?: XmlPieceAnalysis;
  private starts?: number[];
  private entries: PieceEntry[] = [];
  /** The previous text when it came as a string. */
  private text?: string;
  private length = 0;
  private source?: { text: PieceText; revision: number };

  next(input: string | PieceText, config: CheckConfig): XmlPieceAnalysis {
    const text: TextAccess = input;
    const update = this.startsOf(input);
    const { starts, keptPieces, tailPieces, shift } = update;
    const pieces = starts.length + 1;
    const old = this.entries;
    // Pieces of the edited region may still match old ones by text (e.g. a command pasted before another).
    const byText = new Map<string, PieceEntry>();
    const oldRegionEnd = tailPieces >= pieces ? old.length : tailPieces + shift;
    for (let k = keptPieces; k < oldRegionEnd; k++) if (!byText.has(old[k].text)) byText.set(old[k].text, old[k]);
    const entries = new Array<PieceEntry>(pieces);
    for (let i = 0; i < pieces; i++) {
      if (i < keptPieces) entries[i] = old[i];
      else if (i >= tailPieces) entries[i] = old[i + shift];
      else {
        // Detached when parsed (fragmentOf), spread over the validation slices.
        const piece = text.slice(i === 0 ? 0 : starts[i - 1], i < starts.length ? starts[i] : text.length);
        const reused = byText.size > 0 ? byText.get(piece) : undefined;
        if (reused) byText.delete(piece);
        entries[i] = reused ?? { text: piece, context: '', results: [] };
      }
    }
    this.starts = starts;
    this.entries = entries;
    // The previous version's per-piece arrays are reused only when it was fully assembled.
    const last = this.last;
    const previous = last && last.assembledAll ? { analysis: last, keptPieces, tailPieces, shift } : undefined;
    return (this.last = new XmlPieceAnalysis(text.length, starts, entries, config, previous));
  }

  private startsOf(input: string | PieceText): StartsUpdate {
    const previousLength = this.length;
    this.length = input.length;
    if (typeof input === 'string') {
      const previousText = this.text ?? (this.starts ? this.entries.map((e) => e.text).join('') : '');
      this.text = input;
      this.source = undefined;
      return updateStarts(this.starts, previousText, input);
    }
    const source = this.source;
    const region = source?.text === input ? input.changedSince(source.revision) : undefined;
    this.source = { text: input, revision: input.revision };
    if (region && this.starts) {
      this.text = undefined;
      return updateStartsAround(this.starts, previousLength, input, region.start, previousLength - region.oldEnd);
    }
    const previousText = this.text ?? (this.starts ? this.entries.map((e) => e.text).join('') : '');
    const whole = input.whole();
    this.text = whole;
    return updateStarts(this.starts, previousText, whole);
  }
}
