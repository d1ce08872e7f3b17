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

/** Optimal string alignment distance (Damerau–Levenshtein with adjacent transpositions), capped. */
export function editDistance(a: string, b: string, cap = 64): number {
  if (Math.abs(a.length - b.length) > cap) return cap + 1;
  const m = a.length;
  const n = b.length;
  let prev2 = new Array<number>(n + 1).fill(0);
  let prev = Array.from({ length: n + 1 }, (_, j) => j);
  let cur = new Array<number>(n + 1).fill(0);
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
    [prev2, prev, cur] = [prev, cur, prev2];
  }
  return prev[n];
}

/**
 * The best suggestion for a name, or undefined when nothing is close.
 * Exact matches after snake_case conversion or ignoring case win outright.
 */
export function suggestName(name: string, candidates: readonly string[]): string | undefined {
  if (candidates.length === 0) return undefined;
  const camel = toCamelCase(name);
  if (camel !== name && candidates.includes(camel)) return camel;
  const l = loose(name);
  const sameLoose = candidates.find((c) => loose(c) === l);
  if (sameLoose) return sameLoose;
  let best: string | undefined;
  let bestD = Infinity;
  const limit = Math.max(2, Math.floor(l.length / 3));
  for (const c of candidates) {
    const d = editDistance(l, loose(c), limit);
    if (d < bestD) {
      bestD = d;
      best = c;
    }
  }
  return bestD <= limit ? best : undefined;
}

/** The n nearest values (for enumerations: a short message, never all 212). */
export function closestValues(value: string, candidates: readonly string[], n: number): string[] {
  const l = loose(value);
  const scored = candidates.map((c) => {
    const lc = loose(c);
    // Distance relative to length, so short unrelated names do not win over long related ones;
    // a shared beginning and a typed fragment of a longer name ("Shared Call" -> "Shared Call Appearance") count extra.
    let score = editDistance(l, lc, 60) / Math.max(l.length, lc.length, 1);
    let prefix = 0;
    while (prefix < l.length && prefix < lc.length && l[prefix] === lc[prefix]) prefix++;
    score -= 0.15 * Math.min(prefix, 6) / 6;
    if (l.length >= 3 && lc.includes(l)) score = Math.min(score, 0.1 + (lc.startsWith(l) ? 0 : 0.05));
    return { c, score };
  });
  scored.sort((x, y) => x.score - y.score || x.c.length - y.c.length);
  return scored.slice(0, n).map((s) => s.c);
}
