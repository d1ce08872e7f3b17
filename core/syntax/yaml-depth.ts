/**
 * A cheap nesting-depth pre-scan of one YAML document, run before the `yaml` package sees it. That package
 * composes nested collections recursively (about a thousand `[` overflow the stack) and keeps ~1 KB per level
 * (5 MB of `[` exhausts a 4 GB heap), so a document nested deeper than MAX_YAML_DEPTH is reported and never parsed.
 *
 * Counted levels: block collections (by indentation, including compact `- - x` and `- key: v`) plus open flow
 * collections. Skipped: quoted scalars (also across lines), plain scalars and their continuation lines, block
 * scalars (`|`, `>`) and comments. One pass, O(depth) memory. It errs towards counting (e.g. a stray `[` inside a
 * flow plain scalar counts), which only matters for input that no OCI-P command comes near: those are a few levels deep.
 */

/** The same limit as the tree builder's (core/syntax/yaml-tree.ts) and the rule OCI-YAML-TOO-DEEP. */
export const MAX_YAML_DEPTH = 64;

const TAB = 0x09;
const LF = 0x0a;
const CR = 0x0d;
const SPACE = 0x20;
const BANG = 0x21;
const DQUOTE = 0x22;
const HASH = 0x23;
const PERCENT = 0x25;
const AMP = 0x26;
const SQUOTE = 0x27;
const COMMA = 0x2c;
const DASH = 0x2d;
const COLON = 0x3a;
const GT = 0x3e;
const QUESTION = 0x3f;
const LBRACKET = 0x5b;
const BACKSLASH = 0x5c;
const RBRACKET = 0x5d;
const LBRACE = 0x7b;
const PIPE = 0x7c;
const RBRACE = 0x7d;

const SEQ = 0;
const MAP = 1;
/** Not skipping a block scalar. */
const NO_BLOCK_SCALAR = -2;

const isBlank = (c: number) => c === SPACE || c === TAB || c === CR;
/** Blank, line end or end of text (NaN). */
const endsToken = (c: number) => isBlank(c) || c === LF || Number.isNaN(c);
const isFlowIndicator = (c: number) => c === COMMA || c === LBRACKET || c === RBRACKET || c === LBRACE || c === RBRACE;

/**
 * Offset of the character that opens the first level beyond `limit` (a bracket, a `-` indicator or a key),
 * or -1 when the document stays within it.
 */
export function yamlTooDeepAt(text: string, limit = MAX_YAML_DEPTH): number {
  return new DepthScan(text, limit).run();
}

class DepthScan {
  /** Open block collections: indentation column and kind (SEQ / MAP), innermost last. */
  private readonly columns: number[] = [];
  private readonly kinds: number[] = [];
  private flow = 0;
  /** The open quote character of a quoted scalar that goes on past the line end, or 0. */
  private quote = 0;
  /** >= -1 while skipping the content lines of a block scalar: those more indented than this. */
  private blockScalarParent = NO_BLOCK_SCALAR;
  /** A node (key, value, item) may start at the next non-blank character. */
  private canStart = true;
  /** Inside a block plain scalar (its more-indented next lines continue it). */
  private inPlain = false;
  /** Block context: column where the current scalar (a key, if a `:` follows) began on its line. */
  private scalarColumn = 0;

  constructor(
    private readonly text: string,
    private readonly limit: number,
  ) {}

  run(): number {
    const { text } = this;
    let lineStart = 0;
    while (lineStart < text.length) {
      const newline = text.indexOf('\n', lineStart);
      const lineEnd = newline < 0 ? text.length : newline;
      const crossed = this.line(lineStart, lineEnd);
      if (crossed >= 0) return crossed;
      lineStart = lineEnd + 1;
    }
    return -1;
  }

  private line(start: number, end: number): number {
    const { text } = this;
    let at = start;
    while (at < end && text.charCodeAt(at) === SPACE) at++;
    const indent = at - start;
    const empty = at >= end || (text.charCodeAt(at) === CR && at + 1 >= end);
    if (this.blockScalarParent !== NO_BLOCK_SCALAR) {
      if (empty || indent > this.blockScalarParent) return -1;
      this.blockScalarParent = NO_BLOCK_SCALAR;
    }
    if (this.quote !== 0) {
      at = this.skipQuoted(start, end);
      if (this.quote !== 0) return -1;
    } else {
      if (empty || text.charCodeAt(at) === HASH) return -1;
      if (this.flow === 0) {
        const continues = this.inPlain && indent > this.top();
        this.inPlain = continues;
        this.canStart = !continues;
        if (indent === 0 && text.charCodeAt(at) === PERCENT) return -1; // a directive
        if (indent === 0 && (text.startsWith('---', at) || text.startsWith('...', at)) && endsToken(text.charCodeAt(at + 3))) {
          at += 3;
          this.canStart = true;
        }
      }
    }
    return this.scan(at, start, end);
  }

