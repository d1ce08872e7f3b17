/**
 * XML cursor scanner: the stack of open tags before the cursor, and the sibling element names before and
 * after it. A light tokenizer (tags, comments, CDATA, PIs) that tolerates unclosed and mismatched tags.
 */
import { emptyRaw, type RawCursor } from './cursor-raw';

interface Open {
  name: string;
  /** Column of the start tag, and of its first child's start tag. */
  column: number;
  childColumn?: number;
  attrs: Map<string, string>;
  children: string[];
}

const NAME = /[A-Za-z_][\w.\-]*(?::[A-Za-z_][\w.\-]*)?/y;
const ATTR = /\s*([A-Za-z_][\w.\-]*(?::[A-Za-z_][\w.\-]*)?)\s*=\s*(?:"([^"]*)"|'([^']*)')/y;

function local(name: string): string {
  return name.slice(name.indexOf(':') + 1);
}

/**
 * End of the tag starting at `at` (index just after '>'); when unterminated, -1 if another '<' comes first and
 * TEXT_ENDS if the text ends first. Quotes are respected.
 */
function tagEnd(text: string, at: number): number {
  let quote = '';
  for (let i = at + 1; i < text.length; i++) {
    const c = text[i];
    if (quote) {
      if (c === quote) quote = '';
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '>') return i + 1;
    else if (c === '<') return -1;
  }
  return TEXT_ENDS;
}

/** tagEnd's answer when the text ended inside the tag. */
const TEXT_ENDS = -2;

/**
 * What a scan learnt about its own reads: `ranOut` when a read forward from the cursor met the end of the text
 * (a text that is a window on a larger one may then answer differently from that larger text).
 */
interface Reads {
  ranOut: boolean;
}

function parseAttrs(s: string): Map<string, string> {
  const out = new Map<string, string>();
  ATTR.lastIndex = 0;
  for (let m = ATTR.exec(s); m; m = ATTR.exec(s)) out.set(m[1], m[2] ?? m[3] ?? '');
  return out;
}

function xsiTypeOf(attrs: Map<string, string>): string | undefined {
  for (const [k, v] of attrs) if (k === 'xsi:type' || (k.endsWith(':type') && k !== 'type')) return v;
  return undefined;
}

interface Tag {
  kind: 'start' | 'end' | 'empty' | 'other';
  name: string;
  attrs: string;
  end: number;
}

/** The construct at `at` (text[at] === '<'); undefined when it is not terminated. */
function readTag(text: string, at: number): Tag | undefined {
  const skip = (open: string, close: string): Tag | undefined => {
    if (!text.startsWith(open, at)) return undefined;
    const e = text.indexOf(close, at + open.length);
    return e < 0 ? { kind: 'other', name: '', attrs: '', end: -1 } : { kind: 'other', name: '', attrs: '', end: e + close.length };
  };
  const special =
    skip('<!--', '-->') ?? skip('<![CDATA[', ']]>') ?? skip('<?', '?>') ?? (text[at + 1] === '!' ? skip('<!', '>') : undefined);
  if (special) return special.end < 0 ? undefined : special;
  const closing = text[at + 1] === '/';
  NAME.lastIndex = at + (closing ? 2 : 1);
  const m = NAME.exec(text);
  const end = tagEnd(text, at);
  if (end < 0) return undefined;
  if (!m) return { kind: 'other', name: '', attrs: '', end };
  const attrs = text.slice(NAME.lastIndex, end - 1);
  return { kind: closing ? 'end' : attrs.trimEnd().endsWith('/') ? 'empty' : 'start', name: local(m[0]), attrs, end };
}

function columnOf(text: string, at: number): number {
  return at - (text.lastIndexOf('\n', at - 1) + 1);
}

