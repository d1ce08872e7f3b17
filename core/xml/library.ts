/**
 * fast-xml-parser as core/xml uses it: XMLParser builds the ordered tree, XMLValidator judges well-formedness.
 *
 * The parser is set up to hand over the document untouched: no entity processing at all (processEntities and
 * htmlEntities off: core/xml decodes the five predefined entities and character references itself), values kept as
 * strings and untrimmed, CDATA kept apart ('#cdata'), names kept as written (onDangerousProperty: a tag called
 * "toString" stays "toString"), jPath off (a path string per element would make deep documents quadratic), and
 * captureMetaData on: every element carries the source offsets of its start tag and of the end of its end tag.
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { lineStart } from './errors';

/** One item of the library's ordered output: an element `{ name: children, ':@': attributes }`, text or CDATA. */
export type Entry = Record<string, unknown> & { ':@'?: Record<string, string> };

export interface EntryOffsets {
  /** Offset of the start tag's '<'. */
  startIndex: number;
  /** Offset after the end tag's '>' (undefined when the document ended inside the element). */
  endIndex?: number;
}

export const TEXT = '#text';
export const CDATA = '#cdata';
const META = XMLParser.getMetaDataSymbol() as unknown as symbol;

const parsers = new Map<number, XMLParser>();

/**
 * A parser that refuses to open an element below `maxDepth` levels (the library counts the levels above it); a
 * backstop only: core/xml checks the depth, with a position, before the library runs.
 */
export function parserFor(maxDepth: number): XMLParser {
  let parser = parsers.get(maxDepth);
  if (!parser) {
    parser = new XMLParser({
      preserveOrder: true,
      ignoreAttributes: false,
      attributeNamePrefix: '',
      allowBooleanAttributes: false,
      parseTagValue: false,
      parseAttributeValue: false,
      trimValues: false,
      processEntities: false,
      htmlEntities: false,
      cdataPropName: CDATA,
      ignoreDeclaration: true,
      ignorePiTags: true,
      captureMetaData: true,
      maxNestedTags: Math.max(0, maxDepth - 1),
      jPath: false,
      onDangerousProperty: (name: string) => name,
    });
    parsers.set(maxDepth, parser);
  }
  return parser;
}

/** The element name of an entry; undefined for text and CDATA. */
export function elementName(entry: Entry): string | undefined {
  for (const key in entry) {
    if (key !== ':@') return key === TEXT || key === CDATA ? undefined : key;
  }
  return undefined;
}

export function offsetsOf(entry: Entry): EntryOffsets {
  return (entry as unknown as Record<symbol, EntryOffsets>)[META];
}

export interface ValidatorProblem {
  reason: string;
  offset: number;
}

/** A name or message quoted from the document, cut to a readable length. */
export function shorten(s: string, max = 80): string {
  return s.length <= max ? s : `${s.slice(0, max)}…`;
}

/** Validator messages reworded in this reader's terms (the others are kept as they are). */
const REWORDED: [RegExp, (m: RegExpExecArray) => string][] = [
  [
    /^Expected closing tag '(.*)' \(opened in line \d+, col \d+\) instead of closing tag '(.*)'$/,
    (m) => `</${shorten(m[2])}> does not close <${shorten(m[1])}>`,
  ],
  [/^Closing tag '(.*)' has not been opened$/, (m) => `unexpected </${shorten(m[1])}>`],
  [/^(?:Extra text at the end|char '[^&]' is not expected)$/, () => 'text outside the root element'],
  [/^char '&' is not expected$/, () => "expected an entity reference such as '&amp;' after '&' (write '&amp;' for a literal '&')"],
  [/^Attribute '(.*)' has no space in starting$/, (m) => `expected whitespace before attribute ${shorten(m[1])}`],
  [/^Attribute '(.*)' is repeated$/, (m) => `attribute ${shorten(m[1])} appears twice`],
  [/^Attribute '(.*)' is without value$/, (m) => `the value of attribute ${shorten(m[1])} must be quoted`],
  [/^boolean attribute '(.*)' is not allowed$/, (m) => `attribute ${shorten(m[1])} has no value`],
  [/^Attributes for '(.*)' have open quote$/, (m) => `unterminated attribute value in <${shorten(m[1])}>`],
  [/^Tag '(.*)' is an invalid name$/, (m) => `malformed tag: '${shorten(m[1])}' is not a name`],
  [/^Invalid space after '<'$/, () => "malformed tag: no name after '<' or '</'"],
];

/**
 * XMLValidator's first well-formedness error, positioned as an offset of `text`, in the terms above. Unclosed
 * elements are reported at the end of the document (the validator lists them all, as JSON; the innermost is named),
 * a second root at its '<'. The validator's line/column count skips a byte-order mark, which is added back.
 */
export function validatorProblem(text: string): ValidatorProblem | undefined {
  const result = XMLValidator.validate(text, { allowBooleanAttributes: false });
  if (result === true) return undefined;
  const { msg, line, col } = result.err;
  const bom = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const offset = Math.min(text.length, (line > 1 ? lineStart(text, line) : bom) + (col ?? 1) - 1);
  const reason = msg.replace(/\.$/, '');
  const unclosed = /^Unclosed tag '(.*)'$/.exec(reason) ?? /"([^"]*)"\s*\]' found$/.exec(reason);
  if (unclosed) return { reason: `the document ends inside <${shorten(unclosed[1])}>`, offset: text.length };
  if (reason === 'Start tag expected') return { reason: 'no root element', offset: text.length };
  if (reason === 'Multiple possible root nodes found') return { reason: 'a second root element', offset: text.lastIndexOf('<', offset) };
  for (const [pattern, reword] of REWORDED) {
    const m = pattern.exec(reason);
    if (m) return { reason: reword(m), offset };
  }
  return { reason: shorten(reason, 200), offset };
}
