/**
 * "Did you mean": the nearest valid names for a misspelt element, command or enumeration value.
 * Understands the Python SDK's snake_case names (service_provider_id -> serviceProviderId).
 */

/** snake_case, kebab-case or PascalCase to the camelCase OCI-P uses. */
export function toCamelCase(name: string): string {
  const parts = name.split(/[_\-\s]+/).filter(Boolean);
  if (parts.length === 0) return name;
  const [first, ...rest] = parts;
  const head = first.charAt(0).toLowerCase() + first.slice(1);
  return head + rest.map((p) => p.charAt(0).toUpperCase() + p.slice(1)).join('');
}

function loose(s: string): string {
  return s.toLowerCase().replace(/[^a-z0-9]/g, '');
}

/** Rows of the distance table, reused by every call (grown on demand): no allocation per comparison. */
let rowA = new Int32Array(64);
let rowB = new Int32Array(64);
let rowC = new Int32Array(64);

/** Optimal string alignment distance (Damerau–Levenshtein with adjacent transpositions), capped. */
export function editDistance(a: string, b: string, cap = 64): number {
  if (Math.abs(a.length - b.length) > cap) return cap + 1;
  const m = a.length;
  const n = b.length;
  if (rowA.length < n + 1) {
    rowA = new Int32Array(2 * (n + 1));
    rowB = new Int32Array(2 * (n + 1));
    rowC = new Int32Array(2 * (n + 1));
  }
  let prev2 = rowA;
  let prev = rowB;
  let cur = rowC;
  for (let j = 0; j <= n; j++) {
    prev2[j] = 0;
    prev[j] = j;
    cur[j] = 0;
  }
  for (let i = 1; i <= m; i++) {
    cur[0] = i;
    let rowMin = cur[0];
    for (let j = 1; j <= n; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, prev2[j - 2] + 1);
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > cap) return cap + 1;
    const t = prev2;
    prev2 = prev;
    prev = cur;
    cur = t;
  }
  return prev[n];
}

/**
 * Suggestions are remembered per candidate list (by identity: the model's lists are built once) and wrong name, so a
 * file with the same misspelling in thousands of commands pays for it once. Bounded: a list's memory is dropped when
 * it holds MEMO_LIMIT names (hostile files with endless distinct names cost what they did before, no more memory).
 */
const MEMO_LIMIT = 4096;
const nameMemo = new WeakMap<readonly string[], Map<string, string | undefined>>();
const valueMemo = new WeakMap<readonly string[], Map<string, string[]>>();
/** loose() of every candidate, per list. */
const looseMemo = new WeakMap<readonly string[], string[]>();

function memoFor<V>(memo: WeakMap<readonly string[], Map<string, V>>, list: readonly string[]): Map<string, V> {
  let m = memo.get(list);
  if (!m || m.size >= MEMO_LIMIT) memo.set(list, (m = new Map()));
  return m;
}

function looseAll(candidates: readonly string[]): string[] {
  let out = looseMemo.get(candidates);
  if (!out) looseMemo.set(candidates, (out = candidates.map(loose)));
  return out;
}

/**
 * The best suggestion for a name, or undefined when nothing is close.
 * Exact matches after snake_case conversion or ignoring case win outright.
 */
export function suggestName(name: string, candidates: readonly string[]): string | undefined {
  if (candidates.length === 0) return undefined;
  const memo = memoFor(nameMemo, candidates);
  if (memo.has(name)) return memo.get(name);
  const best = computeSuggestName(name, candidates);
  memo.set(name, best);
  return best;
}

function computeSuggestName(name: string, candidates: readonly string[]): string | undefined {
  const camel = toCamelCase(name);
  if (camel !== name && candidates.includes(camel)) return camel;
  const l = loose(name);
  const looseCandidates = looseAll(candidates);
  const same = looseCandidates.indexOf(l);
  if (same >= 0) return candidates[same];
  let best: string | undefined;
  let bestD = Infinity;
  const limit = Math.max(2, Math.floor(l.length / 3));
  for (let k = 0; k < candidates.length; k++) {
    const lc = looseCandidates[k];
    // Cheap pre-filter: the distance is at least the difference in length.
    if (Math.abs(lc.length - l.length) > limit) continue;
    const d = editDistance(l, lc, limit);
    if (d < bestD) {
      bestD = d;
      best = candidates[k];
    }
  }
  return bestD <= limit ? best : undefined;
}

/** The n nearest values (for enumerations: a short message, never all 212). Remembered per list and value. */
export function closestValues(value: string, candidates: readonly string[], n: number): string[] {
  const memo = memoFor(valueMemo, candidates);
  const key = n + '\u0000' + value;
  let out = memo.get(key);
  if (!out) memo.set(key, (out = computeClosestValues(value, candidates, n)));
  // A copy: callers may keep or change their list.
  return out.slice();
}

function computeClosestValues(value: string, candidates: readonly string[], n: number): string[] {
  const l = loose(value);
  const looseCandidates = looseAll(candidates);
  const scored = candidates.map((c, k) => {
    const lc = looseCandidates[k];
    // Distance relative to length, so short unrelated names do not win over long related ones;
    // a shared beginning and a typed fragment of a longer name ("Shared Call" -> "Shared Call Appearance") count extra.
    let score = editDistance(l, lc, 60) / Math.max(l.length, lc.length, 1);
    let prefix = 0;
    while (prefix < l.length && prefix < lc.length && l[prefix] === lc[prefix]) prefix++;
    score -= (0.15 * Math.min(prefix, 6)) / 6;
    if (l.length >= 3 && lc.includes(l)) score = Math.min(score, 0.1 + (lc.startsWith(l) ? 0 : 0.05));
    return { c, score };
  });
  scored.sort((x, y) => x.score - y.score || x.c.length - y.c.length);
  return scored.slice(0, n).map((s) => s.c);
}
