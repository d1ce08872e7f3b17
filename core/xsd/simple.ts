/**
 * Simple types: restriction chains with effective (inherited and merged) facets,
 * xs:list and xs:union.
 */
import type { SimpleType, WhiteSpace } from '../model/types';
import { builtinSimpleType } from '../model/builtins';
import type { SchemaDoc } from './schema-set';
import { CompileContext, docOf, resolveQName } from './context';
import { XNode, XSD_NS, xsChildren } from './xml-tree';

const NUMERIC_FACETS = ['minLength', 'maxLength', 'length', 'minInclusive', 'maxInclusive', 'minExclusive', 'maxExclusive'] as const;
// totalDigits/fractionDigits do not occur in the OCI-P schemas; attributes belong to a simpleContent owner.
const IGNORED_FACETS = new Set(['totalDigits', 'fractionDigits', 'annotation', 'attribute', 'attributeGroup', 'anyAttribute']);

/** The simple type of that name: built-in, already compiled, or compiled now from its declaration. */
export function ensureSimple(ctx: CompileContext, name: string): SimpleType | undefined {
  const builtin = builtinSimpleType(name);
  if (builtin) return builtin;
  const done = ctx.simpleTypes.get(name);
  if (done) return done;
  const decl = ctx.decls.simpleType.get(name);
  if (!decl) return undefined;
  if (ctx.inProgress.has(name)) {
    ctx.warnings.push(`${decl.doc.label}: simple type ${name} derives from itself`);
    return undefined;
  }
  ctx.inProgress.add(name);
  try {
    return compileSimpleType(ctx, decl.node, decl.doc, name, false);
  } finally {
    ctx.inProgress.delete(name);
  }
}

/** Compiles an xs:simpleType element (named or anonymous) and registers it in the model. */
export function compileSimpleType(ctx: CompileContext, node: XNode, doc: SchemaDoc, name: string, anonymous: boolean): SimpleType {
  const restriction = xsChildren(node, 'restriction')[0];
  const list = xsChildren(node, 'list')[0];
  const union = xsChildren(node, 'union')[0];
  let st: SimpleType;
  if (restriction) st = fromRestriction(ctx, restriction, doc, name);
  else if (list) st = fromList(ctx, list, doc, name);
  else if (union) st = fromUnion(ctx, union, doc, name);
  else {
    ctx.warnings.push(`${doc.label}: simple type ${name} has no restriction, list or union; treated as xs:string`);
    st = { name, builtin: 'string', whiteSpace: 'preserve' };
  }
  if (anonymous) st.anonymous = true;
  const d = docOf(ctx, node);
  if (d) st.doc = d;
  st = orderKeys(st);
  ctx.simpleTypes.set(name, st);
  return st;
}

/** A base given by attribute or by a nested anonymous xs:simpleType (named "<name>.base"). */
function baseOf(ctx: CompileContext, node: XNode, doc: SchemaDoc, name: string, attr: string): SimpleType | undefined {
  const ref = node.attrs[attr];
  if (ref) {
    const qn = resolveQName(ctx, ref, node, doc);
    const base = ensureSimple(ctx, qn);
    if (!base) {
      const what = ctx.decls.complexType.has(qn) ? 'a complex type' : 'unknown';
      ctx.warnings.push(`${doc.label}: simple type ${name}: base ${qn} is ${what}; treated as xs:string`);
    }
    return base;
  }
  const inner = xsChildren(node, 'simpleType')[0];
  if (inner) return compileSimpleType(ctx, inner, doc, `${name}.${attr === 'itemType' ? 'item' : 'base'}`, true);
  return undefined;
}

/**
 * Facets of a simpleContent restriction: a restriction step applied to an already-known value type.
 * Registered as an anonymous simple type under `name`.
 */
export function restrictValueType(
  ctx: CompileContext,
  restriction: XNode,
  doc: SchemaDoc,
  name: string,
  base: SimpleType | undefined,
): SimpleType {
  const nested = xsChildren(restriction, 'simpleType')[0];
  const effectiveBase = nested ? compileSimpleType(ctx, nested, doc, `${name}.base`, true) : base;
  let st = fromRestriction(ctx, restriction, doc, name, effectiveBase ?? builtinSimpleType('xs:string')!);
  st.anonymous = true;
  st = orderKeys(st);
  ctx.simpleTypes.set(name, st);
  return st;
}

