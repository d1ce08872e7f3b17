/**
 * Keeps only the first `limit` problems by position, in O(limit) memory. A hostile file (5 MB of `<`) yields a
 * problem per character; collecting them all before cutting took hundreds of MB.
 * The result is exactly what a stable sort of every pushed problem by (start, end) followed by `slice(0, limit)`
 * would give.
 */
import type { Span, SyntaxProblem } from '../tree/types';

/** Where problems go: an array, or a FirstProblems. */
export interface ProblemSink {
  push(problem: SyntaxProblem): unknown;
}

const byPosition = (a: SyntaxProblem, b: SyntaxProblem) => a.span.start - b.span.start || a.span.end - b.span.end;

export class FirstProblems implements ProblemSink {
  private list: SyntaxProblem[] = [];
  /** After a trim: the last kept problem's span; anything at or after it can never be kept. */
  private cutoff?: Span;

  constructor(private readonly limit: number) {}

  /** False when a problem at `span` would be dropped anyway (lets callers skip building its message). */
  accepts(span: Span): boolean {
    const { cutoff } = this;
    return !cutoff || span.start < cutoff.start || (span.start === cutoff.start && span.end < cutoff.end);
  }

  push(problem: SyntaxProblem): void {
    // Equal positions sort after the kept ones (stable order), so they are dropped too.
    if (!this.accepts(problem.span)) return;
    this.list.push(problem);
    if (this.list.length >= 2 * this.limit) this.trim();
  }

  /** The kept problems, sorted by position. */
  sorted(): SyntaxProblem[] {
    this.trim();
    return this.list.slice();
  }

  private trim(): void {
    this.list.sort(byPosition);
    if (this.list.length > this.limit) {
      this.list.length = this.limit;
      this.cutoff = this.list[this.limit - 1].span;
    }
  }
}
