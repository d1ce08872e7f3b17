/**
 * The cost of a mistake made small without changing a word of the diagnostics:
 * - "did you mean" and closest values are memoised per candidate list and wrong name, with a length pre-filter and
 *   reused distance rows: equal to the plain algorithms (kept here as the reference) for random names, lists and
 *   repeated calls;
 * - whitespace normalisation skips values that need none: equal to the plain regex replacements;
 * - the shapes the bench runs on (every kind of mistake) give the same diagnostics as a fresh parse and check.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { closestValues, editDistance, suggestName, toCamelCase } from '../../core/checks/suggest';
import { normalizeWhitespace } from '../../core/checks/values';
import { builtinModel } from '../../core/model';
import { checkFile, DEFAULT_CHECK_OPTIONS } from '../../core/checks';
import { DocumentAnalyzer } from '../../core/analysis/analyzer';
import { IncrementalYamlParser } from '../../core/syntax/yaml';
import { XmlParser } from '../../core/syntax/xml';
import { SHAPES, shapedXml, shapedYaml } from '../../bench/shapes';

// The algorithms as they were before memoisation (reference).
function loose(s: string): string {
  return s.toLowerCase().replace(/[^a-z0-9]/g, '');
}
function refDistance(a: string, b: string, cap = 64): number {
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
function refSuggest(name: string, candidates: readonly string[]): string | undefined {
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
    const d = refDistance(l, loose(c), limit);
    if (d < bestD) {
      bestD = d;
      best = c;
    }
  }
  return bestD <= limit ? best : undefined;
}
function refClosest(value: string, candidates: readonly string[], n: number): string[] {
  const l = loose(value);
  const scored = candidates.map((c) => {
    const lc = loose(c);
    let score = refDistance(l, lc, 60) / Math.max(l.length, lc.length, 1);
    let prefix = 0;
    while (prefix < l.length && prefix < lc.length && l[prefix] === lc[prefix]) prefix++;
    score -= (0.15 * Math.min(prefix, 6)) / 6;
    if (l.length >= 3 && lc.includes(l)) score = Math.min(score, 0.1 + (lc.startsWith(l) ? 0 : 0.05));
    return { c, score };
  });
  scored.sort((x, y) => x.score - y.score || x.c.length - y.c.length);
  return scored.slice(0, n).map((s) => s.c);
}
function refNormalize(text: string, mode: 'preserve' | 'replace' | 'collapse'): string {
  if (mode === 'preserve') return text;
  const replaced = text.replace(/[\t\n\r]/g, ' ');
  if (mode === 'replace') return replaced;
  // XSD collapse: only U+0020 (after replace) is stripped, never JavaScript's wider trim() set (a no-break space stays).
  return replaced.replace(/ {2,}/g, ' ').replace(/^ | $/g, '');
}

const model = builtinModel();
const elementNames = Object.keys(model.model.complexTypes).slice(0, 400);
const userServices = model.simpleType('UserService')?.enumeration ?? [];

/** Names close to real ones (typos, case, snake_case) and arbitrary ones. */
const nameArb = fc.oneof(
  fc.string({ maxLength: 30 }),
  fc.stringMatching(/^[a-zA-Z_ -]{0,40}$/),
  fc
    .tuple(
      fc.constantFrom(...elementNames, ...userServices, 'lastName', 'callingLineIdFirstName'),
      fc.nat(),
      fc.constantFrom('', 'x', '_', ' ', 'Z'),
    )
    .map(([n, at, ins]) => {
      const i = at % (n.length + 1);
      return n.slice(0, i) + ins + n.slice(i + (ins === '' ? 1 : 0));
    }),
);

test('editDistance with reused rows equals the plain table, for any cap and any lengths (rows grow)', () => {
  fc.assert(
    fc.property(fc.string({ maxLength: 150 }), fc.string({ maxLength: 150 }), fc.integer({ min: 0, max: 80 }), (a, b, cap) => {
      assert.equal(editDistance(a, b, cap), refDistance(a, b, cap));
      assert.equal(editDistance(b, a), refDistance(b, a));
    }),
    { numRuns: 400, seed: 12 },
  );
});

