/**
 * One strict, safe XML reader for whole documents: server responses (core/ocip), requests to the simulator
 * (sim/xml) and XSD files (core/xsd). It builds a small namespace-aware element tree in one linear pass.
 *
 * Safety: nothing is ever expanded but the five predefined entities and numeric character references; any other
 * reference is an error. A DOCTYPE is rejected (default) or skipped unread ('skip'); a stray <!ENTITY …> is always
 * rejected. Nesting is bounded (consumers walk the tree recursively). Every error carries its position.
 * The editor's tolerant front end (core/syntax/xmlFragment.ts) is a different thing: it recovers and reports many
 * problems; this one stops at the first.
 */
import { declarationEnd, isNameChar, isNameStart, isSpace } from '../syntax/xmlText';
import { decodeXmlText } from './text';
import { XmlError, type XmlErrorKind } from './errors';

export const XML_NS = 'http://www.w3.org/XML/1998/namespace';
export const XMLNS_NS = 'http://www.w3.org/2000/xmlns/';
export const XSI_NS = 'http://www.w3.org/2001/XMLSchema-instance';

export interface XmlSpan {
  /** Offset of the start tag's '<'. */
  start: number;
  /** Offset just after the end tag's (or the empty-element tag's) '>'. */
  end: number;
}

export interface XmlAttribute {
  /** As written, e.g. "xsi:type". */
  name: string;
  local: string;
  /** Namespace URI ('' = none; namespace declarations are in XMLNS_NS). */
  ns: string;
  /** Decoded value. */
  value: string;
}

export interface XmlElement {
  /** As written, e.g. "C:BroadsoftDocument". */
  name: string;
  local: string;
  /** Namespace URI ('' = none). */
  ns: string;
  /** Every attribute in document order, namespace declarations included. */
  attributes: XmlAttribute[];
  /** Attribute values by name as written (namespace declarations included). */
  attrs: Record<string, string>;
  children: XmlElement[];
  /** Character data directly inside the element (text and CDATA, decoded), concatenated. */
  text: string;
  /** Namespace bindings in scope: prefix ('' = default) → URI. Shared with the parent when unchanged. */
  scope: ReadonlyMap<string, string>;
  /** Source offsets, when `spans` was asked for. */
  span?: XmlSpan;
}

export interface XmlTreeOptions {
  /** Record every element's source span. Default false. */
  spans?: boolean;
  /** A DOCTYPE: an error ('reject', default) or skipped unread, its entities never defined ('skip'). */
  doctype?: 'reject' | 'skip';
  /** An undeclared namespace prefix: an error ('error', default) or no namespace ('no-namespace'). */
  undeclaredPrefixes?: 'error' | 'no-namespace';
  /** Elements nested deeper than this are an error. Default 1000. */
  maxDepth?: number;
}

const DEFAULT_MAX_DEPTH = 1000;
const ROOT_SCOPE: ReadonlyMap<string, string> = new Map([['xml', XML_NS]]);

/** Parses a complete document with exactly one root element. Throws XmlError (with its position) on anything else. */
export function parseXmlTree(text: string, options: XmlTreeOptions = {}): XmlElement {
  return new TreeReader(text, options).read();
}

class TreeReader {
  private readonly open: XmlElement[] = [];
  private root?: XmlElement;
  private readonly maxDepth: number;

  constructor(
    private readonly text: string,
    private readonly options: XmlTreeOptions,
  ) {
    this.maxDepth = options.maxDepth ?? DEFAULT_MAX_DEPTH;
  }

  read(): XmlElement {
    const { text } = this;
    let at = text.charCodeAt(0) === 0xfeff ? 1 : 0;
    while (at < text.length) {
      const lt = text.indexOf('<', at);
      const textEnd = lt < 0 ? text.length : lt;
      if (textEnd > at) this.characters(at, textEnd);
      if (lt < 0) break;
      at = this.markup(lt);
    }
    const inner = this.open[this.open.length - 1];
    if (inner) this.fail('malformed', `the document ends inside <${inner.name}>`, text.length);
    if (!this.root) this.fail('malformed', 'no root element', text.length);
    return this.root;
  }

