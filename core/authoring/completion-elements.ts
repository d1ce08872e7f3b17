/**
 * Which child elements may still be added to an element of a given type, judged on the content model:
 * occurrences left, choice branches (alternatives offered, conflicting branches left out) and, in XML,
 * the position in the sequence between the previous and the next sibling.
 */
import { indexContent, type ContentIndex } from '../checks/content';
import type { ModelIndex } from '../model/model-index';
import type { ElementDecl, GroupParticle, Occurs, Particle } from '../model/types';
import type { FileFormat } from '../tree/types';
import { elementNames, emptiable, times } from '../model/particles';

export interface ElementCandidate {
  /** "lastName", or "serviceProviderId + groupId" for a choice branch of several elements. */
  label: string;
  /** The elements inserted, in schema order. */
  decls: ElementDecl[];
  required: boolean;
  /** Position in schema order (of the first element). */
  order: number;
  /** Effective occurrences (group multiplicity included). */
  min: number;
  max: Occurs;
  /** Set for the combined item of a choice branch. */
  branch?: boolean;
}

/** A declaration with its groups and schema position, as core/checks/content indexes it. */
type Info = ContentIndex['decls'][number];

/** The elements a particle needs when it is used (a choice: its first branch). */
export function requiredDecls(p: Particle): ElementDecl[] {
  if (p.minOccurs === 0) return [];
  if (p.kind === 'element') return [p];
  if (p.kind === 'sequence') return p.items.flatMap(requiredDecls);
  return p.items.length ? requiredDecls(p.items[0]) : [];
}

/** The item of group `g` that holds the declaration. */
function branchOf(info: Info, g: GroupParticle): Particle {
  const i = info.path.indexOf(g);
  return info.path[i + 1] ?? info.decl;
}

/** "serviceProviderId + groupId | groupExternalId" for the choice an element belongs to, if any. */
export function choiceLabel(model: ModelIndex, typeName: string, elementName: string): string | undefined {
  const content = model.complexType(typeName)?.content;
  if (!content) return undefined;
  const info = indexContent(content).byName.get(elementName)?.[0];
  const choice = info?.path.filter((g) => g.kind === 'choice').pop();
  if (!choice) return undefined;
  return choice.items
    .map(
      (item) =>
        (requiredDecls(item).length ? requiredDecls(item) : item.kind === 'element' ? [item] : []).map((d) => d.name).join(' + ') ||
        elementNames(item).join(' + '),
    )
    .join(' | ');
}

/** Effective occurrences of an element of a type's content: min 0 if any enclosing group is optional. */
export function occurrences(model: ModelIndex, typeName: string, elementName: string): { min: number; max: Occurs } | undefined {
  const content = model.complexType(typeName)?.content;
  const info = content ? indexContent(content).byName.get(elementName)?.[0] : undefined;
  if (!info) return undefined;
  let min = info.decl.minOccurs;
  let max: Occurs = info.decl.maxOccurs;
  for (const g of info.path) {
    max = times(max, g.maxOccurs);
    if (g.minOccurs === 0 || (g.kind === 'choice' && g.items.some(emptiable))) min = 0;
  }
  return { min, max };
}

export interface SiblingContext {
  format: FileFormat;
  /** Every sibling name present (repeats counted). */
  siblings: string[];
  /** XML: siblings before and after the cursor. */
  before: string[];
  after: string[];
}

export function elementCandidates(model: ModelIndex, typeName: string, at: SiblingContext): ElementCandidate[] {
  const content = model.complexType(typeName)?.content;
  if (!content) return [];
  const idx = indexContent(content);
  const count = new Map<string, number>();
  for (const s of at.siblings) count.set(s, (count.get(s) ?? 0) + 1);
  const present = (p: Particle) => elementNames(p).some((n) => count.has(n));
  const orderOf = (name: string | undefined) => (name ? idx.byName.get(name)?.[0] : undefined);
  const prev = at.format === 'xml' ? lastKnown(at.before, idx) : undefined;
  const next = at.format === 'xml' ? at.after.map((n) => orderOf(n)).find((i) => i) : undefined;

  const fitsPosition = (info: Info, last: Info = info) => {
    if (prev && info.order < prev.order && !shareRepeatedGroup(info, prev)) return false;
    if (next && last.order > next.order && !shareRepeatedGroup(last, next)) return false;
    return true;
  };
  const requiredNow = (info: Info) => {
    if (info.decl.minOccurs === 0) return false;
    for (const g of info.path) {
      if (g.minOccurs === 0) return false;
      if (g.kind === 'choice') {
        const branch = branchOf(info, g);
        const chosen = g.items.find(present);
        if (chosen ? chosen !== branch : g.items.some(emptiable)) return false;
      }
    }
    return true;
  };

  const out: ElementCandidate[] = [];
  for (const info of idx.decls) {
    let max: Occurs = info.decl.maxOccurs;
    let conflict = false;
    for (const g of info.path) {
      max = times(max, g.maxOccurs);
      if (g.kind === 'choice' && g.maxOccurs === 1) {
        const branch = branchOf(info, g);
        if (g.items.some((i) => i !== branch && present(i))) conflict = true;
      }
    }
    if (conflict) continue;
    if (max !== 'unbounded' && (count.get(info.decl.name) ?? 0) >= max) continue;
    if (!fitsPosition(info)) continue;
    const occ = occurrences(model, typeName, info.decl.name)!;
    out.push({ label: info.decl.name, decls: [info.decl], required: requiredNow(info), order: info.order, min: occ.min, max });
  }

  // A branch of several required elements is offered as one item too (e.g. serviceProviderId + groupId).
  const choices = new Set<GroupParticle>();
  for (const info of idx.decls) for (const g of info.path) if (g.kind === 'choice') choices.add(g);
  for (const g of choices) {
    if (g.items.some(present)) continue;
    for (const item of g.items) {
      const decls = requiredDecls(item);
      if (decls.length < 2) continue;
      const infos = decls.map((d) => idx.decls.find((i) => i.decl === d)!);
      if (!fitsPosition(infos[0], infos[infos.length - 1])) continue;
      out.push({
        label: decls.map((d) => d.name).join(' + '),
        decls,
        required: requiredNow(infos[0]),
        order: infos[0].order,
        min: 1,
        max: 1,
        branch: true,
      });
    }
  }
  return out.sort(
    (a, b) => Number(b.required) - Number(a.required) || a.order - b.order || Number(b.branch ?? false) - Number(a.branch ?? false),
  );
}

function lastKnown(names: string[], idx: ContentIndex): Info | undefined {
  for (let i = names.length - 1; i >= 0; i--) {
    const info = idx.byName.get(names[i])?.[0];
    if (info) return info;
  }
  return undefined;
}

function shareRepeatedGroup(a: Info, b: Info): boolean {
  return a.path.some((g) => g.maxOccurs !== 1 && b.path.includes(g));
}
