/**
 * The XML front end: `*.ocip.xml` text → `SourceFile`.
 *
 * A file is either a BroadsoftDocument envelope around 1..15 `<command>` elements, or bare `<command>`
 * elements at the top level. For speed on big files the text is cut before every `<command` start tag
 * (outside comments, CDATA and declarations): a head piece (prolog, envelope start, sessionId, …) and one
 * piece per command. Each piece is parsed on its own by the tolerant scanner in xmlFragment.ts, cached by
 * its text and its context (the bindings of the envelope around it), and rebased when it moves; so after an
 * edit only the edited command is scanned again, and a broken command cannot swallow the ones after it.
 * Trees handed out are shared with the cache: treat them as immutable.
 */
import type { CommandNode, ElementNode, EnvelopeNode, SourceFile, Span } from '../tree/types';
import { LruCache, shiftElement, shiftSpan } from './chunks';
import { FirstProblems } from './first-problems';
import { type Fragment, type FragmentContext, type NsScope, type TopItem, parseFragment } from './xmlFragment';
import { XSI_NS, declarationEnd, isAllSpace } from './xmlText';

/** At most this many problems are reported per file; a binary or hostile file would otherwise yield millions. */
export const MAX_PROBLEMS = 1000;

const ENVELOPE = 'BroadsoftDocument';

/** Offsets of every `<command` start tag that is not inside a comment, CDATA section, PI or declaration. */
export function commandStarts(text: string): number[] {
  const starts: number[] = [];
  const pattern = /<(?:command(?=[\s>/])|!|\?)/g;
  let match: RegExpExecArray | null;
  while ((match = pattern.exec(text))) {
    const at = match.index;
    const kind = text.charCodeAt(at + 1);
    if (kind === 99) starts.push(at);
    else if (kind === 63) pattern.lastIndex = skipPast(text, '?>', at + 2);
    else if (text.startsWith('<!--', at)) pattern.lastIndex = skipPast(text, '-->', at + 4);
    else if (text.startsWith('<![CDATA[', at)) pattern.lastIndex = skipPast(text, ']]>', at + 9);
    else pattern.lastIndex = declarationEnd(text, at + 2);
  }
  return starts;
}

function skipPast(text: string, terminator: string, from: number): number {
  const end = text.indexOf(terminator, from);
  return end < 0 ? text.length : end + terminator.length;
}

const ROOT_SCOPE: NsScope = Object.freeze({}) as NsScope;
/** Bare commands are wrapped in an envelope that declares xsi when sent, so `xsi:` needs no declaration there. */
const BARE_SCOPE: NsScope = Object.freeze({ xsi: XSI_NS }) as NsScope;

function scopeKey(scope: NsScope): string {
  const pairs: string[] = [];
  for (const prefix in scope) pairs.push(`${prefix}=${scope[prefix]}`);
  return pairs.sort().join(' ');
}

interface CacheEntry {
  /** The piece as last handed out, with absolute spans for a piece at `start`. */
  fragment: Fragment;
  start: number;
}

export class XmlParser {
  private readonly cache: LruCache<CacheEntry>;
  /** Pieces scanned so far (cache misses); lets tests and benchmarks see the reuse. */
  parsedPieces = 0;

  constructor(capacity = 50000) {
    this.cache = new LruCache(capacity);
  }

  parse(text: string): SourceFile {
    try {
      return new FileAssembler(text, (piece, start, context) => this.piece(piece, start, context)).assemble();
    } catch (error) {
      // The scanner is written not to throw; this is a last line of defence so an editor never loses the server.
      return {
        format: 'xml',
        commands: [],
        problems: [{ code: 'OCI-XML-SYNTAX', span: { start: 0, end: 0 }, message: `The XML could not be read: ${String(error)}` }],
      };
    }
  }

  private piece(text: string, start: number, context: FragmentContext): Fragment {
    const key = `${context.outer ?? ''}|${scopeKey(context.scope)}|${context.atDocumentStart ? 1 : 0}${context.keepEnvelopeOpen ? 1 : 0}\u0000${text}`;
    const entry = this.cache.get(key);
    if (!entry) {
      this.parsedPieces++;
      const fragment = parseFragment(text, context, start);
      this.cache.set(key, { fragment, start });
      return fragment;
    }
    if (entry.start !== start) {
      // Rebase from the last placement: a piece that did not move keeps its very objects.
      entry.fragment = shiftFragment(entry.fragment, start - entry.start);
      entry.start = start;
    }
    return entry.fragment;
  }
}

function shiftFragment(fragment: Fragment, delta: number): Fragment {
  return {
    problems: fragment.problems.map((p) => ({ ...p, span: shiftSpan(p.span, delta) })),
    items: fragment.items.map((item): TopItem =>
      item.kind === 'end' ? { ...item, span: shiftSpan(item.span, delta) } : { ...item, node: shiftElement(item.node, delta) },
    ),
  };
}

type PieceParser = (text: string, start: number, context: FragmentContext) => Fragment;

/** Glues the pieces of one file into a SourceFile: envelope, commands and problems. */
class FileAssembler {
  /** Only the first MAX_PROBLEMS are kept while assembling, so memory stays bounded on hostile files. */
  private readonly problems = new FirstProblems(MAX_PROBLEMS);
  private readonly commands: CommandNode[] = [];
  private envelope?: EnvelopeNode;
  private envelopeState: 'none' | 'open' | 'closed' = 'none';

