/**
 * Complex types: content models (sequence / choice / all / group refs, occurrences),
 * complexContent extension and restriction, simpleContent, attributes, element refs
 * and anonymous types.
 */
import type { AttributeDecl, ComplexType, ElementDecl, GroupParticle, Particle } from '../model/types';
import { builtinSimpleType } from '../model/builtins';
import type { SchemaDoc } from './schema-set';
import { CompileContext, Decl, docOf, parseBool, parseOccurs, resolveQName } from './context';
import { compileSimpleType, ensureSimple, restrictValueType } from './simple';
import { XNode, XSD_NS, xsChildren } from './xml-tree';

export function ensureComplex(ctx: CompileContext, name: string): ComplexType | undefined {
  const done = ctx.complexTypes.get(name);
  if (done) return done;
  const decl = ctx.decls.complexType.get(name);
  if (!decl) return undefined;
  if (ctx.inProgress.has(name)) {
    ctx.warnings.push(`${decl.doc.label}: complex type ${name} derives from itself`);
    return undefined;
  }
  ctx.inProgress.add(name);
  try {
    return compileComplexType(ctx, decl.node, decl.doc, name, false);
  } finally {
    ctx.inProgress.delete(name);
  }
}

const TYPE_CHILDREN = new Set([
  'annotation',
  'sequence',
  'choice',
  'all',
  'group',
  'complexContent',
  'simpleContent',
  'attribute',
  'attributeGroup',
  'anyAttribute',
]);

export function compileComplexType(ctx: CompileContext, node: XNode, doc: SchemaDoc, name: string, anonymous: boolean): ComplexType {
  const ct: ComplexType = { name };
  if (anonymous) ct.anonymous = true;
  if (parseBool(node.attrs.abstract)) ct.abstract = true;
  // Registered before its content is compiled so a recursive reference by element finds it.
  ctx.complexTypes.set(name, ct);
  if (parseBool(node.attrs.mixed)) ctx.warnings.push(`${doc.label}: complex type ${name}: mixed content is not modeled`);
  for (const c of node.children) {
    if (c.ns === XSD_NS && !TYPE_CHILDREN.has(c.local)) warnUnknown(ctx, doc, name, c);
  }

  const complexContent = xsChildren(node, 'complexContent')[0];
  const simpleContent = xsChildren(node, 'simpleContent')[0];
  if (complexContent) compileComplexContent(ctx, complexContent, doc, ct);
  else if (simpleContent) compileSimpleContent(ctx, simpleContent, doc, ct);
  else {
    const content = contentOf(ctx, node, doc, name);
    if (content) ct.content = content;
    const attrs = attributesOf(ctx, node, doc, name);
    if (attrs.length) ct.attributes = attrs;
  }
  const d = docOf(ctx, node);
  if (d) ct.doc = d;
  return reorder(ct);
}

function compileComplexContent(ctx: CompileContext, cc: XNode, doc: SchemaDoc, ct: ComplexType): void {
  const step = xsChildren(cc, 'extension')[0] ?? xsChildren(cc, 'restriction')[0];
  if (!step) {
    ctx.warnings.push(`${doc.label}: complex type ${ct.name}: complexContent without extension or restriction`);
    return;
  }
  const baseName = step.attrs.base ? resolveQName(ctx, step.attrs.base, step, doc) : 'xs:anyType';
  const base = baseName === 'xs:anyType' ? undefined : ensureComplex(ctx, baseName);
  if (baseName !== 'xs:anyType') {
    ct.base = baseName;
    if (!base) ctx.warnings.push(`${doc.label}: complex type ${ct.name}: unknown base type ${baseName}`);
  }
  const own = contentOf(ctx, step, doc, ct.name);
  const ownAttrs = attributesOf(ctx, step, doc, ct.name);
  if (step.local === 'extension') {
    // Effective content of an extension: the base's particles, then the new ones.
    const content = concat(base?.content, own);
    if (content) ct.content = content;
    const attrs = [...(base?.attributes ?? []), ...ownAttrs];
    if (attrs.length) ct.attributes = attrs;
  } else {
    // A restriction restates the whole content; attributes are inherited unless redeclared or prohibited.
    if (own) ct.content = own;
    const prohibited = new Set(
      xsChildren(step, 'attribute')
        .filter((a) => a.attrs.use === 'prohibited')
        .map((a) => a.attrs.name ?? ''),
    );
    const merged = new Map<string, AttributeDecl>();
    for (const a of base?.attributes ?? []) merged.set(a.name, a);
    for (const a of ownAttrs) merged.set(a.name, a);
    const attrs = [...merged.values()].filter((a) => !prohibited.has(a.name));
    if (attrs.length) ct.attributes = attrs;
  }
}

