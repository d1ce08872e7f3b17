/**
 * Gluing the pieces of an XML file (see xml.ts) into a SourceFile, one piece at a time.
 *
 * What a piece contributes (its commands, the problems the assembler finds in it, envelope children and the
 * envelope's end) depends only on the piece and a small state at its start: whether the envelope is not yet
 * seen, open or closed, and whether a command came before. So the incremental analysis (core/analysis) can
 * cache a piece's assembly, relative to the piece start, per state, and re-assemble only edited pieces;
 * the fresh parser runs the same code on absolute pieces.
 */
import type { CommandNode, ElementNode, EnvelopeNode, SourceFile, Span, SyntaxProblem } from '../tree/types';
import type { Fragment } from './xmlFragment';
import { isAllSpace } from './xmlText';

/** At most this many problems are reported per file; a binary or hostile file would otherwise yield millions. */
export const MAX_PROBLEMS = 1000;

const ENVELOPE = 'BroadsoftDocument';

export interface PieceState {
  envelope: 'none' | 'open' | 'closed';
  /** A command came before. */
  anyCommand: boolean;
}

export const FILE_START: PieceState = Object.freeze({ envelope: 'none', anyCommand: false });

/** A small number per state, for caches. */
export function stateKey(state: PieceState): number {
  return (state.envelope === 'none' ? 0 : state.envelope === 'open' ? 2 : 4) + (state.anyCommand ? 1 : 0);
}

export interface PieceAssembly {
  /** Numbered from the `firstIndex` the piece was assembled with. */
  commands: CommandNode[];
  /** The fragment's problems and the assembler's, by position. */
  problems: SyntaxProblem[];
  /** The envelope, when it opens in this piece (its children: those in this piece). */
  envelope?: EnvelopeNode;
  /** The element the envelope was made from (its scope is the context of the command pieces). */
  envelopeElement?: ElementNode;
  /** Elements this piece adds to an envelope opened in an earlier piece. */
  envelopeChildren: ElementNode[];
  /** Where an envelope opened in an earlier piece ends (its end tag is in this piece). */
  envelopeEnd?: number;
  exit: PieceState;
}

const byPosition = (a: SyntaxProblem, b: SyntaxProblem) => a.span.start - b.span.start || a.span.end - b.span.end;

