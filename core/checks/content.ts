/**
 * Matching the children of one element (or command) against its type's content model:
 * unknown names, missing required elements, too many occurrences, choice branches, and (XML only) order.
 *
 * YAML keys may come in any order, so the structure is judged on which names are present and how often;
 * XML additionally must follow schema order, because BroadWorks rejects out-of-order elements.
 */
import type { ElementDecl, GroupParticle, Occurs, Particle } from '../model/types';
import type { ElementNode, FileFormat, Span } from '../tree/types';
import type { Diagnostic } from './types';
import { suggestName, toCamelCase } from './suggest';
import { elementNames, emptiable, times } from '../model/particles';
import { short } from './values';

interface DeclInfo {
  decl: ElementDecl;
  /** Groups from the content root down to the element. */
  path: GroupParticle[];
  /** Position in schema order. */
  order: number;
}

export interface ContentIndex {
  root: GroupParticle;
  decls: DeclInfo[];
  byName: Map<string, DeclInfo[]>;
  /** The element names, in schema order: the candidates of "did you mean" (one list, so suggestions are memoised). */
  names: string[];
  /** Schema position of each declaration (for the XML order check, without a scan per child). */
  orderOf: Map<ElementDecl, DeclInfo>;
}

const indexCache = new WeakMap<GroupParticle, ContentIndex>();

export function indexContent(root: GroupParticle): ContentIndex {
  let idx = indexCache.get(root);
  if (idx) return idx;
  const decls: DeclInfo[] = [];
  const walk = (p: Particle, path: GroupParticle[]) => {
    if (p.kind === 'element') decls.push({ decl: p, path, order: decls.length });
    else for (const item of p.items) walk(item, [...path, p]);
  };
  walk(root, []);
  const byName = new Map<string, DeclInfo[]>();
  for (const d of decls) {
    const list = byName.get(d.decl.name);
    if (list) list.push(d);
    else byName.set(d.decl.name, [d]);
  }
  const orderOf = new Map<ElementDecl, DeclInfo>();
  for (const d of decls) if (!orderOf.has(d.decl)) orderOf.set(d.decl, d);
  idx = { root, decls, byName, names: [...byName.keys()], orderOf };
  indexCache.set(root, idx);
  return idx;
}

export interface MatchedChild {
  node: ElementNode;
  decl: ElementDecl;
}

export interface ContentContext {
  format: FileFormat;
  /** Where "missing element" problems are reported: the parent's name, or the command's head. */
  ownerSpan: Span;
  /** Human name of the owner for messages ("UserConsolidatedAddRequest22", "accessDeviceEndpoint"). */
  ownerName: string;
  push(d: Omit<Diagnostic, 'kind'> & { kind?: Diagnostic['kind'] }): void;
  describeDecl(decl: ElementDecl): string;
}

function isUnbounded(o: Occurs): boolean {
  return o === 'unbounded';
}

function requiredNames(p: Particle): string[] {
  if (p.minOccurs === 0) return [];
  if (p.kind === 'element') return [p.name];
  if (p.kind === 'sequence') return p.items.flatMap(requiredNames);
  return p.items.length ? requiredNames(p.items[0]) : [];
}

/** "serviceProviderId + groupId" for a branch. */
function branchLabel(p: Particle): string {
  if (p.kind === 'element') return p.name;
  const req = requiredNames(p);
  return (req.length ? req : elementNames(p)).join(' + ');
}

/**
 * A YAML list under one key is one node per item, all with the key's nameSpan: a problem with the name itself
 * (unknown, not allowed, conflicting) is reported once per key, on the first item, not once per item.
 */
class OncePerName {
  /** Created on first use: most contents have no unknown or conflicting name. */
  private seen?: Set<string>;

  first(code: string, node: ElementNode): boolean {
    const key = `${code} ${node.nameSpan.start} ${node.nameSpan.end}`;
    this.seen ??= new Set();
    if (this.seen.has(key)) return false;
    this.seen.add(key);
    return true;
  }
}

