/**
 * Applies the data-mode notes of the schema documentation (./doc-modes) to a command: the command type's notes to
 * its top-level elements, and each visited complex element's type notes to that element's children.
 * Hand-written rules win: an element they already report on is not reported again, and nothing is reported
 * inside an element the server ignores or rejects anyway.
 */
import type { CommandNode, ElementNode, Span } from '../../tree/types';
import type { ModelView } from '../elements';
import { RULES_BY_CODE } from '../registry';
import type { CheckOptions, Diagnostic, FixHint } from '../types';
import { short } from '../values';
import { modeNotesOf, type DataModeName, type ModeEffect, type ModeNote } from './doc-modes';
import type { RuleEmitter } from './emit';
import type { Visited } from './nested';
import { xsdCollapse } from '../../text/xsd-whitespace';

/** The code reported for a note of an element used only in `only`, when the configured mode is the other one. */
export function docModeCode(only: DataModeName, effect: ModeEffect): string {
  const inMode = only === 'AS' ? 'XS' : 'AS';
  if (effect === 'ignored') return `OCI-DOC-${inMode}-IGNORED`;
  if (effect === 'fails') return `OCI-DOC-${inMode}-FAILS`;
  return `OCI-DOC-${only}-ONLY`;
}

/** Hand-written codes whose element is dropped by the server: nothing inside it is worth reporting. */
const DROPPED_CODES = new Set([
  'OCI-XS-IGNORED',
  'OCI-AS-IGNORED',
  'OCI-DOC-XS-IGNORED',
  'OCI-DOC-AS-IGNORED',
  'OCI-DOC-XS-FAILS',
  'OCI-DOC-AS-FAILS',
]);

interface Target {
  typeName: string;
  children: ElementNode[];
  depth: number;
}

export function checkDocModes(
  cmd: CommandNode,
  visited: Visited[],
  model: ModelView,
  options: CheckOptions,
  out: Diagnostic[],
  emit: RuleEmitter,
): void {
  const targets: Target[] = [{ typeName: cmd.name!, children: cmd.children, depth: 0 }];
  for (const v of visited)
    if (v.node.children?.length) targets.push({ typeName: v.typeName, children: v.node.children, depth: v.path.length });
  targets.sort((a, b) => a.depth - b.depth);

  // Computed on the first type that has notes: most commands (and the built-in model, which has no docs) have none.
  let reported: Span[] | undefined;
  let dropped: Span[] = [];
  for (const t of targets) {
    const type = model.complexType(t.typeName);
    if (!type || (!type.doc && !type.content)) continue;
    const notes = modeNotesOf(type, model).filter((n) => n.only !== options.dataMode);
    if (notes.length === 0) continue;
    if (!reported) {
      // Elements a hand-written mode rule already reports on (e.g. UserConsolidatedAddRequest22's XS-ignored list),
      // and the elements such rules say the server drops.
      const nodes = [...cmd.children, ...visited.map((v) => v.node)];
      reported = out.filter((d) => d.kind === 'rule' && RULES_BY_CODE.get(d.code)?.mode !== undefined).map((d) => d.span);
      dropped = out
        .filter((d) => DROPPED_CODES.has(d.code))
        .flatMap((d) => nodes.filter((n) => n.nameSpan.start === d.span.start || n.span.start === d.span.start).map((n) => n.span));
    }
    // In document order; `seen` counts occurrences for notes about later occurrences only ("contact[2]-contact[5]").
    const seen = new Map<string, number>();
    for (const kid of t.children) {
      const occurrence = (seen.get(kid.name) ?? 0) + 1;
      seen.set(kid.name, occurrence);
      for (const note of notes) {
        if (note.element !== kid.name || occurrence < (note.fromOccurrence ?? 1)) continue;
        if (dropped.some((s) => within(kid.span, s)) || reported!.some((s) => within(s, kid.span))) continue;
        const finding = describe(note, kid, t.typeName);
        if (!finding) continue;
        emit(docModeCode(note.only, note.effect), finding.span, finding.message, finding.extra);
        if (note.effect !== 'unspecified' && !note.values) dropped.push(kid.span);
      }
    }
  }
}

function within(inner: Span, outer: Span): boolean {
  return inner.start >= outer.start && inner.end <= outer.end;
}

function collapse(text: string): string {
  return xsdCollapse(text);
}

function sameValue(written: string, wanted: string): boolean {
  const a = collapse(written);
  const b = collapse(wanted);
  if (a === b) return true;
  const asBool = (v: string) => (v === '1' || v === 'true' ? 'true' : v === '0' || v === 'false' ? 'false' : undefined);
  return asBool(a) !== undefined && asBool(a) === asBool(b.toLowerCase());
}

interface Finding {
  span: Span;
  message: string;
  extra?: Pick<Diagnostic, 'fix' | 'tags'>;
}

function describe(note: ModeNote, kid: ElementNode, typeName: string): Finding | undefined {
  const inMode = note.only === 'AS' ? 'XS' : 'AS';
  const source = ` (from the schema documentation of ${typeName})`;
  const at = kid.listIndex !== undefined ? kid.span : kid.nameSpan;
  if (note.values) {
    const value = kid.value ? collapse(kid.value.text) : undefined;
    if (!kid.value || value === undefined || !note.values.includes(value)) return undefined;
    const consequence =
      note.effect === 'fails'
        ? `the request fails in ${inMode} data mode`
        : note.effect === 'ignored'
          ? `it is ignored in ${inMode} data mode`
          : `the documentation does not say what ${inMode} data mode does with it`;
    return {
      span: kid.value.span,
      message: `\`${note.element}\` value '${short(value)}' is only used in ${note.only} data mode: ${consequence}${source}.`,
    };
  }
  if (note.useValue !== undefined && kid.value && sameValue(kid.value.text, note.useValue)) return undefined;
  const occurrence = note.fromOccurrence ? ` (occurrence ${note.fromOccurrence} and later)` : '';
  const useValue = note.useValue !== undefined ? ` In ${inMode} data mode use the value '${short(note.useValue)}'.` : '';
  const detail = note.detail ? ` The documentation adds: "${short(note.detail)}".` : '';
  const fix: FixHint | undefined =
    note.useValue !== undefined && kid.value
      ? { kind: 'setValue', value: note.useValue }
      : note.effect === 'unspecified'
        ? undefined
        : { kind: 'remove' };
  const name = `\`${note.element}\`${occurrence}`;
  switch (note.effect) {
    case 'ignored':
      return {
        span: at,
        message: `${name} is only used in ${note.only} data mode and ignored in ${inMode} data mode${source}.${useValue}`,
        extra: { tags: ['unnecessary'], fix },
      };
    case 'fails':
      return {
        span: at,
        message: `${name} is only used in ${note.only} data mode: the request fails in ${inMode} data mode${source}.${useValue}`,
        extra: { fix },
      };
    default:
      return {
        span: at,
        message: `${name} is only used in ${note.only} data mode; the configured mode is ${inMode}${source}.${useValue}${detail}`,
        extra: fix ? { fix } : undefined,
      };
  }
}
