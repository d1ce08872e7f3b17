/**
 * A tolerant, single-pass XML scanner that turns one piece of an OCI-P XML file into positioned
 * `ElementNode` trees, with namespace resolution and recovery.
 *
 * Why not @xml-tools/parser: measured on this project's input it needs about 2 s for 10,000 commands
 * (4.6 MB), it cannot skip a DOCTYPE internal subset (so hostile DTDs derail the rest of the file), and it
 * does not report mismatched end tags. This scanner is a plain loop over char codes: linear time, no
 * recursion (deep nesting cannot overflow the stack), and it never expands anything but the five
 * predefined entities and character references: a DTD is reported and skipped, never read or fetched.
 *
 * The piece is parsed on its own (see xml.ts for how a file is split into pieces); `FragmentContext` carries
 * what the piece inherits from around it: the namespace bindings and the name of the open envelope.
 */
import { invalidXmlCharMessage, invalidXmlChars } from '../text/xml-chars';
import type { AttributeNode, ElementNode, Span, SyntaxProblem } from '../tree/types';
import { FirstProblems } from './first-problems';
import { XML_NS, XMLNS_NS, XSD_NS, XSI_NS, declarationEnd, decodeCharData, isAllSpace, isNameChar, isNameStart, isSpace } from './xmlText';
import { xsdCollapse } from '../text/xsd-whitespace';

/** prefix -> namespace URI ('' = the default namespace); inner scopes inherit through the prototype chain. */
export type NsScope = Record<string, string>;

export interface FragmentContext {
  /** Namespace bindings in scope where the fragment starts. */
  scope: NsScope;
  /** Qualified name of the element open around the fragment (the envelope), or null. */
  outer: string | null;
  /** The fragment is the start of the document (an XML declaration may appear at offset 0). */
  atDocumentStart: boolean;
  /** An unclosed top-level `BroadsoftDocument` at the end is expected (commands follow in later pieces). */
  keepEnvelopeOpen: boolean;
}

export interface TopElement {
  kind: 'element';
  node: ElementNode;
  qname: string;
  /** Still open at the end of the fragment (only ever the envelope, see keepEnvelopeOpen). */
  open: boolean;
  /** Bindings in scope inside the element. */
  scope: NsScope;
}

/** An end tag of `FragmentContext.outer`: the envelope closes here. */
export interface TopEnd {
  kind: 'end';
  span: Span;
}

export type TopItem = TopElement | TopEnd;

export interface Fragment {
  items: TopItem[];
  problems: SyntaxProblem[];
}

/** Deeper elements are skipped (reported once), so every consumer may walk the tree recursively. */
export const MAX_DEPTH = 200;
/** Problems kept per piece (the file keeps as many, see xml.ts): the first ones by position. */
export const MAX_FRAGMENT_PROBLEMS = 1000;
/** OCI-P elements have a handful of attributes; beyond this many in one tag the rest are skipped (reported once). */
export const MAX_ATTRIBUTES = 256;
/** Top-level elements that can only be reported as misplaced (see TopElement): beyond this many they are dropped. */
const MAX_STRAY_ELEMENTS = MAX_FRAGMENT_PROBLEMS;
const ENVELOPE = 'BroadsoftDocument';
const COMMAND = 'command';

interface Frame {
  qname: string;
  node: ElementNode;
  scope: NsScope;
  attached: boolean;
  children: ElementNode[];
  text: string;
  contentStart: number;
  /** A child element was seen (kept in `children` only when attached). */
  hadChild: boolean;
  /** End of the last child or non-blank text: where an element that is never closed ends. */
  lastEnd: number;
  /** First piece of non-blank text, for the mixed-content problem. */
  firstText?: Span;
  top?: TopElement;
}

interface RawAttribute {
  qname: string;
  nameSpan: Span;
  value: string;
  valueSpan: Span;
  /** Name through closing quote. */
  span: Span;
}

/** Parses `text`, a piece of a file that starts at offset `base`; every span is absolute (base added). */
export function parseFragment(text: string, context: FragmentContext, base = 0): Fragment {
  return new FragmentScanner(text, context, base).run();
}