export function matchContent(content: GroupParticle | undefined, children: ElementNode[], ctx: ContentContext): MatchedChild[] {
  const once = new OncePerName();
  if (!content) {
    for (const c of children) {
      if (!once.first('OCI-UNKNOWN-ELEMENT', c)) continue;
      ctx.push({
        code: 'OCI-UNKNOWN-ELEMENT',
        severity: 'error',
        message: `\`${ctx.ownerName}\` has no child elements; \`${c.name}\` is not allowed here.`,
        span: c.nameSpan,
        fix: { kind: 'remove' },
      });
    }
    return [];
  }
  const idx = indexContent(content);
  // The nodes of each declaration, as grouping by assigned DeclInfo and keeping the first info per declaration did:
  // one map, no second pass. Two infos share a declaration only under one name with several infos (rare: `owners`).
  const byDecl = new Map<ElementDecl, ElementNode[]>();
  let owners: Map<ElementDecl, DeclInfo> | undefined;
  // The groups holding a present declaration (each path from the root to every place of the declaration): the
  // presence of a group is then one lookup, not a walk of its subtree for every particle evaluated.
  const presentGroups = new Set<GroupParticle>();
  const matched: MatchedChild[] = [];

  // A misspelt required element is reported once, as unknown with its rename fix, not also as missing.
  let suggested: Set<string> | undefined;
  for (const node of children) {
    const infos = idx.byName.get(node.name);
    if (!infos) {
      if (!once.first('OCI-UNKNOWN-ELEMENT', node)) continue;
      const s = reportUnknown(node, idx.names, ctx);
      if (s) (suggested ??= new Set()).add(s);
      continue;
    }
    const info = infos.length === 1 ? infos[0] : pickDecl(infos, children);
    const list = byDecl.get(info.decl);
    if (!list) {
      byDecl.set(info.decl, [node]);
      for (const other of infos) if (other.decl === info.decl) for (const g of other.path) presentGroups.add(g);
      if (infos.length > 1) (owners ??= new Map()).set(info.decl, info);
    } else if (infos.length === 1 || owners?.get(info.decl) === info) list.push(node);
    matched.push({ node, decl: info.decl });
  }

  const present = (p: Particle): boolean => (p.kind === 'element' ? byDecl.has(p) : presentGroups.has(p));
  const nodesOf = (decl: ElementDecl): ElementNode[] => byDecl.get(decl) ?? [];

  const evaluate = (p: Particle, required: boolean, mult: Occurs): void => {
    if (p.kind === 'element') {
      const nodes = nodesOf(p);
      if (required && nodes.length < p.minOccurs && !suggested?.has(p.name)) reportMissing(p, ctx);
      const max = times(p.maxOccurs, mult);
      if (!isUnbounded(max) && nodes.length > (max as number)) {
        for (const extra of nodes.slice(max as number)) {
          ctx.push({
            code: 'OCI-TOO-MANY',
            severity: 'error',
            message: `\`${p.name}\` may occur at most ${max} time${max === 1 ? '' : 's'} in \`${ctx.ownerName}\`; this is occurrence ${nodes.indexOf(extra) + 1}.`,
            span: extra.listIndex !== undefined ? extra.span : extra.nameSpan,
            fix: { kind: 'remove' },
          });
        }
      }
      return;
    }
    const innerMult = times(p.maxOccurs, mult);
    if (p.kind === 'sequence') {
      const req = (required && p.minOccurs > 0) || present(p);
      for (const item of p.items) evaluate(item, req, innerMult);
      return;
    }
    // choice
    const branches = p.items.filter(present);
    if (branches.length === 0) {
      if (required && p.minOccurs > 0 && !p.items.some(emptiable)) reportChoiceMissing(p, ctx);
      for (const item of p.items) evaluate(item, false, innerMult);
      return;
    }
    if (branches.length > 1 && p.maxOccurs === 1) {
      reportChoiceConflict(p, branches, nodesOf, ctx, once);
      // Judge the branch the user wrote most of; the others only for their own counts.
      const main = branches.reduce((a, b) => (countPresent(b, nodesOf) > countPresent(a, nodesOf) ? b : a));
      for (const item of p.items) evaluate(item, item === main, innerMult);
      return;
    }
    for (const item of p.items) evaluate(item, branches.includes(item), innerMult);
  };
  evaluate(content, true, 1);

  if (ctx.format === 'xml') checkOrder(idx, matched, ctx);
  return matched;
}

function countPresent(p: Particle, nodesOf: (d: ElementDecl) => ElementNode[]): number {
  return p.kind === 'element' ? nodesOf(p).length : p.items.reduce((n, i) => n + countPresent(i, nodesOf), 0);
}

