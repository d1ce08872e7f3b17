/**
 * Language servers over stdio: our server (dist/server.js) and yaml-language-server on the same YAML files.
 * didOpen → diagnostics, one-character edit → diagnostics, completion and hover latency in the middle of
 * the file, requests answered while a long first validation runs, and the server's RSS.
 */
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { BenchLspClient, positionAt, type Position } from './lsp-client';
import { middleOffsets } from './generate';
import type { FileFormat } from '../core/tree/types';
import { summarize, type Summary } from './stats';
import { DocumentAnalyzer } from '../core/analysis/analyzer';
import { builtinModel } from '../core/model';
import { capDiagnostics } from '../core/analysis/capped';
import { LSP_LIMITS } from '../core/limits';
import { BENCH_OPTIONS } from './inprocess';

export interface LspResult {
  open: Summary;
  editNoDebounce?: Summary;
  editDebounce?: Summary;
  completion?: Summary;
  hover?: Summary;
  /** Completion and hover sent right after a one-character edit (what typing does): they meet a new version. */
  completionAfterEdit?: Summary;
  hoverAfterEdit?: Summary;
  /**
   * Hover latency while the first validation of the file runs (max, ms), the max without the first hover (which
   * is sent with didOpen and waits for the 9 MB message to be read and the document's line index to be built by
   * the LSP libraries), and how many hovers were answered meanwhile.
   */
  hoverDuringOpen?: { max: number; maxAfterFirst: number; answered: number };
  /** The first request sent right after didOpen (hover): its latency, ms. */
  firstRequest?: number;
  /** Progressive publication (large files): didOpen → first publication and → the complete one, ms. */
  progressive?: { first: number; complete: number; publications: number };
  rssMb: number;
  peakMb: number;
  diagnostics: number;
}

export interface ServerSpec {
  name: string;
  args: string[];
  languageId: string;
  settings: (section: string, debounceMs: number) => unknown;
  initializationOptions?: unknown;
  /** Our server publishes with the document version; yaml-language-server may not. */
  versioned: boolean;
}

/** Our server with external authentication on (the issue 12 shape: users without passwords). */
export function ourServer(repo: string, format: FileFormat = 'yaml'): ServerSpec {
  return {
    name: 'ocip-language-server',
    args: [join(repo, 'dist', 'server.js'), '--stdio'],
    languageId: format === 'yaml' ? 'ocip-yaml' : 'ocip-xml',
    settings: (_section, debounceMs) => ({ diagnostics: { debounceMs }, externalAuthentication: true }),
    versioned: true,
  };
}

export function yamlLanguageServer(repo: string, schemaFile: string): ServerSpec {
  const yamlSettings = {
    validate: true,
    hover: true,
    completion: true,
    format: { enable: false },
    schemas: { [pathToFileURL(schemaFile).href]: ['*.ocip.yaml'] },
    schemaStore: { enable: false },
    maxItemsComputed: 100000,
  };
  return {
    name: 'yaml-language-server',
    args: [join(repo, 'node_modules', 'yaml-language-server', 'bin', 'yaml-language-server'), '--stdio'],
    languageId: 'yaml',
    settings: (section) => (section === 'yaml' ? yamlSettings : section === '' ? { yaml: yamlSettings } : null),
    versioned: false,
  };
}

/**
 * The complete publication of a file, worked out in process as the server publishes it (capped at
 * LSP_LIMITS.diagnosticsPerDocument with a summary that counts the rest). A count alone cannot tell it from a
 * progressive publication, which is capped too; the last message (the summary's count of the rest) can. Before,
 * the bench waited for the uncapped count, which a file of more than 1000 diagnostics never publishes.
 */
export interface ExpectedPublication {
  count: number;
  lastMessage?: string;
}

export function expectedPublication(text: string, format: FileFormat): ExpectedPublication {
  const all = new DocumentAnalyzer(format, builtinModel(), BENCH_OPTIONS).analyze(text).diagnostics;
  const shown = capDiagnostics(all, LSP_LIMITS.diagnosticsPerDocument);
  return { count: shown.length, lastMessage: shown[shown.length - 1]?.message };
}

