/**
 * Hover, format-independent: short markdown about what is under the cursor, all from the model, the
 * rules table and our descriptions: an element name, a value, an xsi:type value or the command name.
 */
import { closestValues } from '../checks/suggest';
import { canonical, describeLength, describeRange, normalizeWhitespace } from '../checks/values';
import { commandDoc, describeElement } from '../model/docs';
import type { ModelIndex } from '../model/model-index';
import type { ElementDecl, Particle, SimpleType } from '../model/types';
import { elementNames, emptiable } from '../model/particles';
import type { CommandNode, FileFormat, Span } from '../tree/types';
import { choiceLabel, occurrences } from './completion-elements';
import { occursLabel } from './completion';
import { locate, type CursorContext } from './cursor';
import { ruleNotes } from './hover-rules';

export interface HoverResult {
  markdown: string;
  span: Span;
}

const MAX_VALUES = 10;

export function hover(
  text: string,
  offset: number,
  format: FileFormat,
  command: CommandNode | undefined,
  model: ModelIndex,
): HoverResult | undefined {
  const ctx = locate(text, offset, format, command, model);
  const word = text.slice(ctx.word.start, ctx.word.end);
  switch (ctx.role) {
    case 'commandName':
      return commandHover(ctx.command, ctx.word, model);
    case 'key': {
      const name = word.replace(/^</, '');
      if (!name || !ctx.type) return undefined;
      const span = { start: ctx.word.end - name.length, end: ctx.word.end };
      if (format === 'yaml' && name === 'command' && ctx.path.length === 0) return commandHover(ctx.command, ctx.word, model);
      const decl = model.childDecl(ctx.type, name);
      if (decl) return { markdown: elementMarkdown(model, ctx, ctx.type, [...ctx.path, name], decl), span };
      // Broken nesting (an unclosed tag above): the element may belong to an enclosing element.
      for (let depth = ctx.path.length - 1; depth >= 0; depth--) {
        const outer = depth === 0 ? ctx.command : ctx.types[depth - 1];
        const outerDecl = outer ? model.childDecl(outer, name) : undefined;
        if (outer && outerDecl)
          return { markdown: elementMarkdown(model, ctx, outer, [...ctx.path.slice(0, depth), name], outerDecl), span };
      }
      return { markdown: unknownElement(model, ctx.type, name), span };
    }
    case 'value': {
      if (!ctx.decl) return undefined;
      return { markdown: valueMarkdown(model, ctx, ctx.parentType, word), span: ctx.word };
    }
    case 'xsiType':
      return typeHover(model, ctx, word);
    default:
      return undefined;
  }
}

function commandHover(command: string | undefined, span: Span, model: ModelIndex): HoverResult | undefined {
  if (!command) return undefined;
  const doc = commandDoc(command, model);
  if (doc) return { markdown: doc, span };
  if (!model.complexType(command)) return { markdown: `Unknown command \`${command}\`.`, span };
  return { markdown: `**${command}**`, span };
}

export function simpleTypeLines(st: SimpleType): string[] {
  const lines: string[] = [];
  const kind =
    st.builtin === 'boolean'
      ? 'true or false'
      : /int|integer|long|short|byte/i.test(st.builtin)
        ? 'whole number'
        : st.builtin === 'list'
          ? 'list of values'
          : 'text';
  const facets = [describeLength(st), describeRange(st)].filter(Boolean);
  lines.push([kind, ...facets].join(', '));
  if (st.enumeration) {
    const shown = st.enumeration
      .slice(0, MAX_VALUES)
      .map((v) => `\`${v}\``)
      .join(', ');
    lines.push(`one of ${st.enumeration.length} values: ${shown}${st.enumeration.length > MAX_VALUES ? ', …' : ''}`);
  }
  if (st.patterns?.length) lines.push(`must match: ${st.patterns.map((p) => `\`${p}\``).join(' and ')}`);
  return lines;
}

function typeLines(model: ModelIndex, decl: ElementDecl): string[] {
  const st = model.simpleType(decl.type);
  if (st) return simpleTypeLines(st);
  const ct = model.complexType(decl.type);
  if (!ct) return [];
  if (ct.abstract)
    return [
      `abstract: set xsi:type to ${model
        .subtypesOf(ct.name)
        .map((t) => `\`${t}\``)
        .join(' or ')}`,
    ];
  const kids = model.elementDecls(ct.name);
  const required = ct.content ? requiredParts(ct.content) : [];
  return [`contains ${kids.length} element${kids.length === 1 ? '' : 's'}${required.length ? `; required: ${required.join(', ')}` : ''}`];
}

/** What a content model requires, a choice as its alternatives ("one of `unlimited` | `quantity`"), not every branch. */
function requiredParts(p: Particle): string[] {
  if (p.minOccurs === 0) return [];
  if (p.kind === 'element') return [`\`${p.name}\``];
  if (p.kind === 'sequence') return p.items.flatMap(requiredParts);
  if (p.items.some(emptiable)) return [];
  const branches = p.items.map((item) => {
    const req = item.kind === 'element' ? [`\`${item.name}\``] : requiredParts(item);
    return req.length
      ? req.join(' + ')
      : elementNames(item)
          .map((n) => `\`${n}\``)
          .join(' + ');
  });
  return [`one of ${branches.join(' | ')}`];
}

