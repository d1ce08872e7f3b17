/**
 * Data-mode notes read from a schema's own documentation, at run time: when a user points the product at their
 * release's XSD folder (compiled with documentation), every command and type that documents
 * "The following elements are only used in AS data mode and ignored in XS data mode:" (and its variants) gets
 * those rules, without anything being copied into the repository.
 *
 * The parser is deliberately conservative: only phrases it understands become notes, every element name is
 * checked against the type's own element declarations, and anything ambiguous (contradicting lists, an item
 * with a qualifier we cannot read) is weakened to 'unspecified', which the checks report as information only.
 */
import type { ComplexType, ElementDecl, Particle, SimpleType } from '../../model/types';

export type DataModeName = 'AS' | 'XS';
export type ModeEffect = 'ignored' | 'fails' | 'unspecified';

export interface ModeNote {
  /** Element of the documented type (validated against its declarations). */
  element: string;
  /** The only data mode the element is used in. */
  only: DataModeName;
  /** What happens in the other mode when the element is sent. */
  effect: ModeEffect;
  /** "use value "false" in XS data mode": in the other mode the element may be sent with this value. */
  useValue?: string;
  /** "The following values for element profile ...": the note concerns only these values of the element. */
  values?: string[];
  /** "contact[2]-contact[5]": the note concerns occurrences from this one (1-based) on. */
  fromOccurrence?: number;
  /** Text after the name that the parser does not interpret (shown as is in messages and hovers). */
  detail?: string;
}

/** Resolves a name written in the documentation to the element it means; undefined when the type has none. */
export type ElementResolver = (written: string) => string | undefined;
/** The values an element may take when it is an enumeration; undefined when it is not (value lists are then skipped). */
export type EnumerationOf = (element: string) => string[] | undefined;

const MODE = '(as|xs)(?:\\s+data)?\\s+mode';
const QUOTES = `"'‘’“”`;
const HEADING_START = /^the\s+(?:two\s+)?following\b/i;
const ELEMENTS_SUBJECT = /^the\s+(?:two\s+)?following\s+(?:data\s+)?elements?\s+(?:is|are)\s+(.*)$/i;
const VALUES_SUBJECT = /^the\s+following\s+values\s+(?:for|of)\s+(?:the\s+)?element\s+([A-Za-z_]\w*)\s+(?:is|are)\s+(.*)$/i;
/** Predicates that are about something else than "only in one of AS / XS" (both modes, other modes, other conditions). */
const NOT_A_MODE_RULE = /\bboth\b|\bas\s+and\s+xs\b|\bxs\s+and\s+as\b|\bhss\b|\bims\b|nillable|no\s+longer|administrator|\bvalid\s+for\b/i;
const USED_IN = new RegExp(`^(only\\s+used|used\\s+only|used)\\s+(?:in\\s+)?(?:the\\s+)?${MODE}\\b\\s*(?:only\\b)?\\s*(.*)$`, 'i');
const IGNORED_IN = new RegExp(`^(?:only\\s+)?ignored\\s+in\\s+(?:the\\s+)?${MODE}\\s*\\.?$`, 'i');
const NAME = '[A-Za-z_]\\w*';
const ITEM = new RegExp(`^(?:[-*•]\\s+)?(${NAME})(?:\\[(\\d+)\\](?:\\s*-\\s*${NAME}\\[(\\d+)\\])?)?\\s*(.*)$`);
const NAME_LIST = new RegExp(`^(?:[-*•]\\s+)?${NAME}(?:\\s*,\\s*${NAME})+\\s*[,.;]?$`);
const USE_VALUE = new RegExp(`^use\\s*value\\s+[${QUOTES}]?(.+?)[${QUOTES}]?\\s+in\\s+(?:the\\s+)?${MODE}\\.?$`, 'i');
const ELEMENT_SENTENCE = new RegExp(
  `(?:^|[.;]\\s+)(?:this\\s+(?:element|field)\\s+is\\s+)?(?:only\\s+used|used\\s+only)\\s+in\\s+(?:the\\s+)?${MODE}\\b([^.;]*)`,
  'i',
);

function other(mode: DataModeName): DataModeName {
  return mode === 'AS' ? 'XS' : 'AS';
}

function upper(m: string): DataModeName {
  return m.toUpperCase() as DataModeName;
}

interface Heading {
  only: DataModeName;
  effect: ModeEffect;
  /** Set for value lists: the element whose values are listed. */
  valuesOf?: string;
}

