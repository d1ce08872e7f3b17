/**
 * One language-server measurement on the issue 12 shape at one size, for profiling and A/B runs of two builds:
 *   node --import tsx bench/lsp-size.ts [--n 10000] [--format yaml|xml] [--server dist/server.js]
 *        [--node-arg=--cpu-prof] [--edits 20] [--requests 40] [--no-expect]
 * Prints one JSON line: didOpen → first and → complete diagnostics, the first request after didOpen, hovers answered
 * during the first validation, edit → diagnostics (no debounce), completion and hover p50/p95 (after the first
 * validation), RSS / peak and the server's CPU time (user+system, from /proc) at the complete publication, and the
 * load average, so runs on a shared machine can be compared. Run `node esbuild.mjs` first.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { loadavg, tmpdir } from 'node:os';
import { pathToFileURL } from 'node:url';
import { BenchLspClient, positionAt, type Position } from './lsp-client';
import { middleOffsets } from './generate';
import { SHAPES, shapedXml, shapedYaml } from './shapes';
import { summarize } from './stats';
import { expectedPublication, isExpected } from './lsp';

function option(name: string, fallback: string): string {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 ? process.argv[at + 1] : fallback;
}

const n = Number(option('n', '10000'));
const format = option('format', 'yaml') as 'yaml' | 'xml';
const server = resolve(option('server', join(__dirname, '..', 'dist', 'server.js')));
const nodeArgs = process.argv.filter((a) => a.startsWith('--node-arg=')).map((a) => a.slice('--node-arg='.length));
const editCount = Number(option('edits', '20'));
const requestCount = Number(option('requests', '40'));
/** Give up waiting for the complete publication after this long (the server is then shut down: a --cpu-prof profile is written). */
const maxOpenMs = Number(option('max-open-ms', '900000'));

/** user+system CPU of a process, ms (from /proc/PID/stat, clock ticks of 10 ms). */
function cpuMs(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

async function main(): Promise<void> {
  const text = format === 'yaml' ? shapedYaml(n, SHAPES.issue5) : shapedXml(n, SHAPES.issue5);
  const file = join(mkdtempSync(join(tmpdir(), 'ocip-lsp-size-')), `issue5-${n}.ocip.${format}`);
  writeFileSync(file, text);
  const expect = process.argv.includes('--no-expect') ? undefined : expectedPublication(text, format);
  const uri = pathToFileURL(file).href;
  const offsets = middleOffsets(text, format);
  const hoverAt = positionAt(text, offsets.hover);

  const client = new BenchLspClient([...nodeArgs, server, '--stdio'], () => ({
    diagnostics: { debounceMs: 0 },
    externalAuthentication: true,
  }));
  await client.initialize(pathToFileURL(join(file, '..')).href);
  const pid = client.proc.pid!;
  const cpuBefore = cpuMs(pid);

  // didOpen, then hovers back to back until the complete publication.
  let publications = 0;
  let first = NaN;
  const start = performance.now();
  let done = false;
  const complete = client
    .nextPublication(
      uri,
      (p) => {
        if (p.version !== 1) return false;
        if (publications++ === 0) first = p.at - start;
        return expect === undefined || isExpected(p, expect);
      },
      maxOpenMs,
    )
    .then(
      (p) => {
        done = true;
        return p;
      },
      () => {
        done = true;
        return undefined;
      },
    );
  client.open(uri, format === 'yaml' ? 'ocip-yaml' : 'ocip-xml', text);
  const during: number[] = [];
  while (!done) {
    const s = performance.now();
    await Promise.race([complete, client.request('textDocument/hover', { textDocument: { uri }, position: hoverAt })]);
    if (done) break;
    during.push(performance.now() - s);
  }
  const pub = await complete;
  if (!pub) {
    console.log(
      JSON.stringify({
        n,
        format,
        gaveUpAfterMs: maxOpenMs,
        publications,
        firstMs: first,
        answeredDuringOpen: during.length,
        cpuMs: cpuMs(pid) - cpuBefore,
        memory: client.memory(),
        load: loadavg(),
      }),
    );
    await client.close(nodeArgs.length ? 60000 : 50);
    process.exit(1);
  }
  const openMs = pub.at - start;
  const openCpu = cpuMs(pid) - cpuBefore;
  const afterOpen = client.memory();

  const editAt = positionAt(text, offsets.edit);
  const edits: number[] = [];
  const cpuBeforeEdits = cpuMs(pid);
  for (let i = 0; i < editCount; i++) {
    const insert = i % 2 === 0;
    const range = insert ? { start: editAt, end: editAt } : { start: editAt, end: { line: editAt.line, character: editAt.character + 1 } };
    let version = 0;
    const s = performance.now();
    const waiting = client.nextPublication(uri, (p) => p.version === version, 120000);
    version = client.edit(uri, range, insert ? 'x' : '');
    const p = await waiting;
    edits.push(p.at - s);
  }
  const requests = async (method: string, position: Position) => {
    const samples: number[] = [];
    for (let i = 0; i < requestCount; i++) {
      const s = performance.now();
      await client.request(method, { textDocument: { uri }, position });
      samples.push(performance.now() - s);
    }
    return summarize(samples);
  };
  const editCpuMs = (cpuMs(pid) - cpuBeforeEdits) / editCount;
  const completion = await requests('textDocument/completion', positionAt(text, offsets.complete));
  const hover = await requests('textDocument/hover', hoverAt);
  const memory = client.memory();
  const round = (x: number) => Math.round(x * 100) / 100;
  console.log(
    JSON.stringify({
      n,
      format,
      server,
      diagnostics: pub.diagnostics.length,
      publications,
      firstMs: round(first),
      openMs: round(openMs),
      openCpuMs: openCpu,
      firstRequestMs: round(during[0] ?? NaN),
      duringOpen: { answered: during.length, max: round(Math.max(...during)), maxAfterFirst: round(Math.max(...during.slice(1))) },
      edit: { median: round(summarize(edits).median), p95: round(summarize(edits).p95), serverCpuMs: round(editCpuMs) },
      completion: { p50: round(completion.median), p95: round(completion.p95) },
      hover: { p50: round(hover.median), p95: round(hover.p95) },
      rssAfterOpenMb: Math.round(afterOpen.rssMb),
      peakMb: Math.round(memory.peakMb),
      load: loadavg().map((l) => round(l)),
    }),
  );
  await client.close(nodeArgs.length ? 60000 : 50);
}

void main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
