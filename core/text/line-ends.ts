/**
 * YAML line breaks are LF, CRLF and a lone CR (YAML 1.2, b-break); the `yaml` package and our fast path only
 * break lines at LF, so a file with CR-only (or mixed CR / CRLF / LF) line ends gave completely different
 * diagnostics than the same file with LF. Every lone CR becomes LF before the YAML front end reads the text:
 * one character for one, so every offset, span and LSP position (which count a lone CR as a line end too, see
 * ./line-index) stays what it is in the user's text. Line breaks inside scalars are normalised to LF by YAML
 * anyway, so no value changes.
 */
const LONE_CR = /\r(?!\n)/g;
const HAS_LONE_CR = /\r(?!\n)/;

export function yamlLineEnds(text: string): string {
  // Most files have no CR at all: a native character search (memchr) is ~10× faster than the regular expression,
  // which took 11 ms per version at 10,000 commands.
  if (text.indexOf('\r') < 0) return text;
  return HAS_LONE_CR.test(text) ? text.replace(LONE_CR, '\n') : text;
}
