/**
 * How the built-in model is made from an XSD folder: every request and response type of the release with the types
 * they use, documentation removed (only data-mode facts read from it are kept, as structured notes), stored as an
 * index plus chunks (./store/format). Shared by scripts/gen-model.ts and the test that checks the committed files
 * are up to date.
 *
 * Chunking: chunk 0 ("core") is the closure of BUILTIN_ROOTS (UserConsolidatedAddRequest22 and friends), bundled
 * into the JavaScript so the main command needs no file read. Types used by many commands go to "common" chunks;
 * the rest go with the first command (in name order) that uses them, commands packed in name order into chunks of
 * about CHUNK_TARGET bytes, so one family (UserCallForwardingAlways...) sits in one or two chunks.
 */
import { resolve } from 'node:path';
import { modeNotesOf } from '../checks/rules/doc-modes';
import { closure } from '../xsd/closure';
import { compileSchemaDir } from '../xsd/compile';
import { BUILTIN_ROOTS } from './builtin-roots';
import { ModelIndex } from './model-index';
import { encodeComplex, encodeSimple, type StoredChunk, type StoredIndex } from './store/format';
import type { AttributeDecl, ComplexType, ModeFact, OcipModel, Particle, SimpleType } from './types';

/** ../shared/reference/ocip-schema-r25 relative to the repository root (the working directory). */
export function defaultSchemaDir(): string {
  return resolve('../shared/reference/ocip-schema-r25');
}

const CHUNK_TARGET = 48 * 1024;
/** A type reached from at least this many commands goes to a common chunk. */
const COMMON_THRESHOLD = 12;
const COMMON_TARGET = 96 * 1024;

export interface BuiltStore {
  index: StoredIndex;
  chunks: Record<string, StoredChunk>;
  warnings: string[];
}

/** The whole release without documentation, with data-mode facts; every request and response type. */
export function buildFullModel(schemaDir: string): { model: OcipModel; warnings: string[] } {
  const { model, warnings } = compileSchemaDir(schemaDir, { keepDocs: true, release: 'R25' });
  const withDocs = new ModelIndex(model);
  const complexTypes: Record<string, ComplexType> = {};
  for (const [name, ct] of Object.entries(model.complexTypes)) {
    const notes: ModeFact[] = modeNotesOf(ct, withDocs).map(({ element, only, effect, useValue, values, fromOccurrence }) => {
      // `detail` is documentation prose: never kept. The note stays (its effect is already 'unspecified').
      const fact: ModeFact = { element, only, effect };
      if (useValue !== undefined) fact.useValue = useValue;
      if (values) fact.values = values;
      if (fromOccurrence !== undefined) fact.fromOccurrence = fromOccurrence;
      return fact;
    });
    const { doc: _doc, ...rest } = ct;
    const out: ComplexType = { ...rest };
    if (ct.content) out.content = stripParticle(ct.content) as ComplexType['content'];
    if (ct.attributes) out.attributes = ct.attributes.map(({ doc: _d, ...a }) => a);
    if (notes.length) out.modeNotes = notes;
    complexTypes[name] = out;
  }
  const simpleTypes: Record<string, SimpleType> = {};
  for (const [name, st] of Object.entries(model.simpleTypes)) {
    const { doc: _doc, ...rest } = st;
    simpleTypes[name] = rest;
  }
  return { model: { release: 'R25', source: 'BroadWorks R25 OCI-P XSD set', complexTypes, simpleTypes }, warnings };
}

function stripParticle(p: Particle): Particle {
  if (p.kind === 'element') {
    const { doc: _doc, ...rest } = p;
    return rest;
  }
  return { ...p, items: p.items.map(stripParticle) };
}

/** Owner of an anonymous type "Owner.element" (anonymous types travel with their owner). */
export function ownerOf(name: string): string {
  const dot = name.indexOf('.');
  return dot < 0 ? name : name.slice(0, dot);
}

