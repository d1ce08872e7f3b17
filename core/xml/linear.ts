/**
 * A second way to build the tree of ./tree, for large documents (server responses of up to 64 MiB): one linear pass
 * over a document the library's validator has already accepted, with no intermediate tree, and OCI tables
 * (`<colHeading>`… then `<row><col>…</col></row>`…) kept as one flat array of cell texts instead of an element per
 * row and cell. fast-xml-parser's ordered tree of a 63 MiB table, then our elements built from it, took over 3 GiB
 * (objects, arrays and offsets per element and per text); this keeps the text, the cells and a number per row
 * (bench/sim-wire.ts `memory`).
 *
 * It gives exactly the tree the library path gives (test/xml/linear.test.ts compares both on generated documents):
 * the library's reading is reproduced where it matters — line ends normalised first, text joined across comments,
 * split by CDATA sections and processing instructions, attributes by the library's own pattern, values decoded by
 * the same decoder. Anything it does not reproduce (a bad entity reference, '<' in an attribute value, a name the
 * library refuses, CDATA outside the root) makes it give up (LINEAR_GAVE_UP) and the caller reads the document the
 * library's way, which then reports the error exactly as before. A table element's `children` are computed from
 * its cells on first use, so a consumer that does not know tables sees the same elements (without spans).
 */
import { decodeXmlText } from './text';
import { elementOf, type XmlElement, type XmlSpan, type XmlTable, type XmlTreeOptions } from './element';

/** Thrown when the document needs the library's path (see above); never escapes parseXmlTree. */
export const LINEAR_GAVE_UP = Symbol('linear reader gave up');
const giveUp = (): never => {
  throw LINEAR_GAVE_UP;
};

/** Names the library refuses (prototype pollution); its error is the one to report. */
const REFUSED_NAMES = new Set(['__proto__', 'constructor', 'prototype']);
/** The library's attribute pattern (fast-xml-parser OrderedObjParser attrsRegx). */
const ATTRIBUTE = /([^\s=]+)\s*(=\s*(?:"([^"]*)"|'([^']*)'))?/g;
/** Cell texts this short are shared between cells (a copy each otherwise); longer ones are slices of the text. */
const SHARED_MAX_LENGTH = 12;
const SHARED_MAX_COUNT = 65_536;

/** A table being read: the headings, every row's cells one after the other, where each row starts. */
interface TableBuild {
  headings: string[];
  cells: string[];
  rowStarts: number[];
  rowTexts?: string[];
}

interface Frame {
  /** The element, for an element read as such; undefined for a heading, row or cell kept in a table. */
  el?: XmlElement;
  /** For a kept heading, row or cell: which, where it starts and its text so far. */
  light?: 'colHeading' | 'row' | 'col';
  start: number;
  text: string;
  /** Raw character data since the last flush (comments do not end it, as in the library). */
  pending: string;
  parent?: Frame;
  /** An element whose children are, so far, only headings and rows kept in `table`. */
  table?: TableBuild;
  /** Children were read as elements: not a table. */
  generic: boolean;
  /** For a kept row: the index of its first cell in the table's cells. */
  firstCell: number;
}

const lineEnds = (s: string) => (s.includes('\r') ? s.replace(/\r\n?/g, '\n') : s);

/**
 * The tree of `text` (the pre-scan's text, already accepted by the library's validator; offsets are the original's).
 * With `compactTables`, an element below the root whose children are `colHeading`s, then `row`s of `col`s (no
 * attributes, plain text) keeps them as cells. Linear: each character is read once (a tag's attributes once more,
 * bounded by the pre-scan's tag length), and an element found not to be a table after all turns its kept children
 * into elements once. Throws LINEAR_GAVE_UP when the library's path must decide.
 */
