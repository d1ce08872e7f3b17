/**
 * The corpus of the all-commands XSD-agreement test: for a deterministic sample of request types spread over
 * every family, one valid instance generated from the built-in model's content model, and single mistakes of
 * each kind the issue names (missing required, too long, bad enumeration, unknown element, order, wrong
 * xsi:type, out-of-range integer, too many occurrences) plus the datatype ones (date, dateTime, base64Binary,
 * float bounds, decimal). Generation is seeded: the same documents every run.
 * The generator need not be perfect: the test compares our verdict with the XSD's on whatever it produces.
 */
import type { ModelIndex } from '../../../core/model';
import type { ElementDecl, GroupParticle, Particle, SimpleType } from '../../../core/model/types';
import type { Doc, Node } from '../corpus';

/** mulberry32: a tiny seeded PRNG. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const FAMILIES = ['System', 'ServiceProvider', 'Enterprise', 'Group', 'User', 'Other'] as const;

export function familyOf(command: string): (typeof FAMILIES)[number] {
  for (const f of FAMILIES) if (f !== 'Other' && command.startsWith(f)) return f;
  return 'Other';
}

/** Every k-th request in name order (so every family and sub-family is represented), at least `count`. */
export function sampleCommands(model: ModelIndex, count: number): string[] {
  const all = model.commandNames();
  const stride = Math.max(1, Math.floor(all.length / count));
  const picked = all.filter((_, i) => i % stride === 0);
  return picked;
}

const PATTERN_CANDIDATES = ['15', '1234', '42', '5', '#', 'ABC', '12#', '0', 'a'];

export function validValue(st: SimpleType, decl: ElementDecl | undefined, random: () => number): string {
  if (decl?.fixed !== undefined) return decl.fixed;
  if (st.enumeration?.length) return st.enumeration[Math.floor(random() * st.enumeration.length)];
  switch (st.builtin) {
    case 'boolean':
      return random() < 0.5 ? 'true' : 'false';
    case 'int':
    case 'long': {
      const lo = st.minInclusive ?? (st.minExclusive !== undefined ? st.minExclusive + 1 : 0);
      const hi = st.maxInclusive ?? (st.maxExclusive !== undefined ? st.maxExclusive - 1 : lo + 1000);
      return String(Math.max(lo, Math.min(hi, lo + Math.floor(random() * Math.min(1000, hi - lo + 1)))));
    }
    case 'float':
    case 'decimal':
      return st.maxInclusive !== undefined ? String(Math.min(st.maxInclusive, 42.5)) : '42.5';
    case 'date':
      return '2024-02-29';
    case 'dateTime':
      return '2024-02-29T13:45:00';
    case 'base64Binary':
      return 'QUJDRA==';
    case 'NMTOKEN':
      return 'tok-1';
  }
  if (st.patterns?.length) {
    const res = st.patterns.map((p) => new RegExp(`^(?:${p})$`, 'u'));
    const hit = PATTERN_CANDIDATES.find((c) => res.every((r) => r.test(c)));
    if (hit) return hit;
  }
  const min = Math.max(1, st.length ?? st.minLength ?? 1);
  const max = st.length ?? Math.min(st.maxLength ?? 20, 20);
  const len = Math.max(min, Math.min(max, min + Math.floor(random() * 8)));
  let s = '';
  const chars = 'abcdefghijklmnopqrstuvwxyz0123456789';
  for (let i = 0; i < len; i++) s += chars[Math.floor(random() * chars.length)];
  return s;
}

const MAX_DEPTH = 5;

/** A valid-looking instance of a complex type's content. */
export function generateContent(model: ModelIndex, typeName: string, random: () => number, depth = 0): Node[] {
  const content = model.complexType(typeName)?.content;
  return content ? particle(model, content, random, depth) : [];
}

function count(min: number, max: number | 'unbounded', random: () => number, depth: number): number {
  if (depth >= MAX_DEPTH) return min;
  const cap = Math.min(max === 'unbounded' ? 2 : max, 2);
  return min + (cap > min && random() < 0.4 ? 1 : 0);
}

function particle(model: ModelIndex, p: Particle, random: () => number, depth: number): Node[] {
  if (p.kind === 'element') {
    const out: Node[] = [];
    for (let i = count(p.minOccurs, p.maxOccurs, random, depth); i > 0; i--) out.push(element(model, p, random, depth));
    return out;
  }
  const out: Node[] = [];
  const repeat = p.kind === 'choice' ? Math.max(p.minOccurs, 1) : count(p.minOccurs, p.maxOccurs, random, depth);
  if (p.kind === 'choice' && p.minOccurs === 0 && (depth >= MAX_DEPTH || random() < 0.3)) return [];
  for (let r = 0; r < repeat; r++) out.push(...group(model, p, random, depth));
  return out;
}

