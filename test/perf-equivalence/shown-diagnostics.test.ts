/**
 * What the server publishes of a YAML analysis (YamlChunkAnalysis.shown: only the listed diagnostics are placed)
 * equals capDiagnostics(applySeverityOverrides(...)) of the full list, for the whole file and for the part checked
 * so far, with any cap, severity overrides (off included), and after edits (moved chunks, reused placements).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { DocumentAnalyzer } from '../../core/analysis/analyzer';
import { capDiagnostics } from '../../core/analysis/capped';
import { DEFAULT_CHECK_OPTIONS } from '../../core/checks';
import { applySeverityOverrides, type SeverityOverride, type SeverityOverrides } from '../../core/checks/severity-overrides';
import { builtinModel } from '../../core/model';
import { SHAPES, shapedYaml } from '../../bench/shapes';
import { documentArb } from './yaml-arbitraries';

const model = builtinModel();
const LEVELS: SeverityOverride[] = ['off', 'hint', 'information', 'warning', 'error'];

const fileArb = fc.oneof(
  fc.array(documentArb, { minLength: 1, maxLength: 8 }).map((docs) => docs.map((d) => (d.endsWith('\n') ? d : d + '\n')).join('---\n')),
  fc.integer({ min: 1, max: 40 }).map((n) => shapedYaml(n, SHAPES.issue5)),
);

function expected(text: string, limit: number, overrides: SeverityOverrides, budget?: number) {
  const analysis = new DocumentAnalyzer('yaml', model, DEFAULT_CHECK_OPTIONS).begin(text);
  if (budget === undefined) return capDiagnostics(applySeverityOverrides(analysis.diagnostics, overrides), limit);
  for (let k = 0; k < budget; k++) analysis.advance(0);
  return capDiagnostics(applySeverityOverrides(analysis.diagnosticsSoFar(), overrides), limit);
}

test('the published list equals the capped, overridden full list', () => {
  fc.assert(
    fc.property(
      fileArb,
      fc.integer({ min: 0, max: 30 }),
      fc.array(fc.constantFrom(...LEVELS), { minLength: 6, maxLength: 6 }),
      fc.nat(),
      fc.option(fc.integer({ min: 0, max: 4 }), { nil: undefined }),
      (text, limit, levels, edit, budget) => {
        const analyzer = new DocumentAnalyzer('yaml', model, DEFAULT_CHECK_OPTIONS);
        const first = analyzer.analyze(text);
        // Overrides for codes that occur (and one that does not).
        const codes = [...new Set(first.diagnostics.map((d) => d.code)), 'OCI-NOT-A-CODE'];
        const overrides: Record<string, SeverityOverride> = {};
        codes.slice(0, levels.length).forEach((code, i) => {
          if (edit % (i + 2) === 0) overrides[code] = levels[i];
        });
        // What the server lists for the first version (a listing the next version may reuse: see `listing`).
        first.shown!(limit, {});
        // An edit anywhere: chunks behind it move, their placed copies are made again; chunks before it keep theirs.
        const at = text.length ? edit % text.length : 0;
        const edited = text.slice(0, at) + 'x' + text.slice(at);
        const analysis = analyzer.begin(edited);
        if (budget === undefined) {
          assert.deepStrictEqual(analysis.shown!(limit, overrides), expected(edited, limit, overrides));
          // And again on the same analysis (its placements reused).
          assert.deepStrictEqual(analysis.shown!(limit, {}), expected(edited, limit, {}));
        } else {
          const fresh = new DocumentAnalyzer('yaml', model, DEFAULT_CHECK_OPTIONS).begin(edited);
          for (let k = 0; k < budget; k++) fresh.advance(0);
          assert.deepStrictEqual(fresh.shown!(limit, overrides, true), expected(edited, limit, overrides, budget));
        }
      },
    ),
    { numRuns: 300, seed: 17 },
  );
});

test('successive edits after the listed diagnostics: the listing passed on equals a fresh one', () => {
  fc.assert(
    fc.property(
      fc.integer({ min: 20, max: 90 }),
      fc.integer({ min: 1, max: 25 }),
      fc.array(fc.record({ at: fc.double({ min: 0, max: 1, noNaN: true }), insert: fc.boolean() }), { minLength: 1, maxLength: 4 }),
      (n, limit, edits) => {
        let text = shapedYaml(n, SHAPES.all20);
        const analyzer = new DocumentAnalyzer('yaml', model, DEFAULT_CHECK_OPTIONS);
        assert.deepStrictEqual(analyzer.analyze(text).shown!(limit, {}), expected(text, limit, {}));
        for (const e of edits) {
          // Mostly in the second half of the file, after the first diagnostics.
          const at = Math.floor((0.3 + 0.7 * e.at) * text.length);
          text = e.insert ? text.slice(0, at) + 'x\n' + text.slice(at) : text.slice(0, at) + text.slice(at + 1);
          assert.deepStrictEqual(analyzer.begin(text).shown!(limit, {}), expected(text, limit, {}));
        }
      },
    ),
    { numRuns: 150, seed: 23 },
  );
});
