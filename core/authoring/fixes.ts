/**
 * Quick fixes: a diagnostic's FixHint (what the checks say would fix it) + the tree + the model -> text edits.
 *
 * Placeholders: added elements get an EMPTY value (YAML `lastName: ""`, XML `<lastName></lastName>`), never
 * an invented one. An empty value is itself an error, so the checks keep pointing at each placeholder until
 * the user fills it in, and nothing made-up can ever be sent to a server. Fixed values (e.g. `unlimited: true`)
 * and a single possible xsi:type are filled in, since there is nothing to choose.
 */
import type { Diagnostic } from '../checks/types';
import type { ModelIndex } from '../model/model-index';
import type { ElementNode, FileFormat, SourceFile } from '../tree/types';
import { xmlEscape, yamlScalar } from './completion-text';
import { insertChildren, newElementText, removeElement, renameElement, reorderChildren, type TextEdit } from './fixes-edits';
import { column, findBySpan, isCommand, lineEnd, lineStart, sameSpan, walkElements, type Found, type Owner } from './fixes-tree';

export type { TextEdit } from './fixes-edits';

export interface FixAction {
  title: string;
  edits: TextEdit[];
  /** The obvious fix (the first of several candidates, or the only one). */
  preferred: boolean;
  /** Fix-all may apply it: exactly one obvious edit, no choice between candidates. */
  unambiguous: boolean;
}

export interface FixInput {
  text: string;
  format: FileFormat;
  file: SourceFile;
  model: ModelIndex;
}