export function isExpected(p: { diagnostics: unknown[] }, expect: ExpectedPublication): boolean {
  if (p.diagnostics.length !== expect.count) return false;
  const last = p.diagnostics[p.diagnostics.length - 1] as { message?: string } | undefined;
  return expect.lastMessage === undefined || last?.message === expect.lastMessage;
}

interface RunOptions {
  format?: FileFormat;
  /** The complete publication (from the analyzer in process): progressive ones before it differ. */
  expectDiagnostics?: ExpectedPublication;
  opens: number;
  edits: number;
  debounceEdits: number;
  requests: number;
  probeDuringOpen: boolean;
}

async function started(spec: ServerSpec, debounceMs: number, folder: string): Promise<BenchLspClient> {
  const client = new BenchLspClient(spec.args, (section) => spec.settings(section, debounceMs));
  await client.initialize(pathToFileURL(folder).href, spec.initializationOptions);
  if (spec.name === 'yaml-language-server') {
    void client.conn.sendNotification('workspace/didChangeConfiguration', { settings: { yaml: spec.settings('yaml', debounceMs) } });
  }
  return client;
}

/**
 * didOpen → the complete diagnostics (with `expect`: the publication with that many diagnostics, after any
 * progressive ones), and → the first publication.
 */
async function openAndWait(
  client: BenchLspClient,
  uri: string,
  spec: ServerSpec,
  text: string,
  expect?: ExpectedPublication,
  first?: (pub: { ms: number }) => void,
): Promise<{ ms: number; count: number; publications: number }> {
  let publications = 0;
  const start = performance.now();
  const waiting = client.nextPublication(
    uri,
    (p) => {
      if (spec.versioned && p.version !== 1) return false;
      if (publications++ === 0) first?.({ ms: p.at - start });
      return expect === undefined || isExpected(p, expect);
    },
    600000,
  );
  client.open(uri, spec.languageId, text);
  const pub = await waiting;
  return { ms: pub.at - start, count: pub.diagnostics.length, publications };
}

/** Edit `i` of a series: even ones insert an `x` at `at`, odd ones delete it again. */
function oneCharacterEdit(at: Position, i: number): { range: { start: Position; end: Position }; text: string } {
  return i % 2 === 0
    ? { range: { start: at, end: at }, text: 'x' }
    : { range: { start: at, end: { line: at.line, character: at.character + 1 } }, text: '' };
}

/** Alternately inserts and deletes one character in the middle command; time until diagnostics of that version. */
async function edits(client: BenchLspClient, uri: string, spec: ServerSpec, at: Position, count: number): Promise<Summary> {
  const samples: number[] = [];
  for (let i = 0; i < count; i++) {
    const { range, text } = oneCharacterEdit(at, i);
    const start = performance.now();
    let version = 0;
    const waiting = client.nextPublication(uri, (p) => !spec.versioned || p.version === version, 120000);
    version = client.edit(uri, range, text);
    const pub = await waiting;
    samples.push(pub.at - start);
  }
  return summarize(samples);
}

async function requests(client: BenchLspClient, method: string, uri: string, position: Position, count: number): Promise<Summary> {
  const samples: number[] = [];
  for (let i = 0; i < count; i++) {
    const start = performance.now();
    await client.request(method, { textDocument: { uri }, position });
    samples.push(performance.now() - start);
  }
  return summarize(samples);
}

/**
 * Rounds of: a one-character edit (inserted, then deleted in the next round), and at once a request elsewhere in
 * the file; its latency, from the request to the answer. Each round then waits for that version's diagnostics.
 */
async function requestsAfterEdits(
  client: BenchLspClient,
  uri: string,
  spec: ServerSpec,
  at: Position,
  method: string,
  position: Position,
  count: number,
): Promise<Summary> {
  const samples: number[] = [];
  for (let i = 0; i < count; i++) {
    const { range, text } = oneCharacterEdit(at, i);
    let version = 0;
    const published = client.nextPublication(uri, (p) => !spec.versioned || p.version === version, 120000);
    version = client.edit(uri, range, text);
    const start = performance.now();
    await client.request(method, { textDocument: { uri }, position });
    samples.push(performance.now() - start);
    await published;
  }
  return summarize(samples);
}