  private fail(kind: XmlErrorKind, reason: string, offset: number): never {
    throw new XmlError(kind, reason, this.text, offset);
  }

  private characters(start: number, end: number): void {
    const inner = this.open[this.open.length - 1];
    if (inner) {
      inner.text += decodeXmlText(this.text, start, end, false, (kind, reason, at) => this.fail(kind, reason, at));
      return;
    }
    for (let i = start; i < end; i++) {
      if (!isSpace(this.text.charCodeAt(i))) this.fail('malformed', 'text outside the root element', i);
    }
  }

  /** Reads the markup at `lt` ('<'); returns the offset after it. */
  private markup(lt: number): number {
    const { text } = this;
    const next = text.charCodeAt(lt + 1);
    if (next === 0x3f /* ? */) return this.until(lt, '?>', 'processing instruction');
    if (next === 0x2f /* / */) return this.endTag(lt);
    if (next !== 0x21 /* ! */) return this.startTag(lt);
    if (text.startsWith('<!--', lt)) return this.until(lt, '-->', 'comment');
    if (text.startsWith('<![CDATA[', lt)) {
      const inner = this.open[this.open.length - 1];
      if (!inner) this.fail('malformed', 'CDATA section outside the root element', lt);
      const end = this.until(lt, ']]>', 'CDATA section');
      const content = text.slice(lt + 9, end - 3);
      inner.text += content.includes('\r') ? content.replace(/\r\n?/g, '\n') : content;
      return end;
    }
    if (text.startsWith('<!DOCTYPE', lt) && this.options.doctype === 'skip' && !this.root) return this.skipDoctype(lt);
    return this.fail('doctype', 'a DOCTYPE or entity declaration (never expanded)', lt);
  }

  private until(lt: number, terminator: string, what: string): number {
    const end = this.text.indexOf(terminator, lt + 2);
    if (end < 0) this.fail('malformed', `unterminated ${what}`, lt);
    return end + terminator.length;
  }

  /** Skips a DOCTYPE, quoted strings and an internal [subset] included, without reading anything in it. */
  private skipDoctype(lt: number): number {
    const end = declarationEnd(this.text, lt + 2);
    if (this.text.charCodeAt(end - 1) !== 0x3e) this.fail('malformed', 'unterminated DOCTYPE', lt);
    return end;
  }

  private readName(from: number, what: string): number {
    const { text } = this;
    if (!isNameStart(text.charCodeAt(from))) this.fail('malformed', `malformed ${what}`, from);
    let i = from + 1;
    while (i < text.length && isNameChar(text.charCodeAt(i))) i++;
    return i;
  }

  private skipSpaces(from: number): number {
    let i = from;
    while (i < this.text.length && isSpace(this.text.charCodeAt(i))) i++;
    return i;
  }

  private startTag(lt: number): number {
    const { text } = this;
    const nameEnd = this.readName(lt + 1, 'start tag');
    const name = text.slice(lt + 1, nameEnd);
    const raw: [name: string, value: string][] = [];
    let i = nameEnd;
    let empty = false;
    for (;;) {
      const spaced = this.skipSpaces(i);
      const c = text.charCodeAt(spaced);
      if (spaced >= text.length) this.fail('malformed', `unterminated start tag <${name}>`, lt);
      if (c === 0x3e /* > */) {
        i = spaced + 1;
        break;
      }
      if (c === 0x2f /* / */ && text.charCodeAt(spaced + 1) === 0x3e) {
        i = spaced + 2;
        empty = true;
        break;
      }
      if (spaced === i) this.fail('malformed', `expected whitespace, '>' or '/>' in start tag <${name}>`, spaced);
      i = this.attribute(spaced, name, raw);
    }
    const element = this.element(name, raw, lt);
    if (this.options.spans) element.span = { start: lt, end: i };
    if (!empty) {
      if (this.open.length >= this.maxDepth) this.fail('malformed', `elements nested deeper than ${this.maxDepth} levels`, lt);
      this.open.push(element);
    }
    return i;
  }

