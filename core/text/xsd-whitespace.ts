/**
 * XSD whitespace, the one definition every check, rule and table comparison uses.
 *
 * XSD's `replace` and `collapse` facets know exactly four whitespace characters: U+0020, U+0009, U+000A and
 * U+000D. JavaScript's trim(), \s and friends also strip U+00A0 (no-break space), U+2000–U+200A, U+3000,
 * U+FEFF and more: a value made of a no-break space is a valid 1-character xs:token for BroadWorks. So a
 * value is never trimmed with JavaScript's notion of space before it is measured or compared: it is
 * normalized with the whitespace rule of its own type (preserve, replace or collapse), with these functions.
 */
export type XsdWhiteSpace = 'preserve' | 'replace' | 'collapse';

/** U+0020, U+0009, U+000A or U+000D: the only characters XSD (and XML) call whitespace. */
export function isXsdSpace(code: number): boolean {
  return code === 0x20 || code === 0x09 || code === 0x0a || code === 0x0d;
}

/** Empty, or only XSD whitespace. */
export function isXsdBlank(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (!isXsdSpace(text.charCodeAt(i))) return false;
  return true;
}

/** xs:whiteSpace="replace": each tab, line feed and carriage return becomes a space. */
export function xsdReplace(text: string): string {
  return NEEDS_REPLACE.test(text) ? text.replace(/[\t\n\r]/g, ' ') : text;
}

// Most values are already normal: these tests let them through without a copy (bench: the checks run per value).
const NEEDS_REPLACE = /[\t\n\r]/;
const NEEDS_COLLAPSE = /[\t\n\r]| {2}|^ | $/;

/** xs:whiteSpace="collapse": replace, then runs of spaces become one space and leading/trailing spaces go. */
export function xsdCollapse(text: string): string {
  if (!NEEDS_COLLAPSE.test(text)) return text;
  return text.replace(/[ \t\n\r]+/g, ' ').replace(/^ | $/g, '');
}

/** The value as the type's whitespace rule makes it, before its length, range, enumeration or pattern apply. */
export function xsdNormalize(text: string, mode: XsdWhiteSpace): string {
  return mode === 'preserve' ? text : mode === 'replace' ? xsdReplace(text) : xsdCollapse(text);
}
