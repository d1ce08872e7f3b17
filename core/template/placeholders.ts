/**
 * Where a template's placeholders are, and whether each one stands in a value.
 *
 * Syntax: `${name}`, `${name:-default}` (the default when the value is missing or empty), `$${` for a literal `${`.
 * A placeholder may stand only in a value (a YAML scalar, XML text or an ordinary attribute's value): data never
 * makes structure, so a row can only change what a value says. Anywhere else (a key, an element or attribute name,
 * `command:` / `xsi:type`, the envelope, between elements) the template is refused with the placeholder's position.
 */
import type { CommandNode, ElementNode, SourceFile, Span } from '../tree/types';

export interface Placeholder {
  name: string;
  /** The text after `:-`, when given. */
  fallback?: string;
  /** `${...}` in the template text. */
  span: Span;
}

/** One value of the template that holds placeholders (or `$${`): it is rendered anew for every row. */
export interface Slot {
  /** The value as written in the template (YAML: quotes included; XML: the raw text or attribute value). */
  span: Span;
  /** The value as the front end read it, with the placeholders still in it. */
  text: string;
  /** The placeholders of the value, in order (template offsets). */
  placeholders: Placeholder[];
  attribute: boolean;
  /** The element the value belongs to, for hovers ("feeds UserConsolidatedAddRequest22 › address › city"). */
  path: string[];
  command: number;
}

export interface TemplateProblem {
  code: 'OCI-TEMPLATE-SYNTAX' | 'OCI-TEMPLATE-PLACE';
  message: string;
  span: Span;
}

const NAME = /^[A-Za-z_][A-Za-z0-9_.-]*$/;

/** The `${` / `$${` occurrences of `text` between `from` and `to`, as placeholders or problems. */
export function scanPlaceholders(text: string, from = 0, to = text.length): { placeholders: Placeholder[]; problems: TemplateProblem[] } {
  const placeholders: Placeholder[] = [];
  const problems: TemplateProblem[] = [];
  let i = text.indexOf('${', from);
  while (i >= 0 && i < to) {
    if (i > from && text.charCodeAt(i - 1) === 0x24 /* $ */ && !(i - 2 >= from && text.charCodeAt(i - 2) === 0x24)) {
      // `$${`: a literal, handled by the renderer.
      i = text.indexOf('${', i + 2);
      continue;
    }
    const close = text.indexOf('}', i + 2);
    const lineEnd = text.slice(i, to).search(/[\r\n]/);
    if (close < 0 || close >= to || (lineEnd >= 0 && close > i + lineEnd)) {
      problems.push({
        code: 'OCI-TEMPLATE-SYNTAX',
        message: "This placeholder has no closing '}': write ${name} (or $${ for a literal ${).",
        span: { start: i, end: i + 2 },
      });
      i = text.indexOf('${', i + 2);
      continue;
    }
    const inner = text.slice(i + 2, close);
    const sep = inner.indexOf(':-');
    const name = sep < 0 ? inner : inner.slice(0, sep);
    const span = { start: i, end: close + 1 };
    if (!NAME.test(name))
      problems.push({
        code: 'OCI-TEMPLATE-SYNTAX',
        message: `'${inner}' is not a placeholder: write \${name} or \${name:-default}, with a name of letters, digits, '_', '.' or '-' (a CSV column or a variable).`,
        span,
      });
    else placeholders.push({ name, fallback: sep < 0 ? undefined : inner.slice(sep + 2), span });
    i = text.indexOf('${', close + 1);
  }
  return { placeholders, problems };
}

