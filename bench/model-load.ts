/**
 * The built-in model's lazy loading (issue 11): for the first command of each family, in a fresh process, the
 * time to check a skeleton of it (which loads the index and the chunks its types live in) against the same check
 * once loaded; the open of the 2000-command UserConsolidatedAddRequest22 file with the lazy built-in model against
 * an eager model holding only the core chunk (what the built-in model was before: no regression); the model's
 * stored sizes and the .vsix size.
 *
 *   node --import tsx bench/model-load.ts            (prints a markdown section; run.ts includes it)
 *   node --import tsx bench/model-load.ts --child CMD (one cold measurement, JSON on stdout)
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { DocumentAnalyzer } from '../core/analysis/analyzer';
import { commandSkeleton } from '../core/authoring/completion-text';
import { checkFile, DEFAULT_CHECK_OPTIONS } from '../core/checks';
import { builtinStoredModel, ModelIndex } from '../core/model';
import { decodeComplex, decodeSimple, type StoredChunk } from '../core/model/store/format';
import { parseYaml } from '../core/syntax';
import core from '../core/model/generated/r25/core.json';
import { generateYaml } from './generate';
import { fmt, summarize, type Summary } from './stats';

const REPO = resolve(__dirname, '..');

/**
 * One command, cold model: the code is warmed first on the core commands (as after opening any file), then the first
 * check of the command (loads the index and its chunks; `load` is the time spent reading and decoding them), then
 * the same check again.
 */
function child(command: string): void {
  const stored = builtinStoredModel();
  const model = new ModelIndex(stored);
  const skeleton = (c: string) =>
    commandSkeleton(model, c, DEFAULT_CHECK_OPTIONS, { format: 'yaml', snippet: false, stop: { n: 1 } }).replace(/: $/gm, ': x');
  const warm = command === 'UserConsolidatedAddRequest22' ? 'UserDeleteRequest' : 'UserConsolidatedAddRequest22';
  for (let i = 0; i < 3; i++) checkFile(parseYaml(skeleton(warm)), model);
  const before = stored.loadMs;
  const t0 = performance.now();
  checkFile(parseYaml(skeleton(command)), model);
  const t1 = performance.now();
  checkFile(parseYaml(skeleton(command)), model);
  const t2 = performance.now();
  process.stdout.write(
    JSON.stringify({ first: t1 - t0, again: t2 - t1, load: stored.loadMs - before, chunks: stored.loadedChunks.length }),
  );
}

const FIRSTS = [
  'UserConsolidatedAddRequest22',
  'SystemSoftwareVersionGetRequest',
  'ServiceProviderAddRequest13mp2',
  'EnterpriseCallCenterAgentThresholdProfileAddRequest',
  'GroupAddRequest',
  'GroupCallCenterAddInstanceRequest22',
  'UserAddRequest22',
  'UserCallForwardingAlwaysModifyRequest',
  'UserServiceAssignListRequest',
];

function cold(command: string, runs: number): { first: Summary; again: Summary; load: Summary; chunks: number } {
  const first: number[] = [];
  const again: number[] = [];
  const load: number[] = [];
  let chunks = 0;
  for (let i = 0; i < runs; i++) {
    const r = spawnSync(process.execPath, ['--import', 'tsx', __filename, '--child', command], { cwd: REPO, encoding: 'utf8' });
    if (r.status !== 0) throw new Error(r.stderr);
    const j = JSON.parse(r.stdout);
    first.push(j.first);
    again.push(j.again);
    load.push(j.load);
    chunks = j.chunks;
  }
  return { first: summarize(first), again: summarize(again), load: summarize(load), chunks };
}

function coreOnlyModel(): ModelIndex {
  const c = core as unknown as StoredChunk;
  const complexTypes = Object.fromEntries(Object.entries(c.c).map(([n, s]) => [n, decodeComplex(n, s, c.a)]));
  const simpleTypes = Object.fromEntries(Object.entries(c.s).map(([n, s]) => [n, decodeSimple(n, s)]));
  return new ModelIndex({ release: 'R25', source: 'core', complexTypes, simpleTypes });
}

function openTimes(make: () => ModelIndex, text: string, runs: number): Summary {
  const out: number[] = [];
  for (let i = 0; i < runs; i++) {
    const model = make();
    const s = performance.now();
    new DocumentAnalyzer('yaml', model, DEFAULT_CHECK_OPTIONS).analyze(text).diagnostics;
    out.push(performance.now() - s);
  }
  return summarize(out);
}

export function benchModelLoad(quick: boolean): string[] {
  const out = ['## Built-in model: lazy loading (every R25 command)', ''];
  const store = join(REPO, 'core', 'model', 'generated', 'r25');
  const files = readdirSync(store).filter((f) => f.endsWith('.json'));
  const bytes = files.reduce((n, f) => n + statSync(join(store, f)).size, 0);
  const index = statSync(join(store, 'index.json')).size;
  const coreBytes = statSync(join(store, 'core.json')).size;
  const chunkSizes = files.filter((f) => f !== 'index.json').map((f) => statSync(join(store, f)).size);
  out.push(
    `Stored model: ${files.length - 1} chunks, ${(bytes / 1024).toFixed(0)} KiB in all (index ${(index / 1024).toFixed(0)} KiB, core chunk ${(coreBytes / 1024).toFixed(0)} KiB bundled, other chunks ${(Math.min(...chunkSizes) / 1024).toFixed(0)}–${(Math.max(...chunkSizes) / 1024).toFixed(0)} KiB).`,
    '',
    'First use of a command in a fresh process whose code is warm (a UserConsolidatedAddRequest22 file was checked): the model part (reading and decoding the index and the chunks the command needs), the whole first check of its skeleton (includes that) and the same check again; ms, median (min–max).',
    '',
    '| command | family | model load | first check | again | chunks read |',
    '|---|---|---|---|---|---|',
  );
  for (const c of FIRSTS) {
    const r = cold(c, quick ? 2 : 5);
    out.push(
      `| ${c} | ${c.match(/^(System|ServiceProvider|Enterprise|Group|User)/)?.[1] ?? 'Other'} | ${fmt(r.load)} | ${fmt(r.first)} | ${fmt(r.again)} | ${r.chunks} |`,
    );
  }
  const text = generateYaml(2000);
  const runs = quick ? 3 : 7;
  // Interleaved, after one warm-up open, so that load on the machine hits both alike.
  openTimes(coreOnlyModel, text, 1);
  const eagerSamples: number[] = [];
  const lazySamples: number[] = [];
  for (let i = 0; i < runs; i++) {
    eagerSamples.push(openTimes(coreOnlyModel, text, 1).median);
    lazySamples.push(openTimes(() => new ModelIndex(builtinStoredModel()), text, 1).median);
  }
  out.push(
    '',
    `Open of the 2000-command UserConsolidatedAddRequest22 YAML file in process (fresh model each time, runs interleaved): lazy built-in model (every command) ${fmt(summarize(lazySamples))} ms; eager model of the core chunk only (the former built-in model) ${fmt(summarize(eagerSamples))} ms.`,
  );
  const vsix = join(REPO, 'ocip-vscode.vsix');
  out.push(
    '',
    existsSync(vsix)
      ? `.vsix (\`npm run package\`): ${(statSync(vsix).size / 1024).toFixed(0)} KiB.`
      : '.vsix: not built (run `npm run package`).',
    '',
  );
  return out;
}

if (process.argv[2] === '--child') child(process.argv[3]);
else if (require.main === module) console.log(benchModelLoad(process.argv.includes('--quick')).join('\n'));