class FragmentScanner {
  private pos = 0;
  private readonly problems = new FirstProblems(MAX_FRAGMENT_PROBLEMS);
  private readonly items: TopItem[] = [];
  private readonly stack: Frame[] = [];
  /**
   * Elements open below MAX_DEPTH: only where their names are (piece offsets). Their content is ignored, so
   * a hostile `<a<a<a…` costs two numbers per element instead of a frame and a node.
   */
  private readonly deepNameStarts: number[] = [];
  private readonly deepNameEnds: number[] = [];
  private readonly openCount = new Map<string, number>();
  private reportedDepth = false;
  private strayElements = 0;

  constructor(
    private readonly text: string,
    private readonly context: FragmentContext,
    private readonly base: number,
  ) {}

  /** Scanner positions are piece-relative; everything handed out is absolute. */
  private at(start: number, end: number): Span {
    return { start: start + this.base, end: end + this.base };
  }

  private abs(span: Span): Span {
    return this.at(span.start, span.end);
  }

  run(): Fragment {
    const { text } = this;
    const length = text.length;
    for (const at of invalidXmlChars(text, MAX_FRAGMENT_PROBLEMS)) {
      const message = invalidXmlCharMessage(text, at);
      this.syntax(at, at + (text.codePointAt(at)! > 0xffff ? 2 : 1), `${message[0].toUpperCase()}${message.slice(1)}.`);
    }
    while (this.pos < length) {
      const lt = text.indexOf('<', this.pos);
      const textEnd = lt < 0 ? length : lt;
      if (textEnd > this.pos) this.characters(this.pos, textEnd);
      if (lt < 0) break;
      this.pos = lt;
      this.markup();
    }
    this.finish();
    return { items: this.items, problems: this.problems.sorted() };
  }

  private problem(code: string, span: Span, message: string): void {
    this.problems.push({ code, span, message });
  }

  private syntax(start: number, end: number, message: string): void {
    this.problem('OCI-XML-SYNTAX', this.at(start, Math.max(start, end)), message);
  }

  // ---- text ---------------------------------------------------------------------------------------------

  private characters(start: number, end: number): void {
    if (this.deepNameStarts.length > 0) return; // inside ignored elements
    const frame = this.stack[this.stack.length - 1];
    const raw = this.text.slice(start, end);
    if (!frame) {
      if (!isAllSpace(raw)) {
        const span = trimmedSpan(this.text, start, end);
        this.syntax(
          span.start,
          span.end,
          this.context.outer
            ? `Text is not allowed between the elements of <${this.context.outer}>: expected an element such as <command>.`
            : 'Text outside of any element: expected <command> or <BroadsoftDocument>.',
        );
      }
      return;
    }
    const decoded = decodeCharData(this.text, start, end, this.base, false, this.problems);
    if (frame.attached) frame.text += decoded;
    if (!isAllSpace(raw)) {
      frame.firstText ??= this.abs(trimmedSpan(this.text, start, end));
      frame.lastEnd = end;
    }
  }

  // ---- markup dispatch ----------------------------------------------------------------------------------

  private markup(): void {
    const { text, pos } = this;
    const next = text.charCodeAt(pos + 1);
    if (next === 47) this.endTag();
    else if (next === 33) {
      if (text.startsWith('<!--', pos)) this.comment();
      else if (text.startsWith('<![CDATA[', pos)) this.cdata();
      else if (text.startsWith('<!DOCTYPE', pos)) this.declaration('DOCTYPE');
      else if (/^<!(ENTITY|ELEMENT|ATTLIST|NOTATION)/.test(text.slice(pos, pos + 10))) this.declaration('DTD');
      else {
        const end = this.skipTo(pos + 2);
        this.syntax(pos, end, "Unexpected '<!': expected a comment '<!--' or a CDATA section '<![CDATA['.");
      }
    } else if (next === 63) this.processingInstruction();
    else if (isNameStart(next)) this.startTag();
    else {
      this.syntax(pos, pos + 1, "Expected an element name after '<' (write '&lt;' for a literal '<').");
      this.pos = pos + 1;
    }
  }