  /** Scans [at, end) of the line that starts at `lineStart`. */
  private scan(at: number, lineStart: number, end: number): number {
    const { text } = this;
    while (at < end) {
      const c = text.charCodeAt(at);
      if (isBlank(c)) {
        at++;
        continue;
      }
      if (c === HASH && (at === lineStart || isBlank(text.charCodeAt(at - 1)))) {
        this.inPlain = false; // a comment ends a plain scalar
        return -1;
      }
      if (this.canStart) {
        if (c === DQUOTE || c === SQUOTE) {
          if (this.flow === 0) this.scalarColumn = at - lineStart;
          this.quote = c;
          this.canStart = false;
          this.inPlain = false;
          at = this.skipQuoted(at + 1, end);
          if (this.quote !== 0) return -1;
          continue;
        }
        if (c === LBRACKET || c === LBRACE) {
          if (this.flow === 0) this.scalarColumn = at - lineStart;
          this.flow++;
          if (this.depth() > this.limit) return at;
          at++;
          continue;
        }
        if (this.flow === 0 && c === DASH && endsToken(text.charCodeAt(at + 1))) {
          if (this.push(at - lineStart, SEQ)) return at;
          at++;
          continue;
        }
        if (this.flow === 0 && (c === PIPE || c === GT)) {
          this.blockScalarParent = this.columns.length > 0 ? this.top() : -1;
          this.canStart = false;
          return -1;
        }
        if (c === QUESTION && endsToken(text.charCodeAt(at + 1))) {
          at++;
          continue;
        }
        if (c === AMP || c === BANG) {
          // An anchor or tag: the node itself follows.
          while (at < end && !isBlank(text.charCodeAt(at)) && !(this.flow > 0 && isFlowIndicator(text.charCodeAt(at)))) at++;
          continue;
        }
        if (this.flow > 0 && (isFlowIndicator(c) || c === COLON)) {
          at = this.flowIndicator(c, at);
          continue;
        }
        // A plain scalar (or alias) starts here.
        this.canStart = false;
        if (this.flow === 0) {
          this.scalarColumn = at - lineStart;
          this.inPlain = true;
        }
        at++;
        continue;
      }
      if (c === COLON) {
        const next = text.charCodeAt(at + 1);
        if (endsToken(next) || (this.flow > 0 && isFlowIndicator(next))) {
          this.canStart = true;
          this.inPlain = false;
          if (this.flow === 0 && this.push(this.scalarColumn, MAP)) return lineStart + this.scalarColumn;
          at++;
          continue;
        }
      }
      if (this.flow > 0 && isFlowIndicator(c)) {
        at = this.flowIndicator(c, at);
        if (this.depth() > this.limit) return at - 1;
        continue;
      }
      at++;
    }
    return -1;
  }

  /** `,` `[` `{` `]` `}` (or a lone `:`) inside a flow collection; returns the next offset. */
  private flowIndicator(c: number, at: number): number {
    if (c === LBRACKET || c === LBRACE) this.flow++;
    else if (c === RBRACKET || c === RBRACE) this.flow--;
    this.canStart = c !== RBRACKET && c !== RBRACE;
    if (this.flow === 0) this.inPlain = false;
    return at + 1;
  }

  /** Skips a quoted scalar's text from `at` to its closing quote (then clears `quote`) or to the line end. */
  private skipQuoted(at: number, end: number): number {
    const { text, quote } = this;
    while (at < end) {
      const c = text.charCodeAt(at);
      if (quote === DQUOTE && c === BACKSLASH) {
        at += 2;
        continue;
      }
      if (c === quote) {
        if (quote === SQUOTE && text.charCodeAt(at + 1) === SQUOTE) {
          at += 2;
          continue;
        }
        this.quote = 0;
        return at + 1;
      }
      at++;
    }
    return end;
  }

  /**
   * A block collection entry (a `-` item or a key) at `column`: closes the collections it is outside of, and
   * opens a new one unless it is the next entry of the innermost. True when that crosses the limit.
   */
  private push(column: number, kind: number): boolean {
    const { columns, kinds } = this;
    while (columns.length > 0 && columns[columns.length - 1] > column) {
      columns.pop();
      kinds.pop();
    }
    if (columns.length > 0 && columns[columns.length - 1] === column) {
      const innermost = kinds[kinds.length - 1];
      if (innermost === kind) return false;
      if (kind === MAP) {
        // A key after a sequence that was the value of a key at the same indentation: that sequence is over.
        columns.pop();
        kinds.pop();
        if (columns.length > 0 && columns[columns.length - 1] === column) return false;
      }
    }
    columns.push(column);
    kinds.push(kind);
    return this.depth() > this.limit;
  }

  private top(): number {
    return this.columns.length > 0 ? this.columns[this.columns.length - 1] : -1;
  }

  private depth(): number {
    return this.columns.length + this.flow;
  }
}
