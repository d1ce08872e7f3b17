/**
 * Completion, format-independent: what may be written at the cursor according to the model, as entries an
 * adapter turns into LSP items. Pure: text + offset + tree + model + settings in, entries out.
 */
import { UCA22, UCA22_XS_IGNORED } from '../checks/rules/uca22';
import { DEFAULT_CHECK_OPTIONS, type CheckOptions } from '../checks/types';
import { describeSimpleType } from '../checks/values';
import { commandDoc, describeElement } from '../model/docs';
import type { ModelIndex } from '../model/model-index';
import type { ElementDecl, Occurs } from '../model/types';
import type { CommandNode, FileFormat, Span } from '../tree/types';
import { elementCandidates, type ElementCandidate } from './completion-elements';
import {
  commandSkeleton,
  elementText,
  escapeSnippet,
  ruleRequired,
  xmlDocumentSkeleton,
  xmlEscape,
  yamlScalar,
  type TextStyle,
} from './completion-text';
import { locate, type CursorContext } from './cursor';
import { rankCommands, type RankedCommand } from './command-names';

export type CompletionKind = 'element' | 'value' | 'type' | 'command' | 'skeleton' | 'attribute';

export interface CompletionEntry {
  label: string;
  kind: CompletionKind;
  /** "LastName · required", "ConsolidatedUserServiceAssignment · 0..∞". */
  detail?: string;
  /** Markdown. */
  documentation?: string;
  insertText: string;
  /** insertText uses snippet syntax ($1, ${1|a,b|}). */
  snippet: boolean;
  /** The text the entry replaces (always on the cursor's line). */
  replace: Span;
  filterText?: string;
  sortText: string;
  /** The editor should open completion again after inserting (a value is expected next). */
  retrigger?: boolean;
  /** Shown struck through: the element is ignored in the current data mode. */
  deprecated?: boolean;
}

export interface CompletionResult {
  /** What the cursor is on (adapters use it to ignore trigger characters where they mean nothing). */
  role: CursorContext['role'];
  entries: CompletionEntry[];
  /** More entries exist than were built (command names): the editor should ask again as the user types. */
  incomplete?: boolean;
}

/** Command names offered at once (plain names, then skeletons, which cost more to build). */
const COMMAND_LIMIT = 200;
const SKELETON_LIMIT = 40;
/** Our summary (which loads the command's type) only for the first few entries. */
const DOCUMENTED = 10;

/**
 * `wanted`: asked with the cursor's role before any entry is built; when it says no, no entries are built
 * (adapters use it to skip the work for a trigger character that means nothing there).
 */
export function complete(
  text: string,
  offset: number,
  format: FileFormat,
  command: CommandNode | undefined,
  model: ModelIndex,
  options: CheckOptions = DEFAULT_CHECK_OPTIONS,
  wanted?: (role: CursorContext['role']) => boolean,
): CompletionResult {
  const ctx = locate(text, offset, format, command, model);
  if (wanted && !wanted(ctx.role)) return { role: ctx.role, entries: [] };
  if (ctx.role === 'commandName' || ctx.role === 'document') {
    const query = commandQuery(ctx);
    const { ranked, complete: all } = rankCommands(model.commandNames(), query, ctx.role === 'document' ? SKELETON_LIMIT : COMMAND_LIMIT);
    const entries = ctx.role === 'document' ? documentEntries(ctx, text, model, options, ranked) : commandNameEntries(ctx, model, ranked);
    return { role: ctx.role, entries, incomplete: !all };
  }
  return { role: ctx.role, entries: entriesFor(ctx, text, model, options) };
}