/** What `fragment` adds to the file when it starts in `state`, its first command numbered `firstIndex`. */
export function assemblePiece(fragment: Fragment, state: PieceState, firstIndex: number): PieceAssembly {
  let envelopeState = state.envelope;
  let anyCommand = state.anyCommand;
  const own: SyntaxProblem[] = [];
  const out: PieceAssembly = { commands: [], problems: fragment.problems, envelopeChildren: [], exit: state };
  const syntax = (span: Span, message: string) => own.push({ code: 'OCI-XML-SYNTAX', span, message });

  const command = (node: ElementNode) => {
    if (envelopeState === 'closed') syntax(node.nameSpan, `<command> after the end of <${ENVELOPE}>: move it inside the document.`);
    if (node.namespace) {
      own.push({
        code: 'OCI-XML-NAMESPACE',
        span: node.nameSpan,
        message: `<command> is in namespace "${node.namespace}" but must be in no namespace: add xmlns="" to it.`,
      });
    }
    if (node.value && !isAllSpace(node.value.text))
      syntax(node.value.span, 'Text is not allowed directly in <command>: expected child elements.');
    const cmd: CommandNode = {
      index: firstIndex + out.commands.length,
      name: node.xsiType ? node.xsiType.text : null,
      headSpan: node.nameSpan,
      span: node.span,
      children: node.children ?? [],
    };
    if (node.xsiType) cmd.nameSpan = node.xsiType.span;
    if (node.value && node.value.text !== '' && isAllSpace(node.value.text) && !node.children?.length) cmd.spaceOnly = node.value.span;
    if (node.attributes) cmd.attributes = node.attributes;
    if (node.nil) cmd.nil = node.nil;
    if (node.nilFalse) cmd.nilFalse = node.nilFalse;
    // Children inherit the command's namespace; the checks report a namespace only where it changes.
    if (node.namespace) cmd.namespace = node.namespace;
    out.commands.push(cmd);
    anyCommand = true;
  };

  const openEnvelope = (node: ElementNode, open: boolean) => {
    const envelope: EnvelopeNode = {
      span: node.span,
      nameSpan: node.nameSpan,
      namespace: node.namespace ?? '',
      attributes: node.attributes ?? [],
      children: [],
    };
    if (node.nil ?? node.nilFalse) envelope.nil = node.nil ?? node.nilFalse;
    out.envelope = envelope;
    out.envelopeElement = node;
    for (const child of node.children ?? []) {
      if (child.name === 'command') command(child);
      else envelope.children.push(child);
    }
    if (node.value && !isAllSpace(node.value.text)) {
      syntax(node.value.span, `Text is not allowed in <${ENVELOPE}>: expected <sessionId> and <command> elements.`);
    }
    envelopeState = open ? 'open' : 'closed';
  };

  for (const item of fragment.items) {
    if (item.kind === 'end') {
      if (envelopeState === 'open') {
        if (out.envelope) out.envelope.span = { start: out.envelope.span.start, end: item.span.end };
        else out.envelopeEnd = item.span.end;
        envelopeState = 'closed';
      } else syntax(item.span, `Unexpected end tag </${ENVELOPE}>: the document is already closed.`);
      continue;
    }
    const { node } = item;
    if (node.name === 'command') command(node);
    else if (node.name === ENVELOPE && envelopeState === 'none' && !anyCommand) openEnvelope(node, item.open);
    else if (envelopeState === 'open') (out.envelope ? out.envelope.children : out.envelopeChildren).push(node);
    else if (envelopeState === 'closed' || node.name === ENVELOPE) {
      syntax(node.nameSpan, `Unexpected <${node.name}> after the end of <${ENVELOPE}>: a file has one document.`);
    } else {
      syntax(node.nameSpan, `Unexpected <${node.name}> at the top level: expected <command> or <${ENVELOPE}>.`);
    }
  }
  // A stable sort: the assembler's problems after the fragment's at equal positions, as when pushed in that order.
  if (own.length) out.problems = [...fragment.problems, ...own].sort(byPosition);
  if (envelopeState !== state.envelope || anyCommand !== state.anyCommand) out.exit = { envelope: envelopeState, anyCommand };
  return out;
}

/** The problem of an envelope still open at the end of the file. */
export function unclosedEnvelope(envelope: EnvelopeNode): SyntaxProblem {
  return {
    code: 'OCI-XML-SYNTAX',
    span: envelope.nameSpan,
    message: `Element <${ENVELOPE}> is not closed: expected </${ENVELOPE}> at the end.`,
  };
}

/**
 * The file's problems: `sorted` (already by position, at least the first MAX_PROBLEMS of them) with `late`
 * pushed last (stable: after problems at the same position), cut to MAX_PROBLEMS.
 */
export function withLateProblem(sorted: SyntaxProblem[], late: SyntaxProblem | undefined): SyntaxProblem[] {
  if (late) {
    let at = sorted.length;
    while (at > 0 && byPosition(sorted[at - 1], late) > 0) at--;
    sorted.splice(at, 0, late);
  }
  if (sorted.length > MAX_PROBLEMS) sorted.length = MAX_PROBLEMS;
  return sorted;
}

/** Joins absolute piece assemblies (in file order) into the file. */
export function joinAssemblies(parts: PieceAssembly[], textLength: number): SourceFile {
  const commands: CommandNode[] = [];
  const problems: SyntaxProblem[] = [];
  let envelope: EnvelopeNode | undefined;
  for (const part of parts) {
    for (const c of part.commands) commands.push(c);
    for (const p of part.problems) if (problems.length <= MAX_PROBLEMS) problems.push(p);
    if (part.envelope) envelope = { ...part.envelope, children: [...part.envelope.children] };
    else if (envelope) {
      for (const child of part.envelopeChildren) envelope.children.push(child);
      if (part.envelopeEnd !== undefined) envelope.span = { start: envelope.span.start, end: part.envelopeEnd };
    }
  }
  const last = parts.length ? parts[parts.length - 1].exit : FILE_START;
  let late: SyntaxProblem | undefined;
  if (envelope && last.envelope === 'open') {
    late = unclosedEnvelope(envelope);
    envelope.span = { start: envelope.span.start, end: textLength };
  }
  const file: SourceFile = { format: 'xml', commands, problems: withLateProblem(problems, late) };
  if (envelope) file.envelope = envelope;
  return file;
}
