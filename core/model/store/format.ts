/**
 * The compact stored form of a model (the built-in R25 model in core/model/generated/r25/): an index of every
 * named type and per-family chunks of type definitions. Encoding and decoding are pure and exact: decode(encode(t))
 * deep-equals t (test/xsd/model-store.test.ts).
 *
 * Element declarations are arrays [name, type, minOccurs?, maxOccurs?, extras?] (maxOccurs -1 = unbounded; absent
 * occurrences are 1); groups are { k: 's' | 'c', i: items, m?: minOccurs, x?: maxOccurs }. Attribute lists, which
 * thousands of commands share (echo, requestLocale...), are numbered per chunk.
 */
import type { AttributeDecl, ComplexType, ElementDecl, GroupParticle, Occurs, Particle, SimpleType } from '../types';

export type StoredElement = [string, string] | [string, string, number, number] | [string, string, number, number, StoredExtras];
export interface StoredExtras {
  n?: 1;
  f?: string;
  d?: string;
}
export interface StoredGroup {
  k: 's' | 'c';
  i: StoredParticle[];
  m?: number;
  x?: number;
}
export type StoredParticle = StoredElement | StoredGroup;

export interface StoredComplex {
  b?: string;
  a?: 1;
  n?: 1;
  /** Index into the chunk's attribute lists (StoredChunk.a). */
  t?: number;
  x?: StoredGroup;
  s?: string;
  y?: 1;
  /** Data-mode notes (ComplexType.modeNotes), stored as is. */
  m?: ComplexType['modeNotes'];
}

export type StoredSimple = Omit<SimpleType, 'name'>;

export interface StoredChunk {
  c: Record<string, StoredComplex>;
  s: Record<string, StoredSimple>;
  /** Attribute lists shared by the chunk's types (thousands of commands have the same echo/requestLocale pair). */
  a: AttributeDecl[][];
}

/**
 * The index: every named type with the chunk that holds it, and what lookups over the whole model need without
 * loading chunks (bases and abstract flags for derivation, command names). Anonymous types ("Owner.element")
 * live in their owner's chunk and are not listed. Stored as a few long strings and number arrays, which
 * JSON.parse reads several times faster than one object per type.
 */
export interface StoredIndex {
  release: string;
  source: string;
  /** Chunk file names without extension; chunk 0 is the core chunk (bundled, see load.ts). */
  chunks: string[];
  /** Named complex types, sorted, joined with "\n"; then `simpleNames` likewise. */
  complexNames: string;
  simpleNames: string;
  /** Per complex type (same order): its chunk. */
  complexChunk: number[];
  /** Per complex type: the position of its base in complexNames, -1 when none. */
  complexBase: number[];
  /** Positions of the abstract complex types. */
  abstract: number[];
  /** Per simple type: its chunk. */
  simpleChunk: number[];
}

const occ = (o: Occurs): number => (o === 'unbounded' ? -1 : o);
const unocc = (o: number): Occurs => (o === -1 ? 'unbounded' : o);

export function encodeParticle(p: Particle): StoredParticle {
  if (p.kind === 'element') {
    const extras: StoredExtras = {};
    if (p.nillable) extras.n = 1;
    if (p.fixed !== undefined) extras.f = p.fixed;
    if (p.default !== undefined) extras.d = p.default;
    if (Object.keys(extras).length) return [p.name, p.type, p.minOccurs, occ(p.maxOccurs), extras];
    if (p.minOccurs === 1 && p.maxOccurs === 1) return [p.name, p.type];
    return [p.name, p.type, p.minOccurs, occ(p.maxOccurs)];
  }
  return encodeGroup(p);
}

function encodeGroup(g: GroupParticle): StoredGroup {
  const out: StoredGroup = { k: g.kind === 'sequence' ? 's' : 'c', i: g.items.map(encodeParticle) };
  if (g.minOccurs !== 1) out.m = g.minOccurs;
  if (g.maxOccurs !== 1) out.x = occ(g.maxOccurs);
  return out;
}

export function decodeParticle(p: StoredParticle): Particle {
  if (Array.isArray(p)) {
    const el: ElementDecl = {
      kind: 'element',
      name: p[0],
      type: p[1],
      minOccurs: p[2] ?? 1,
      maxOccurs: p[3] === undefined ? 1 : unocc(p[3]),
    };
    const extras = p[4];
    if (extras) {
      if (extras.n) el.nillable = true;
      if (extras.f !== undefined) el.fixed = extras.f;
      if (extras.d !== undefined) el.default = extras.d;
    }
    return el;
  }
  return decodeGroup(p);
}

function decodeGroup(g: StoredGroup): GroupParticle {
  return {
    kind: g.k === 's' ? 'sequence' : 'choice',
    minOccurs: g.m ?? 1,
    maxOccurs: g.x === undefined ? 1 : unocc(g.x),
    items: g.i.map(decodeParticle),
  };
}

/** Encodes a complex type; `attributeSet` numbers its attribute list (shared across types). */
export function encodeComplex(ct: ComplexType, attributeSet: (attrs: AttributeDecl[]) => number): StoredComplex {
  const out: StoredComplex = {};
  if (ct.base) out.b = ct.base;
  if (ct.abstract) out.a = 1;
  if (ct.anonymous) out.n = 1;
  if (ct.attributes) out.t = attributeSet(ct.attributes);
  if (ct.content) out.x = encodeGroup(ct.content);
  if (ct.simpleContent) out.s = ct.simpleContent;
  if (ct.anyContent) out.y = 1;
  if (ct.modeNotes) out.m = ct.modeNotes;
  return out;
}

/** Key order follows the compiler's (name, anonymous, abstract, base, content, simpleContent, attributes, anyContent). */
export function decodeComplex(name: string, s: StoredComplex, attributeSets: AttributeDecl[][]): ComplexType {
  const ct: ComplexType = { name };
  if (s.n) ct.anonymous = true;
  if (s.a) ct.abstract = true;
  if (s.b !== undefined) ct.base = s.b;
  if (s.x) ct.content = decodeGroup(s.x);
  if (s.s !== undefined) ct.simpleContent = s.s;
  if (s.t !== undefined) ct.attributes = attributeSets[s.t].map((a) => ({ ...a }));
  if (s.y) ct.anyContent = true;
  if (s.m) ct.modeNotes = s.m;
  return ct;
}

export function encodeSimple(st: SimpleType): StoredSimple {
  const { name: _name, ...rest } = st;
  return rest;
}

export function decodeSimple(name: string, s: StoredSimple): SimpleType {
  return { name, ...s };
}
