/**
 * Where the cursor is, in model terms: the command, the element path, the type at that point (xsi:type
 * applied), what the cursor is on (a name, a value, an xsi:type value) and what is already there.
 *
 * The structure comes from a light textual scan (YAML: indentation and the keys above; XML: the open tags
 * before the cursor), which is exactly as right as the tree on valid text and keeps working on the
 * half-typed, broken text people have while they type. The tree (when it has the command) supplies the
 * command node and the element node under the cursor.
 */
import type { ElementDecl } from '../model/types';
import type { ModelIndex } from '../model/model-index';
import type { CommandNode, ElementNode, FileFormat, Span } from '../tree/types';
import { stripTypePrefix, type RawCursor, type RawRole } from './cursor-raw';
import { scanXml } from './cursor-xml';
import { scanYaml } from './cursor-yaml';

export type CursorRole = RawRole;

export interface CursorContext {
  format: FileFormat;
  role: CursorRole;
  /** The command type (YAML `command:` value, XML xsi:type of <command>), when written. */
  command?: string;
  /** The command in the tree, when the parse has it. */
  commandNode?: CommandNode;
  /** Element names from the command down: to the container (key, attribute) or to the element (value, xsiType). */
  path: string[];
  /** Declarations along the path; undefined from the first unknown name on. */
  decls: (ElementDecl | undefined)[];
  /** Resolved type (xsi:type applied) of each element of the path. */
  types: (string | undefined)[];
  /**
   * The type at that point, xsi:type applied: for key/attribute the container's complex type (the command's
   * for path []); for value the element's type; for xsiType the declared type of the element.
   */
  type?: string;
  /** value / xsiType: the element's declaration. */
  decl?: ElementDecl;
  /** The type of the element holding the cursor's element (value/xsiType) or key: the command type at the top. */
  parentType?: string;
  /** Names already in the container (repeats counted), the one under the cursor excluded. */
  siblings: string[];
  /** XML: sibling names before / after the cursor (schema-order completion). */
  before: string[];
  after: string[];
  /** What is typed before the cursor (without quotes). */
  prefix: string;
  /** The token under the cursor, replaced by a completion. */
  word: Span;
  /** YAML: on a list item line (`- `). */
  listItem: boolean;
  /** XML: `<` typed; it is part of `word`. */
  tagOpen: boolean;
  /** YAML: the cursor is right after the colon; insert a space before a value. */
  needsSpace: boolean;
  /** Column of sibling keys/elements (for multi-line insertions). */
  column: number;
  /** The tree element under the cursor (its name or value), when the tree has it. */
  node?: ElementNode;
}

/**
 * `command` is the parsed command at the cursor (e.g. `Analysis.commandAt(offset)`), when there is one; it is
 * used only when its span holds the offset. Nothing here reads more of the text than the cursor's command.
 */
export function locate(
  text: string,
  offset: number,
  format: FileFormat,
  command: CommandNode | undefined,
  model: ModelIndex,
): CursorContext {
  const commandNode = command && command.span.start <= offset && offset <= command.span.end ? command : undefined;
  const raw: RawCursor = format === 'yaml' ? scanYaml(text, offset) : scanXml(text, offset, commandNode?.span.start);
  const commandName = raw.command?.trim() || commandNode?.name || undefined;
  const ctx: CursorContext = { format, ...raw, command: commandName, commandNode, decls: [], types: [] };
  delete (ctx as { xsiTypes?: unknown }).xsiTypes;
  delete (ctx as { valueWord?: unknown }).valueWord;
  if (commandNode) ctx.node = nodeAt(commandNode.children, offset);
  if (!commandName || !model.complexType(commandName)) return ctx;

  // Walk the path through the model.
  let type: string | undefined = commandName;
  const decls: (ElementDecl | undefined)[] = [];
  const types: (string | undefined)[] = [];
  let declared: string | undefined;
  for (let i = 0; i < raw.path.length; i++) {
    const decl: ElementDecl | undefined = type ? model.childDecl(type, raw.path[i]) : undefined;
    decls.push(decl);
    if (!decl) {
      type = undefined;
      types.push(undefined);
      continue;
    }
    declared = decl.type;
    type = resolveType(model, decl.type, i === raw.path.length - 1 && raw.role === 'xsiType' ? undefined : raw.xsiTypes[i]);
    types.push(type);
  }
  ctx.decls = decls;
  ctx.types = types;
  const n = raw.path.length;
  ctx.parentType = raw.role === 'value' || raw.role === 'xsiType' || raw.role === 'attribute' ? (n > 1 ? types[n - 2] : commandName) : type;
  ctx.type = type;
  if (raw.role === 'value' || raw.role === 'xsiType') {
    ctx.decl = decls[decls.length - 1];
    if (raw.role === 'xsiType') ctx.type = declared;
  }
  // A key position inside an element that takes text is really a value position.
  if (
    raw.role === 'key' &&
    raw.path.length > 0 &&
    type &&
    !model.complexType(type)?.content &&
    (model.isSimple(type) || model.complexType(type)?.simpleContent)
  ) {
    if (format === 'yaml' && !raw.listItem) return ctx;
    ctx.role = 'value';
    ctx.decl = decls[decls.length - 1];
    ctx.parentType = n > 1 ? types[n - 2] : commandName;
    if (raw.valueWord) ctx.word = raw.valueWord;
  }
  return ctx;
}

/** The declared type, or the xsi:type written when it is the type or one derived from it. */
export function resolveType(model: ModelIndex, declaredType: string, xsiType: string | undefined): string {
  const given = stripTypePrefix(xsiType);
  if (!given || !model.complexType(declaredType)) return declaredType;
  if (given === declaredType || model.subtypesOf(declaredType).includes(given)) return given;
  return declaredType;
}

/** The deepest element whose name or value holds the offset. */
export function nodeAt(nodes: ElementNode[] | undefined, offset: number): ElementNode | undefined {
  for (const n of nodes ?? []) {
    const inName = n.nameSpan.start <= offset && offset <= n.nameSpan.end;
    const inValue = n.value && n.value.span.start <= offset && offset <= n.value.span.end;
    const inType = n.xsiType && n.xsiType.span.start <= offset && offset <= n.xsiType.span.end;
    if (inName || inValue || inType) return n;
    if (n.span.start <= offset && offset <= n.span.end) {
      const inner = nodeAt(n.children, offset);
      if (inner) return inner;
    }
  }
  return undefined;
}
