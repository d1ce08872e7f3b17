/**
 * Shared state of one compile: the global declarations of every schema document,
 * the output model being filled, warnings, and QName resolution.
 */
import type { ComplexType, SimpleType } from '../model/types';
import { builtinSimpleType } from '../model/builtins';
import type { SchemaDoc } from './schema-set';
import { deepText, XNode, XSD_NS, xsChildren } from './xml-tree';

export interface Decl {
  node: XNode;
  doc: SchemaDoc;
  /** Model name, e.g. "C:OCIRequest" or "UserId". */
  name: string;
}

export type DeclKind = 'complexType' | 'simpleType' | 'element' | 'group' | 'attributeGroup' | 'attribute';

export interface CompileContext {
  keepDocs: boolean;
  warnings: string[];
  decls: Record<DeclKind, Map<string, Decl>>;
  complexTypes: Map<string, ComplexType>;
  simpleTypes: Map<string, SimpleType>;
  /** Names being compiled right now, to report circular derivations instead of recursing forever. */
  inProgress: Set<string>;
}

export function newContext(keepDocs: boolean, warnings: string[]): CompileContext {
  return {
    keepDocs,
    warnings,
    decls: {
      complexType: new Map(),
      simpleType: new Map(),
      element: new Map(),
      group: new Map(),
      attributeGroup: new Map(),
      attribute: new Map(),
    },
    complexTypes: new Map(),
    simpleTypes: new Map(),
    inProgress: new Set(),
  };
}

/** How a namespace URI shows in model names: "C" stays "C", the XSD namespace is "xs". */
export function namespaceLabel(uri: string): string {
  if (uri === XSD_NS) return 'xs';
  return uri;
}

export function qualify(uri: string, local: string): string {
  const label = namespaceLabel(uri);
  return label ? `${label}:${local}` : local;
}

/** Resolves a QName attribute value ("core:OCIRequest", "xs:token", "UserId") written on `node`. */
export function resolveQName(ctx: CompileContext, value: string, node: XNode, doc: SchemaDoc): string {
  const v = value.trim();
  const colon = v.indexOf(':');
  const prefix = colon < 0 ? '' : v.slice(0, colon);
  const local = colon < 0 ? v : v.slice(colon + 1);
  let uri = node.scope.get(prefix);
  if (uri === undefined) {
    if (prefix) {
      ctx.warnings.push(`${doc.label}: undeclared namespace prefix "${prefix}" in "${v}"`);
      return v;
    }
    uri = '';
  }
  if (uri === '' && doc.chameleonNs) uri = doc.chameleonNs;
  return qualify(uri, local);
}

/** The documentation text of a component, when docs are kept: lines trimmed, blank edges dropped. */
export function docOf(ctx: CompileContext, node: XNode): string | undefined {
  if (!ctx.keepDocs) return undefined;
  const parts: string[] = [];
  for (const ann of xsChildren(node, 'annotation')) {
    for (const d of xsChildren(ann, 'documentation')) parts.push(deepText(d));
  }
  const text = parts
    .join('\n')
    .split(/\r?\n/)
    .map((l) => l.trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
  return text || undefined;
}

/** True when a simple type of this name exists (declared or built-in). */
export function isSimpleName(ctx: CompileContext, name: string): boolean {
  return ctx.decls.simpleType.has(name) || builtinSimpleType(name) !== undefined || ctx.simpleTypes.has(name);
}

export function parseOccurs(raw: string | undefined, fallback: number): number | 'unbounded' {
  if (raw === undefined) return fallback;
  if (raw.trim() === 'unbounded') return 'unbounded';
  const n = Number(raw);
  return Number.isInteger(n) && n >= 0 ? n : fallback;
}

export function parseBool(raw: string | undefined): boolean {
  return raw !== undefined && (raw.trim() === 'true' || raw.trim() === '1');
}