export function buildLinear(text: string, options: XmlTreeOptions, compactTables: boolean): XmlElement {
  const shared = new Map<string, string>();
  const share = (s: string) => {
    if (s.length > SHARED_MAX_LENGTH) return s;
    const known = shared.get(s);
    if (known !== undefined) return known;
    if (shared.size < SHARED_MAX_COUNT) shared.set(s, s);
    return s;
  };
  const fail = (): never => giveUp();
  /** Decodes character data (line ends already normalised) or an attribute value (raw). */
  const decode = (raw: string, attribute: boolean) => {
    const s = attribute ? lineEnds(raw) : raw;
    return attribute || s.includes('&') ? decodeXmlText(s, 0, s.length, attribute, fail) : s;
  };
  const flush = (f: Frame) => {
    if (!f.pending) return;
    const s = decode(f.pending, false);
    f.pending = '';
    if (f.el) f.el.text += s;
    else f.text += s;
  };
  let root: XmlElement | undefined;
  let top: Frame | undefined;
  let depth = 0;

  /** Turns a kept heading, row or cell (and what holds it) into elements: its parent is not a table after all. */
  const promote = (f: Frame): XmlElement => {
    if (f.el) {
      if (f.table) detable(f);
      f.generic = true;
      return f.el;
    }
    const parent = f.parent!;
    if (f.light === 'row') {
      const table = parent.table!;
      const cells = table.cells.splice(f.firstCell);
      const parentEl = promote(parent);
      f.el = leaf(parentEl, 'row', f.text);
      for (const c of cells) leaf(f.el, 'col', c);
    } else {
      const parentEl = promote(parent);
      f.el = leaf(parentEl, f.light!, f.text);
    }
    if (options.spans) f.el.span = { start: f.start, end: -1 };
    f.light = undefined;
    f.generic = true;
    return f.el;
  };

  /** An element that held kept headings and rows gets them as elements, and reads its next children as elements. */
  const detable = (f: Frame) => {
    const t = f.table!;
    f.table = undefined;
    f.el!.children.push(...materialize(f.el!, tableOf(t)));
  };

  for (let i = 0; ;) {
    const lt = text.indexOf('<', i);
    if (lt < 0) break;
    // Line ends normalised run by run: the library does it before anything, so a CR and a LF on either side of a
    // comment are two line ends, not one.
    if (lt > i && top) top.pending += lineEnds(text.slice(i, lt));
    const c = text.charCodeAt(lt + 1);
    if (c === 0x2f /* / */) {
      const gt = text.indexOf('>', lt + 2);
      if (!top || gt < 0) giveUp();
      i = gt + 1;
      const f = top!;
      flush(f);
      close(f, i);
      top = f.parent;
      depth--;
      continue;
    }
    if (c === 0x3f /* ? */) {
      const end = text.indexOf('?>', lt + 2);
      if (end < 0) giveUp();
      // The library reads a processing instruction's content as attributes, refusing the same names.
      const content = text.slice(lt + 2, end);
      for (const name of REFUSED_NAMES) if (content.includes(name)) giveUp();
      if (top) flush(top);
      i = end + 2;
      continue;
    }
    if (c === 0x21 /* ! */) {
      if (text.startsWith('<!--', lt)) {
        const end = text.indexOf('-->', lt + 4);
        if (end < 0) giveUp();
        i = end + 3;
        continue;
      }
      if (!top || !text.startsWith('<![CDATA[', lt)) giveUp();
      const end = text.indexOf(']]>', lt + 9);
      if (end < 0) giveUp();
      const f = top!;
      flush(f);
      const data = lineEnds(text.slice(lt + 9, end));
      if (f.el) f.el.text += data;
      else f.text += data;
      i = end + 3;
      continue;
    }
    // The common cell, `<col>text</col>` or `<col/>` in a row kept in a table: no frame, no tag parsing.
    if (top?.light === 'row' && text.startsWith('<col', lt)) {
      const after = text.charCodeAt(lt + 4);
      let end = -1;
      let cell = '';
      if (after === 0x2f /* / */ && text.charCodeAt(lt + 5) === 0x3e) end = lt + 6;
      else if (after === 0x3e /* > */) {
        const next = text.indexOf('<', lt + 5);
        if (next >= 0 && text.startsWith('</col>', next)) {
          cell = text.slice(lt + 5, next);
          if (cell.includes('&') || cell.includes('\r')) cell = decode(lineEnds(cell), false);
          end = next + 6;
        }
      }
      if (end >= 0) {
        flush(top);
        top.parent!.table!.cells.push(share(cell));
        i = end;
        continue;
      }
    }
    // A start tag: its end skips quoted values, as the library does.
    let gt = lt + 1;
    for (; gt < text.length; gt++) {
      const q = text.charCodeAt(gt);
      if (q === 0x22 || q === 0x27) {
        gt = text.indexOf(q === 0x22 ? '"' : "'", gt + 1);
        if (gt < 0) giveUp();
      } else if (q === 0x3e) break;
    }
    if (gt >= text.length) giveUp();
    i = gt + 1;
    let exp = text.slice(lt + 1, gt);
    const sep = exp.search(/\s/);
    let name = sep < 0 ? exp : exp.slice(0, sep);
    exp = sep < 0 ? '' : exp.slice(sep + 1).trimStart();
    let selfClosing = false;
    if (sep < 0 && name.endsWith('/')) {
      name = name.slice(0, -1);
      selfClosing = true;
    } else if (exp.endsWith('/')) {
      exp = exp.slice(0, -1);
      selfClosing = true;
    }
    if (REFUSED_NAMES.has(name)) giveUp();
    const raw: [string, string][] = [];
    if (exp) {
      ATTRIBUTE.lastIndex = 0;
      for (let m = ATTRIBUTE.exec(exp); m; m = ATTRIBUTE.exec(exp)) {
        const value = m[3] ?? m[4];
        if (value === undefined) continue;
        if (REFUSED_NAMES.has(m[1]) || value.includes('<')) giveUp();
        raw.push([m[1], decode(value, true)]);
      }
    }
    const parent = top;
    if (parent) flush(parent);
    let f: Frame;
    const light = !raw.length && parent ? lightKind(parent, name) : undefined;
    if (light) {
      f = { light, start: lt, text: '', pending: '', parent, generic: false, firstCell: parent!.table?.cells.length ?? 0 };
      if (light !== 'col') parent!.table ??= { headings: [], cells: [], rowStarts: [] };
    } else {
      const parentEl = parent ? promote(parent) : undefined;
      if (!parent && root) giveUp();
      const span: XmlSpan | undefined = options.spans ? { start: lt, end: -1 } : undefined;
      const el = elementOf(name, raw, parentEl, lt, span, options, fail);
      root ??= el;
      f = { el, start: lt, text: '', pending: '', parent, generic: !compactTables || depth < 1, firstCell: 0 };
    }
    if (selfClosing) close(f, i);
    else {
      top = f;
      depth++;
    }
  }
  if (top || !root) giveUp();
  return root!;

  /** Whether a child called `name` of `parent` can be kept in a table (no attributes: checked by the caller). */
  function lightKind(parent: Frame, name: string): Frame['light'] {
    if (parent.light === 'row') return name === 'col' ? 'col' : undefined;
    if (parent.light || parent.generic) return undefined;
    if (name === 'colHeading') return parent.table?.rowStarts.length ? undefined : 'colHeading';
    return name === 'row' ? 'row' : undefined;
  }

  function close(f: Frame, end: number): void {
    if (f.el) {
      if (f.el.span) f.el.span.end = end;
      if (f.table) {
        if (f.table.headings.length) setTable(f.el, tableOf(f.table));
        else detable(f);
      }
      return;
    }
    const table = (f.light === 'col' ? f.parent!.parent! : f.parent!).table!;
    if (f.light === 'col') table.cells.push(share(f.text));
    else if (f.light === 'colHeading') table.headings.push(f.text);
    else {
      const index = table.rowStarts.push(f.firstCell) - 1;
      if (f.text) (table.rowTexts ??= [])[index] = share(f.text);
    }
  }
}

