/**
 * Any response, readable: a response command element becomes a tree of named nodes (values, nested groups, lists,
 * OCI tables), typed by the response type when a model is given (a list is a list even with one item or none,
 * booleans and integers are typed, an OCITable is a table even without rows). From the tree come the JSON data of
 * `ocip send --format json` and the text tree of `ocip send` and the OCI-P Results view. Pure: no I/O, no vscode.
 */
import { INTEGER_BUILTINS } from '../model/builtins';
import type { ModelIndex } from '../model/model-index';
import type { ElementDecl } from '../model/types';
import { parseXmlTree, type XmlElement } from '../xml';
import { isSecretName, SECRET_MASK } from './mask';
import { xsiType } from './xml';

export type Scalar = string | number | boolean | null;

export type ResponseNode =
  | { kind: 'value'; name: string; value: Scalar }
  | { kind: 'group'; name: string; type?: string; children: ResponseNode[] }
  | { kind: 'list'; name: string; items: ResponseNode[] }
  | { kind: 'table'; name: string; headings: string[]; rows: string[][] };

export interface ResponseTree {
  /** The response's xsi:type local name. */
  type: string;
  children: ResponseNode[];
}

const TABLE_TYPE = 'C:OCITable';

/**
 * The tree of one response `<command>` element: the element the client already parsed, or XML text (the rawXml
 * of a result). undefined when the text is not a well-formed element. Password-like values are masked.
 */
export function responseTree(response: string | XmlElement, model?: ModelIndex): ResponseTree | undefined {
  let el: XmlElement;
  if (typeof response !== 'string') el = response;
  else {
    try {
      el = parseXmlTree(response, { undeclaredPrefixes: 'no-namespace', compactTables: true });
    } catch {
      return undefined;
    }
  }
  const type = xsiType(el)?.local ?? '';
  const known = model?.complexType(type) ? type : undefined;
  return { type, children: childrenOf(el, known, model) };
}

/** Children of an element of complex type `typeName` (undefined: no schema knowledge). */
function childrenOf(el: XmlElement, typeName: string | undefined, model: ModelIndex | undefined): ResponseNode[] {
  const byName = new Map<string, XmlElement[]>();
  for (const c of el.children) {
    const list = byName.get(c.local);
    if (list) list.push(c);
    else byName.set(c.local, [c]);
  }
  const out: ResponseNode[] = [];
  const done = new Set<string>();
  const decls = typeName && model ? model.elementDecls(typeName) : [];
  // Schema order first, so lists the server left empty still appear (as empty lists).
  for (const decl of decls) {
    if (done.has(decl.name)) continue;
    done.add(decl.name);
    const present = byName.get(decl.name) ?? [];
    if (isRepeatable(decl)) out.push({ kind: 'list', name: decl.name, items: present.map((c) => nodeOf(c, decl, model)) });
    else if (present.length === 1) out.push(nodeOf(present[0], decl, model));
    else if (present.length > 1) out.push({ kind: 'list', name: decl.name, items: present.map((c) => nodeOf(c, decl, model)) });
  }
  // Elements the schema does not know (or no schema): one is a value, several are a list.
  for (const [name, present] of byName) {
    if (done.has(name)) continue;
    out.push(
      present.length === 1
        ? nodeOf(present[0], undefined, model)
        : { kind: 'list', name, items: present.map((c) => nodeOf(c, undefined, model)) },
    );
  }
  return out;
}

function isRepeatable(decl: ElementDecl): boolean {
  return decl.maxOccurs === 'unbounded' || decl.maxOccurs > 1;
}

function nodeOf(el: XmlElement, decl: ElementDecl | undefined, model: ModelIndex | undefined): ResponseNode {
  const name = el.local;
  if (isNil(el)) return { kind: 'value', name, value: null };
  // A table read as cells (core/xml compactTables) has headings, so it is a table without a declaration too.
  if (decl?.type === TABLE_TYPE || (!decl && (el.table || el.children.some((c) => c.local === 'colHeading')))) return tableOf(el);
  // An xsi:type on the element (a derived type) wins over the declared one.
  const declared = xsiType(el)?.local;
  const complex = model && [declared, decl?.type].find((t) => t !== undefined && model.complexType(t) !== undefined);
  if (complex || el.children.length)
    return { kind: 'group', name, ...(declared ? { type: declared } : {}), children: childrenOf(el, complex || undefined, model) };
  if (isSecretName(name) && el.text.length) return { kind: 'value', name, value: SECRET_MASK };
  return { kind: 'value', name, value: scalar(el.text, decl && model ? model.simpleType(decl.type)?.builtin : undefined) };
}

function scalar(text: string, builtin: string | undefined): Scalar {
  const t = text.trim();
  if (builtin === 'boolean' && (t === 'true' || t === 'false' || t === '1' || t === '0')) return t === 'true' || t === '1';
  if (builtin && INTEGER_BUILTINS.has(builtin) && /^[+-]?\d+$/.test(t) && Number.isSafeInteger(Number(t))) return Number(t);
  return text;
}

