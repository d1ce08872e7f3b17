/**
 * XML 1.0's Char production: tab, line feed, carriage return, U+0020..U+D7FF, U+E000..U+FFFD and
 * U+10000..U+10FFFF. Anything else (NUL and the other C0 controls, U+FFFE, U+FFFF, a lone surrogate) makes a
 * document not well-formed, and BroadWorks' parser refuses it; both XML readers (core/syntax for the editor,
 * core/xml for the wire and XSDs) report it with its position.
 */
const NOT_XML_CHAR = /[^\t\n\r\x20-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

/** Offsets of the characters of `text` that XML does not allow, in order, at most `max`. One linear scan. */
export function invalidXmlChars(text: string, max: number): number[] {
  const found: number[] = [];
  NOT_XML_CHAR.lastIndex = 0;
  let m: RegExpExecArray | null;
  while (found.length < max && (m = NOT_XML_CHAR.exec(text))) found.push(m.index);
  NOT_XML_CHAR.lastIndex = 0;
  return found;
}

/** "U+0000", "U+FFFE", "U+D800" for the character (or lone surrogate) at `offset`. */
export function codePointName(text: string, offset: number): string {
  return `U+${(text.codePointAt(offset) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;
}

export function invalidXmlCharMessage(text: string, offset: number): string {
  return `the character ${codePointName(text, offset)} is not allowed in XML (XML 1.0 allows tab, line feed, carriage return and the characters from U+0020 on, except U+FFFE, U+FFFF and lone surrogates)`;
}
