/** The one error of core/xml: what went wrong, where (offset, line, column), and of which kind. */

/** 'doctype': a DOCTYPE or entity declaration; 'entity': a reference other than the allowed ones. */
export type XmlErrorKind = 'malformed' | 'doctype' | 'entity' | 'namespace';

export class XmlError extends Error {
  readonly line: number;
  readonly column: number;

  constructor(
    readonly kind: XmlErrorKind,
    /** What is wrong, without the position. */
    readonly reason: string,
    text: string,
    readonly offset: number,
  ) {
    const { line, column } = lineAndColumn(text, offset);
    super(`${reason} at line ${line}, column ${column}`);
    this.name = 'XmlError';
    this.line = line;
    this.column = column;
  }
}

/** 1-based line and column (in UTF-16 code units) of `offset`. */
export function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, column: offset - lineStart + 1 };
}

/** Offset of the first character of 1-based `line` (text.length when the text has fewer lines). */
export function lineStart(text: string, line: number): number {
  let at = 0;
  for (let n = 1; n < line; n++) {
    const nl = text.indexOf('\n', at);
    if (nl < 0) return text.length;
    at = nl + 1;
  }
  return at;
}
