/**
 * YAML cursor scanner: which mapping the cursor is in, judged by indentation and the keys above, like a
 * block-YAML reader would. It never needs the document to parse, so it works above and below syntax errors.
 */
import { emptyRaw, type RawCursor } from './cursor-raw';

interface Line {
  start: number;
  text: string;
}

interface Entry {
  kind: 'root' | 'key' | 'dash';
  col: number;
  name?: string;
  parent?: Entry;
  /** Keys written directly in this mapping (root, a key's block mapping, a list item's mapping). */
  children: string[];
  xsiType?: string;
  /** root only: the `command:` value. */
  command?: string;
  /** key only: how many list items it has seen. */
  items: number;
}

const KEY_LINE = /^( *)((?:- +)?)(xsi:type|xsi:nil|[A-Za-z_][\w.\-]*)[ \t]*:(?=[ \t]|$)(.*)$/;
const DASH_LINE = /^( *)- *(.*)$/;

function splitLines(text: string, from: number, to: number): Line[] {
  const out: Line[] = [];
  let at = from;
  while (at <= to) {
    let end = text.indexOf('\n', at);
    if (end < 0 || end > to) end = to;
    out.push({ start: at, text: text.slice(at, end).replace(/\r$/, '') });
    if (end >= to) break;
    at = end + 1;
  }
  return out;
}

