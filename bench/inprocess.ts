/**
 * In-process measurements: the analyzer the language server uses (open, one-character edit), whole-file
 * validation as the CLI does it (in process and as a process), and the YAML parsers on their own.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { pieceDocuments } from '../server/piece-document';
import { join } from 'node:path';
import { DocumentAnalyzer } from '../core/analysis/analyzer';
import { checkFile, DEFAULT_CHECK_OPTIONS, type CheckOptions } from '../core/checks';
import { builtinModel } from '../core/model';
import { XmlParser } from '../core/syntax/xml';
import { IncrementalYamlParser } from '../core/syntax/yaml';
import { parseYamlChunk } from '../core/syntax/yaml-chunk';
import { parseYamlChunkFast } from '../core/syntax/yaml-fast';
import { splitYamlDocuments } from '../core/syntax/yaml-split';
import type { FileFormat } from '../core/tree/types';
import { middleOffsets } from './generate';
import { summarize, type Summary } from './stats';

export interface Timed {
  wall: Summary;
  cpu: Summary;
}

/** Runs `f` `times` times; wall and CPU (user+system of this process) milliseconds. */
export function time(times: number, f: (i: number) => void): Timed {
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < times; i++) {
    const c = process.cpuUsage();
    const s = performance.now();
    f(i);
    wall.push(performance.now() - s);
    const used = process.cpuUsage(c);
    cpu.push((used.user + used.system) / 1000);
  }
  return { wall: summarize(wall), cpu: summarize(cpu) };
}

export interface AnalyzerResult {
  open: Timed;
  edit: Timed;
  /** Materialising the absolute tree after an edit (what whole-file features pay once per version), wall ms. */
  fileAfterEdit: Summary;
  diagnostics: number;
}

/** The bench's check options: external authentication on, as in the issue 12 shape (users without passwords). */
export const BENCH_OPTIONS: CheckOptions = { ...DEFAULT_CHECK_OPTIONS, externalAuthentication: true };

export function benchAnalyzer(
  text: string,
  format: FileFormat,
  opens: number,
  edits: number,
  options: CheckOptions = BENCH_OPTIONS,
): AnalyzerResult {
  const model = builtinModel();
  let diagnostics = 0;
  const open = time(opens, () => {
    diagnostics = new DocumentAnalyzer(format, model, options).analyze(text).diagnostics.length;
  });
  const analyzer = new DocumentAnalyzer(format, model, options);
  analyzer.analyze(text).diagnostics;
  const at = middleOffsets(text, format).edit;
  const edited = text.slice(0, at) + 'x' + text.slice(at);
  const edit = time(edits, (i) => {
    analyzer.begin(i % 2 === 0 ? edited : text).diagnostics;
  });
  const treeSamples: number[] = [];
  for (let i = 0; i < Math.max(3, Math.floor(edits / 4)); i++) {
    const next = analyzer.begin(i % 2 === 0 ? text : edited);
    next.diagnostics;
    const s = performance.now();
    void next.file.commands.length;
    treeSamples.push(performance.now() - s);
  }
  return { open, edit, fileAfterEdit: summarize(treeSamples), diagnostics };
}

/** Whole-file validation from scratch, as `ocip validate` does it (fresh caches). */
export function benchValidateInProcess(text: string, format: FileFormat, times: number, options: CheckOptions = BENCH_OPTIONS): Timed {
  const model = builtinModel();
  return time(times, () => {
    const file = format === 'yaml' ? new IncrementalYamlParser(0).parse(text) : new XmlParser(0).parse(text);
    checkFile(file, model, options);
  });
}

/**
 * `node bin/ocip.js validate --external-authentication --format json FILE`: wall time of the whole process, and
 * its CPU time (user + system, from the kernel's accounting of waited-for children: less sensitive to load).
 */
export function benchValidateProcess(repo: string, file: string, times: number): Summary & { cpu: Summary } {
  const samples: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < times; i++) {
    const before = childCpu();
    const s = performance.now();
    const run = spawnSync(
      process.execPath,
      [join(repo, 'bin', 'ocip.js'), 'validate', '--external-authentication', '--format', 'json', file],
      { encoding: 'utf8', maxBuffer: 1 << 30 },
    );
    samples.push(performance.now() - s);
    cpu.push(childCpu() - before);
    if (run.status !== 0 && run.status !== 1) throw new Error(`ocip validate failed (${run.status}): ${run.stderr}`);
  }
  return { ...summarize(samples), cpu: summarize(cpu) };
}