function elementMarkdown(model: ModelIndex, ctx: CursorContext, parentType: string, path: string[], decl: ElementDecl): string {
  const occ = occurrences(model, parentType, decl.name);
  const occText = occ ? occursLabel(occ.min, occ.max) : occursLabel(decl.minOccurs, decl.maxOccurs);
  const parts = [`**${decl.name}** · \`${decl.type.replace(/^xs:/, '')}\` · ${occText}`];
  const facts = typeLines(model, decl);
  if (decl.fixed !== undefined) facts.push(`fixed value: \`${decl.fixed}\``);
  if (decl.default !== undefined) facts.push(`default: \`${decl.default}\``);
  if (decl.nillable) facts.push('nillable (xsi:nil / `~` clears it)');
  const choice = choiceLabel(model, parentType, decl.name);
  if (choice) facts.push(`choice: ${choice}`);
  parts.push(facts.map((f) => `- ${f}`).join('\n'));
  const notes = ruleNotes(ctx.command, parentType, path, decl.name, model);
  if (notes.length) parts.push(notes.map((n) => `- ${n.mode ? `**${n.mode}**: ` : ''}${n.text} (\`${n.code}\`)`).join('\n'));
  const description = describeElement(parentType, decl.name, model);
  if (description) parts.push(description);
  return parts.join('\n\n');
}

function unknownElement(model: ModelIndex, parentType: string, name: string): string {
  return `\`${name}\` is not an element of \`${parentType}\`.`;
}

function valueMarkdown(model: ModelIndex, ctx: CursorContext, parentType: string | undefined, written: string): string {
  const decl = ctx.decl!;
  const st = model.simpleType(ctx.type ?? decl.type);
  const value = unquote(written, ctx.format);
  const head = `**${decl.name}** · \`${decl.type.replace(/^xs:/, '')}\``;
  const lines: string[] = [head];
  if (st?.enumeration) {
    const v = normalizeWhitespace(value, st.whiteSpace);
    if (st.enumeration.includes(v))
      lines.push(`\`${v}\` is a valid ${st.name.replace(/^xs:/, '')} value (one of ${st.enumeration.length}).`);
    else
      lines.push(
        `\`${v}\` is not a valid ${st.name} value. Closest: ${closestValues(v, st.enumeration, 3)
          .map((c) => `\`${c}\``)
          .join(', ')}.`,
      );
  } else if (st) {
    lines.push(simpleTypeLines(st).join('; '));
    if (decl.fixed !== undefined && canonical(normalizeWhitespace(value, st.whiteSpace), st) !== canonical(decl.fixed, st))
      lines.push(`Only \`${decl.fixed}\` is allowed.`);
  }
  const description = parentType ? describeElement(parentType, decl.name, model) : undefined;
  if (description) lines.push(description);
  return lines.join('\n\n');
}

function typeHover(model: ModelIndex, ctx: CursorContext, word: string): HoverResult | undefined {
  const declared = ctx.type;
  const given = unquote(word, ctx.format).replace(/^[^:]*:/, '');
  if (!declared || !given) return undefined;
  const allowed = [...(model.complexType(declared)?.abstract ? [] : [declared]), ...model.subtypesOf(declared)];
  const ok = allowed.includes(given);
  const lines = [`**xsi:type** \`${given}\` for \`${ctx.decl?.name ?? declared}\` (declared \`${declared}\`)`];
  if (ok) {
    const kids = model.elementDecls(given);
    // `?` marks what may be left out: optional itself, or inside an optional group or a choice branch.
    lines.push(
      `Contains: ${kids.map((k) => `\`${k.name}\`${(occurrences(model, given, k.name)?.min ?? k.minOccurs) > 0 ? '' : '?'}`).join(', ') || 'nothing'}.`,
    );
  } else lines.push(`Not allowed here: use ${allowed.map((a) => `\`${a}\``).join(' or ')}.`);
  return { markdown: lines.join('\n\n'), span: ctx.word };
}

function unquote(s: string, format: FileFormat): string {
  if (format === 'yaml') return s.trim().replace(/^(['"])(.*)\1$/, '$2');
  return s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');
}