/** Values that may hold a placeholder, with their element path. */
function valueSites(file: SourceFile): { span: Span; text: string; attribute: boolean; path: string[]; command: number }[] {
  const sites: { span: Span; text: string; attribute: boolean; path: string[]; command: number }[] = [];
  const walk = (e: ElementNode, path: string[], command: number) => {
    const here = [...path, e.name];
    if (e.value) sites.push({ span: e.value.span, text: e.value.text, attribute: false, path: here, command });
    for (const a of e.attributes ?? [])
      if (!a.name.startsWith('xmlns') && !a.name.startsWith('xsi:') && a.namespace !== 'http://www.w3.org/2001/XMLSchema-instance')
        sites.push({ span: a.value.span, text: a.value.text, attribute: true, path: [...here, `@${a.name}`], command });
    for (const c of e.children ?? []) walk(c, here, command);
  };
  file.commands.forEach((c: CommandNode) => c.children.forEach((e) => walk(e, [c.name ?? 'command'], c.index)));
  return sites.sort((a, b) => a.span.start - b.span.start);
}

/** Comment ranges where a `${` means nothing: YAML `#` comment lines, XML `<!-- -->`. */
function commentRanges(text: string, format: SourceFile['format']): Span[] {
  const out: Span[] = [];
  if (format === 'xml') {
    for (let at = text.indexOf('<!--'); at >= 0; at = text.indexOf('<!--', at + 4)) {
      const end = text.indexOf('-->', at + 4);
      out.push({ start: at, end: end < 0 ? text.length : end + 3 });
      if (end < 0) break;
    }
  } else {
    const re = /^[ \t]*#.*$/gm;
    for (let m = re.exec(text); m; m = re.exec(text)) out.push({ start: m.index, end: m.index + m[0].length });
  }
  return out;
}

/** The slots of a parsed template, and every placeholder that is not in a value. */
export function findSlots(text: string, file: SourceFile): { slots: Slot[]; problems: TemplateProblem[] } {
  const slots: Slot[] = [];
  const { placeholders, problems } = scanPlaceholders(text);
  const sites = valueSites(file);
  const comments = commentRanges(text, file.format);
  let s = 0;
  let c = 0;
  const bySite = new Map<number, Placeholder[]>();
  for (const p of placeholders) {
    while (s < sites.length && sites[s].span.end < p.span.end) s++;
    const site = sites[s];
    if (site && site.span.start <= p.span.start && p.span.end <= site.span.end) {
      const list = bySite.get(s) ?? [];
      list.push(p);
      bySite.set(s, list);
      continue;
    }
    while (c < comments.length && comments[c].end < p.span.end) c++;
    if (c < comments.length && comments[c].start <= p.span.start) continue;
    problems.push({
      code: 'OCI-TEMPLATE-PLACE',
      message: `\${${p.name}} is not in a value: a placeholder may stand only in a value of a command, never in an element name, a key, the command name, xsi:type or the structure, so that data can never change the shape of a command.`,
      span: p.span,
    });
  }
  sites.forEach((site, index) => {
    const own = bySite.get(index);
    const raw = text.slice(site.span.start, site.span.end);
    if (own || raw.includes('$${')) slots.push({ ...site, placeholders: own ?? [] });
  });
  // A literal `$${` outside any value and outside comments is left as written: it is not a placeholder.
  return { slots, problems };
}

/** `# ocip-data: users.csv` (YAML) or `<!-- ocip-data: users.csv -->` (XML) among the first lines: the data file, with its span. */
export function dataFileLine(text: string): { path: string; span: Span } | undefined {
  let at = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  for (let line = 0; line < 3 && at < text.length; line++) {
    const nl = text.indexOf('\n', at);
    const end = nl < 0 ? text.length : nl;
    const m = /^[ \t]*(?:#|<!--)[ \t]*ocip-data:[ \t]*(.*?)[ \t]*(?:-->)?[ \t]*\r?$/.exec(text.slice(at, end));
    if (m && m[1]) {
      const start = at + m[0].indexOf(m[1], m[0].indexOf('ocip-data:') + 10);
      return { path: m[1], span: { start, end: start + m[1].length } };
    }
    at = end + 1;
  }
  return undefined;
}

/** Is this command file a template: a `# ocip-data:` line or a `${` (placeholder, or a malformed one to report)? */
export function isTemplateText(text: string): boolean {
  if (dataFileLine(text)) return true;
  const { placeholders, problems } = scanPlaceholders(text);
  return placeholders.length > 0 || problems.length > 0;
}