/** What was typed of the command name ("command: " and "<command " left out). */
function commandQuery(ctx: CursorContext): string {
  return ctx.prefix.replace(/^<?command\b:?\s*/, '').replace(/^[<"']/, '');
}

function commandNameEntries(ctx: CursorContext, model: ModelIndex, ranked: RankedCommand[]): CompletionEntry[] {
  return ranked.map((r, i) => ({
    label: r.name,
    kind: 'command',
    detail: `OCI-P command · ${r.family}`,
    documentation: i < DOCUMENTED ? commandDoc(r.name, model) : undefined,
    insertText: (ctx.needsSpace ? ' ' : '') + r.name,
    snippet: false,
    replace: ctx.word,
    // Fuzzy matching is done here: the editor must not filter our ranking away by its own prefix rules.
    filterText: ctx.prefix,
    sortText: r.sortText,
  }));
}

function entriesFor(ctx: CursorContext, text: string, model: ModelIndex, options: CheckOptions): CompletionEntry[] {
  switch (ctx.role) {
    case 'key':
      return ctx.type ? [...xsiTypeKeyEntries(ctx, model), ...elementEntries(ctx, model, options)] : [];
    case 'value':
      return valueEntries(ctx, model);
    case 'xsiType':
      return typeEntries(ctx, model);
    case 'attribute':
      return attributeEntries(ctx, model);
    default:
      return [];
  }
}

function pad(n: number): string {
  return String(n).padStart(4, '0');
}

export function occursLabel(min: number, max: Occurs): string {
  if (min === 1 && max === 1) return 'required';
  if (min === 0 && max === 1) return 'optional';
  return `${min}..${max === 'unbounded' ? '∞' : max}`;
}

function elementEntries(ctx: CursorContext, model: ModelIndex, options: CheckOptions): CompletionEntry[] {
  const type = ctx.type!;
  const atCommand = ctx.path.length === 0;
  const extraRequired = atCommand && ctx.command ? ruleRequired(ctx.command, options) : [];
  const xsIgnored = atCommand && ctx.command === UCA22 && options.dataMode === 'XS' ? UCA22_XS_IGNORED : [];
  const candidates = elementCandidates(model, type, ctx);
  const out: CompletionEntry[] = [];
  candidates.forEach((c) => {
    const required = c.required || (c.decls.length === 1 && extraRequired.includes(c.label));
    const ignored = c.decls.some((d) => xsIgnored.includes(d.name));
    const style: TextStyle = { format: ctx.format, snippet: true, stop: { n: 1 } };
    const insertText = insertElements(ctx, model, c, style);
    const simple = c.decls.length === 1 && !model.complexType(c.decls[0].type);
    const detail = c.branch
      ? `choice branch · ${c.required ? 'required' : 'optional'}`
      : `${c.decls[0].type.replace(/^xs:/, '')} · ${required && c.min === 0 && c.max === 1 ? 'required' : occursLabel(required ? Math.max(1, c.min) : c.min, c.max)}${required && !c.required ? ' (rule)' : ''}`;
    out.push({
      label: c.label,
      kind: 'element',
      detail,
      documentation:
        c.decls
          .map((d) => describeElement(type, d.name, model))
          .filter(Boolean)
          .join(' ') || undefined,
      insertText,
      snippet: true,
      replace: ctx.word,
      filterText: ctx.tagOpen ? `<${c.decls[0].name}` : c.branch ? c.decls.map((d) => d.name).join(' ') : undefined,
      sortText: `${ignored ? 2 : required ? 0 : 1}${pad(c.order)}${c.branch ? 'a' : 'b'}`,
      retrigger: ctx.format === 'yaml' && simple && hasValueList(model, c.decls[0]),
      deprecated: ignored || undefined,
    });
  });
  return out;
}

function hasValueList(model: ModelIndex, decl: ElementDecl): boolean {
  const st = model.simpleType(decl.type);
  return !!st && (!!st.enumeration || st.builtin === 'boolean');
}

function insertElements(ctx: CursorContext, model: ModelIndex, c: ElementCandidate, style: TextStyle): string {
  const col = ctx.column;
  const texts = c.decls.map((d) => elementText(model, d, col, style, ctx.listItem));
  // Further elements of a branch go on their own lines at the key column (YAML and XML alike).
  return texts.map((t, i) => (i === 0 ? t : ' '.repeat(col) + t)).join('\n');
}

function valueEntries(ctx: CursorContext, model: ModelIndex): CompletionEntry[] {
  const decl = ctx.decl;
  if (!decl) return [];
  const st = model.simpleType(ctx.type ?? decl.type);
  const values: { v: string; doc?: string }[] = [];
  if (decl.fixed !== undefined) values.push({ v: decl.fixed, doc: 'The only value allowed.' });
  else if (st?.enumeration) values.push(...st.enumeration.map((v) => ({ v })));
  else if (st?.builtin === 'boolean') values.push({ v: 'true' }, { v: 'false' });
  const out: CompletionEntry[] = values.map(({ v, doc }, i) => {
    const written = ctx.format === 'yaml' ? yamlScalar(v) : xmlEscape(v);
    return {
      label: v,
      kind: 'value',
      detail: st ? describeSimpleType(st) : undefined,
      documentation: doc,
      insertText: (ctx.needsSpace ? ' ' : '') + written,
      snippet: false,
      replace: ctx.word,
      filterText: v,
      sortText: pad(i),
    };
  });
  if (decl.nillable && ctx.format === 'yaml') {
    out.push({
      label: '~',
      kind: 'value',
      detail: 'nil',
      documentation: `\`${decl.name}\` is nillable: \`~\` sends it as xsi:nil (clears the value).`,
      insertText: (ctx.needsSpace ? ' ' : '') + '~',
      snippet: false,
      replace: ctx.word,
      sortText: pad(values.length),
    });
  }
  return out;
}

function typeEntries(ctx: CursorContext, model: ModelIndex): CompletionEntry[] {
  const declared = ctx.type;
  if (!declared || !model.complexType(declared)) return [];
  const names = [...(model.complexType(declared)!.abstract ? [] : [declared]), ...model.subtypesOf(declared)];
  return names.map((name, i) => ({
    label: name,
    kind: 'type',
    detail: `xsi:type for ${ctx.decl?.name ?? declared}`,
    insertText: (ctx.needsSpace ? ' ' : '') + name,
    snippet: false,
    replace: ctx.word,
    sortText: pad(i),
  }));
}

/**
 * YAML: in a mapping of an abstract type with no `xsi:type` yet, the key to write first is `xsi:type` (its
 * elements depend on the concrete type); once it is there, the concrete type's elements are offered.
 */
function xsiTypeKeyEntries(ctx: CursorContext, model: ModelIndex): CompletionEntry[] {
  const ct = ctx.format === 'yaml' ? model.complexType(ctx.type!) : undefined;
  if (!ct?.abstract || ctx.siblings.includes('xsi:type')) return [];
  const names = model.subtypesOf(ct.name);
  if (!names.length) return [];
  return [
    {
      label: 'xsi:type',
      kind: 'attribute',
      detail: names.join(' | '),
      documentation: `\`${ct.name}\` is abstract: name the concrete type first.`,
      insertText: `xsi:type: \${1|${names.join(',')}|}`,
      snippet: true,
      replace: ctx.word,
      sortText: `0${pad(0)}`,
    },
  ];
}

function attributeEntries(ctx: CursorContext, model: ModelIndex): CompletionEntry[] {
  const decl = ctx.decls[ctx.decls.length - 1];
  if (!decl) return [];
  const out: CompletionEntry[] = [];
  const ct = model.complexType(decl.type);
  if (ct && !ctx.siblings.includes('xsi:type') && (ct.abstract || model.subtypesOf(ct.name).length)) {
    const names = [...(ct.abstract ? [] : [ct.name]), ...model.subtypesOf(ct.name)];
    out.push({
      label: 'xsi:type',
      kind: 'attribute',
      detail: names.join(' | '),
      insertText: `xsi:type="\${1|${names.join(',')}|}"`,
      snippet: true,
      replace: ctx.word,
      sortText: pad(0),
    });
  }
  if (decl.nillable && !ctx.siblings.includes('xsi:nil')) {
    out.push({
      label: 'xsi:nil',
      kind: 'attribute',
      detail: 'nil (clears the value)',
      insertText: 'xsi:nil="true"',
      snippet: false,
      replace: ctx.word,
      sortText: pad(1),
    });
  }
  return out;
}

function documentEntries(
  ctx: CursorContext,
  text: string,
  model: ModelIndex,
  options: CheckOptions,
  ranked: RankedCommand[],
): CompletionEntry[] {
  const whole = ctx.format === 'xml' && !/\S/.test(text);
  return ranked.map(({ name, family, sortText }, i) => {
    const style: TextStyle = { format: ctx.format, snippet: true, stop: { n: 1 } };
    const body = whole ? xmlDocumentSkeleton(model, name, options, style) : commandSkeleton(model, name, options, style, ctx.column);
    return {
      label: name,
      kind: 'skeleton',
      detail: `new ${name} with its required elements · ${family}`,
      documentation: i < DOCUMENTED ? commandDoc(name, model) : undefined,
      insertText: whole ? body : ctx.format === 'xml' ? body : escapeYamlFirst(body),
      snippet: true,
      replace: ctx.word,
      filterText:
        ctx.format === 'yaml'
          ? ctx.prefix && 'command'.startsWith(ctx.prefix)
            ? `command: ${name}`
            : ctx.prefix || name
          : ctx.tagOpen
            ? `<command ${name}`
            : ctx.prefix || name,
      sortText,
    };
  });
}

/** The command line of a YAML skeleton is literal text. */
function escapeYamlFirst(body: string): string {
  const nl = body.indexOf('\n');
  return nl < 0 ? escapeSnippet(body) : escapeSnippet(body.slice(0, nl)) + body.slice(nl);
}