function fromRestriction(ctx: CompileContext, node: XNode, doc: SchemaDoc, name: string, given?: SimpleType): SimpleType {
  const base = given ?? baseOf(ctx, node, doc, name, 'base') ?? builtinSimpleType('xs:string')!;
  // Start from the base's effective facets; this step's facets narrow or replace them.
  const { name: baseName, anonymous: _a, doc: _d, restricts: _r, ...inherited } = base;
  const st: SimpleType = { ...inherited, name };
  if (!baseName.startsWith('xs:')) st.restricts = baseName;
  const enums: string[] = [];
  const patterns: string[] = [];
  for (const f of node.children) {
    if (f.ns !== XSD_NS || f.local === 'simpleType') continue;
    const value = f.attrs.value ?? '';
    if ((NUMERIC_FACETS as readonly string[]).includes(f.local)) {
      const n = Number(value);
      if (Number.isFinite(n)) (st as unknown as Record<string, number>)[f.local] = n;
      else ctx.warnings.push(`${doc.label}: simple type ${name}: facet ${f.local}="${value}" is not a number; ignored`);
    } else if (f.local === 'enumeration') enums.push(value);
    else if (f.local === 'pattern') patterns.push(value);
    else if (f.local === 'whiteSpace') {
      if (value === 'preserve' || value === 'replace' || value === 'collapse') st.whiteSpace = value;
    } else if (!IGNORED_FACETS.has(f.local)) {
      ctx.warnings.push(`${doc.label}: simple type ${name}: unsupported facet xs:${f.local} ignored`);
    }
  }
  if (enums.length) st.enumeration = enums;
  if (patterns.length) {
    const joined = patterns.length === 1 ? patterns[0] : patterns.map((p) => `(?:${p})`).join('|');
    st.patterns = [...(base.patterns ?? []), joined];
  }
  return st;
}

function fromList(ctx: CompileContext, node: XNode, doc: SchemaDoc, name: string): SimpleType {
  const item = baseOf(ctx, node, doc, name, 'itemType');
  return { name, builtin: 'list', whiteSpace: 'collapse', itemType: item?.name ?? 'xs:string' };
}

function fromUnion(ctx: CompileContext, node: XNode, doc: SchemaDoc, name: string): SimpleType {
  const members: string[] = [];
  for (const ref of (node.attrs.memberTypes ?? '').split(/\s+/).filter(Boolean)) {
    const qn = resolveQName(ctx, ref, node, doc);
    if (!ensureSimple(ctx, qn)) ctx.warnings.push(`${doc.label}: union ${name}: unknown member type ${qn}`);
    members.push(qn);
  }
  xsChildren(node, 'simpleType').forEach((inner, i) => {
    members.push(compileSimpleType(ctx, inner, doc, `${name}.member${i + 1}`, true).name);
  });
  const spaces = new Set<WhiteSpace>(members.map((m) => ensureSimple(ctx, m)?.whiteSpace ?? 'preserve'));
  return { name, builtin: 'union', whiteSpace: spaces.size === 1 ? [...spaces][0] : 'preserve', memberTypes: members };
}

/** Stable key order so the committed JSON reads the same way for every type. */
const KEY_ORDER = [
  'name',
  'anonymous',
  'builtin',
  'restricts',
  'whiteSpace',
  'itemType',
  'memberTypes',
  'length',
  'minLength',
  'maxLength',
  'minInclusive',
  'maxInclusive',
  'minExclusive',
  'maxExclusive',
  'enumeration',
  'patterns',
  'doc',
];
function orderKeys(st: SimpleType): SimpleType {
  const rec = st as unknown as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const k of KEY_ORDER) if (rec[k] !== undefined) out[k] = rec[k];
  for (const k of Object.keys(rec)) if (!(k in out) && rec[k] !== undefined) out[k] = rec[k];
  return out as unknown as SimpleType;
}