/**
 * The cursor context. Inside a <command> element only that element is read (from its start tag), so the cost
 * does not grow with the file; elsewhere (between commands, in the envelope) the text from the start is read.
 * `commandStart`: where the parsed tree puts the start tag of the command at the cursor, when it has one. The
 * parser has told tags from comments, CDATA and PIs there, so no comment, CDATA section or PI is open at that
 * point, and the search for one around a `<command` after it need not read further back (it read back to the
 * file's start when the file had none: O(file) per hover and completion). The answer is the same either way.
 */
export function scanXml(text: string, offset: number, commandStart?: number): RawCursor {
  const floor = commandStart !== undefined && commandStart < offset && text.startsWith('<command', commandStart) ? commandStart : 0;
  const from = commandStartBefore(text, offset, floor);
  if (from > 0) {
    const raw = scanXmlFrom(text, offset, from);
    if (raw) return raw;
  }
  return scanXmlFromStart(text, offset);
}

/**
 * Whether `scanXml(text, offset, commandStart)` reads from the `<command` start tag at `commandStart` (the cursor
 * inside that command, after its start tag) and, reading forward, stays inside `text`. Then its answer depends
 * only on `text` from the start of the line holding the last `<` before `commandStart` (or that line's start if
 * earlier) to the last character it read: a window on a larger text that holds all that gives the same answer
 * as the larger text (../analysis/xml-analysis `documentAt`; test/perf-equivalence/cursor-view.test.ts).
 */
export function scansWithinCommand(text: string, offset: number, commandStart: number): boolean {
  if (commandStart <= 0 || commandStart >= offset || !text.startsWith('<command', commandStart)) return false;
  if (commandStartBefore(text, offset, commandStart) !== commandStart) return false;
  const reads: Reads = { ranOut: false };
  return scanXmlFrom(text, offset, commandStart, reads) !== undefined && !reads.ranOut;
}

/** The reference scan: reads the whole text before the cursor (what `scanXml` must always agree with). */
export function scanXmlFromStart(text: string, offset: number): RawCursor {
  return scanXmlFrom(text, offset, 0)!;
}

/**
 * Start of the last `<command` start tag before `offset` that is not inside a comment, CDATA or PI; -1 if none.
 * `floor`: a point known to be outside any comment, CDATA or PI (0 when none is known).
 */
function commandStartBefore(text: string, offset: number, floor: number): number {
  let from = offset - 1;
  while (from >= 0) {
    const at = text.lastIndexOf('<command', from);
    if (at < 0) return -1;
    const next = text.charCodeAt(at + 8);
    const isTag = next === 0x20 || next === 0x09 || next === 0x0a || next === 0x0d || next === 0x3e || next === 0x2f;
    // The construct before it must be closed (`<<command` or `<a <command` is broken text: read it all).
    const closed = text.lastIndexOf('>', at) > text.lastIndexOf('<', at - 1);
    const lowest = at >= floor ? floor : 0;
    if (
      isTag &&
      closed &&
      !inside(text, lowest, at, '<!--', '-->') &&
      !inside(text, lowest, at, '<![CDATA[', ']]>') &&
      !inside(text, lowest, at, '<?', '?>')
    )
      return at;
    from = at - 1;
  }
  return -1;
}

/** Is `at` inside an `open`…`close` construct, reading back to `from` only (outside any such construct)? */
function inside(text: string, from: number, at: number, open: string, close: string): boolean {
  // A slice is a view in V8 (no copy): its lastIndexOf stops at `from`.
  const before = from > 0 ? text.slice(from, at + open.length) : text;
  const o = before.lastIndexOf(open, at - from);
  return o >= 0 && before.lastIndexOf(close, at - from) < o;
}

/**
 * Scans from `from` (0, or a <command> start tag). From a start tag the answer is only taken when the cursor is
 * inside that command (its element still open at the cursor): then the tags before it cannot matter.
 */