  /** Position after the next '>' (or at the next '<', or the end), for skipping junk linearly. */
  private skipTo(from: number): number {
    const { text } = this;
    for (let i = from; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 62) return (this.pos = i + 1);
      if (c === 60) return (this.pos = i);
    }
    return (this.pos = text.length);
  }

  private comment(): void {
    const end = this.text.indexOf('-->', this.pos + 4);
    if (end < 0) {
      this.syntax(this.pos, this.pos + 4, "Comment is not closed: expected '-->'.");
      this.pos = this.text.length;
    } else this.pos = end + 3;
  }

  private cdata(): void {
    const start = this.pos;
    const contentStart = start + 9;
    let end = this.text.indexOf(']]>', contentStart);
    if (end < 0) {
      this.syntax(start, contentStart, "CDATA section is not closed: expected ']]>'.");
      end = this.text.length;
      this.pos = end;
    } else this.pos = end + 3;
    if (this.deepNameStarts.length > 0) return; // inside ignored elements
    const frame = this.stack[this.stack.length - 1];
    if (!frame) {
      this.syntax(start, this.pos, 'CDATA section outside of any element: expected <command> or <BroadsoftDocument>.');
      return;
    }
    const content = this.text.slice(contentStart, end);
    if (frame.attached) frame.text += content.includes('\r') ? content.replace(/\r\n?/g, '\n') : content;
    frame.lastEnd = this.pos;
    if (!frame.firstText && content.length > 0 && !isAllSpace(content)) frame.firstText = this.at(start, this.pos);
  }

  /** <!DOCTYPE …> or a stray markup declaration: reported and skipped, quotes and [subset] included. */
  private declaration(kind: 'DOCTYPE' | 'DTD'): void {
    const start = this.pos;
    this.pos = declarationEnd(this.text, start + 2);
    this.problem(
      'OCI-XML-DTD',
      this.at(start, this.pos),
      kind === 'DOCTYPE'
        ? 'DOCTYPE declarations are not allowed in OCI-P documents: the DTD is ignored, its entities are never expanded and nothing it names is loaded.'
        : 'Markup declarations (<!ENTITY>, <!ELEMENT>, …) are not allowed in OCI-P documents: ignored, never expanded.',
    );
  }

  private processingInstruction(): void {
    const { text } = this;
    const start = this.pos;
    let nameEnd = start + 2;
    while (nameEnd < text.length && isNameChar(text.charCodeAt(nameEnd))) nameEnd++;
    const target = text.slice(start + 2, nameEnd);
    const end = text.indexOf('?>', nameEnd);
    this.pos = end < 0 ? text.length : end + 2;
    if (end < 0) this.syntax(start, nameEnd, "Processing instruction is not closed: expected '?>'.");
    if (target.toLowerCase() === 'xml') {
      const atStart = this.context.atDocumentStart && (start === 0 || (start === 1 && text.charCodeAt(0) === 0xfeff));
      if (!atStart) this.syntax(start, nameEnd, 'The XML declaration <?xml …?> must be at the very start of the file.');
    }
  }

  // ---- tags ---------------------------------------------------------------------------------------------

  private readName(from: number): number {
    const { text } = this;
    let i = from;
    while (i < text.length && isNameChar(text.charCodeAt(i))) i++;
    return i;
  }

  private startTag(): void {
    const { text } = this;
    const start = this.pos;
    const nameStart = start + 1;
    const nameEnd = this.readName(nameStart);
    const qname = text.slice(nameStart, nameEnd);
    const attributes: RawAttribute[] = [];
    let i = nameEnd;
    let selfClosing = false;
    let junkReported = false;
    let attributeCount = 0;
    for (;;) {
      const spaceStart = i;
      while (i < text.length && isSpace(text.charCodeAt(i))) i++;
      if (i >= text.length) {
        this.syntax(nameStart, nameEnd, `Start tag <${qname}> is not closed: expected '>'.`);
        break;
      }
      const c = text.charCodeAt(i);
      if (c === 62) {
        i++;
        break;
      }
      if (c === 47 && text.charCodeAt(i + 1) === 62) {
        i += 2;
        selfClosing = true;
        break;
      }
      if (c === 60) {
        this.syntax(nameStart, nameEnd, `Start tag <${qname}> is not closed: expected '>' before the next '<'.`);
        break;
      }
      if (isNameStart(c)) {
        if (i === spaceStart) this.syntax(i, i + 1, 'Expected whitespace between attributes.');
        const attribute = this.attribute(i, qname);
        i = attribute.next;
        if (attribute.attribute && ++attributeCount <= MAX_ATTRIBUTES) attributes.push(attribute.attribute);
        else if (attributeCount === MAX_ATTRIBUTES + 1) {
          this.syntax(
            attribute.attribute!.nameSpan.start,
            attribute.attribute!.nameSpan.end,
            `More than ${MAX_ATTRIBUTES} attributes in <${qname}>: the rest are ignored.`,
          );
        }
        if (attribute.broken) break;
        continue;
      }
      // Junk inside a tag: report once, skip to the next space, '>' or '<' (keeps the loop linear).
      let j = i + 1;
      while (
        j < text.length &&
        !isSpace(text.charCodeAt(j)) &&
        text.charCodeAt(j) !== 62 &&
        text.charCodeAt(j) !== 60 &&
        text.charCodeAt(j) !== 47
      )
        j++;
      if (!junkReported)
        this.syntax(
          i,
          j,
          `Unexpected '${text.slice(i, Math.min(j, i + 20))}' in start tag <${qname}>: expected an attribute name="value", '>' or '/>'.`,
        );
      junkReported = true;
      i = j === i ? i + 1 : j;
    }
    this.pos = i;
    this.openElement(qname, { start: nameStart, end: nameEnd }, start, i, attributes, selfClosing);
  }

  /** One attribute at `from`; `broken` ends the tag (an unterminated value ran into '<' or the end). */
  private attribute(from: number, owner: string): { attribute?: RawAttribute; next: number; broken?: boolean } {
    const { text } = this;
    const nameEnd = this.readName(from);
    const qname = text.slice(from, nameEnd);
    const nameSpan = { start: from, end: nameEnd };
    let i = nameEnd;
    while (i < text.length && isSpace(text.charCodeAt(i))) i++;
    if (text.charCodeAt(i) !== 61) {
      this.syntax(from, nameEnd, `Attribute '${qname}' of <${owner}> has no value: expected ${qname}="…".`);
      return { attribute: { qname, nameSpan, value: '', valueSpan: { start: nameEnd, end: nameEnd }, span: nameSpan }, next: nameEnd };
    }
    i++;
    while (i < text.length && isSpace(text.charCodeAt(i))) i++;
    const quote = text.charCodeAt(i);
    if (quote === 34 || quote === 39) {
      let j = i + 1;
      while (j < text.length && text.charCodeAt(j) !== quote && text.charCodeAt(j) !== 60) j++;
      const valueSpan = { start: i + 1, end: j };
      const value = decodeCharData(text, i + 1, j, this.base, true, this.problems);
      if (text.charCodeAt(j) === quote) {
        return { attribute: { qname, nameSpan, value, valueSpan, span: { start: from, end: j + 1 } }, next: j + 1 };
      }
      this.syntax(i, j, `Value of attribute '${qname}' is not closed: expected ${String.fromCharCode(quote)}.`);
      return { attribute: { qname, nameSpan, value, valueSpan, span: { start: from, end: j } }, next: j, broken: true };
    }
    let j = i;
    while (
      j < text.length &&
      !isSpace(text.charCodeAt(j)) &&
      text.charCodeAt(j) !== 62 &&
      text.charCodeAt(j) !== 60 &&
      !(text.charCodeAt(j) === 47 && text.charCodeAt(j + 1) === 62)
    )
      j++;
    // At the very end of the text there is no character to mark: the span stays empty rather than run past it.
    this.syntax(i, Math.max(j, Math.min(i + 1, text.length)), `Value of attribute '${qname}' must be in quotes: expected ${qname}="…".`);
    const value = decodeCharData(text, i, j, this.base, true, this.problems);
    return { attribute: { qname, nameSpan, value, valueSpan: { start: i, end: j }, span: { start: from, end: j } }, next: j };
  }

  private openElement(qname: string, qnameSpan: Span, start: number, tagEnd: number, raw: RawAttribute[], selfClosing: boolean): void {
    if (this.stack.length >= MAX_DEPTH) {
      if (!this.reportedDepth) {
        this.reportedDepth = true;
        this.syntax(qnameSpan.start, qnameSpan.end, `Elements nested deeper than ${MAX_DEPTH} levels are ignored.`);
      }
      if (!selfClosing) {
        this.deepNameStarts.push(qnameSpan.start);
        this.deepNameEnds.push(qnameSpan.end);
        this.openCount.set(qname, (this.openCount.get(qname) ?? 0) + 1);
      }
      return;
    }
    const parent = this.stack[this.stack.length - 1];
    const parentScope = parent ? parent.scope : this.context.scope;
    const scope = this.declareNamespaces(raw, parentScope);
    const colon = qname.indexOf(':');
    const prefix = colon > 0 ? qname.slice(0, colon) : '';
    const nameSpan = this.at(qnameSpan.start + (colon > 0 ? colon + 1 : 0), qnameSpan.end);
    const node: ElementNode = {
      name: colon > 0 ? qname.slice(colon + 1) : qname,
      nameSpan,
      span: this.at(start, tagEnd),
      namespace: this.resolvePrefix(prefix, scope, { start: qnameSpan.start, end: qnameSpan.start + colon }, true),
    };
    this.attributes(node, raw, scope);

    // A misplaced top-level element is only reported by name (xml.ts), so its content is not kept, and past
    // as many as problems are reported it is not kept either.
    const stray = !parent && this.isStray(node.name);
    const attached = parent ? parent.attached : !stray || ++this.strayElements <= MAX_STRAY_ELEMENTS;
    let top: TopElement | undefined;
    if (parent) {
      if (attached) parent.children.push(node);
      parent.hadChild = true;
      parent.lastEnd = tagEnd;
    } else if (!parent && attached) this.items.push((top = { kind: 'element', node, qname, open: false, scope }));
    const keepsContent = attached && !stray;
    if (selfClosing) {
      // `<a/>` has the empty value, placed at the '/' of '/>'.
      if (!node.nil) node.value = { text: '', span: this.at(tagEnd - 2, tagEnd - 2) };
      return;
    }
    this.stack.push({
      qname,
      node,
      scope,
      attached: keepsContent,
      children: [],
      hadChild: false,
      text: '',
      contentStart: tagEnd,
      lastEnd: tagEnd,
      top,
    });
    this.openCount.set(qname, (this.openCount.get(qname) ?? 0) + 1);
  }

  /**
   * A top-level element that xml.ts can only report as misplaced: outside an envelope (no `outer`) only
   * <command> and <BroadsoftDocument> are taken.
   */
  private isStray(name: string): boolean {
    return this.context.outer === null && name !== COMMAND && name !== ENVELOPE;
  }

  private declareNamespaces(raw: RawAttribute[], parentScope: NsScope): NsScope {
    let scope = parentScope;
    for (const a of raw) {
      if (a.qname !== 'xmlns' && !a.qname.startsWith('xmlns:')) continue;
      if (scope === parentScope) scope = Object.create(parentScope) as NsScope;
      const prefix = a.qname === 'xmlns' ? '' : a.qname.slice(6);
      if (prefix && a.value === '') {
        this.problem('OCI-XML-NAMESPACE', this.abs(a.span), `The prefix '${prefix}' cannot be bound to an empty namespace.`);
        continue;
      }
      // defineProperty, not assignment: an inherited read-only binding (the frozen root scopes) would make
      // `scope[prefix] = …` throw in strict mode; a declaration shadows it instead.
      Object.defineProperty(scope, prefix, { value: a.value, writable: true, enumerable: true, configurable: true });
    }
    return scope;
  }

  /** The namespace of `prefix` ('' = default, used for element names only); reports an undeclared prefix. */
  private resolvePrefix(prefix: string, scope: NsScope, span: Span, element: boolean): string {
    if (!prefix) return element ? (scope[''] ?? '') : '';
    if (prefix === 'xml') return XML_NS;
    const uri = scope[prefix];
    if (uri !== undefined) return uri;
    this.problem(
      'OCI-XML-NAMESPACE',
      this.abs(span),
      `Namespace prefix '${prefix}' is not declared: add xmlns:${prefix}="…" to this or an enclosing element.`,
    );
    return '';
  }

  private attributes(node: ElementNode, raw: RawAttribute[], scope: NsScope): void {
    const seen = new Set<string>();
    const others: AttributeNode[] = [];
    for (const a of raw) {
      if (seen.has(a.qname)) {
        this.syntax(a.nameSpan.start, a.nameSpan.end, `Attribute '${a.qname}' is given twice.`);
        continue;
      }
      seen.add(a.qname);
      const colon = a.qname.indexOf(':');
      const isDeclaration = a.qname === 'xmlns' || a.qname.startsWith('xmlns:');
      const uri =
        colon > 0 && !isDeclaration
          ? this.resolvePrefix(a.qname.slice(0, colon), scope, { start: a.nameSpan.start, end: a.nameSpan.start + colon }, false)
          : '';
      const local = a.qname.slice(colon + 1);
      if (uri === XSI_NS && local === 'type') {
        node.xsiType = { text: this.qnameLocalPart(a, scope), span: this.abs(a.valueSpan) };
      } else if (uri === XSI_NS && local === 'nil') {
        const flag = xsdCollapse(a.value);
        if (flag === 'true' || flag === '1') node.nil = this.abs(a.span);
        else if (flag === 'false' || flag === '0') node.nilFalse = this.abs(a.span);
        else {
          this.syntax(a.valueSpan.start, a.valueSpan.end, `xsi:nil must be "true" or "false", not "${a.value}".`);
        }
      } else {
        others.push({
          name: a.qname,
          namespace: isDeclaration ? XMLNS_NS : uri,
          nameSpan: this.abs(a.nameSpan),
          value: { text: a.value, span: this.abs(a.valueSpan) },
        });
      }
    }
    if (others.length) node.attributes = others;
  }

  /** xsi:type holds a QName: check its prefix, keep its local part. */
  private qnameLocalPart(a: RawAttribute, scope: NsScope): string {
    const value = xsdCollapse(a.value);
    const colon = value.indexOf(':');
    if (colon <= 0) return value;
    const prefix = value.slice(0, colon);
    if (prefix !== 'xml' && scope[prefix] === undefined) {
      this.problem(
        'OCI-XML-NAMESPACE',
        this.abs(a.valueSpan),
        `Namespace prefix '${prefix}' of the type '${value}' is not declared: add xmlns:${prefix}="…".`,
      );
    }
    // An XSD built-in keeps the model's spelling ("xs:token"), whatever the prefix bound to the XMLSchema namespace.
    if (scope[prefix] === XSD_NS) return `xs:${value.slice(colon + 1)}`;
    return value.slice(colon + 1);
  }

  private endTag(): void {
    const { text } = this;
    const start = this.pos;
    const nameStart = start + 2;
    const nameEnd = this.readName(nameStart);
    const name = text.slice(nameStart, nameEnd);
    let i = nameEnd;
    while (i < text.length && isSpace(text.charCodeAt(i))) i++;
    if (text.charCodeAt(i) === 62) this.pos = i + 1;
    else {
      this.syntax(start, Math.max(nameEnd, start + 2), `End tag </${name}> is not closed: expected '>'.`);
      if (i < text.length && text.charCodeAt(i) !== 60) this.skipTo(i);
      else this.pos = i;
    }
    const end = this.pos;
    if (!name) {
      this.syntax(start, start + 2, "Expected an element name after '</'.");
      return;
    }
    const top = this.topName();
    if (top === name) {
      this.pop(start, end);
    } else if ((this.openCount.get(name) ?? 0) > 0) {
      while (this.topName() !== name) this.popUnclosed(`before </${name}>`);
      this.pop(start, end);
    } else if (this.context.outer !== null && name === this.context.outer) {
      while (this.topName() !== undefined) this.popUnclosed(`before </${name}>`);
      this.items.push({ kind: 'end', span: this.at(start, end) });
    } else if (top !== undefined) {
      // Most often a typo in the end tag's name: let it close the current element, so its siblings stay siblings.
      this.syntax(start, end, `Unexpected end tag </${name}>: expected </${top}>.`);
      this.pop(start, end);
    } else {
      this.syntax(start, end, `Unexpected end tag </${name}>: no element is open.`);
    }
  }

  /** Qualified name of the innermost open element, if any. */
  private topName(): string | undefined {
    const deep = this.deepNameStarts.length;
    if (deep > 0) return this.text.slice(this.deepNameStarts[deep - 1], this.deepNameEnds[deep - 1]);
    return this.stack[this.stack.length - 1]?.qname;
  }

  private unclosed(qname: string, nameSpan: Span, where: string): void {
    if (!this.problems.accepts(nameSpan)) return; // skip building messages that would be dropped
    this.problem('OCI-XML-SYNTAX', nameSpan, `Element <${qname}> is not closed: expected </${qname}> ${where}.`);
  }

  private closed(qname: string): void {
    const count = this.openCount.get(qname)! - 1;
    if (count) this.openCount.set(qname, count);
    else this.openCount.delete(qname);
  }

  /** Closes the innermost element of the ignored ones below MAX_DEPTH; `unclosedWhere`: it has no end tag. */
  private popDeep(end: number, unclosedWhere?: string): void {
    const start = this.deepNameStarts.pop()!;
    const nameEnd = this.deepNameEnds.pop()!;
    const qname = this.text.slice(start, nameEnd);
    if (unclosedWhere !== undefined) this.unclosed(qname, this.at(start, nameEnd), unclosedWhere);
    else if (this.deepNameStarts.length === 0) this.stack[this.stack.length - 1].lastEnd = end;
    this.closed(qname);
  }

  /** Closes the innermost element; its content ends at `contentEnd`, the element at `end`. */
  private pop(contentEnd: number, end: number): void {
    if (this.deepNameStarts.length > 0) return this.popDeep(end);
    const frame = this.stack.pop()!;
    this.closed(frame.qname);
    const { node } = frame;
    node.span = { start: node.span.start, end: end + this.base };
    const parent = this.stack[this.stack.length - 1];
    if (parent) parent.lastEnd = end;
    if (frame.hadChild) {
      node.children = frame.children;
      if (frame.firstText) {
        this.problem(
          'OCI-XML-MIXED',
          frame.firstText,
          `Text is not allowed next to child elements in <${frame.qname}>: an element has either a value or child elements.`,
        );
      }
    } else if (!node.nil || frame.text !== '') {
      // A nil element keeps even whitespace content: the schema refuses any character in it.
      node.value = { text: frame.text, span: this.at(frame.contentStart, Math.max(frame.contentStart, contentEnd)) };
    }
  }

  /** Reports the innermost element as not closed `where`, and closes it where its content was last seen. */
  private popUnclosed(where: string): void {
    if (this.deepNameStarts.length > 0) return this.popDeep(0, where);
    const frame = this.stack[this.stack.length - 1];
    this.unclosed(frame.qname, frame.node.nameSpan, where);
    this.pop(frame.lastEnd, frame.lastEnd);
  }

  private finish(): void {
    const { text, stack } = this;
    const bottom = stack[0];
    const keepBottom = this.context.keepEnvelopeOpen && bottom?.top !== undefined && bottom.node.name === 'BroadsoftDocument';
    while (this.deepNameStarts.length > 0 || stack.length > (keepBottom ? 1 : 0)) this.popUnclosed('at the end');
    if (keepBottom) {
      this.pop(text.length, text.length);
      bottom.top!.open = true;
    }
  }
}

function trimmedSpan(text: string, start: number, end: number): Span {
  let s = start;
  let e = end;
  while (s < e && isSpace(text.charCodeAt(s))) s++;
  while (e > s && isSpace(text.charCodeAt(e - 1))) e--;
  return { start: s, end: e };
}