function compileSimpleContent(ctx: CompileContext, sc: XNode, doc: SchemaDoc, ct: ComplexType): void {
  const step = xsChildren(sc, 'extension')[0] ?? xsChildren(sc, 'restriction')[0];
  if (!step || !step.attrs.base) {
    ctx.warnings.push(`${doc.label}: complex type ${ct.name}: simpleContent without a based extension or restriction`);
    return;
  }
  const baseName = resolveQName(ctx, step.attrs.base, step, doc);
  const baseComplex = ensureComplex(ctx, baseName);
  const baseSimple = baseComplex ? undefined : ensureSimple(ctx, baseName);
  if (!baseComplex && !baseSimple) ctx.warnings.push(`${doc.label}: complex type ${ct.name}: unknown base type ${baseName}`);
  if (baseComplex) ct.base = baseName;
  let valueType = baseComplex ? baseComplex.simpleContent : baseName;
  const hasFacets = step.children.some(
    (c) => c.ns === XSD_NS && !['annotation', 'attribute', 'attributeGroup', 'anyAttribute'].includes(c.local),
  );
  if (step.local === 'restriction' && hasFacets) {
    // Facets on the text value: an anonymous simple type "<Type>.value".
    const base = valueType ? ensureSimple(ctx, valueType) : undefined;
    valueType = restrictValueType(ctx, step, doc, uniqueName(ctx, `${ct.name}.value`), base).name;
  }
  if (valueType) ct.simpleContent = valueType;
  const own = attributesOf(ctx, step, doc, ct.name);
  const attrs = [...(baseComplex?.attributes ?? []), ...own];
  if (attrs.length) ct.attributes = attrs;
}

/** The top-level particle of a type or derivation step, normalised: an empty sequence is no content. */
function contentOf(ctx: CompileContext, node: XNode, doc: SchemaDoc, owner: string): GroupParticle | undefined {
  const groups = node.children.filter((c) => c.ns === XSD_NS && ['sequence', 'choice', 'all', 'group'].includes(c.local));
  if (groups.length > 1) ctx.warnings.push(`${doc.label}: complex type ${owner}: more than one content particle`);
  if (!groups.length) return undefined;
  const p = particle(ctx, groups[0], doc, owner);
  if (!p || p.kind === 'element') return undefined;
  return isEmpty(p) ? undefined : p;
}

function isEmpty(g: GroupParticle): boolean {
  return g.kind === 'sequence' && g.items.length === 0;
}

function concat(base: GroupParticle | undefined, own: GroupParticle | undefined): GroupParticle | undefined {
  if (!base || isEmpty(base)) return own;
  if (!own || isEmpty(own)) return base;
  const spread = (g: GroupParticle): Particle[] => (g.kind === 'sequence' && g.minOccurs === 1 && g.maxOccurs === 1 ? g.items : [g]);
  return { kind: 'sequence', minOccurs: 1, maxOccurs: 1, items: [...spread(base), ...spread(own)] };
}

function occurs(ctx: CompileContext, node: XNode): { minOccurs: number; maxOccurs: number | 'unbounded' } {
  const min = parseOccurs(node.attrs.minOccurs, 1);
  return { minOccurs: min === 'unbounded' ? 1 : min, maxOccurs: parseOccurs(node.attrs.maxOccurs, 1) };
}