/** The value text of a key line: comment and surrounding space removed, quotes kept. */
function valueOf(rest: string): string {
  const m = /^(.*?)(?:\s+#.*)?$/.exec(rest.trim());
  return (m?.[1] ?? '').trim();
}

function unquote(v: string): string {
  return v.replace(/^(['"])(.*)\1$/, '$2');
}

function isDocumentBoundary(line: string): boolean {
  return /^(---|\.\.\.)(\s|$)/.test(line);
}

/** Whether a `---` / `...` line starts at `at` (a line start). */
function boundaryAt(text: string, at: number): boolean {
  return isDocumentBoundary(text.slice(at, at + 4));
}

/**
 * Start of the first line after the last boundary line that starts before `lineStart` (0 when none). Walks the
 * lines back from the cursor, so the cost is the document's, not the file's (a search for each marker from the
 * cursor read the whole file before it when the file has no `...` line, on every hover and completion).
 */
function documentStartBefore(text: string, lineStart: number): number {
  let best = -1;
  for (let at = lineStart; at > 0;) {
    // The line before the one starting at `at` (the line break at at - 1 ends it).
    at = at >= 2 ? text.lastIndexOf('\n', at - 2) + 1 : 0;
    if (boundaryAt(text, at)) {
      best = at;
      break;
    }
  }
  if (best < 0) return 0;
  const end = text.indexOf('\n', best);
  return end < 0 || end >= lineStart ? lineStart : end + 1;
}

/** Start of the first boundary line after the line ending at `lineEnd` (text.length + 1 when none); line by line. */
function documentEndAfter(text: string, lineEnd: number): number {
  for (let n = text.indexOf('\n', lineEnd); n >= 0; n = text.indexOf('\n', n + 1)) if (boundaryAt(text, n + 1)) return n + 1;
  return text.length + 1;
}

class Stack {
  readonly root: Entry = { kind: 'root', col: -1, children: [], items: 0 };
  entries: Entry[] = [this.root];

  top(): Entry {
    return this.entries[this.entries.length - 1];
  }

  popFor(col: number, kind: 'key' | 'dash'): void {
    for (;;) {
      const t = this.top();
      if (t.kind === 'root') return;
      // A list may sit at the same column as the key that owns it.
      if (t.col > col || (t.col === col && !(t.kind === 'key' && kind === 'dash'))) this.entries.pop();
      else return;
    }
  }

  pushKey(col: number, name: string, value: string, record = true): Entry {
    this.popFor(col, 'key');
    const container = this.top();
    if (record) {
      container.children.push(name);
      if (name === 'xsi:type') container.xsiType = unquote(value);
      if (name === 'command' && container.kind === 'root') container.command = unquote(value);
    }
    const e: Entry = { kind: 'key', col, name, parent: container, children: [], items: 0 };
    this.entries.push(e);
    return e;
  }

  pushDash(col: number): Entry {
    this.popFor(col, 'dash');
    const owner = this.top();
    if (owner.kind === 'key') {
      owner.items++;
      // Every further item is one more occurrence of the owner in its mapping.
      if (owner.items > 1 && owner.parent && owner.name) owner.parent.children.push(owner.name);
    }
    const e: Entry = { kind: 'dash', col, parent: owner, children: [], items: 0 };
    this.entries.push(e);
    return e;
  }

  /** Feed one line that is not the cursor line. */
  feed(line: string): void {
    if (!line.trim() || /^\s*#/.test(line)) return;
    const key = KEY_LINE.exec(line);
    if (key) {
      const indent = key[1].length;
      if (key[2]) this.pushDash(indent);
      this.pushKey(indent + key[2].length, key[3], valueOf(key[4]));
      return;
    }
    const dash = DASH_LINE.exec(line);
    if (dash) this.pushDash(dash[1].length);
    // Anything else (continuation of a multi-line scalar, garbage) does not change the structure.
  }

  /** The open keys from the bottom of the stack, each with the list item it is in (xsi:type is read later). */
  path(): { key: Entry; item?: Entry }[] {
    const out: { key: Entry; item?: Entry }[] = [];
    for (let i = 1; i < this.entries.length; i++) {
      const e = this.entries[i];
      if (e.kind === 'key') out.push({ key: e, item: this.entries[i + 1]?.kind === 'dash' ? this.entries[i + 1] : undefined });
    }
    return out;
  }
}

export function scanYaml(text: string, offset: number): RawCursor {
  const raw = emptyRaw(offset);
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  let lineEnd = text.indexOf('\n', offset);
  if (lineEnd < 0) lineEnd = text.length;
  const lineText = text.slice(lineStart, lineEnd).replace(/\r$/, '');
  if (isDocumentBoundary(lineText)) return raw;

  // The YAML document around the cursor: only its lines are read, so the cost does not grow with the file.
  const docStart = documentStartBefore(text, lineStart);
  const before = docStart < lineStart ? splitLines(text, docStart, lineStart - 1) : [];
  const docEnd = lineEnd < text.length ? documentEndAfter(text, lineEnd) : lineEnd;
  const after = docEnd > lineEnd + 1 ? splitLines(text, lineEnd + 1, docEnd - 1) : [];

  const stack = new Stack();
  for (const l of before) stack.feed(l.text);

  const col = offset - lineStart;
  const linePrefix = lineText.slice(0, col);
  let container: Entry;
  let path: { key: Entry; item?: Entry }[];
  const key = KEY_LINE.exec(lineText);
  const keyCol = key ? key[1].length + key[2].length : -1;
  const colonAt = key ? lineText.indexOf(':', keyCol + key[3].length) : -1;

  if (key && col > colonAt) {
    // On a value: `key: va|`.
    if (key[2]) stack.pushDash(key[1].length);
    const entry = stack.pushKey(keyCol, key[3], '', false);
    container = entry.parent!;
    const restStart = colonAt + 1;
    const valueText = valueOf(lineText.slice(restStart));
    const valueCol = valueText ? lineText.indexOf(valueText, restStart) : Math.max(restStart + 1, Math.min(col, lineText.length));
    const from = Math.min(valueCol, col);
    raw.word = { start: lineStart + from, end: lineStart + Math.max(col, valueText ? valueCol + valueText.length : col) };
    raw.prefix = lineText.slice(from, col).replace(/^['"]/, '');
    raw.needsSpace = col === restStart;
    raw.role = key[3] === 'xsi:type' ? 'xsiType' : key[3] === 'command' && container.kind === 'root' ? 'commandName' : 'value';
    // For xsi:type the path ends at the element that carries it; for a value it ends at the key itself.
    path = raw.role === 'xsiType' ? stack.path().slice(0, -1) : stack.path();
    raw.column = keyCol;
    if (raw.role === 'commandName') path = [];
  } else {
    // On a key, or where a key goes.
    const typed = /^( *)((?:- +)?)([A-Za-z_][\w.\-:]*)?$/.exec(key ? lineText.slice(0, keyCol + key[3].length) : linePrefix);
    if (!typed && !key) return raw;
    const indent = typed ? typed[1].length : key![1].length;
    const dash = typed ? typed[2] : key![2];
    if (dash) {
      stack.pushDash(indent);
      raw.listItem = true;
    }
    const kcol = indent + dash.length;
    stack.popFor(kcol, 'key');
    container = stack.top();
    const name = key ? key[3] : (typed?.[3] ?? '');
    const nameEnd = key ? kcol + key[3].length : col;
    raw.word = { start: lineStart + Math.min(kcol, col), end: lineStart + Math.max(nameEnd, col) };
    raw.prefix = lineText.slice(Math.min(kcol, col), col);
    if (!name && !dash && col < kcol) raw.word = { start: offset, end: offset };
    raw.role = 'key';
    path = stack.path();
    raw.column = kcol;
    // The key being edited owns the lines indented below it.
    if (key) stack.pushKey(kcol, key[3], '', false);
  }

  // Keys below the cursor line still belong to the container while it stays open.
  for (const l of after) {
    if (!stack.entries.includes(container)) break;
    stack.feed(l.text);
  }
  raw.siblings = container.children;
  // Read xsi:type only now: it may be written below the cursor.
  raw.path = path.map((p) => p.key.name!);
  raw.xsiTypes = path.map((p) => p.item?.xsiType ?? p.key.xsiType);
  raw.command = stack.root.command;
  if (raw.role === 'key' && raw.path.length === 0 && !raw.listItem) {
    // A document with nothing but the cursor's line: offer whole commands.
    const others = stack.root.children.filter((c) => c !== 'command' || stack.root.command);
    if (others.length === 0 && !raw.command) raw.role = 'document';
  }
  return raw;
}
