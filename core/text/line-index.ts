/** Offset -> zero-based line and UTF-16 character, as LSP counts them (for adapters without a TextDocument). */
export interface Position {
  line: number;
  character: number;
}

/** Calls `visit` with the start of every line but the first: after each LF, CRLF or lone CR (a native search when there is no CR). */
function forEachLineBreak(text: string, visit: (nextLineStart: number) => void): void {
  if (text.indexOf('\r') < 0) {
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) visit(i + 1);
    return;
  }
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) visit(i + 1);
    else if (c === 13) {
      if (text.charCodeAt(i + 1) === 10) i++;
      visit(i + 1);
    }
  }
}

/** Where each line of `text` starts: 0, then after every line break. */
export function lineStarts(text: string): number[] {
  const starts = [0];
  forEachLineBreak(text, (start) => starts.push(start));
  return starts;
}

/** lineStarts(text).length, without building the array. */
export function lineCount(text: string): number {
  let n = 1;
  forEachLineBreak(text, () => n++);
  return n;
}

export class LineIndex {
  private readonly starts: number[];

  constructor(text: string) {
    this.starts = lineStarts(text);
  }

  positionAt(offset: number): Position {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo, character: offset - this.starts[lo] };
  }
}
