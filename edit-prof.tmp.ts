import { DocumentAnalyzer } from './core/analysis/analyzer';
import { DEFAULT_CHECK_OPTIONS } from './core/checks';
import { builtinModel } from './core/model';
import { SHAPES, shapedYaml } from './bench/shapes';
import { middleOffsets } from './bench/generate';
import { pieceDocuments } from './server/piece-document';
import { toLspDiagnostic } from './server/diagnostics';
import { capDiagnostics } from './core/analysis/capped';
const n = Number(process.argv[2] ?? 50000);
const text = shapedYaml(n, SHAPES.issue5);
const model = builtinModel();
const doc = pieceDocuments.create('file:///x.ocip.yaml', 'ocip-yaml', 1, text);
const an = new DocumentAnalyzer('yaml', model, { ...DEFAULT_CHECK_OPTIONS, externalAuthentication: true });
let a = an.begin(doc.text); a.advance(); a.diagnostics;
const at = doc.positionAt(middleOffsets(text, 'yaml').edit);
const t: Record<string, number[]> = { update: [], begin: [], advance: [], diags: [], cap: [], lsp: [] };
const t00 = performance.now(); console.log("setup done");
for (let i = 0; i < 60; i++) {
  let s = performance.now();
  pieceDocuments.update(doc, [{ range: { start: at, end: i % 2 ? { line: at.line, character: at.character + 1 } : at }, text: i % 2 ? '' : 'x' }], i + 2);
  t.update.push(performance.now() - s); s = performance.now();
  a = an.begin(doc.text); t.begin.push(performance.now() - s); s = performance.now();
  a.advance(); t.advance.push(performance.now() - s); s = performance.now();
  const c = (a as any).shown(1000, {}); t.diags.push(performance.now() - s); s = performance.now();
  t.cap.push(0);
  c.map((x) => toLspDiagnostic(doc, x)); t.lsp.push(performance.now() - s);
}
for (const [k, v] of Object.entries(t)) { v.sort((x, y) => x - y); console.log(k, v[30].toFixed(2), v[57].toFixed(2)); }