function particle(ctx: CompileContext, node: XNode, doc: SchemaDoc, owner: string): Particle | undefined {
  switch (node.local) {
    case 'element':
      return elementDecl(ctx, node, doc, owner);
    case 'sequence':
    case 'choice':
    case 'all': {
      if (node.local === 'all') ctx.warnings.push(`${doc.label}: ${owner}: xs:all is modeled as a sequence (order not enforced by XSD)`);
      const items: Particle[] = [];
      for (const c of node.children) {
        if (c.ns !== XSD_NS || c.local === 'annotation') continue;
        if (['element', 'sequence', 'choice', 'group'].includes(c.local)) {
          const p = particle(ctx, c, doc, owner);
          if (p) items.push(p);
        } else warnUnknown(ctx, doc, owner, c);
      }
      return { kind: node.local === 'choice' ? 'choice' : 'sequence', ...occurs(ctx, node), items };
    }
    case 'group':
      return groupRef(ctx, node, doc, owner);
    default:
      warnUnknown(ctx, doc, owner, node);
      return undefined;
  }
}

/** A named model group reference: its particle inlined, with the reference's occurrences. */
function groupRef(ctx: CompileContext, node: XNode, doc: SchemaDoc, owner: string): Particle | undefined {
  const ref = node.attrs.ref;
  const decl = ref ? ctx.decls.group.get(resolveQName(ctx, ref, node, doc)) : undefined;
  if (!decl) {
    ctx.warnings.push(`${doc.label}: ${owner}: unknown group ${ref ?? '(no ref)'}`);
    return undefined;
  }
  const inner = decl.node.children.find((c) => c.ns === XSD_NS && ['sequence', 'choice', 'all'].includes(c.local));
  const p = inner ? particle(ctx, inner, decl.doc, owner) : undefined;
  if (!p || p.kind === 'element') return undefined;
  return { ...p, ...occurs(ctx, node) };
}

function elementDecl(ctx: CompileContext, node: XNode, doc: SchemaDoc, owner: string): ElementDecl | undefined {
  const occ = occurs(ctx, node);
  let target: Decl | undefined;
  let site = node;
  let siteDoc = doc;
  if (node.attrs.ref) {
    const qn = resolveQName(ctx, node.attrs.ref, node, doc);
    target = ctx.decls.element.get(qn);
    if (!target) {
      ctx.warnings.push(`${doc.label}: ${owner}: reference to unknown element ${qn}`);
      return undefined;
    }
    site = target.node;
    siteDoc = target.doc;
  }
  const name = site.attrs.name;
  if (!name) {
    ctx.warnings.push(`${doc.label}: ${owner}: element without a name ignored`);
    return undefined;
  }
  const anonOwner = target ? `@${target.name}` : `${owner}.${name}`;
  const decl: ElementDecl = { kind: 'element', name, type: elementType(ctx, site, siteDoc, anonOwner, target !== undefined), ...occ };
  if (parseBool(site.attrs.nillable)) decl.nillable = true;
  if (site.attrs.fixed !== undefined) decl.fixed = site.attrs.fixed;
  if (site.attrs.default !== undefined) decl.default = site.attrs.default;
  if (site.attrs.substitutionGroup || node.attrs.substitutionGroup) {
    ctx.warnings.push(`${doc.label}: ${owner}.${name}: substitution groups are not modeled`);
  }
  const d = docOf(ctx, node) ?? (target ? docOf(ctx, target.node) : undefined);
  if (d) decl.doc = d;
  return decl;
}

/** The model type name of an element: its type attribute, or its anonymous type compiled under `anonName`. */
function elementType(ctx: CompileContext, node: XNode, doc: SchemaDoc, anonName: string, shared: boolean): string {
  if (node.attrs.type) return checkedTypeRef(ctx, resolveQName(ctx, node.attrs.type, node, doc), doc, anonName);
  const ct = xsChildren(node, 'complexType')[0];
  const st = xsChildren(node, 'simpleType')[0];
  // No type at all is XSD's ur-type: anything goes (OCI-P uses it for empty flag elements).
  if (!ct && !st) return 'xs:anyType';
  // A global element's anonymous type is shared by every reference; compile it once.
  if (shared && (ctx.complexTypes.has(anonName) || ctx.simpleTypes.has(anonName))) return anonName;
  const name = shared ? anonName : uniqueName(ctx, anonName);
  if (ct) compileComplexType(ctx, ct, doc, name, true);
  else compileSimpleType(ctx, st, doc, name, true);
  return name;
}