  /** One attribute at `from`, appended to `raw`; returns the offset after its closing quote. */
  private attribute(from: number, owner: string, raw: [string, string][]): number {
    const { text } = this;
    const nameEnd = this.readName(from, `attribute in <${owner}>`);
    const name = text.slice(from, nameEnd);
    let i = this.skipSpaces(nameEnd);
    if (text.charCodeAt(i) !== 0x3d /* = */) this.fail('malformed', `attribute ${name} of <${owner}> has no value`, from);
    i = this.skipSpaces(i + 1);
    const quote = text.charCodeAt(i);
    if (quote !== 0x22 && quote !== 0x27) this.fail('malformed', `the value of attribute ${name} of <${owner}> must be quoted`, i);
    const close = text.indexOf(quote === 0x22 ? '"' : "'", i + 1);
    if (close < 0) this.fail('malformed', `unterminated value of attribute ${name} of <${owner}>`, i);
    const lt = text.indexOf('<', i + 1);
    if (lt >= 0 && lt < close) this.fail('malformed', `'<' in the value of attribute ${name} of <${owner}>`, lt);
    if (raw.some(([n]) => n === name)) this.fail('malformed', `attribute ${name} appears twice in <${owner}>`, from);
    raw.push([name, decodeXmlText(text, i + 1, close, true, (kind, reason, at) => this.fail(kind, reason, at))]);
    return close + 1;
  }

  /** Builds the element (namespaces resolved) and attaches it to its parent or as the root. */
  private element(name: string, raw: [string, string][], lt: number): XmlElement {
    const parent = this.open[this.open.length - 1];
    let scope = parent ? parent.scope : ROOT_SCOPE;
    for (const [attrName, value] of raw) {
      if (attrName !== 'xmlns' && !attrName.startsWith('xmlns:')) continue;
      if (scope === (parent ? parent.scope : ROOT_SCOPE)) scope = new Map(scope);
      (scope as Map<string, string>).set(attrName === 'xmlns' ? '' : attrName.slice(6), value);
    }
    const attributes: XmlAttribute[] = [];
    const attrs: Record<string, string> = {};
    for (const [attrName, value] of raw) {
      const colon = attrName.indexOf(':');
      const declaration = attrName === 'xmlns' || attrName.startsWith('xmlns:');
      const ns = declaration ? XMLNS_NS : colon > 0 ? this.namespaceOf(attrName.slice(0, colon), scope, `attribute ${attrName}`, lt) : '';
      attributes.push({ name: attrName, local: attrName.slice(colon + 1), ns, value });
      attrs[attrName] = value;
    }
    const colon = name.indexOf(':');
    const prefix = colon > 0 ? name.slice(0, colon) : '';
    const ns = prefix ? this.namespaceOf(prefix, scope, `element <${name}>`, lt) : (scope.get('') ?? '');
    const element: XmlElement = { name, local: name.slice(colon + 1), ns, attributes, attrs, children: [], text: '', scope };
    if (parent) parent.children.push(element);
    else if (this.root) this.fail('malformed', 'a second root element', lt);
    else this.root = element;
    return element;
  }

  private namespaceOf(prefix: string, scope: ReadonlyMap<string, string>, what: string, at: number): string {
    const uri = scope.get(prefix);
    if (uri !== undefined) return uri;
    if (this.options.undeclaredPrefixes === 'no-namespace') return '';
    return this.fail('namespace', `undeclared namespace prefix '${prefix}' on ${what}`, at);
  }

  private endTag(lt: number): number {
    const { text } = this;
    const nameEnd = this.readName(lt + 2, 'end tag');
    const name = text.slice(lt + 2, nameEnd);
    const close = this.skipSpaces(nameEnd);
    if (text.charCodeAt(close) !== 0x3e) this.fail('malformed', `malformed end tag </${name}>`, lt);
    const inner = this.open.pop();
    if (!inner) this.fail('malformed', `unexpected </${name}>`, lt);
    if (inner.name !== name) this.fail('malformed', `</${name}> does not close <${inner.name}>`, lt);
    if (inner.span) inner.span.end = close + 1;
    return close + 1;
  }
}
