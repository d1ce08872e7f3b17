/**
 * XML escaping for the encoder. `latin1` (documents declared ISO-8859-1) turns every character above
 * U+00FF into a numeric character reference, so the bytes always match the declaration.
 * A lone surrogate cannot be encoded in any charset and becomes U+FFFD.
 */

const TEXT_UTF8 = /[&<>\r]|[\uD800-\uDFFF]/gu;
const TEXT_LATIN1 = /[&<>\r]|[^\u0000-\u00FF]/gu;
const ATTR_UTF8 = /[&<>"\r\n\t]|[\uD800-\uDFFF]/gu;
const ATTR_LATIN1 = /[&<>"\r\n\t]|[^\u0000-\u00FF]/gu;

const NAMED: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };

function replaceOne(ch: string, latin1: boolean): string {
  const named = NAMED[ch];
  if (named) return named;
  const cp = ch.codePointAt(0)!;
  if (cp >= 0xd800 && cp <= 0xdfff) return latin1 ? '&#65533;' : '\uFFFD';
  return `&#${cp};`;
}

/** Character data: & < > escaped (and \r, which a parser would otherwise turn into \n). */
export function escapeText(text: string, latin1: boolean): string {
  const pattern = latin1 ? TEXT_LATIN1 : TEXT_UTF8;
  return text.replace(pattern, (ch) => replaceOne(ch, latin1));
}

/** A double-quoted attribute value: also " and the whitespace characters attribute normalisation would lose. */
export function escapeAttribute(text: string, latin1: boolean): string {
  const pattern = latin1 ? ATTR_LATIN1 : ATTR_UTF8;
  return text.replace(pattern, (ch) => replaceOne(ch, latin1));
}