export function fixesFor(input: FixInput, d: Diagnostic): FixAction[] {
  const fix = d.fix;
  if (!fix) return [];
  const { text, format, file, model } = input;
  const found = findBySpan(file, model, d.span);
  const one = (title: string, edits: TextEdit[] | TextEdit | undefined): FixAction[] => {
    const list = edits === undefined ? [] : Array.isArray(edits) ? edits : [edits];
    return list.length ? [{ title, edits: list, preferred: true, unambiguous: true }] : [];
  };
  switch (fix.kind) {
    case 'remove':
      return found ? one(`Remove \`${found.node.name}\``, removeElement(text, format, found.node, found.parent)) : [];
    case 'rename':
      return found && sameSpan(found.node.nameSpan, d.span)
        ? one(`Rename to \`${fix.to}\``, renameElement(text, format, found.node, fix.to))
        : [];
    case 'setValue':
      return one(`Set to \`${fix.value}\``, { span: d.span, newText: writeValue(format, fix.value) });
    case 'replaceValue': {
      // An empty value is reported on the element's name: nothing to replace there.
      if (found && sameSpan(found.node.nameSpan, d.span)) return [];
      return fix.candidates.map((c, i) => ({
        title: `Change to \`${c}\``,
        edits: [{ span: d.span, newText: writeValue(format, c) }],
        preferred: i === 0,
        unambiguous: fix.candidates.length === 1,
      }));
    }
    case 'addElements': {
      const target = ownerFor(input, d, fix.names);
      if (!target) return [];
      const edits = addElements(input, target.owner, target.type, fix.names);
      return one(`Add ${fix.names.map((n) => `\`${n}\``).join(', ')}`, edits);
    }
    case 'reorder': {
      if (!found || format !== 'xml' || !found.parentType) return [];
      return one('Put the elements in schema order', reorderChildren(text, found.parent, found.parentType, model));
    }
    case 'addXsiType': {
      if (!found) return [];
      return fix.candidates.map((c, i) => ({
        title: `Add xsi:type ${c}`,
        edits: [addXsiType(text, format, found.node, c)],
        preferred: i === 0 && fix.candidates.length === 1,
        unambiguous: fix.candidates.length === 1,
      }));
    }
    case 'addService': {
      const cmd =
        d.command !== undefined
          ? file.commands.find((c) => c.index === d.command)
          : file.commands.find((c) => c.span.start <= d.span.start && d.span.end <= c.span.end);
      if (!cmd?.name) return [];
      return one(`Add the ${fix.service} service`, addService(input, cmd, cmd.name, fix.service));
    }
  }
}

function writeValue(format: FileFormat, value: string): string {
  return format === 'yaml' ? yamlScalar(value) : xmlEscape(value);
}

/**
 * Where missing elements go: the command (diagnostic on its head), the element named by the diagnostic when
 * they are its children, or else that element's parent (rules reported on a sibling).
 */
function ownerFor(input: FixInput, d: Diagnostic, names: string[]): { owner: Owner; type: string } | undefined {
  const cmd = input.file.commands.find((c) => sameSpan(c.headSpan, d.span));
  if (cmd?.name) return { owner: cmd, type: cmd.name };
  const candidates: Found[] = [];
  for (const f of walkElements(input.file, input.model)) if (sameSpan(f.node.nameSpan, d.span)) candidates.push(f);
  if (!candidates.length) return undefined;
  // A repeated element shares its name span between list items: pick the item that lacks the names.
  const own = candidates.find(
    (f) =>
      f.type && names.every((n) => input.model.childDecl(f.type!, n)) && !names.some((n) => f.node.children?.some((c) => c.name === n)),
  );
  if (own) return { owner: own.node, type: own.type! };
  const f = candidates[0];
  return f.parentType ? { owner: f.parent, type: f.parentType } : undefined;
}

export function addElements(input: FixInput, owner: Owner, ownerType: string, names: string[]): TextEdit[] {
  const items = names.flatMap((name) => {
    const text = newElementText(input.model, input.format, ownerType, name);
    return text ? [{ name, text }] : [];
  });
  return items.length ? insertChildren(input.text, input.format, owner, ownerType, input.model, items) : [];
}

function addXsiType(text: string, format: FileFormat, node: ElementNode, type: string): TextEdit {
  if (format === 'xml') return { span: { start: node.nameSpan.end, end: node.nameSpan.end }, newText: ` xsi:type="${type}"` };
  const kids = node.children ?? [];
  const col = kids.length ? column(text, kids[0].nameSpan.start) : column(text, node.nameSpan.start) + 2;
  const at = lineEnd(text, node.nameSpan.end);
  // A `department:` with a null value: the new mapping replaces the empty value.
  return { span: { start: at, end: at }, newText: `\n${' '.repeat(col)}xsi:type: ${type}` };
}

function addService(input: FixInput, cmd: Owner, cmdType: string, service: string): TextEdit[] {
  const { text, format, model } = input;
  const kids = isCommand(cmd) ? cmd.children : (cmd.children ?? []);
  const existing = kids.filter((k) => k.name === 'userService');
  if (format === 'yaml') {
    if (existing.some((e) => e.listIndex === undefined)) return []; // a single mapping, not a list: no safe edit
    if (existing.length) {
      const last = existing.reduce((a, b) => (b.span.end > a.span.end ? b : a));
      const dash = text.lastIndexOf('-', last.span.start);
      const at = lineEnd(text, last.span.end);
      return [
        { span: { start: at, end: at }, newText: `\n${' '.repeat(dash - lineStart(text, dash))}- userServiceName: ${yamlScalar(service)}` },
      ];
    }
    return insertChildren(text, format, cmd, cmdType, model, [
      { name: 'userService', text: (col) => `userService:\n${' '.repeat(col + 2)}- userServiceName: ${yamlScalar(service)}` },
    ]);
  }
  return insertChildren(text, format, cmd, cmdType, model, [
    {
      name: 'userService',
      text: (col) =>
        `<userService>\n${' '.repeat(col + 2)}<userServiceName>${xmlEscape(service)}</userServiceName>\n${' '.repeat(col)}</userService>`,
    },
  ]);
}

/**
 * "Fix all": every fix with exactly one obvious edit, in one set of non-overlapping edits. Missing elements
 * of one owner are added together; a fix whose edits would overlap an earlier one is left for a next round.
 */
export function fixAll(input: FixInput, diagnostics: Diagnostic[]): TextEdit[] {
  const actions: TextEdit[][] = [];
  const additions = new Map<Owner, { type: string; names: string[] }>();
  // A misspelt element renamed by the fix must not be added a second time (pasword -> password).
  const renamed = new Map<Owner, Set<string>>();
  for (const d of diagnostics) {
    if (d.fix?.kind !== 'rename') continue;
    const found = findBySpan(input.file, input.model, d.span);
    if (found) renamed.set(found.parent, new Set([...(renamed.get(found.parent) ?? []), d.fix.to]));
  }
  for (const d of diagnostics) {
    if (!d.fix || (d.severity !== 'error' && d.severity !== 'warning')) continue;
    if (d.fix.kind === 'addElements') {
      const target = ownerFor(input, d, d.fix.names);
      if (!target) continue;
      const entry = additions.get(target.owner) ?? { type: target.type, names: [] };
      for (const n of d.fix.names) if (!entry.names.includes(n)) entry.names.push(n);
      additions.set(target.owner, entry);
      continue;
    }
    const fixes = fixesFor(input, d);
    if (fixes.length === 1 && fixes[0].unambiguous) actions.push(fixes[0].edits);
  }
  for (const [owner, { type, names }] of additions) {
    const wanted = names.filter((n) => !renamed.get(owner)?.has(n));
    if (wanted.length) actions.push(addElements(input, owner, type, wanted));
  }

  const accepted: TextEdit[] = [];
  const seen = new Set<string>();
  for (const edits of actions) {
    const fresh = edits.filter((e) => !seen.has(key(e)));
    if (fresh.length === 0) continue;
    if (fresh.some((e) => accepted.some((a) => overlaps(a, e)))) continue;
    for (const e of fresh) {
      accepted.push(e);
      seen.add(key(e));
    }
  }
  return accepted.sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end);
}

function key(e: TextEdit): string {
  return `${e.span.start}:${e.span.end}:${e.newText}`;
}

/** Overlapping ranges, or an insertion strictly inside a replaced range. Two insertions at one point do not. */
function overlaps(a: TextEdit, b: TextEdit): boolean {
  if (a.span.start === a.span.end && b.span.start === b.span.end) return false;
  if (a.span.start === a.span.end) return b.span.start < a.span.start && a.span.start < b.span.end;
  if (b.span.start === b.span.end) return a.span.start < b.span.start && b.span.start < a.span.end;
  return a.span.start < b.span.end && b.span.start < a.span.end;
}