test('suggestName (memoised, length pre-filter) equals the plain search, on first and repeated calls', () => {
  const lists = [elementNames, userServices, ['a', 'b'], [] as string[], model.commandNames()];
  fc.assert(
    fc.property(nameArb, fc.nat(lists.length - 1), (name, k) => {
      const list = lists[k];
      const expected = refSuggest(name, list);
      assert.equal(suggestName(name, list), expected);
      assert.equal(suggestName(name, list), expected);
    }),
    { numRuns: 600, seed: 12 },
  );
});

test('closestValues (memoised) equals the plain ranking; callers get their own array', () => {
  fc.assert(
    fc.property(nameArb, fc.integer({ min: 1, max: 5 }), (value, n) => {
      const expected = refClosest(value, userServices, n);
      const first = closestValues(value, userServices, n);
      assert.deepEqual(first, expected);
      first.push('changed by the caller');
      assert.deepEqual(closestValues(value, userServices, n), expected);
    }),
    { numRuns: 300, seed: 12 },
  );
});

test('normalizeWhitespace with its no-copy fast path equals the plain replacements', () => {
  const ws = fc.stringMatching(/^[ a\t\n\r\u00a0\u2028\ufeffb]{0,12}$/);
  fc.assert(
    fc.property(
      fc.oneof(ws, fc.string({ maxLength: 20 })),
      fc.constantFrom('preserve' as const, 'replace' as const, 'collapse' as const),
      (text, mode) => {
        assert.equal(normalizeWhitespace(text, mode), refNormalize(text, mode));
      },
    ),
    { numRuns: 500, seed: 12 },
  );
});

test('the bench shapes (every kind of mistake, deep content, YAML and XML): the analyzer equals a fresh parse and check', () => {
  const options = { ...DEFAULT_CHECK_OPTIONS, externalAuthentication: true };
  for (const shape of [SHAPES.issue5, SHAPES.all20, SHAPES.deep5]) {
    const yaml = shapedYaml(300, shape);
    const fromYaml = checkFile(new IncrementalYamlParser(0).parse(yaml), model, options);
    assert.deepEqual(new DocumentAnalyzer('yaml', model, options).analyze(yaml).diagnostics, fromYaml, shape.name);
    const xml = shapedXml(300, shape);
    const fromXml = checkFile(new XmlParser(0).parse(xml), model, options);
    assert.deepEqual(new DocumentAnalyzer('xml', model, options).analyze(xml).diagnostics, fromXml, shape.name);
    // Every kind of mistake is there, and a wrong name repeated in many commands gets the same suggestion each time.
    const unknown = fromYaml.filter((d) => d.code === 'OCI-UNKNOWN-ELEMENT' && d.message.startsWith('Unknown element `timezone`'));
    assert.ok(unknown.length > 1 || shape !== SHAPES.issue5, 'several timezone typos');
    assert.ok(unknown.every((d) => d.message.includes('Did you mean `timeZone`?')));
  }
});

test('diagnosticsSoFar: a subset of the final diagnostics while checking, all of them once complete', () => {
  const options = { ...DEFAULT_CHECK_OPTIONS, externalAuthentication: true };
  for (const format of ['yaml', 'xml'] as const) {
    const text = format === 'yaml' ? shapedYaml(400, SHAPES.all20) : shapedXml(400, SHAPES.all20);
    const final = new DocumentAnalyzer(format, model, options).analyze(text).diagnostics;
    const key = (d: (typeof final)[number]) => JSON.stringify(d);
    const all = new Set(final.map(key));
    const analysis = new DocumentAnalyzer(format, model, options).begin(text);
    let rounds = 0;
    let grew = 0;
    while (!analysis.advance(0)) {
      const partial = analysis.diagnosticsSoFar();
      for (const d of partial) assert.ok(all.has(key(d)), `${format}: ${d.code} ${d.message}`);
      if (partial.length > grew) grew = partial.length;
      rounds++;
    }
    assert.ok(rounds > 10, `${format}: checked in several slices (${rounds})`);
    assert.ok(grew > 0, `${format}: diagnostics before the end`);
    assert.equal(analysis.size > 0, true);
    assert.deepEqual(analysis.diagnostics, final);
    assert.deepEqual(analysis.diagnosticsSoFar(), final);
  }
});