function uniqueName(ctx: CompileContext, base: string): string {
  let name = base;
  for (let i = 2; ctx.complexTypes.has(name) || ctx.simpleTypes.has(name); i++) name = `${base}~${i}`;
  return name;
}

function checkedTypeRef(ctx: CompileContext, qn: string, doc: SchemaDoc, where: string): string {
  if (qn === 'xs:anyType') return qn;
  if (!builtinSimpleType(qn) && !ctx.decls.complexType.has(qn) && !ctx.decls.simpleType.has(qn)) {
    ctx.warnings.push(`${doc.label}: ${where}: unknown type ${qn}`);
  }
  return qn;
}

function attributesOf(ctx: CompileContext, node: XNode, doc: SchemaDoc, owner: string): AttributeDecl[] {
  const out: AttributeDecl[] = [];
  for (const c of node.children) {
    if (c.ns !== XSD_NS) continue;
    if (c.local === 'attribute') {
      const a = attributeDecl(ctx, c, doc, owner);
      if (a && c.attrs.use !== 'prohibited') out.push(a);
    } else if (c.local === 'attributeGroup') {
      const qn = c.attrs.ref ? resolveQName(ctx, c.attrs.ref, c, doc) : '';
      const group = ctx.decls.attributeGroup.get(qn);
      if (group) out.push(...attributesOf(ctx, group.node, group.doc, owner));
      else ctx.warnings.push(`${doc.label}: ${owner}: unknown attribute group ${qn || '(no ref)'}`);
    } else if (c.local === 'anyAttribute') {
      ctx.warnings.push(`${doc.label}: ${owner}: xs:anyAttribute is not modeled`);
    }
  }
  return out;
}

function attributeDecl(ctx: CompileContext, node: XNode, doc: SchemaDoc, owner: string): AttributeDecl | undefined {
  let site = node;
  let siteDoc = doc;
  if (node.attrs.ref) {
    const decl = ctx.decls.attribute.get(resolveQName(ctx, node.attrs.ref, node, doc));
    if (!decl) {
      ctx.warnings.push(`${doc.label}: ${owner}: reference to unknown attribute ${node.attrs.ref}`);
      return undefined;
    }
    site = decl.node;
    siteDoc = decl.doc;
  }
  const name = site.attrs.name;
  if (!name) return undefined;
  let type = 'xs:anySimpleType';
  if (site.attrs.type) type = checkedTypeRef(ctx, resolveQName(ctx, site.attrs.type, site, siteDoc), siteDoc, `${owner}@${name}`);
  else {
    const st = xsChildren(site, 'simpleType')[0];
    if (st) type = compileSimpleType(ctx, st, siteDoc, uniqueName(ctx, `${owner}@${name}`), true).name;
  }
  const a: AttributeDecl = { name, type, required: node.attrs.use === 'required' };
  const fixed = node.attrs.fixed ?? site.attrs.fixed;
  if (fixed !== undefined) a.fixed = fixed;
  const d = docOf(ctx, node) ?? docOf(ctx, site);
  if (d) a.doc = d;
  return a;
}

function warnUnknown(ctx: CompileContext, doc: SchemaDoc, owner: string, node: XNode): void {
  ctx.warnings.push(`${doc.label}: ${owner}: unsupported construct xs:${node.local} ignored`);
}

const CT_KEYS = ['name', 'anonymous', 'abstract', 'base', 'content', 'simpleContent', 'attributes', 'doc'];
function reorder(ct: ComplexType): ComplexType {
  const rec = ct as unknown as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const k of CT_KEYS) if (rec[k] !== undefined) out[k] = rec[k];
  // Keep the registered object identity: copy the ordered keys back into it.
  for (const k of Object.keys(rec)) delete rec[k];
  Object.assign(rec, out);
  return ct;
}
