/**
 * A seeded fast-check generator of valid commands from the model: optional elements present or not, choices,
 * lists up to their bound, nil where nillable, xsi:type for abstract types, values within their facets and
 * full of non-ASCII and XML-special characters. Produces plain JS objects in our YAML shape.
 */
import fc from 'fast-check';
import type { ModelIndex } from '../../core/model';
import type { GroupParticle, Particle, SimpleType } from '../../core/model/types';

export type Data = { [key: string]: unknown };

const CHARS = fc.constantFrom(
  'a',
  'Z',
  '0',
  ' ',
  '&',
  '<',
  '>',
  '"',
  "'",
  ':',
  '#',
  '-',
  'é',
  '€',
  '😀',
  'ß',
  '\u00a0',
  '%',
  '@',
  '!',
  '*',
  '[',
  '{',
  '|',
);

function stringWithin(min: number, max: number): fc.Arbitrary<string> {
  // Token types collapse whitespace: keep values non-blank and without edge spaces so facets hold.
  return fc
    .string({ unit: CHARS, minLength: Math.max(min, 1), maxLength: Math.min(max, 12) })
    .map((s) => s.replace(/^[\s\u00a0]+|[\s\u00a0]+$/g, '').replace(/\s+/g, ' '))
    .filter((s) => s.length >= Math.max(min, 1) && s.length <= max);
}

function simpleValue(type: SimpleType | undefined): fc.Arbitrary<string> {
  if (!type) return fc.constant('x');
  if (type.enumeration) return fc.constantFrom(...type.enumeration);
  if (type.builtin === 'boolean') return fc.constantFrom('true', 'false');
  if (/int|long|short|byte|integer/i.test(type.builtin)) {
    const min = type.minInclusive ?? (type.minExclusive !== undefined ? type.minExclusive + 1 : 0);
    const max = type.maxInclusive ?? (type.maxExclusive !== undefined ? type.maxExclusive - 1 : min + 1000);
    return fc.integer({ min, max: Math.min(max, min + 100000) }).map(String);
  }
  const min = type.length ?? type.minLength ?? 1;
  const max = type.length ?? type.maxLength ?? 20;
  return stringWithin(min, max);
}

export class CommandGenerator {
  constructor(private readonly index: ModelIndex) {}

  command(name: string): fc.Arbitrary<Data> {
    return this.content(name, 0).map((body) => ({ command: name, ...body }));
  }

  private content(typeName: string, depth: number): fc.Arbitrary<Data> {
    const content = this.index.complexType(typeName)?.content;
    if (!content) return fc.constant({});
    return this.group(content, depth).map((pairs) => {
      const out: Data = {};
      for (const [k, v] of pairs) out[k] = v;
      return out;
    });
  }

  private group(group: GroupParticle, depth: number): fc.Arbitrary<[string, unknown][]> {
    if (group.kind === 'choice') {
      return fc.oneof(...group.items.map((item) => this.particle(item, depth)));
    }
    return fc.tuple(...group.items.map((item) => this.particle(item, depth))).map((parts) => parts.flat());
  }

  private particle(p: Particle, depth: number): fc.Arbitrary<[string, unknown][]> {
    if (p.kind !== 'element') {
      const inner = this.group(p, depth);
      return p.minOccurs === 0 ? fc.option(inner, { nil: [] as [string, unknown][] }) : inner;
    }
    const max = p.maxOccurs === 'unbounded' ? 3 : Math.min(p.maxOccurs, 3);
    const value = p.fixed !== undefined ? fc.constant(p.fixed) : this.value(p.type, !!p.nillable, depth + 1);
    const present =
      max > 1
        ? fc.array(value, { minLength: Math.max(p.minOccurs, 1), maxLength: max }).map((v): [string, unknown][] => [[p.name, v]])
        : value.map((v): [string, unknown][] => [[p.name, v]]);
    // Deep optional content is left out more often so documents stay small.
    return p.minOccurs === 0 ? fc.option(present, { nil: [] as [string, unknown][], freq: depth > 1 ? 1 : 2 }) : present;
  }

  private value(typeName: string, nillable: boolean, depth: number): fc.Arbitrary<unknown> {
    const base = this.typedValue(typeName, depth);
    return nillable ? fc.oneof({ weight: 1, arbitrary: fc.constant(null) }, { weight: 3, arbitrary: base }) : base;
  }

  private typedValue(typeName: string, depth: number): fc.Arbitrary<unknown> {
    const complex = this.index.complexType(typeName);
    if (!complex) return simpleValue(this.index.simpleType(typeName));
    if (complex.abstract) {
      const subtypes = this.index.subtypesOf(typeName);
      return fc.constantFrom(...subtypes).chain((sub) => this.content(sub, depth).map((body) => ({ 'xsi:type': sub, ...body })));
    }
    return this.content(typeName, depth);
  }
}