function group(model: ModelIndex, g: GroupParticle, random: () => number, depth: number): Node[] {
  if (g.kind === 'sequence') return g.items.flatMap((i) => particle(model, i, random, depth));
  const branch = g.items[Math.floor(random() * g.items.length)];
  const nodes = particle(model, branch, random, depth);
  // A choice branch that came out empty (all optional): force one occurrence so the choice is satisfied.
  if (!nodes.length && branch.kind === 'element') return [element(model, branch, random, depth)];
  return nodes;
}

function element(model: ModelIndex, decl: ElementDecl, random: () => number, depth: number): Node {
  if (decl.nillable && random() < 0.05) return { name: decl.name, nil: true };
  const st = model.simpleType(decl.type);
  if (st) return { name: decl.name, value: validValue(st, decl, random) };
  const ct = model.complexType(decl.type);
  if (!ct || ct.anyContent) return { name: decl.name, value: 'any' };
  if (ct.simpleContent) {
    const vst = model.simpleType(ct.simpleContent);
    return { name: decl.name, value: vst ? validValue(vst, undefined, random) : 'x' };
  }
  let typeName = decl.type;
  let xsiType: string | undefined;
  const subs = model.subtypesOf(typeName);
  if (ct.abstract || (subs.length && random() < 0.3)) {
    const choices = ct.abstract ? subs : [typeName, ...subs];
    typeName = choices[Math.floor(random() * choices.length)];
    xsiType = typeName;
  }
  const children = generateContent(model, typeName, random, depth + 1);
  return xsiType ? { name: decl.name, xsiType, children } : { name: decl.name, children };
}

interface Located {
  node: Node;
  decl: ElementDecl;
  typeName: string;
  list: Node[];
  index: number;
  /** Declared type's name (before xsi:type). */
  declared: string;
}

function locate(model: ModelIndex, typeName: string, nodes: Node[], out: Located[] = []): Located[] {
  nodes.forEach((node, index) => {
    const decl = model.childDecl(typeName, node.name);
    if (!decl) return;
    const resolved = node.xsiType ?? decl.type;
    out.push({ node, decl, typeName: resolved, list: nodes, index, declared: decl.type });
    if (node.children) locate(model, resolved, node.children, out);
  });
  return out;
}

const clone = <T>(x: T): T => JSON.parse(JSON.stringify(x));

type Mutation = { id: string; xmlOnly?: boolean; apply: (located: Located[], children: Node[]) => boolean };