  constructor(
    private readonly text: string,
    private readonly parsePiece: PieceParser,
  ) {}

  assemble(): SourceFile {
    const { text } = this;
    const starts = commandStarts(text);
    const headEnd = starts.length ? starts[0] : text.length;
    const head = this.parsePiece(text.slice(0, headEnd), 0, {
      scope: ROOT_SCOPE,
      outer: null,
      atDocumentStart: true,
      keepEnvelopeOpen: starts.length > 0,
    });
    let context: FragmentContext = { scope: BARE_SCOPE, outer: null, atDocumentStart: false, keepEnvelopeOpen: false };
    this.take(head);
    for (const item of head.items) {
      if (item.kind === 'element' && item.open && item.node === this.envelopeElement) {
        context = { scope: item.scope, outer: item.qname, atDocumentStart: false, keepEnvelopeOpen: false };
      }
    }
    for (let i = 0; i < starts.length; i++) {
      const start = starts[i];
      const end = i + 1 < starts.length ? starts[i + 1] : text.length;
      this.take(this.parsePiece(text.slice(start, end), start, context));
    }
    if (this.envelope && this.envelopeState === 'open') {
      const name = this.envelope.nameSpan;
      this.problems.push({ code: 'OCI-XML-SYNTAX', span: name, message: `Element <${ENVELOPE}> is not closed: expected </${ENVELOPE}> at the end.` });
      this.envelope.span = { start: this.envelope.span.start, end: text.length };
    }
    const file: SourceFile = { format: 'xml', commands: this.commands, problems: this.problems.sorted() };
    if (this.envelope) file.envelope = this.envelope;
    return file;
  }

  private envelopeElement?: ElementNode;

  private take(fragment: Fragment): void {
    for (const p of fragment.problems) this.problems.push(p);
    for (const item of fragment.items) {
      if (item.kind === 'end') {
        if (this.envelope && this.envelopeState === 'open') {
          this.envelope.span = { start: this.envelope.span.start, end: item.span.end };
          this.envelopeState = 'closed';
        } else this.syntax(item.span, `Unexpected end tag </${ENVELOPE}>: the document is already closed.`);
        continue;
      }
      const { node } = item;
      if (node.name === 'command') this.command(node);
      else if (node.name === ENVELOPE && this.envelopeState === 'none' && this.commands.length === 0) this.openEnvelope(node, item.open);
      else if (this.envelopeState === 'open') this.envelope!.children.push(node);
      else if (this.envelopeState === 'closed' || node.name === ENVELOPE) {
        this.syntax(node.nameSpan, `Unexpected <${node.name}> after the end of <${ENVELOPE}>: a file has one document.`);
      } else {
        this.syntax(node.nameSpan, `Unexpected <${node.name}> at the top level: expected <command> or <${ENVELOPE}>.`);
      }
    }
  }

  private openEnvelope(node: ElementNode, open: boolean): void {
    this.envelopeElement = node;
    this.envelope = {
      span: node.span,
      nameSpan: node.nameSpan,
      namespace: node.namespace ?? '',
      attributes: node.attributes ?? [],
      children: [],
    };
    for (const child of node.children ?? []) {
      if (child.name === 'command') this.command(child);
      else this.envelope.children.push(child);
    }
    if (node.value && !isAllSpace(node.value.text)) {
      this.syntax(node.value.span, `Text is not allowed in <${ENVELOPE}>: expected <sessionId> and <command> elements.`);
    }
    this.envelopeState = open ? 'open' : 'closed';
  }

  private command(node: ElementNode): void {
    if (this.envelopeState === 'closed') {
      this.syntax(node.nameSpan, `<command> after the end of <${ENVELOPE}>: move it inside the document.`);
    }
    if (node.namespace) {
      this.problems.push({
        code: 'OCI-XML-NAMESPACE',
        span: node.nameSpan,
        message: `<command> is in namespace "${node.namespace}" but must be in no namespace: add xmlns="" to it.`,
      });
    }
    if (node.value && !isAllSpace(node.value.text)) {
      this.syntax(node.value.span, 'Text is not allowed directly in <command>: expected child elements.');
    }
    const command: CommandNode = {
      index: this.commands.length,
      name: node.xsiType ? node.xsiType.text : null,
      headSpan: node.nameSpan,
      span: node.span,
      children: node.children ?? [],
    };
    if (node.xsiType) command.nameSpan = node.xsiType.span;
    if (node.attributes) command.attributes = node.attributes;
    // Children inherit the command's namespace; the checks report a namespace only where it changes.
    if (node.namespace) command.namespace = node.namespace;
    this.commands.push(command);
  }

  private syntax(span: Span, message: string): void {
    this.problems.push({ code: 'OCI-XML-SYNTAX', span, message });
  }
}

const defaultParser = new XmlParser();

/** Parses an OCI-P XML file (envelope or bare commands). Never throws; reuses unchanged commands across calls. */
export function parseXml(text: string): SourceFile {
  return defaultParser.parse(text);
}
