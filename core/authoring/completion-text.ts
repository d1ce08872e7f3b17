/**
 * The text of an element to insert, with its required children, in YAML or XML. Used by completion (as a
 * snippet with tab stops) and by quick fixes (plain text with empty placeholders the checks flag until filled).
 */
import { UCA22 } from '../checks/rules/uca22';
import type { CheckOptions } from '../checks/types';
import type { ModelIndex } from '../model/model-index';
import type { ElementDecl } from '../model/types';
import type { FileFormat } from '../tree/types';
import { requiredDecls } from './completion-elements';

export interface TextStyle {
  format: FileFormat;
  /** Snippet syntax with tab stops; otherwise plain text with empty placeholders. */
  snippet: boolean;
  /** Next tab stop number (snippets). */
  stop: { n: number };
}

const MAX_DEPTH = 5;

function pad(col: number): string {
  return ' '.repeat(col);
}

export function escapeSnippet(s: string): string {
  return s.replace(/[\\$}]/g, (c) => `\\${c}`);
}

/** A YAML scalar for a value, quoted only when plain YAML would read it differently. */
export function yamlScalar(value: string): string {
  const plainSafe =
    value !== '' &&
    value === value.trim() &&
    !/^[-?:,[\]{}#&*!|>'"%@`~]/.test(value) &&
    !/: |:$| #|[\n\t]/.test(value) &&
    !/^(null|Null|NULL|~)$/.test(value);
  return plainSafe ? value : `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

export function xmlEscape(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** A value slot: a tab stop (with choices for small enumerations) or an empty placeholder. */
function slot(model: ModelIndex, decl: ElementDecl, style: TextStyle): string {
  const fixed = decl.fixed;
  const st = model.simpleType(decl.type);
  if (fixed !== undefined) return style.format === 'yaml' ? yamlScalar(fixed) : xmlEscape(fixed);
  if (style.snippet) {
    const n = style.stop.n++;
    const values =
      st?.builtin === 'boolean' ? ['true', 'false'] : st?.enumeration && st.enumeration.length <= 12 ? st.enumeration : undefined;
    if (values)
      return `\${${n}|${values.map((v) => (style.format === 'yaml' ? yamlScalar(v) : xmlEscape(v)).replace(/[,|\\$}]/g, (c) => `\\${c}`)).join(',')}|}`;
    return `$${n}`;
  }
  return style.format === 'yaml' ? '""' : '';
}

function typeSlot(candidates: string[], style: TextStyle): string {
  if (style.snippet) return `\${${style.stop.n++}|${candidates.join(',')}|}`;
  return candidates.length === 1 ? candidates[0] : style.format === 'yaml' ? '""' : '';
}

/**
 * The element's text starting at column `col` (the first line carries no indentation: it goes where the
 * name goes). `inList`: YAML, the text is already the content of a `- ` item.
 */
export function elementText(model: ModelIndex, decl: ElementDecl, col: number, style: TextStyle, inList = false, depth = 0): string {
  const ct = model.complexType(decl.type);
  if (!ct || ct.simpleContent || ct.anyContent) {
    return style.format === 'yaml'
      ? `${decl.name}: ${slot(model, decl, style)}`
      : `<${decl.name}>${slot(model, decl, style)}</${decl.name}>`;
  }
  const repeated = decl.maxOccurs === 'unbounded' || decl.maxOccurs > 1;
  const yamlList = style.format === 'yaml' && repeated && !inList;
  const childCol = col + 2 + (yamlList ? 2 : 0);
  if (ct.abstract) {
    const candidates = model.subtypesOf(ct.name);
    if (style.format === 'xml')
      return `<${decl.name} xsi:type="${typeSlot(candidates, style)}">${style.snippet ? '$0' : ''}</${decl.name}>`;
    return `${decl.name}:\n${pad(col + 2)}${yamlList ? '- ' : ''}xsi:type: ${typeSlot(candidates, style)}`;
  }
  const children = depth < MAX_DEPTH && ct.content ? requiredDecls(ct.content) : [];
  if (children.length === 0) {
    if (style.format === 'xml') return `<${decl.name}>${style.snippet ? `$${style.stop.n++}` : ''}</${decl.name}>`;
    return `${decl.name}:${style.snippet ? `\n${pad(col + 2)}$${style.stop.n++}` : ' {}'}`;
  }
  const lines = children.map((c) => elementText(model, c, childCol, style, false, depth + 1));
  if (style.format === 'xml') return `<${decl.name}>\n${lines.map((l) => pad(childCol) + l).join('\n')}\n${pad(col)}</${decl.name}>`;
  const [first, ...rest] = lines;
  return `${decl.name}:\n${pad(col + 2)}${yamlList ? '- ' : ''}${first}${rest.map((l) => `\n${pad(childCol)}${l}`).join('')}`;
}

/** Elements a command needs beyond the schema because of a documented rule (in the current settings). */
export function ruleRequired(command: string, options: CheckOptions): string[] {
  if (command === UCA22 && options.dataMode === 'AS' && !options.externalAuthentication) return ['password'];
  return [];
}

/** The elements a new command needs, in schema order: the schema's required ones and the rule-required ones. */
export function commandRequiredDecls(model: ModelIndex, command: string, options: CheckOptions): ElementDecl[] {
  const content = model.complexType(command)?.content;
  if (!content) return [];
  const required = new Set(requiredDecls(content));
  for (const name of ruleRequired(command, options)) {
    const d = model.childDecl(command, name);
    if (d) required.add(d);
  }
  return model.elementDecls(command).filter((d) => required.has(d));
}

/** A whole new command: YAML `command: X` and its required elements; XML a <command> element. */
export function commandSkeleton(model: ModelIndex, command: string, options: CheckOptions, style: TextStyle, col = 0): string {
  const decls = commandRequiredDecls(model, command, options);
  if (style.format === 'yaml') return [`command: ${command}`, ...decls.map((d) => pad(col) + elementText(model, d, col, style))].join('\n');
  // A command without any content must be an empty element: even a line break inside is refused by the XSD.
  if (!model.complexType(command)?.content) return `<command xsi:type="${command}" xmlns=""/>`;
  const lines = decls.map((d) => pad(col + 2) + elementText(model, d, col + 2, style));
  return `<command xsi:type="${command}" xmlns="">\n${lines.join('\n')}\n${pad(col)}</command>`;
}

/** A whole XML file: the BroadsoftDocument envelope with a session id and one command. */
export function xmlDocumentSkeleton(model: ModelIndex, command: string, options: CheckOptions, style: TextStyle): string {
  const session = style.snippet ? `\${${style.stop.n++}:session-1}` : 'session-1';
  return [
    '<?xml version="1.0" encoding="ISO-8859-1"?>',
    '<BroadsoftDocument protocol="OCI" xmlns="C" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">',
    `  <sessionId xmlns="">${session}</sessionId>`,
    `  ${commandSkeleton(model, command, options, style, 2)}`,
    '</BroadsoftDocument>',
    '',
  ].join('\n');
}