/** Reads a heading's predicate ("only used in AS data mode and ignored in XS data mode"); undefined when not a mode rule. */
export function classifyPredicate(predicate: string): { only: DataModeName; effect: ModeEffect } | undefined {
  const p = predicate
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[\s.:]+$/, '');
  if (NOT_A_MODE_RULE.test(p)) return undefined;
  const ignoredIn = IGNORED_IN.exec(p);
  if (ignoredIn) return { only: other(upper(ignoredIn[1])), effect: 'ignored' };
  const used = USED_IN.exec(p);
  if (!used) return undefined;
  const only = upper(used[2]);
  const rest = used[3].replace(/^and\s+/i, '').trim();
  const plainUsed = /^used$/i.test(used[1]);
  if (!rest) return plainUsed ? undefined : { only, effect: 'unspecified' };
  // The rest must speak of the other mode (or of none, when a heading was cut short), never of the same one.
  const modes = [...rest.matchAll(/\b(AS|XS)\b/g)].map((m) => upper(m[1]));
  if (modes.some((m) => m === only)) return undefined;
  if (/\bfail|\berror/i.test(rest)) return { only, effect: 'fails' };
  if (/\bignored\b|\bingored\b/i.test(rest)) return { only, effect: 'ignored' };
  // "not returned in XS data mode" and similar: about responses, or unknown; never more than information.
  return plainUsed ? undefined : { only, effect: 'unspecified' };
}

function parseHeading(text: string): { heading?: Heading; inline: string } {
  const colon = text.indexOf(':');
  const head = colon >= 0 ? text.slice(0, colon) : text;
  const inline = colon >= 0 ? text.slice(colon + 1).trim() : '';
  const values = VALUES_SUBJECT.exec(head);
  if (values) {
    const c = classifyPredicate(values[2]);
    return { heading: c && { ...c, valuesOf: values[1] }, inline };
  }
  const elements = ELEMENTS_SUBJECT.exec(head);
  const c = elements ? classifyPredicate(elements[1]) : undefined;
  return { heading: c, inline };
}

interface Item {
  name: string;
  from?: number;
  qualifier?: string;
}

/** One list line as items, or undefined when the line is not a list item (the list ends there). */
function parseItemLine(line: string): Item[] | undefined {
  if (NAME_LIST.test(line))
    return line
      .replace(/^[-*•]\s+/, '')
      .replace(/[,.;]\s*$/, '')
      .split(/\s*,\s*/)
      .map((name) => ({ name }));
  const m = ITEM.exec(line);
  if (!m) return undefined;
  const [, name, from, , tail] = m;
  const item: Item = { name, from: from ? Number(from) : undefined };
  if (tail === '' || /^[,.;]$/.test(tail) || /^\([^()]*\)[,.;]?$/.test(tail)) return [item];
  const q = /^[,;:–-]\s*(.+)$/.exec(tail);
  if (!q) return undefined;
  return [{ ...item, qualifier: q[1].trim() }];
}

function noteOf(item: Item, heading: Heading): ModeNote {
  const note: ModeNote = { element: item.name, only: heading.only, effect: heading.effect };
  if (item.from !== undefined && item.from > 1) note.fromOccurrence = item.from;
  if (item.qualifier) {
    const use = USE_VALUE.exec(item.qualifier);
    if (use && upper(use[2]) === other(heading.only)) note.useValue = use[1].trim();
    else {
      // A qualifier we cannot read may change the rule: say it, but only as information.
      note.detail = item.qualifier;
      note.effect = 'unspecified';
    }
  }
  return note;
}

/**
 * Notes of a type's documentation. `resolve` maps a written name to an element of the type (names that are not
 * elements are dropped); `enumerationOf` allows value lists on enumerated elements.
 */
export function parseModeNotes(doc: string, resolve: ElementResolver, enumerationOf: EnumerationOf = () => undefined): ModeNote[] {
  const lines = doc.split(/\r?\n/).map((l) => l.trim());
  const out: ModeNote[] = [];
  for (let i = 0; i < lines.length; i++) {
    if (!HEADING_START.test(lines[i])) continue;
    let text = lines[i];
    // A heading wrapped over lines ("... and ignored" / "in XS data mode:"): join until it is complete.
    for (
      let k = 0;
      k < 2 && !/[:.]$/.test(text) && !text.includes(':') && i + 1 < lines.length && lines[i + 1] && !parseItemLine(lines[i + 1]);
      k++
    )
      text += ` ${lines[++i]}`;
    const { heading, inline } = parseHeading(text);
    if (!heading) continue;
    const listLines = inline ? [inline] : [];
    for (let j = i + 1; !inline && j < lines.length && lines[j] && !HEADING_START.test(lines[j]); j++) listLines.push(lines[j]);
    if (heading.valuesOf) {
      const note = valueNote(heading, listLines, resolve, enumerationOf);
      if (note) out.push(note);
      continue;
    }
    for (const line of listLines) {
      const items = parseItemLine(line);
      if (!items) break;
      for (const item of items) {
        const element = resolve(item.name);
        if (element) out.push(noteOf({ ...item, name: element }, heading));
      }
    }
  }
  return out;
}

