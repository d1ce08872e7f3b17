/**
 * Read-side API over an OcipModel: what checks, completion, hover and the encoder ask.
 * Lookups that walk the model (derivations, flattened content) are computed once per
 * index and memoised; the model itself is never mutated.
 */
import { builtinSimpleType } from './builtins';
import { plainSource, type ModelSource } from './store/stored-model';
import type { AttributeDecl, ComplexType, ElementDecl, OcipModel, Particle, SimpleType } from './types';

export const OCI_REQUEST = 'C:OCIRequest';
export const OCI_RESPONSE = 'C:OCIResponse';

/** XSD's ur-type: what an element declared without a type has. Any content is accepted. */
export const ANY_TYPE: ComplexType = Object.freeze({ name: 'xs:anyType', anyContent: true });

export class ModelIndex {
  private derivedMap?: Map<string, string[]>;
  private readonly source: ModelSource;
  private plain?: OcipModel;
  private readonly declCache = new Map<string, ElementDecl[]>();
  private readonly childCache = new Map<string, Map<string, ElementDecl>>();
  private readonly ancestorCache = new Map<string, string[]>();
  private requests?: string[];
  private responses?: string[];

  /**
   * @param model    the compiled model, or a source that loads it lazily (the built-in model, ./store)
   * @param warnings what the compiler reported (empty for the built-in model)
   */
  constructor(
    model: OcipModel | ModelSource,
    readonly warnings: readonly string[] = [],
  ) {
    if ('complexTypes' in model) {
      this.plain = model;
      this.source = plainSource(model);
    } else this.source = model;
  }

  /**
   * The whole model as plain data. For a lazily loaded model (the built-in one) this loads every chunk: use the
   * lookups below instead wherever possible.
   */
  get model(): OcipModel {
    return (this.plain ??= this.source.materialize());
  }

  /** Release label ("R25") without loading anything. */
  get release(): string {
    return this.source.release;
  }

  private get derived(): Map<string, string[]> {
    if (!this.derivedMap) {
      const derived = new Map<string, string[]>();
      this.source.forEachBase((name, base) => {
        const list = derived.get(base);
        if (list) list.push(name);
        else derived.set(base, [name]);
      });
      this.derivedMap = derived;
    }
    return this.derivedMap;
  }

  /** Concrete request command types (derived, transitively, from C:OCIRequest), sorted. */
  commandNames(): string[] {
    return (this.requests ??= this.concreteDescendants(OCI_REQUEST));
  }

  /** Concrete response types (derived from C:OCIResponse, e.g. "C:SuccessResponse"), sorted. */
  responseNames(): string[] {
    return (this.responses ??= this.concreteDescendants(OCI_RESPONSE));
  }

  /** True for a concrete request command type. */
  isRequest(name: string): boolean {
    return name !== OCI_REQUEST && this.derivesFrom(name, OCI_REQUEST) && !this.source.isAbstract(name);
  }

  isResponse(name: string): boolean {
    return name !== OCI_RESPONSE && this.derivesFrom(name, OCI_RESPONSE) && !this.source.isAbstract(name);
  }

  /** The complex type of that name; "xs:anyType" gives ANY_TYPE. */
  complexType(name: string): ComplexType | undefined {
    return this.ct(name) ?? (name === ANY_TYPE.name ? ANY_TYPE : undefined);
  }

  /** A simple type of the model (named or anonymous) or an XSD built-in ("xs:token", "xs:int", ...). */
  simpleType(name: string): SimpleType | undefined {
    return (name.startsWith('xs:') ? undefined : this.source.simpleType(name)) ?? builtinSimpleType(name);
  }

  /** True when elements of this type carry a text value (simple type or built-in). */
  isSimple(typeName: string): boolean {
    return this.simpleType(typeName) !== undefined;
  }

  isComplex(typeName: string): boolean {
    return this.complexType(typeName) !== undefined;
  }

  /** The base chain of a complex type, nearest first: GroupDepartmentKey -> ["DepartmentKey"]. */
  ancestors(name: string): string[] {
    let chain = this.ancestorCache.get(name);
    if (!chain) {
      chain = [];
      const seen = new Set([name]);
      for (let b = this.source.baseOf(name); b && !seen.has(b); b = this.source.baseOf(b)) {
        chain.push(b);
        seen.add(b);
      }
      this.ancestorCache.set(name, chain);
    }
    return chain;
  }

  /** True when `name` is `ancestor` or derives from it. */
  derivesFrom(name: string, ancestor: string): boolean {
    return name === ancestor || this.ancestors(name).includes(ancestor);
  }

  /** Concrete (non-abstract) types derived, directly or not, from the given type; sorted. */
  subtypesOf(name: string): string[] {
    return this.concreteDescendants(name);
  }

  /** Every element declaration of a type's content, in schema order (base content first), choices flattened. */
  elementDecls(typeName: string): ElementDecl[] {
    let out = this.declCache.get(typeName);
    if (!out) {
      out = [];
      const content = this.ct(typeName)?.content;
      if (content) collectElements(content, out);
      this.declCache.set(typeName, out);
    }
    return out;
  }

  /** The declaration of a child element by name (first one, if a name repeats in different branches). */
  childDecl(typeName: string, elementName: string): ElementDecl | undefined {
    let byName = this.childCache.get(typeName);
    if (!byName) {
      byName = new Map();
      for (const d of this.elementDecls(typeName)) if (!byName.has(d.name)) byName.set(d.name, d);
      this.childCache.set(typeName, byName);
    }
    return byName.get(elementName);
  }

  /** An attribute of a complex type (including inherited ones such as "echo"). */
  attributeDecl(typeName: string, attributeName: string): AttributeDecl | undefined {
    return this.ct(typeName)?.attributes?.find((a) => a.name === attributeName);
  }

  /** Own-property lookup, so names like "constructor" never hit Object.prototype. */
  private ct(name: string): ComplexType | undefined {
    return name.startsWith('xs:') ? undefined : this.source.complexType(name);
  }

  private concreteDescendants(name: string): string[] {
    const out: string[] = [];
    const stack = [...(this.derived.get(name) ?? [])];
    const seen = new Set<string>();
    while (stack.length) {
      const n = stack.pop()!;
      if (seen.has(n)) continue;
      seen.add(n);
      if (!this.source.isAbstract(n)) out.push(n);
      stack.push(...(this.derived.get(n) ?? []));
    }
    return out.sort();
  }
}

function collectElements(p: Particle, out: ElementDecl[]): void {
  if (p.kind === 'element') out.push(p);
  else for (const item of p.items) collectElements(item, out);
}