function isNil(el: XmlElement): boolean {
  return el.attributes.some((a) => a.local === 'nil' && a.name !== 'nil' && a.value.trim() === 'true');
}

/** Cells are found by heading, never by position: a row shorter than the headings gets empty cells. */
function tableOf(el: XmlElement): ResponseNode {
  const t = el.table;
  if (t) {
    const rows: string[][] = new Array(t.rows);
    for (let r = 0; r < t.rows; r++) {
      const start = t.rowStarts[r];
      const count = t.rowStarts[r + 1] - start;
      rows[r] = t.headings.map((_, i) => (i < count ? t.cells[start + i] : ''));
    }
    return { kind: 'table', name: el.local, headings: [...t.headings], rows };
  }
  const headings = el.children.filter((c) => c.local === 'colHeading').map((c) => c.text);
  const rows = el.children
    .filter((c) => c.local === 'row')
    .map((row) => {
      const cells = row.children.filter((c) => c.local === 'col').map((c) => c.text);
      return headings.map((_, i) => cells[i] ?? '');
    });
  return { kind: 'table', name: el.local, headings, rows };
}

// ---- data (JSON) ----

export type DataValue = Scalar | DataValue[] | { [name: string]: DataValue };

/** The response as plain data: values, objects, arrays for lists, arrays of objects keyed by heading for tables. */
export function responseData(tree: ResponseTree): { [name: string]: DataValue } {
  return objectOf(tree.children);
}

function objectOf(nodes: ResponseNode[]): { [name: string]: DataValue } {
  const out: { [name: string]: DataValue } = {};
  for (const n of nodes) out[n.name] = dataOf(n);
  return out;
}

function dataOf(n: ResponseNode): DataValue {
  switch (n.kind) {
    case 'value':
      return n.value;
    case 'group':
      return objectOf(n.children);
    case 'list':
      return n.items.map(dataOf);
    case 'table':
      return n.rows.map((r) => Object.fromEntries(n.headings.map((h, i) => [h, r[i]])));
  }
}

// ---- text ----

export interface RenderOptions {
  /** Widest a table cell is shown (longer text ends with …). Default 40. */
  maxCellWidth?: number;
}

/**
 * The tree as indented text: `name: value` lines, nested groups indented, lists as `- ` items, and tables as
 * aligned columns under their headings with a row count. Empty lists and tables say so.
 */
export function renderResponseTree(tree: ResponseTree, options: RenderOptions = {}): string[] {
  const out: string[] = [];
  for (const n of tree.children) renderNode(n, '', out, options.maxCellWidth ?? 40);
  if (!tree.children.length) out.push('(no data)');
  return out;
}

function renderNode(n: ResponseNode, indent: string, out: string[], width: number): void {
  switch (n.kind) {
    case 'value':
      out.push(`${indent}${n.name}: ${n.value === null ? '(nil)' : oneLine(String(n.value))}`);
      return;
    case 'group':
      out.push(`${indent}${n.name}:${n.type ? ` (${n.type})` : ''}`);
      for (const c of n.children) renderNode(c, `${indent}  `, out, width);
      return;
    case 'list':
      if (!n.items.length) {
        out.push(`${indent}${n.name}: (none)`);
        return;
      }
      out.push(`${indent}${n.name}: (${n.items.length})`);
      for (const item of n.items) {
        if (item.kind === 'value') out.push(`${indent}  - ${item.value === null ? '(nil)' : oneLine(String(item.value))}`);
        else {
          const lines: string[] = [];
          if (item.kind === 'group') for (const c of item.children) renderNode(c, '', lines, width);
          else renderNode(item, '', lines, width);
          lines.forEach((l, i) => out.push(`${indent}${i === 0 ? '  - ' : '    '}${l}`));
        }
      }
      return;
    case 'table':
      out.push(`${indent}${n.name}: ${n.rows.length} row${n.rows.length === 1 ? '' : 's'}`);
      for (const line of textTable(n.headings, n.rows, width)) out.push(`${indent}  ${line}`);
  }
}

/** Aligned columns: headings, a rule, rows; cells on one line and cut at `width`. */
export function textTable(headings: string[], rows: string[][], width = 40): string[] {
  const cell = (s: string) => {
    const flat = oneLine(s);
    return flat.length > width ? `${flat.slice(0, width - 1)}…` : flat;
  };
  const cells = rows.map((r) => headings.map((_, i) => cell(r[i] ?? '')));
  const head = headings.map(cell);
  // A loop, not Math.max(...column): a table can have more rows than a call has room for arguments.
  const widths = head.map((h) => h.length);
  for (const r of cells) r.forEach((c, i) => (widths[i] = Math.max(widths[i], c.length)));
  const line = (r: string[]) =>
    r
      .map((c, i) => c.padEnd(widths[i]))
      .join(' | ')
      .trimEnd();
  return [line(head), widths.map((w) => '-'.repeat(w)).join('-|-'), ...cells.map(line)];
}

function oneLine(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}