/** Same name in several branches: take the declaration whose branch siblings are also present. */
function pickDecl(infos: DeclInfo[], children: ElementNode[]): DeclInfo {
  const names = new Set(children.map((c) => c.name));
  let best = infos[0];
  let bestScore = -1;
  for (const info of infos) {
    const branch = info.path[info.path.length - 1];
    const score = branch ? elementNames(branch).filter((n) => names.has(n)).length : 0;
    if (score > bestScore) {
      best = info;
      bestScore = score;
    }
  }
  return best;
}

function reportUnknown(node: ElementNode, allNames: string[], ctx: ContentContext): string | undefined {
  const suggestion = suggestName(node.name, allNames);
  const snake = suggestion && toCamelCase(node.name) === suggestion && suggestion !== node.name;
  const message = suggestion
    ? `Unknown element \`${short(node.name)}\` in \`${ctx.ownerName}\`. Did you mean \`${suggestion}\`?${snake ? ' (OCI-P uses camelCase element names.)' : ''}`
    : `Unknown element \`${short(node.name)}\` in \`${ctx.ownerName}\`.`;
  ctx.push({
    code: 'OCI-UNKNOWN-ELEMENT',
    severity: 'error',
    message,
    span: node.nameSpan,
    fix: suggestion ? { kind: 'rename', to: suggestion } : { kind: 'remove' },
  });
  return suggestion;
}

function reportMissing(decl: ElementDecl, ctx: ContentContext): void {
  ctx.push({
    code: 'OCI-MISSING',
    severity: 'error',
    message: `Missing required element \`${decl.name}\` in \`${ctx.ownerName}\` (${ctx.describeDecl(decl)}).`,
    span: ctx.ownerSpan,
    fix: { kind: 'addElements', names: [decl.name] },
  });
}

function reportChoiceMissing(p: GroupParticle, ctx: ContentContext): void {
  const options = p.items.map(branchLabel);
  ctx.push({
    code: 'OCI-CHOICE-MISSING',
    severity: 'error',
    message: `\`${ctx.ownerName}\` needs one of: ${options.map((o) => `\`${o}\``).join(', or ')}.`,
    span: ctx.ownerSpan,
    fix: { kind: 'addElements', names: requiredNames(p.items[0]) },
  });
}

function reportChoiceConflict(
  p: GroupParticle,
  branches: Particle[],
  nodesOf: (d: ElementDecl) => ElementNode[],
  ctx: ContentContext,
  once: OncePerName,
): void {
  const first = branches[0];
  for (const other of branches.slice(1)) {
    const nodes = elementDeclsOf(other).flatMap(nodesOf);
    for (const n of nodes) {
      if (!once.first('OCI-CHOICE-CONFLICT', n)) continue;
      ctx.push({
        code: 'OCI-CHOICE-CONFLICT',
        severity: 'error',
        message: `\`${n.name}\` cannot be used together with \`${branchLabel(first)}\`: they are alternatives (${p.items.map((i) => `\`${branchLabel(i)}\``).join(' or ')}).`,
        span: n.nameSpan,
        fix: { kind: 'remove' },
      });
    }
  }
}

function elementDeclsOf(p: Particle): ElementDecl[] {
  return p.kind === 'element' ? [p] : p.items.flatMap(elementDeclsOf);
}

/** XML: children must follow schema order, except inside a repeated group where they may interleave. */
function checkOrder(idx: ContentIndex, matched: MatchedChild[], ctx: ContentContext): void {
  const infoOf = (decl: ElementDecl) => idx.orderOf.get(decl)!;
  let maxInfo: DeclInfo | undefined;
  let maxNode: ElementNode | undefined;
  for (const m of matched) {
    const info = infoOf(m.decl);
    if (maxInfo && info.order < maxInfo.order && !shareRepeatedGroup(info, maxInfo)) {
      ctx.push({
        code: 'OCI-ORDER',
        severity: 'error',
        message: `\`${m.node.name}\` must come before \`${maxNode!.name}\`: BroadWorks requires the elements of \`${ctx.ownerName}\` in schema order.`,
        span: m.node.nameSpan,
        related: [{ span: maxNode!.nameSpan, message: `\`${maxNode!.name}\` comes later in schema order` }],
        fix: { kind: 'reorder' },
      });
      continue;
    }
    if (!maxInfo || info.order >= maxInfo.order) {
      maxInfo = info;
      maxNode = m.node;
    }
  }
}

function shareRepeatedGroup(a: DeclInfo, b: DeclInfo): boolean {
  for (const g of a.path) if (g.maxOccurs !== 1 && b.path.includes(g)) return true;
  return false;
}