function tableOf(t: TableBuild): XmlTable {
  const rows = t.rowStarts.length;
  const rowStarts = new Uint32Array(rows + 1);
  rowStarts.set(t.rowStarts);
  rowStarts[rows] = t.cells.length;
  return { headings: t.headings, rows, cells: t.cells, rowStarts, ...(t.rowTexts ? { rowTexts: t.rowTexts } : {}) };
}

/** An element without attributes or children, in the parent's scope. */
function leaf(parent: XmlElement, name: string, text: string): XmlElement {
  const el = elementOf(name, [], parent, 0, undefined, {}, giveUp);
  el.text = text;
  return el;
}

/** The elements a table stands for: its headings, then its rows with their cells. */
export function materialize(parent: XmlElement, t: XmlTable): XmlElement[] {
  // Not a copy of `parent`: its children may be what is being computed.
  const holder = { scope: parent.scope, children: [] as XmlElement[] } as XmlElement;
  for (const h of t.headings) leaf(holder, 'colHeading', h);
  for (let r = 0; r < t.rows; r++) {
    const row = leaf(holder, 'row', t.rowTexts?.[r] ?? '');
    for (let k = t.rowStarts[r]; k < t.rowStarts[r + 1]; k++) leaf(row, 'col', t.cells[k]);
  }
  return holder.children;
}

/** Gives the element its table; its `children` are made from it when first asked for. */
function setTable(el: XmlElement, table: XmlTable): void {
  let children: XmlElement[] | undefined;
  el.table = table;
  Object.defineProperty(el, 'children', {
    enumerable: true,
    configurable: true,
    get: () => (children ??= materialize(el, table)),
    set: (v: XmlElement[]) => (children = v),
  });
}
