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
import type { SourceFile } from '../tree/types';
import { LruCache, shiftElement, shiftSpan } from './chunks';
import { assemblePiece, FILE_START, joinAssemblies, type PieceAssembly } from './xml-assemble';
import { type Fragment, type FragmentContext, type NsScope, type TopItem, parseFragment } from './xmlFragment';
import { XSI_NS, declarationEnd } from './xmlText';

export { MAX_PROBLEMS } from './xml-assemble';

/** Offsets of every `<command` start tag that is not inside a comment, CDATA section, PI or declaration. */
export function commandStarts(text: string): number[] {
  const starts: number[] = [];
  scanCommandStarts(text, 0, (at) => starts.push(at) > 0);
  return starts;
}

/**
 * The scan of commandStarts from `from` (0, or a command start: the scan only reads forward, so from a command
 * start it finds what a scan from 0 finds after it), calling `found` for each start until it returns false.
 */
export function scanCommandStarts(text: string, from: number, found: (at: number) => boolean): void {
  const pattern = /<(?:command(?=[\s>/])|!|\?)/g;
  pattern.lastIndex = from;
  let match: RegExpExecArray | null;
  while ((match = pattern.exec(text))) {
    const at = match.index;
    const kind = text.charCodeAt(at + 1);
    if (kind === 99) {
      if (!found(at)) return;
    } else if (kind === 63) pattern.lastIndex = skipPast(text, '?>', at + 2);
    else if (text.startsWith('<!--', at)) pattern.lastIndex = skipPast(text, '-->', at + 4);
    else if (text.startsWith('<![CDATA[', at)) pattern.lastIndex = skipPast(text, ']]>', at + 9);
    else pattern.lastIndex = declarationEnd(text, at + 2);
  }
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
    const key = `${contextKey(context)}\u0000${text}`;
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

/** Glues the pieces of one file into a SourceFile (piece by piece, see ./xml-assemble). */
class FileAssembler {
  constructor(
    private readonly text: string,
    private readonly parsePiece: PieceParser,
  ) {}

  assemble(): SourceFile {
    const { text } = this;
    const starts = commandStarts(text);
    const head = this.parsePiece(text.slice(0, starts.length ? starts[0] : text.length), 0, headContext(starts.length > 0));
    const parts: PieceAssembly[] = [assemblePiece(head, FILE_START, 0)];
    const context = commandContext(head, parts[0]);
    let firstIndex = parts[0].commands.length;
    for (let i = 0; i < starts.length; i++) {
      const start = starts[i];
      const end = i + 1 < starts.length ? starts[i + 1] : text.length;
      const part = assemblePiece(this.parsePiece(text.slice(start, end), start, context), parts[parts.length - 1].exit, firstIndex);
      firstIndex += part.commands.length;
      parts.push(part);
    }
    return joinAssemblies(parts, text.length);
  }
}

/** The context of the head piece (prolog, envelope start, sessionId, ...): the start of the document. */
export function headContext(commandsFollow: boolean): FragmentContext {
  return { scope: ROOT_SCOPE, outer: null, atDocumentStart: true, keepEnvelopeOpen: commandsFollow };
}

/** The context of every command piece: inside the envelope the head leaves open, or bare. */
export function commandContext(head: Fragment, assembly: PieceAssembly): FragmentContext {
  for (const item of head.items) {
    if (item.kind === 'element' && item.open && item.node === assembly.envelopeElement) {
      return { scope: item.scope, outer: item.qname, atDocumentStart: false, keepEnvelopeOpen: false };
    }
  }
  return BARE_CONTEXT;
}

const BARE_CONTEXT: FragmentContext = Object.freeze({ scope: BARE_SCOPE, outer: null, atDocumentStart: false, keepEnvelopeOpen: false });

/** A key that differs when two contexts would parse a piece differently. */
export function contextKey(context: FragmentContext): string {
  return `${context.outer ?? ''}|${scopeKey(context.scope)}|${context.atDocumentStart ? 1 : 0}${context.keepEnvelopeOpen ? 1 : 0}`;
}

const defaultParser = new XmlParser();

/** Parses an OCI-P XML file (envelope or bare commands). Never throws; reuses unchanged commands across calls. */
export function parseXml(text: string): SourceFile {
  return defaultParser.parse(text);
}
