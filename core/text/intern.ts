/**
 * One shared copy of the short strings a parsed tree repeats thousands of times (keys, enumeration values,
 * group ids...). A 10,000-command file keeps 10,000 parsed trees for incremental edits; each key or value
 * sliced from the text is its own string object (or a slice holding the chunk text), so interning them cuts
 * the kept trees by about a tenth (measured in bench/RESULTS.md, peak RSS of the language server).
 * Bounded: at most MAX_ENTRIES strings of at most MAX_LENGTH characters are ever kept, whatever the files;
 * past that, strings are returned as they are (a fresh flat copy would cost the same as the slice).
 */
const MAX_ENTRIES = 65536;
const MAX_LENGTH = 48;

const table = new Map<string, string>();

/** `s`, or the equal string seen before. */
export function intern(s: string): string {
  if (s.length > MAX_LENGTH) return s;
  const known = table.get(s);
  if (known !== undefined) return known;
  if (table.size < MAX_ENTRIES) {
    // A flat copy: the kept string must not hold the text it was sliced from.
    const flat = s.length > 12 ? (' ' + s).slice(1) : s;
    table.set(flat, flat);
    return flat;
  }
  return s;
}