/** The single mistakes; each applies at one place chosen by `pick` among the applicable ones. */
function mutationKinds(model: ModelIndex, pick: <T>(xs: T[]) => T | undefined): Mutation[] {
  const simple = (l: Located) => (l.node.nil ? undefined : model.simpleType(l.typeName));
  const setValue = (l: Located, value: string) => {
    l.list[l.index] = { name: l.node.name, value };
    return true;
  };
  const ofBuiltin = (b: string) => (ls: Located[]) => {
    const l = pick(ls.filter((x) => simple(x)?.builtin === b && !simple(x)?.enumeration && x.decl.fixed === undefined));
    return l;
  };
  return [
    {
      id: 'missing-required',
      apply: (ls) => {
        const l = pick(ls.filter((x) => x.decl.minOccurs >= 1 && x.list.filter((n) => n.name === x.node.name).length <= x.decl.minOccurs));
        if (!l) return false;
        l.list.splice(l.index, 1);
        return true;
      },
    },
    {
      id: 'too-long',
      apply: (ls) => {
        const l = pick(ls.filter((x) => (simple(x)?.maxLength ?? Infinity) < 500 && !simple(x)?.enumeration));
        return !!l && setValue(l, 'x'.repeat(simple(l)!.maxLength! + 1));
      },
    },
    {
      id: 'bad-enumeration',
      apply: (ls) => {
        const l = pick(ls.filter((x) => simple(x)?.enumeration));
        return !!l && setValue(l, 'Nope Value');
      },
    },
    {
      id: 'unknown-element',
      apply: (ls, children) => {
        const l = pick(ls);
        if (!l) {
          children.push({ name: 'bogusElement', value: 'x' });
          return true;
        }
        l.list.splice(l.index + 1, 0, { name: 'bogusElement', value: 'x' });
        return true;
      },
    },
    {
      id: 'order',
      xmlOnly: true,
      apply: (ls) => {
        const l = pick(ls.filter((x) => x.index > 0 && x.list[x.index - 1].name !== x.node.name));
        if (!l) return false;
        [l.list[l.index - 1], l.list[l.index]] = [l.list[l.index], l.list[l.index - 1]];
        return true;
      },
    },
    {
      id: 'wrong-xsi-type',
      apply: (ls) => {
        const l = pick(ls.filter((x) => x.node.xsiType || (model.complexType(x.typeName) && !x.node.nil)));
        if (!l) return false;
        l.node.xsiType = 'UserDeleteRequest';
        return true;
      },
    },
    {
      id: 'wrong-xsi-type-on-nil',
      xmlOnly: true,
      apply: (ls) => {
        const l = pick(ls.filter((x) => x.decl.nillable));
        if (!l) return false;
        l.list[l.index] = { name: l.node.name, nil: true, xsiType: 'UserDeleteRequest' };
        return true;
      },
    },
    {
      id: 'out-of-range-integer',
      apply: (ls) => {
        const l = pick(
          ls.filter((x) => ['int', 'long'].includes(simple(x)?.builtin ?? '') && !simple(x)?.enumeration && x.decl.fixed === undefined),
        );
        if (!l) return false;
        const st = simple(l)!;
        return setValue(
          l,
          st.maxInclusive !== undefined ? String(st.maxInclusive + 1) : st.builtin === 'long' ? '9223372036854775808' : '2147483648',
        );
      },
    },
    {
      id: 'too-many',
      apply: (ls) => {
        const l = pick(ls.filter((x) => x.decl.maxOccurs !== 'unbounded' && x.decl.maxOccurs <= 5));
        if (!l) return false;
        const max = l.decl.maxOccurs as number;
        const have = l.list.filter((n) => n.name === l.node.name).length;
        for (let i = have; i <= max; i++) l.list.splice(l.index + 1, 0, clone(l.node));
        return true;
      },
    },
    {
      id: 'bad-date',
      apply: (ls) => {
        const l = ofBuiltin('date')(ls);
        return !!l && setValue(l, pick(['2024-02-30', '01-02-2024', '2024-13-01'])!);
      },
    },
    {
      id: 'datetime-no-seconds',
      apply: (ls) => {
        const l = ofBuiltin('dateTime')(ls);
        return !!l && setValue(l, '2024-01-01T10:00');
      },
    },
    {
      id: 'bad-base64',
      apply: (ls) => {
        const l = ofBuiltin('base64Binary')(ls);
        return !!l && setValue(l, '!!!!');
      },
    },
    {
      id: 'float-above',
      apply: (ls) => {
        const l = ofBuiltin('float')(ls);
        return !!l && setValue(l, '1000000.5');
      },
    },
    {
      id: 'float-near-bound',
      apply: (ls) => {
        const l = ofBuiltin('float')(ls);
        return !!l && setValue(l, '1000000.01');
      },
    },
    {
      id: 'bad-decimal',
      apply: (ls) => {
        const l = ofBuiltin('decimal')(ls);
        return !!l && setValue(l, '1e5');
      },
    },
    {
      id: 'long-above-2^53',
      apply: (ls) => {
        const l = ofBuiltin('long')(ls);
        return !!l && setValue(l, '9007199254740993');
      },
    },
  ];
}

/** The valid instance and every applicable single mistake of one command. */
export function documentsFor(model: ModelIndex, command: string, seed: number): Doc[] {
  const random = rng(seed);
  const base = generateContent(model, command, random);
  const docs: Doc[] = [{ id: `${command}/valid`, command, children: base }];
  // Whitespace inside a command of empty content (rendered so by the test; XML only).
  if (!base.length) docs.push({ id: `${command}/space-in-empty`, command, children: [], xmlOnly: true });
  const pick = <T>(xs: T[]): T | undefined => (xs.length ? xs[Math.floor(random() * xs.length)] : undefined);
  for (const m of mutationKinds(model, pick)) {
    const children = clone(base);
    if (m.apply(locate(model, command, children), children)) docs.push({ id: `${command}/${m.id}`, command, children, xmlOnly: m.xmlOnly });
  }
  return docs;
}

/**
 * The sample plus, for each mistake kind it does not exercise (the datatypes few commands use: xs:float,
 * xs:decimal...), the first command in name order that does.
 */
export function sampleWithEveryKind(model: ModelIndex, count: number, kinds: string[]): { commands: string[]; docs: Doc[] } {
  const commands = sampleCommands(model, count);
  const docs = commands.flatMap((c, i) => documentsFor(model, c, 1000 + i));
  const have = new Set(docs.map((d) => d.id.split('/')[1]));
  for (const kind of kinds) {
    if (have.has(kind)) continue;
    for (const c of model.commandNames()) {
      if (commands.includes(c)) continue;
      const more = documentsFor(model, c, 1000 + commands.length);
      if (!more.some((d) => d.id.endsWith(`/${kind}`))) continue;
      commands.push(c);
      docs.push(...more);
      for (const d of more) have.add(d.id.split('/')[1]);
      break;
    }
  }
  return { commands, docs };
}