/** "values for element profile": kept only when every listed value is one of the element's enumerated values. */
function valueNote(heading: Heading, listLines: string[], resolve: ElementResolver, enumerationOf: EnumerationOf): ModeNote | undefined {
  const element = resolve(heading.valuesOf!);
  const allowed = element ? enumerationOf(element) : undefined;
  if (!element || !allowed) return undefined;
  const values = listLines.map((l) =>
    l
      .replace(/^[-*•]\s+/, '')
      .replace(/^[A-Za-z_]\w*\s*=\s*/, '')
      .replace(/[,;]$/, '')
      .trim(),
  );
  if (values.length === 0 || !values.every((v) => allowed.includes(v))) return undefined;
  return { element, only: heading.only, effect: heading.effect, values };
}

/** The note in an element's own documentation ("This element is only used in AS data mode"), if any. */
export function parseElementModeNote(doc: string, element: string): ModeNote | undefined {
  const text = doc.replace(/\s+/g, ' ');
  const m = ELEMENT_SENTENCE.exec(text);
  if (!m || /following/i.test(text.slice(Math.max(0, m.index - 40), m.index + 1))) return undefined;
  const c = classifyPredicate(`only used in ${m[1]} data mode ${m[2]}`);
  return c && { element, ...c };
}

/** Same element and scope noted twice: keep one; contradicting effects become 'unspecified', contradicting modes drop both. */
export function mergeNotes(notes: ModeNote[]): ModeNote[] {
  const byKey = new Map<string, ModeNote>();
  const modes = new Map<string, Set<DataModeName>>();
  for (const n of notes) {
    const scope = `${n.element}|${n.values?.join('\u0000') ?? ''}|${n.fromOccurrence ?? 1}`;
    (modes.get(scope) ?? modes.set(scope, new Set()).get(scope)!).add(n.only);
    const key = `${scope}|${n.only}`;
    const prev = byKey.get(key);
    if (!prev) {
      byKey.set(key, { ...n });
      continue;
    }
    if (prev.effect !== n.effect) prev.effect = 'unspecified';
    if (prev.useValue !== n.useValue) delete prev.useValue;
    if (n.detail && n.detail !== prev.detail) prev.detail = prev.detail ? `${prev.detail}; ${n.detail}` : n.detail;
  }
  return [...byKey.entries()].filter(([key]) => modes.get(key.slice(0, key.lastIndexOf('|')))!.size === 1).map(([, n]) => n);
}

/** The part of the model the notes need: simple types, to read enumerations for value lists. */
export interface ModeNotesModel {
  simpleType(name: string): SimpleType | undefined;
}

const memo = new WeakMap<ComplexType, ModeNote[]>();

/**
 * Every data-mode note of a complex type: its own documentation and that of its element declarations.
 * Memoised per type object (a model's types are never mutated). Empty for models compiled without docs.
 */
export function modeNotesOf(type: ComplexType, model?: ModeNotesModel): ModeNote[] {
  if (type.modeNotes) return type.modeNotes; // the built-in model: facts extracted when it was generated
  let notes = memo.get(type);
  if (!notes) {
    notes = computeNotes(type, model);
    memo.set(type, notes);
  }
  return notes;
}

function computeNotes(type: ComplexType, model: ModeNotesModel | undefined): ModeNote[] {
  const decls: ElementDecl[] = [];
  if (type.content) collect(type.content, decls);
  const withDocs = decls.filter((d) => d.doc);
  if (!type.doc && withDocs.length === 0) return [];
  const byName = new Map(decls.map((d) => [d.name, d]));
  const notes: ModeNote[] = [];
  if (type.doc) notes.push(...parseModeNotes(type.doc, resolverOf(byName), (el) => enumeration(byName.get(el), model)));
  for (const d of withDocs) {
    const note = parseElementModeNote(d.doc!, d.name);
    if (note) notes.push(note);
  }
  return mergeNotes(notes);
}

function collect(p: Particle, out: ElementDecl[]): void {
  if (p.kind === 'element') out.push(p);
  else for (const item of p.items) collect(item, out);
}

/** Exact name first; otherwise a unique case-insensitive match (the documentation sometimes capitalises names). */
function resolverOf(byName: Map<string, ElementDecl>): ElementResolver {
  const lower = new Map<string, string | null>();
  for (const name of byName.keys()) {
    const k = name.toLowerCase();
    lower.set(k, lower.has(k) ? null : name);
  }
  return (written) => (byName.has(written) ? written : (lower.get(written.toLowerCase()) ?? undefined));
}

function enumeration(decl: ElementDecl | undefined, model: ModeNotesModel | undefined): string[] | undefined {
  return decl && model?.simpleType(decl.type)?.enumeration;
}
