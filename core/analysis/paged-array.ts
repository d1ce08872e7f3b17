/**
 * An array in pages of PAGE items, for the per-chunk lists an analysis makes for every version of a document (chunk
 * texts, cache entries). A version that replaces chunks one for one (typing inside a document: the usual edit)
 * shares every page with the previous version but the ones it changes: a copy of the page list (N / PAGE pointers)
 * and of one page, where a flat array meant a new array of N pointers per version. At 50,000 chunks, two such arrays
 * (each a 400 kB large-object allocation, and old-generation garbage the next full collection marks) took ~1.5 ms of
 * every edit in process (bench/RESULTS.md, "Edit → diagnostics over LSP").
 * Versions are immutable except through `replaceSame`, which is for a value equal to the one replaced (a flat copy of
 * the same text): pages are shared, so every version sees it.
 */
const SHIFT = 9;
const PAGE = 1 << SHIFT;
const MASK = PAGE - 1;

export class PagedArray<T> {
  private constructor(
    private readonly pages: T[][],
    readonly length: number,
  ) {}

  static from<T>(items: readonly T[]): PagedArray<T> {
    const pages: T[][] = [];
    for (let at = 0; at < items.length; at += PAGE) pages.push(items.slice(at, at + PAGE));
    return new PagedArray(pages, items.length);
  }

  get(i: number): T {
    return this.pages[i >> SHIFT][i & MASK];
  }

  /** Puts a value equal to the one at `i` there (seen by every version sharing the page). */
  replaceSame(i: number, value: T): void {
    this.pages[i >> SHIFT][i & MASK] = value;
  }

  /** Items [start, end) as a plain array. */
  slice(start = 0, end = this.length): T[] {
    const out: T[] = [];
    for (let i = Math.max(0, start); i < Math.min(end, this.length); i++) out.push(this.get(i));
    return out;
  }

  /**
   * This array with items [from, to) replaced by `middle`. Pages wholly outside the replaced range are shared when
   * `middle` has as many items as it replaces; otherwise the pages after it are rebuilt (a document added or removed).
   */
  splice(from: number, to: number, middle: readonly T[]): PagedArray<T> {
    const length = this.length - (to - from) + middle.length;
    if (middle.length === to - from) {
      const pages = this.pages.slice();
      for (let k = 0; k < middle.length; k++) {
        const i = from + k;
        const p = i >> SHIFT;
        if (pages[p] === this.pages[p]) pages[p] = pages[p].slice();
        pages[p][i & MASK] = middle[k];
      }
      return new PagedArray(pages, length);
    }
    // Pages before `from` are shared; the rest is laid out again.
    const firstPage = from >> SHIFT;
    const pages = this.pages.slice(0, firstPage);
    let page: T[] = [];
    const push = (item: T) => {
      page.push(item);
      if (page.length === PAGE) {
        pages.push(page);
        page = [];
      }
    };
    for (let i = firstPage << SHIFT; i < from; i++) push(this.get(i));
    for (const item of middle) push(item);
    for (let i = to; i < this.length; i++) push(this.get(i));
    if (page.length > 0) pages.push(page);
    return new PagedArray(pages, length);
  }
}