export async function benchServer(spec: ServerSpec, text: string, file: string, options: RunOptions): Promise<LspResult> {
  const uri = pathToFileURL(file).href;
  const folder = join(file, '..');
  const offsets = middleOffsets(text, options.format ?? 'yaml');
  const editAt = positionAt(text, offsets.edit);
  const opens: number[] = [];
  let diagnostics = 0;
  let client: BenchLspClient | undefined;
  let hoverDuringOpen: (LspResult['hoverDuringOpen'] & { first: number }) | undefined;
  let progressive: LspResult['progressive'];
  for (let i = 0; i < options.opens; i++) {
    await client?.close();
    client = await started(spec, 0, folder);
    if (i === 0 && options.probeDuringOpen && client.capabilities.hoverProvider) {
      hoverDuringOpen = await probeDuringOpen(client, uri, spec, text, positionAt(text, offsets.hover), options.expectDiagnostics);
      await client.close();
      client = await started(spec, 0, folder);
    }
    let first = NaN;
    const opened = await openAndWait(client, uri, spec, text, options.expectDiagnostics, (p) => (first = p.ms));
    opens.push(opened.ms);
    if (opened.publications > 1) progressive = { first, complete: opened.ms, publications: opened.publications };
    diagnostics = opened.count;
  }
  const c = client!;
  const result: LspResult = {
    open: summarize(opens),
    rssMb: 0,
    peakMb: 0,
    diagnostics,
    hoverDuringOpen,
    firstRequest: hoverDuringOpen?.first,
    progressive,
  };
  result.editNoDebounce = await edits(c, uri, spec, editAt, options.edits);
  if (c.capabilities.completionProvider)
    result.completion = await requests(c, 'textDocument/completion', uri, positionAt(text, offsets.complete), options.requests);
  if (c.capabilities.hoverProvider)
    result.hover = await requests(c, 'textDocument/hover', uri, positionAt(text, offsets.hover), options.requests);
  const rounds = Math.min(options.requests, 20);
  if (c.capabilities.completionProvider)
    result.completionAfterEdit = await requestsAfterEdits(
      c,
      uri,
      spec,
      editAt,
      'textDocument/completion',
      positionAt(text, offsets.complete),
      rounds,
    );
  if (c.capabilities.hoverProvider)
    result.hoverAfterEdit = await requestsAfterEdits(c, uri, spec, editAt, 'textDocument/hover', positionAt(text, offsets.hover), rounds);
  if (spec.versioned && options.debounceEdits > 0) {
    // The default debounce (200 ms), in a fresh server; its memory is what we report (open + edits + requests).
    await c.close();
    const debounced = await started(spec, 200, folder);
    await openAndWait(debounced, uri, spec, text, options.expectDiagnostics);
    if (c.capabilities.hoverProvider) await requests(debounced, 'textDocument/hover', uri, positionAt(text, offsets.hover), 3);
    result.editDebounce = await edits(debounced, uri, spec, editAt, options.debounceEdits);
    const memory = debounced.memory();
    result.rssMb = memory.rssMb;
    result.peakMb = memory.peakMb;
    await debounced.close();
    return result;
  }
  const memory = c.memory();
  result.rssMb = memory.rssMb;
  result.peakMb = memory.peakMb;
  await c.close();
  return result;
}

/** Hovers sent back to back from didOpen until the first diagnostics: each must be answered promptly. */
async function probeDuringOpen(
  client: BenchLspClient,
  uri: string,
  spec: ServerSpec,
  text: string,
  at: Position,
  expect?: ExpectedPublication,
): Promise<NonNullable<LspResult['hoverDuringOpen']> & { first: number }> {
  let done = false;
  const published = openAndWait(client, uri, spec, text, expect).then(() => (done = true));
  const latencies: number[] = [];
  while (!done) {
    const start = performance.now();
    await client.request('textDocument/hover', { textDocument: { uri }, position: at });
    latencies.push(performance.now() - start);
  }
  await published;
  // The first hover may be queued behind the didOpen handling itself (reading the text, splitting): report the rest too.
  return {
    first: latencies[0] ?? NaN,
    max: latencies.length ? Math.max(...latencies) : NaN,
    maxAfterFirst: latencies.length > 1 ? Math.max(...latencies.slice(1)) : NaN,
    answered: latencies.length,
  };
}