export function buildBuiltinStore(schemaDir: string): BuiltStore {
  const { model, warnings } = buildFullModel(schemaDir);
  const index = new ModelIndex(model);
  const roots = [...index.commandNames(), ...index.responseNames()].sort();

  const chunkOf = new Map<string, number>();
  const chunkNames: string[] = [];
  const chunkTypes: string[][] = [];
  const newChunk = (name: string): number => {
    chunkNames.push(name);
    chunkTypes.push([]);
    return chunkNames.length - 1;
  };
  const assign = (type: string, chunk: number) => {
    if (chunkOf.has(type)) return;
    chunkOf.set(type, chunk);
    chunkTypes[chunk].push(type);
  };
  const sizeOf = (type: string) => JSON.stringify(model.complexTypes[type] ?? model.simpleTypes[type]).length;
  const typesOf = (names: string[]) => {
    const sub = closure(model, names);
    return [...Object.keys(sub.complexTypes), ...Object.keys(sub.simpleTypes)].map(ownerOf);
  };

  // 0: the core chunk.
  const core = newChunk('core');
  for (const t of typesOf(BUILTIN_ROOTS)) assign(t, core);

  // Closures once per root; how many roots reach each (named) type.
  const closures = new Map<string, string[]>();
  const uses = new Map<string, number>();
  for (const r of roots) {
    const types = [...new Set(typesOf([r]))];
    closures.set(r, types);
    for (const t of types) uses.set(t, (uses.get(t) ?? 0) + 1);
  }

  // Common chunks: widely shared types, in name order.
  let common = -1;
  let commonSize = Infinity;
  for (const t of [...uses.keys()].sort()) {
    if (chunkOf.has(t) || uses.get(t)! < COMMON_THRESHOLD) continue;
    if (commonSize > COMMON_TARGET) {
      common = newChunk(`common-${chunkNames.length}`);
      commonSize = 0;
    }
    assign(t, common);
    commonSize += sizeOf(t);
  }

  // Family chunks: commands in name order.
  let current = -1;
  let size = Infinity;
  for (const r of roots) {
    const fresh = closures.get(r)!.filter((t) => !chunkOf.has(t));
    if (!fresh.length) continue;
    if (size > CHUNK_TARGET) {
      current = newChunk(`${chunkNames.length}-${r.replace(/^C:/, '').replace(/[^A-Za-z0-9]/g, '')}`);
      size = 0;
    }
    for (const t of fresh) {
      assign(t, current);
      size += sizeOf(t);
    }
  }
  // Anything no root reaches (unused types) is left out; anonymous types follow their owner.
  const chunks: Record<string, StoredChunk> = {};
  const attrKeys = chunkNames.map(() => new Map<string, number>());
  chunkNames.forEach((n) => (chunks[n] = { c: {}, s: {}, a: [] }));
  const attributeSetIn = (chunk: number) => (attrs: AttributeDecl[]) => {
    const key = JSON.stringify(attrs);
    let i = attrKeys[chunk].get(key);
    if (i === undefined) {
      i = chunks[chunkNames[chunk]].a.push(attrs) - 1;
      attrKeys[chunk].set(key, i);
    }
    return i;
  };
  const complexNames: string[] = [];
  const simpleNames: string[] = [];
  for (const name of Object.keys(model.complexTypes).sort()) {
    const chunk = chunkOf.get(ownerOf(name));
    if (chunk === undefined) continue;
    const ct = model.complexTypes[name];
    chunks[chunkNames[chunk]].c[name] = encodeComplex(ct, attributeSetIn(chunk));
    if (!ct.anonymous) complexNames.push(name);
  }
  for (const name of Object.keys(model.simpleTypes).sort()) {
    const chunk = chunkOf.get(ownerOf(name));
    if (chunk === undefined) continue;
    const st = model.simpleTypes[name];
    chunks[chunkNames[chunk]].s[name] = encodeSimple(st);
    if (!st.anonymous) simpleNames.push(name);
  }
  const position = new Map(complexNames.map((n, i) => [n, i]));
  const stored: StoredIndex = {
    release: model.release,
    source: model.source,
    chunks: chunkNames,
    complexNames: complexNames.join('\n'),
    simpleNames: simpleNames.join('\n'),
    complexChunk: complexNames.map((n) => chunkOf.get(n)!),
    complexBase: complexNames.map((n) => {
      const base = model.complexTypes[n].base;
      return base === undefined ? -1 : (position.get(base) ?? -1);
    }),
    abstract: complexNames.flatMap((n, i) => (model.complexTypes[n].abstract ? [i] : [])),
    simpleChunk: simpleNames.map((n) => chunkOf.get(n)!),
  };
  return { index: stored, chunks, warnings };
}