/** `node -e ''` and a bare load of dist/cli.js: the start-up no code of ours can remove (wall ms). */
export function benchStartup(repo: string, times: number): { node: Summary; load: Summary } {
  const node: number[] = [];
  const load: number[] = [];
  for (let i = 0; i < times; i++) {
    let s = performance.now();
    spawnSync(process.execPath, ['-e', '']);
    node.push(performance.now() - s);
    s = performance.now();
    spawnSync(process.execPath, [join(repo, 'bin', 'ocip.js'), '--version']);
    load.push(performance.now() - s);
  }
  return { node: summarize(node), load: summarize(load) };
}

/** CPU ms (user + system) of the terminated, waited-for children of this process (/proc/self/stat cutime + cstime). */
function childCpu(): number {
  try {
    const stat = readFileSync('/proc/self/stat', 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // Fields after the command: state is index 0, so cutime (16th field overall) is index 13, cstime 14.
    return ((Number(fields[13]) + Number(fields[14])) * 1000) / 100;
  } catch {
    return NaN;
  }
}

/** The YAML documents parsed on their own: the fast path vs the `yaml` package path. */
export function benchYamlParsers(text: string, times: number): { fast: Timed; yamlPackage: Timed; fastShare: number } {
  const chunks = splitYamlDocuments(text);
  let taken = 0;
  const fast = time(times, () => {
    taken = 0;
    for (const c of chunks) if (parseYamlChunkFast(c.text)) taken++;
  });
  const yamlPackage = time(times, () => {
    for (const c of chunks) parseYamlChunk(c.text);
  });
  return { fast, yamlPackage, fastShare: chunks.length ? taken / chunks.length : 1 };
}

/**
 * What vscode-languageserver-textdocument costs on a file of this size, whoever the server: its line index (built on
 * the first position asked, e.g. for the first diagnostics or request after didOpen) and a one-character
 * incremental update (every edit; O(lines)).
 */
export function benchTextDocument(text: string, times: number): { lineIndex: Timed; update: Timed } {
  const at = Math.floor(text.length / 2);
  const lineIndex = time(times, () => {
    TextDocument.create('file:///bench', 'ocip-yaml', 1, text).positionAt(at);
  });
  const doc = TextDocument.create('file:///bench', 'ocip-yaml', 1, text);
  const pos = doc.positionAt(at);
  const update = time(times * 4, (i) => {
    TextDocument.update(
      doc,
      [
        i % 2 === 0
          ? { range: { start: pos, end: pos }, text: 'x' }
          : { range: { start: pos, end: { line: pos.line, character: pos.character + 1 } }, text: '' },
      ],
      i + 2,
    );
  });
  return { lineIndex, update };
}

/**
 * The same two costs for the server's own documents (server/piece-document over core/text/piece-text): the line
 * index on the first position asked (blocks up to that position are indexed), and a one-character edit followed by
 * a position in the edited block (its index is rebuilt) and the region the analysis reads.
 */
export function benchPieceDocument(text: string, times: number): { lineIndex: Timed; update: Timed } {
  const at = Math.floor(text.length / 2);
  const lineIndex = time(times, () => {
    pieceDocuments.create('file:///bench', 'ocip-yaml', 1, text).positionAt(at);
  });
  const doc = pieceDocuments.create('file:///bench', 'ocip-yaml', 1, text);
  const pos = doc.positionAt(at);
  const update = time(times * 4, (i) => {
    const revision = doc.text.revision;
    pieceDocuments.update(
      doc,
      [
        i % 2 === 0
          ? { range: { start: pos, end: pos }, text: 'x' }
          : { range: { start: pos, end: { line: pos.line, character: pos.character + 1 } }, text: '' },
      ],
      i + 2,
    );
    doc.positionAt(at);
    doc.text.changedSince(revision);
  });
  return { lineIndex, update };
}