function scanXmlFrom(text: string, offset: number, from: number, reads: Reads = { ranOut: false }): RawCursor | undefined {
  const raw = emptyRaw(offset);
  const stack: Open[] = [];
  const root: Open = { name: '', column: -2, attrs: new Map(), children: [] };
  const top = () => stack[stack.length - 1] ?? root;
  let at = from;
  let inTag: { start: number } | undefined;
  while (at < offset) {
    const lt = text.indexOf('<', at);
    if (lt < 0 || lt >= offset) break;
    const tag = readTag(text, lt);
    if (!tag || tag.end > offset) {
      // The cursor is inside this construct (or it is cut off by the cursor).
      if (!text.startsWith('<!--', lt) && !text.startsWith('<![CDATA[', lt) && !text.startsWith('<?', lt)) inTag = { start: lt };
      else return raw;
      break;
    }
    if (tag.kind === 'start' || tag.kind === 'empty') {
      const parent = top();
      parent.children.push(tag.name);
      parent.childColumn ??= columnOf(text, lt);
      if (tag.kind === 'start') stack.push({ name: tag.name, column: columnOf(text, lt), attrs: parseAttrs(tag.attrs), children: [] });
    } else if (tag.kind === 'end') {
      // Tolerate unclosed elements: close up to the matching open tag, if there is one.
      const i = stack.map((o) => o.name).lastIndexOf(tag.name);
      if (i >= 0) stack.length = i;
    }
    at = tag.end;
  }

  // `<userId>u⏎  |`: an element left unclosed at the end of its line is taken as closed there, so the
  // cursor on the next line is between elements, which is what the person typing means.
  const textBefore = text.slice(text.lastIndexOf('>', offset - 1) + 1, offset);
  if (!inTag && stack.length && stack[stack.length - 1].children.length === 0 && /\S[^\n]*\n\s*$/.test(textBefore)) stack.pop();

  const commandAt = stack.findIndex((o) => o.name === 'command');
  if (from > 0 && (commandAt !== 0 || (inTag && inTag.start === from))) return undefined;
  raw.command = commandAt >= 0 ? xsiTypeOf(stack[commandAt].attrs) : undefined;
  const chain = commandAt >= 0 ? stack.slice(commandAt + 1) : [];
  raw.path = chain.map((o) => o.name);
  raw.xsiTypes = chain.map((o) => xsiTypeOf(o.attrs));
  const container = top();
  raw.before = [...container.children];
  raw.column = container.childColumn ?? Math.max(0, container.column + 2);

  let resumeAt = offset;
  if (inTag) {
    const tagText = text.slice(inTag.start, offset);
    const end = tagEnd(text, inTag.start);
    if (end === TEXT_ENDS) reads.ranOut = true;
    resumeAt = end > 0 ? end : offset;
    const name = /^<([A-Za-z_][\w.\-:]*)?$/.exec(tagText);
    if (tagText.startsWith('</')) return raw;
    if (name) {
      raw.role = commandAt < 0 && (stack.length === 0 || stack[stack.length - 1].name === 'BroadsoftDocument') ? 'document' : 'key';
      raw.tagOpen = true;
      raw.prefix = name[1] ?? '';
      NAME.lastIndex = inTag.start + 1;
      const whole = NAME.exec(text);
      raw.word = { start: inTag.start, end: whole ? NAME.lastIndex : offset };
      raw.column = columnOf(text, inTag.start);
      // The element being typed is not a sibling of itself: scan siblings after its tag.
      if (end > 0 && whole && !text.slice(inTag.start, end).endsWith('/>')) resumeAt = skipElement(text, end, local(whole[0]), reads);
    } else {
      const elName = local(/^<([A-Za-z_][\w.\-:]*)/.exec(tagText)?.[1] ?? '');
      const isCommand = elName === 'command';
      const attrValue = /([A-Za-z_][\w.\-:]*)\s*=\s*(["'])([^"']*)$/.exec(tagText);
      const attrs = parseAttrs(tagText.slice(1 + elName.length));
      if (isCommand) raw.command = xsiTypeOf(attrs);
      const ownPath = isCommand ? [] : [...raw.path, elName];
      const ownTypes = isCommand ? [] : [...raw.xsiTypes, xsiTypeOf(attrs)];
      if (attrValue) {
        const isType = attrValue[1] === 'xsi:type' || attrValue[1].endsWith(':type');
        if (!isType) return raw;
        raw.role = isCommand ? 'commandName' : 'xsiType';
        raw.prefix = attrValue[3];
        const valueStart = offset - attrValue[3].length;
        const close = text.indexOf(attrValue[2], offset);
        if (close < 0) reads.ranOut = true;
        const stop = close >= 0 && !/[<>\n]/.test(text.slice(offset, close)) ? close : offset;
        raw.word = { start: valueStart, end: stop };
        raw.path = ownPath;
        raw.xsiTypes = ownTypes.slice(0, -1).concat([undefined]);
        return raw;
      }
      if (/\s$/.test(tagText) && commandAt >= 0 && !isCommand) {
        raw.role = 'attribute';
        raw.path = ownPath;
        raw.xsiTypes = ownTypes;
        raw.siblings = [...attrs.keys()];
      }
      return raw;
    }
  } else if (commandAt < 0) {
    raw.role = stack.length === 0 || stack[stack.length - 1].name === 'BroadsoftDocument' ? 'document' : 'none';
    return raw;
  } else if (chain.length === 0 || !/\S/.test(text.slice(text.lastIndexOf('>', offset - 1) + 1, offset)) || container.children.length) {
    // Between elements. (The model decides later whether the container takes text instead.)
    raw.role = 'key';
  } else {
    raw.role = 'value';
  }

  if (raw.role === 'value' || (raw.role === 'key' && !inTag && chain.length > 0 && container.children.length === 0)) {
    // Text content of the innermost element: the value typed so far, up to the next tag.
    const valueStart = text.lastIndexOf('>', offset - 1) + 1;
    const next = text.indexOf('<', offset);
    if (next < 0) reads.ranOut = true;
    const typed = text.slice(valueStart, offset);
    const lead = typed.length - typed.trimStart().length;
    raw.prefix = typed.trimStart();
    raw.valueWord = { start: valueStart + lead, end: next < 0 ? text.length : next };
    raw.word = raw.role === 'key' ? { start: offset, end: offset } : raw.valueWord;
  }
  raw.after = followingSiblings(text, resumeAt, reads);
  raw.siblings = [...raw.before, ...raw.after];
  return raw;
}

/** Skip the rest of the element whose start tag ended at `from` (its name given); returns where it ends. */
function skipElement(text: string, from: number, name: string, reads: Reads): number {
  let depth = 0;
  let at = from;
  for (let steps = 0; steps < 100000; steps++) {
    const lt = text.indexOf('<', at);
    if (lt < 0) {
      reads.ranOut = true;
      return text.length;
    }
    const tag = readTag(text, lt);
    if (!tag) {
      reads.ranOut = true;
      return lt;
    }
    if (tag.kind === 'start') depth++;
    else if (tag.kind === 'end') {
      if (depth === 0) return tag.name === name ? tag.end : lt;
      depth--;
    }
    at = tag.end;
  }
  return at;
}

/** Names of the elements after `from` at the same level, until the parent's end tag. */
function followingSiblings(text: string, from: number, reads: Reads): string[] {
  const out: string[] = [];
  let depth = 0;
  let at = from;
  for (let steps = 0; steps < 100000; steps++) {
    const lt = text.indexOf('<', at);
    const tag = lt < 0 ? undefined : readTag(text, lt);
    if (!tag) {
      reads.ranOut = true;
      break;
    }
    if (tag.kind === 'start' || tag.kind === 'empty') {
      if (depth === 0) out.push(tag.name);
      if (tag.kind === 'start') depth++;
    } else if (tag.kind === 'end') {
      if (depth === 0) break;
      depth--;
    }
    at = tag.end;
  }
  return out;
}
