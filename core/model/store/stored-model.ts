/**
 * A model read lazily from its stored form (./format): the index is read on the first lookup the core chunk cannot
 * answer, and a chunk is decoded on the first lookup of a type it holds. ModelIndex reads it through ModelSource.
 */
import type { ComplexType, OcipModel, SimpleType } from '../types';
import type { ChunkReader } from './chunk-reader';
import { decodeComplex, decodeSimple, type StoredChunk, type StoredIndex } from './format';

/** What ModelIndex needs from a model: lookups by name and the derivation facts of every complex type. */
export interface ModelSource {
  readonly release: string;
  readonly source: string;
  complexType(name: string): ComplexType | undefined;
  simpleType(name: string): SimpleType | undefined;
  /** Base of a named complex type, without loading its definition. */
  baseOf(name: string): string | undefined;
  isAbstract(name: string): boolean;
  /** Every named complex type with its base (for the derived-types map). */
  forEachBase(fn: (name: string, base: string) => void): void;
  /** The whole model as plain data (loads everything). */
  materialize(): OcipModel;
}

/** An in-memory OcipModel as a ModelSource (user schema folders, tests). */
export function plainSource(model: OcipModel): ModelSource {
  const ct = (name: string) => (Object.hasOwn(model.complexTypes, name) ? model.complexTypes[name] : undefined);
  return {
    release: model.release,
    source: model.source,
    complexType: ct,
    simpleType: (name) => (Object.hasOwn(model.simpleTypes, name) ? model.simpleTypes[name] : undefined),
    baseOf: (name) => ct(name)?.base,
    isAbstract: (name) => !!ct(name)?.abstract,
    forEachBase(fn) {
      for (const t of Object.values(model.complexTypes)) if (t.base) fn(t.name, t.base);
    },
    materialize: () => model,
  };
}

interface Index {
  stored: StoredIndex;
  complexNames: string[];
  complexPos: Map<string, number>;
  simplePos: Map<string, number>;
  abstract: Set<number>;
}

export class StoredModel implements ModelSource {
  readonly release: string;
  readonly source: string;
  private readonly complex = new Map<string, ComplexType>();
  private readonly simple = new Map<string, SimpleType>();
  private readonly loaded = new Set<number>();
  private indexData?: Index;
  /** Chunk names loaded so far, in order (for benchmarks and tests). */
  readonly loadedChunks: string[] = [];
  /** Milliseconds spent reading and decoding the index and the chunks (for benchmarks). */
  loadMs = 0;

  /**
   * @param core   the core chunk (chunk 0), already in memory (bundled)
   * @param reader reads the index and the other chunks on demand
   */
  constructor(
    core: StoredChunk,
    private readonly reader: ChunkReader,
    meta: { release: string; source: string },
  ) {
    this.release = meta.release;
    this.source = meta.source;
    this.coreChunk = core;
  }

  private coreChunk?: StoredChunk;

  complexType(name: string): ComplexType | undefined {
    this.loadCore();
    const hit = this.complex.get(name);
    if (hit || this.loadChunkOf(name, 'complex')) return hit ?? this.complex.get(name);
    return undefined;
  }

  simpleType(name: string): SimpleType | undefined {
    this.loadCore();
    const hit = this.simple.get(name);
    if (hit || this.loadChunkOf(name, 'simple')) return hit ?? this.simple.get(name);
    return undefined;
  }

  baseOf(name: string): string | undefined {
    const hit = this.complex.get(name);
    if (hit) return hit.base;
    const ix = this.index();
    const pos = ix.complexPos.get(name);
    if (pos === undefined) return this.complexType(name)?.base; // anonymous types
    const b = ix.stored.complexBase[pos];
    return b < 0 ? undefined : ix.complexNames[b];
  }

  isAbstract(name: string): boolean {
    const hit = this.complex.get(name);
    if (hit) return !!hit.abstract;
    const pos = this.index().complexPos.get(name);
    return pos === undefined ? !!this.complexType(name)?.abstract : this.index().abstract.has(pos);
  }

  forEachBase(fn: (name: string, base: string) => void): void {
    const ix = this.index();
    ix.stored.complexBase.forEach((b, i) => {
      if (b >= 0) fn(ix.complexNames[i], ix.complexNames[b]);
    });
  }

  materialize(): OcipModel {
    const ix = this.index();
    ix.stored.chunks.forEach((_, i) => this.loadChunk(i));
    const sorted = <T>(m: Map<string, T>) => Object.fromEntries([...m.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
    return { release: this.release, source: this.source, complexTypes: sorted(this.complex), simpleTypes: sorted(this.simple) };
  }

  /** Every named request/response-independent fact: the index, read once. */
  private index(): Index {
    if (!this.indexData) {
      const started = performance.now();
      const stored = this.reader.index();
      const complexNames = stored.complexNames.split('\n');
      const simpleNames = stored.simpleNames.split('\n');
      this.indexData = {
        stored,
        complexNames,
        complexPos: new Map(complexNames.map((n, i) => [n, i])),
        simplePos: new Map(simpleNames.map((n, i) => [n, i])),
        abstract: new Set(stored.abstract),
      };
      this.loadMs += performance.now() - started;
    }
    return this.indexData;
  }

  private loadCore(): void {
    if (!this.coreChunk) return;
    const core = this.coreChunk;
    this.coreChunk = undefined;
    this.loaded.add(0);
    this.decode(core);
  }

  /** Loads the chunk holding `name` (or its owner, for an anonymous type); false when no chunk holds it. */
  private loadChunkOf(name: string, kind: 'complex' | 'simple'): boolean {
    const ix = this.index();
    const dot = name.indexOf('.');
    const owner = dot < 0 ? name : name.slice(0, dot);
    let chunk: number | undefined;
    const cpos = ix.complexPos.get(owner);
    if (cpos !== undefined) chunk = ix.stored.complexChunk[cpos];
    else if (dot < 0 && kind === 'simple') {
      const spos = ix.simplePos.get(name);
      if (spos !== undefined) chunk = ix.stored.simpleChunk[spos];
    } else {
      const spos = ix.simplePos.get(owner);
      if (spos !== undefined) chunk = ix.stored.simpleChunk[spos];
    }
    if (chunk === undefined || this.loaded.has(chunk)) return false;
    this.loadChunk(chunk);
    return true;
  }

  private loadChunk(i: number): void {
    if (i === 0) return this.loadCore();
    if (this.loaded.has(i)) return;
    this.loaded.add(i);
    const name = this.index().stored.chunks[i];
    this.loadedChunks.push(name);
    const started = performance.now();
    this.decode(this.reader.chunk(name));
    this.loadMs += performance.now() - started;
  }

  private decode(chunk: StoredChunk): void {
    for (const [name, s] of Object.entries(chunk.c)) this.complex.set(name, decodeComplex(name, s, chunk.a));
    for (const [name, s] of Object.entries(chunk.s)) this.simple.set(name, decodeSimple(name, s));
  }
}
