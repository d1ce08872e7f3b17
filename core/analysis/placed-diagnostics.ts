/**
 * Per-chunk diagnostics kept relative to the chunk start, and the pass that turns them into the file's list.
 *
 * After an edit every chunk behind it moves, yet only the few diagnostics that are shown need absolute copies:
 * the key-scope filter (core/checks/scope: one group hint per group and file) is applied to the relative
 * diagnostics first, by ids worked out once per chunk, and only the survivors are placed. A chunk whose only
 * diagnostic is a repeated group hint costs an array lookup per version, no allocation; the analyses keep each
 * chunk's `signature` in a flat array so that lookup does not even touch the chunk's objects.
 */
import { RULES_BY_CODE } from '../checks/registry';
import type { Diagnostic } from '../checks';
import { shiftSpan } from '../syntax/chunks';

/** RelativeDiagnostics.soleKey of a list with no key ids: `pick` lists each of them. */
export const UNKEYED = -2;

/** A chunk's diagnostics: spans relative to the chunk start, `command` relative to the chunk's first command. */
export class RelativeDiagnostics {
  /** The applyKeyScopes id of each diagnostic, as a small number (0: always shown). */
  private readonly ids: number[];
  /** 0: no diagnostics; k > 0: just one, a report with key id k; -1: anything else. */
  readonly signature: number;
  /**
   * What `pick` does, in numbers the YAML analysis keeps in flat arrays (so it need not touch this object, scattered
   * over a large heap: ~3 ms of every edit at 50,000 commands with 5 % mistakes): 0: no diagnostics; UNKEYED: none
   * has a key id, every one is listed; k > 0: exactly one has a key id, k, at `keyedAt`, and is no claim (it is
   * listed unless k was seen; the others always are); -1: anything else (`pick` decides).
   */
  readonly soleKey: number;
  /** The index of the one keyed diagnostic when soleKey > 0, else -1. */
  readonly keyedAt: number;
  /** How many of `list` are errors. */
  readonly errors: number;
  /** Absolute copies (filled on demand) for the chunk at `start` with its first command `firstIndex`. */
  private placed?: { start: number; firstIndex: number; copies: (Diagnostic | undefined)[] };

  /** The diagnostics of a chunk; one shared object for the many chunks without any (kept per chunk while open). */
  static of(list: Diagnostic[]): RelativeDiagnostics {
    return list.length === 0 ? NONE : new RelativeDiagnostics(list);
  }

  constructor(readonly list: Diagnostic[]) {
    // Most chunks have no diagnostics: no array for them.
    this.ids = list.length === 0 ? NO_IDS : list.map(scopeId);
    this.signature = list.length === 0 ? 0 : list.length === 1 && this.ids[0] > 0 && !list[0].claim ? this.ids[0] : -1;
    let errors = 0;
    let keyed = 0;
    let keyedAt = -1;
    for (let i = 0; i < list.length; i++) {
      if (list[i].severity === 'error') errors++;
      if (this.ids[i] !== 0) {
        keyed++;
        keyedAt = i;
      }
    }
    this.errors = errors;
    if (list.length === 0) this.soleKey = 0;
    else if (keyed === 0) this.soleKey = UNKEYED;
    else if (keyed === 1 && !list[keyedAt].claim) this.soleKey = this.ids[keyedAt];
    else this.soleKey = -1;
    this.keyedAt = this.soleKey > 0 ? keyedAt : -1;
  }

  /** Appends the shown diagnostics (this chunk's number and their indexes in `list`) to `out`, applying the key scopes as `emit` does. */
  pick(scope: KeyScope, chunk: number, out: Picked): void {
    const { list, ids } = this;
    for (let i = 0; i < list.length; i++) {
      const id = ids[i];
      if (id !== 0 && !scope.keeps(id, list[i])) continue;
      out.chunk.push(chunk);
      out.index.push(i);
      if (list[i].severity === 'error') out.errors++;
    }
  }

  /** Diagnostic `i` placed at `start` / `firstIndex` (the same copy `emit` gives while the chunk stays put). */
  placedAt(i: number, start: number, firstIndex: number): Diagnostic {
    let placed = this.placed;
    if (!placed || placed.start !== start || placed.firstIndex !== firstIndex) this.placed = placed = { start, firstIndex, copies: [] };
    return (placed.copies[i] ??= place(this.list[i], start, firstIndex));
  }

  /** Appends the shown diagnostics, placed at `start` / `firstIndex`, to `out`. */
  emit(start: number, firstIndex: number, scope: KeyScope, out: Diagnostic[]): void {
    const { list, ids } = this;
    for (let i = 0; i < list.length; i++) {
      const id = ids[i];
      if (id !== 0 && !scope.keeps(id, list[i])) continue;
      let placed = this.placed;
      if (!placed || placed.start !== start || placed.firstIndex !== firstIndex) this.placed = placed = { start, firstIndex, copies: [] };
      out.push((placed.copies[i] ??= place(list[i], start, firstIndex)));
    }
  }
}

/** Shown diagnostics by reference: chunk numbers, indexes in their chunk's list, and how many are errors. */
export interface Picked {
  chunk: number[];
  index: number[];
  errors: number;
}

/**
 * The running state of the key-scope filter over a file's diagnostics in order; same rule as applyKeyScopes
 * (core/checks/scope): the first diagnostic per code and key is kept, claims count as first and are dropped.
 */
export class KeyScope {
  /** A byte per key id (ids are dense: a sparse boolean array went to dictionary mode, ~5 ms per pass at 50,000 chunks). */
  private seen = new Uint8Array(keyCount + 1);

  /** Whether a diagnostic with key id `id` was seen (then it is not shown). */
  has(id: number): boolean {
    return id < this.seen.length && this.seen[id] === 1;
  }

  keeps(id: number, d: Diagnostic): boolean {
    if (this.has(id)) return false;
    this.mark(id);
    return !d.claim;
  }

  /** Notes key id `id` as seen. */
  mark(id: number): void {
    if (id >= this.seen.length) {
      const grown = new Uint8Array(Math.max(id + 1, this.seen.length * 2));
      grown.set(this.seen);
      this.seen = grown;
    }
    this.seen[id] = 1;
  }
}

const NO_IDS: number[] = [];
// Never placed: `emit` has nothing to copy for an empty list.
const NONE = new RelativeDiagnostics([]);

/**
 * Key ids as small numbers, shared by every analysis (there are as many as distinct code and key pairs): by code,
 * then by key, so the lookup made for every command's group hint builds no string.
 */
const KEY_IDS = new Map<string, Map<string, number>>();
let keyCount = 0;

function scopeId(d: Diagnostic): number {
  if (d.key === undefined || (!d.claim && RULES_BY_CODE.get(d.code)?.scope !== 'first-per-key')) return 0;
  let byKey = KEY_IDS.get(d.code);
  if (!byKey) KEY_IDS.set(d.code, (byKey = new Map()));
  let id = byKey.get(d.key);
  if (id === undefined) byKey.set(d.key, (id = ++keyCount));
  return id;
}

/** `d` moved by `delta`, its command renumbered from `firstIndex`. */
export function place(d: Diagnostic, delta: number, firstIndex: number): Diagnostic {
  if (delta === 0 && (firstIndex === 0 || d.command === undefined)) return d;
  const out: Diagnostic = { ...d, span: shiftSpan(d.span, delta) };
  if (d.related) out.related = d.related.map((r) => ({ ...r, span: shiftSpan(r.span, delta) }));
  if (d.command !== undefined) out.command = d.command + firstIndex;
  return out;
}
