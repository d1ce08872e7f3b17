/**
 * The OCI-P schema compiler: an XSD folder -> OcipModel.
 *
 *   const { model, warnings } = compileSchemaDir('/path/to/ocip-schema-r25');
 *
 * Every .xsd below the folder is read, xs:include / xs:import are followed, and every
 * global complex and simple type is compiled (see core/model/types.ts for the naming).
 * Constructs the model cannot express produce a warning, never an exception; a missing
 * or unreadable file throws an Error naming it.
 */
import { basename, resolve } from 'node:path';
import type { OcipModel } from '../model/types';
import { ensureComplex, compileComplexType } from './complex';
import { CompileContext, DeclKind, newContext, qualify } from './context';
import { loadSchemaSet, SchemaDoc } from './schema-set';
import { ensureSimple, compileSimpleType } from './simple';
import { XSD_NS, xsChildren } from './xml-tree';

export interface CompileOptions {
  /** Keep xs:documentation text in `doc` fields (for hovers over a user's own schema). Default false. */
  keepDocs?: boolean;
  /** Release label; default: guessed from the folder name ("ocip-schema-r25" -> "R25"). */
  release?: string;
}

export interface CompileResult {
  model: OcipModel;
  warnings: string[];
}

const DECL_KINDS: DeclKind[] = ['complexType', 'simpleType', 'element', 'group', 'attributeGroup', 'attribute'];
const IGNORED_TOP = new Set(['include', 'import', 'redefine', 'annotation', 'notation']);

export function compileSchemaDir(dir: string, options: CompileOptions = {}): CompileResult {
  const warnings: string[] = [];
  const docs = loadSchemaSet(dir, warnings);
  const ctx = newContext(options.keepDocs ?? false, warnings);
  for (const doc of docs) registerGlobals(ctx, doc);

  for (const name of ctx.decls.simpleType.keys()) ensureSimple(ctx, name);
  for (const name of ctx.decls.complexType.keys()) ensureComplex(ctx, name);
  // Anonymous types of global elements ("@Name"), so every referenced type exists in the model.
  for (const decl of ctx.decls.element.values()) {
    const ct = xsChildren(decl.node, 'complexType')[0];
    const st = xsChildren(decl.node, 'simpleType')[0];
    const anon = `@${decl.name}`;
    if (ctx.complexTypes.has(anon) || ctx.simpleTypes.has(anon)) continue;
    if (ct) compileComplexType(ctx, ct, decl.doc, anon, true);
    else if (st) compileSimpleType(ctx, st, decl.doc, anon, true);
  }

  const dirName = basename(resolve(dir));
  const model: OcipModel = {
    release: options.release ?? guessRelease(dirName),
    source: dirName,
    complexTypes: sortedRecord(ctx.complexTypes),
    simpleTypes: sortedRecord(ctx.simpleTypes),
  };
  return { model, warnings };
}

function registerGlobals(ctx: CompileContext, doc: SchemaDoc): void {
  for (const node of doc.root.children) {
    if (node.ns !== XSD_NS || IGNORED_TOP.has(node.local)) continue;
    const kind = node.local as DeclKind;
    if (!DECL_KINDS.includes(kind)) {
      ctx.warnings.push(`${doc.label}: unsupported top-level construct xs:${node.local} ignored`);
      continue;
    }
    const local = node.attrs.name;
    if (!local) {
      ctx.warnings.push(`${doc.label}: global xs:${kind} without a name ignored`);
      continue;
    }
    const name = qualify(doc.targetNamespace, local);
    const map = ctx.decls[kind];
    const prev = map.get(name);
    if (prev) {
      if (prev.doc.file !== doc.file) {
        ctx.warnings.push(`${doc.label}: xs:${kind} ${name} is also declared in ${prev.doc.label}; the first is kept`);
      }
      continue;
    }
    map.set(name, { node, doc, name });
  }
}

function guessRelease(dirName: string): string {
  const m = /(?:^|[^a-z])r(\d+(?:\.\d+)?)(?:[^0-9]|$)/i.exec(dirName);
  return m ? `R${m[1]}` : 'unknown';
}

function sortedRecord<T>(map: Map<string, T>): Record<string, T> {
  const out: Record<string, T> = {};
  for (const k of [...map.keys()].sort()) out[k] = map.get(k)!;
  return out;
}
