/**
 * The cost of READING a large didOpen in the language server, apart from everything the server then does with it:
 *   node --import tsx bench/read-path.ts [--n 10000,50000] [--runs 5]
 * A child process reads its stdin as server/main.ts does (FrameGuard, then a JSON-RPC reader: vscode-jsonrpc's
 * StreamMessageReader, "library", or server/message-reader.ts, "FrameReader") while this process writes one didOpen
 * of the issue 12 shape with vscode-jsonrpc's StreamMessageWriter, as the bench client and VS Code do. Reported,
 * medians of alternating runs: the writer's own time before the first byte reaches the server (JSON.stringify and
 * UTF-8 encoding in the client), the transfer (first to last byte at the server), last byte → message delivered to
 * the connection, the server's CPU from first byte to delivery, and its peak RSS.
 * Then in process: decoding the body (Buffer#toString utf-8, latin1 when ASCII, TextDecoder) and JSON.parse, the
 * measurement behind FrameReader's choice of decoder.
 */
import { spawn } from 'node:child_process';
import { isAscii } from 'node:buffer';
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { StreamMessageReader, StreamMessageWriter, type Message, type MessageReader } from 'vscode-languageserver/node';
import { FrameGuard } from '../server/frame-guard';
import { FrameReader } from '../server/message-reader';
import { SHAPES, shapedYaml } from './shapes';
import { summarize } from './stats';

const now = () => performance.timeOrigin + performance.now();

function option(name: string, fallback: string): string {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 ? process.argv[at + 1] : fallback;
}

interface ChildReport {
  firstByte: number;
  lastByte: number;
  delivered: number;
  cpuMs: number;
  peakMb: number;
  textLength: number;
}

/** The server side: stdin → FrameGuard → reader; reports when the didOpen is delivered. */
function child(kind: string): void {
  const input = process.stdin.pipe(new FrameGuard());
  let firstByte = 0;
  let lastByte = 0;
  let cpu0 = process.cpuUsage();
  // Before the pipe's own listener: a byte's arrival, not after FrameGuard and the reader have handled it.
  process.stdin.prependListener('data', () => {
    if (!firstByte) {
      firstByte = now();
      cpu0 = process.cpuUsage();
    }
    lastByte = now();
  });
  const reader: MessageReader = kind === 'library' ? new StreamMessageReader(input) : new FrameReader(input);
  reader.listen((message: Message) => {
    const delivered = now();
    const cpu = process.cpuUsage(cpu0);
    const params = (message as { params?: { textDocument?: { text?: string } } }).params;
    const peakKb = Number(/^VmHWM:\s+(\d+)/m.exec(readFileSync('/proc/self/status', 'utf8'))?.[1]);
    const report: ChildReport = {
      firstByte,
      lastByte,
      delivered,
      cpuMs: (cpu.user + cpu.system) / 1000,
      peakMb: peakKb / 1024,
      textLength: params?.textDocument?.text?.length ?? 0,
    };
    process.stdout.write(JSON.stringify(report), () => process.exit(0));
  });
}

async function once(kind: string, text: string): Promise<ChildReport & { start: number }> {
  const proc = spawn(process.execPath, ['--import', 'tsx', __filename, '--child', kind], { stdio: ['pipe', 'pipe', 'inherit'] });
  let out = '';
  proc.stdout.on('data', (d) => (out += d));
  const exited = new Promise<void>((resolve) => proc.on('exit', () => resolve()));
  // Let the child start (tsx) before writing.
  await new Promise((resolve) => setTimeout(resolve, 1500));
  const writer = new StreamMessageWriter(proc.stdin);
  const start = now();
  await writer.write({
    jsonrpc: '2.0',
    method: 'textDocument/didOpen',
    params: { textDocument: { uri: 'file:///b.ocip.yaml', languageId: 'ocip-yaml', version: 1, text } },
  } as Message);
  await exited;
  const report = JSON.parse(out) as ChildReport;
  if (report.textLength !== text.length) throw new Error(`${kind}: read ${report.textLength} characters, sent ${text.length}`);
  return { ...report, start };
}

function time(f: () => unknown, runs: number): number {
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const s = performance.now();
    f();
    samples.push(performance.now() - s);
  }
  return summarize(samples).median;
}

async function main(): Promise<void> {
  const sizes = option('n', '10000,50000').split(',').map(Number);
  const runs = Number(option('runs', '5'));
  const r = (x: number) => x.toFixed(1);
  const load = () => loadavg().map(r).join(' / ');
  const loadAtStart = load();
  const out: string[] = [
    '## Reading a large didOpen (bench/read-path.ts)',
    '',
    "A child process reads stdin as server/main.ts does (FrameGuard, then a reader) while the bench writes one didOpen of the issue 12 shape with vscode-jsonrpc's StreamMessageWriter, as VS Code and bench/lsp-size.ts do. library: vscode-jsonrpc's StreamMessageReader (the server before); FrameReader: server/message-reader.ts (the body allocated from its Content-Length and filled as chunks arrive). Milliseconds, median (min–max) of alternating runs.",
    '',
    '| commands | reader | client: stringify + encode, before the first byte | transfer, first → last byte | last byte → message delivered | server CPU, first byte → delivered | peak RSS MB |',
    '|---|---|---|---|---|---|---|',
  ];
  for (const n of sizes) {
    const text = shapedYaml(n, SHAPES.issue5);
    const rows: Record<string, (ChildReport & { start: number })[]> = { library: [], FrameReader: [] };
    for (let i = 0; i < runs; i++) for (const kind of Object.keys(rows)) rows[kind].push(await once(kind, text));
    for (const [kind, rs] of Object.entries(rows)) {
      const m = (f: (x: ChildReport & { start: number }) => number) => {
        const s = summarize(rs.map(f));
        return `${r(s.median)} (${r(s.min)}–${r(s.max)})`;
      };
      out.push(
        `| ${n} | ${kind} | ${m((x) => x.firstByte - x.start)} | ${m((x) => x.lastByte - x.firstByte)} | ${m((x) => x.delivered - x.lastByte)} | ${m((x) => x.cpuMs)} | ${m((x) => x.peakMb)} |`,
      );
    }
  }
  out.push(
    '',
    "In process, one assembled body (median of 5): the decoders compared, and JSON.parse. Each pass over a fresh 44 MB costs about the same here (the memory is touched for the first time), so no decoder is faster; FrameReader keeps `Buffer#toString('utf-8')`, the library's own.",
    '',
    '| commands | MB | utf-8 toString | latin1 toString (after isAscii) | TextDecoder | JSON.parse |',
    '|---|---|---|---|---|---|',
  );
  for (const n of sizes) {
    const text = shapedYaml(n, SHAPES.issue5);
    const body = Buffer.from(JSON.stringify({ jsonrpc: '2.0', method: 'textDocument/didOpen', params: { textDocument: { text } } }));
    const decoded = body.toString('utf-8');
    const utf8 = time(() => body.toString('utf-8'), 5);
    const latin1 = time(() => (isAscii(body) ? body.toString('latin1') : body.toString('utf-8')), 5);
    const decoder = time(() => new TextDecoder().decode(body), 5);
    const parse = time(() => JSON.parse(decoded), 5);
    out.push(`| ${n} | ${r(body.length / 1e6)} | ${r(utf8)} | ${r(latin1)} | ${r(decoder)} | ${r(parse)} |`);
  }
  out.push('', `Load average (1 / 5 / 15 min) at start: ${loadAtStart}; at end: ${load()}.`);
  console.log(out.join('\n'));
}

if (process.argv.includes('--child')) child(option('child', 'FrameReader'));
else
  void main().catch((e: unknown) => {
    console.error(e);
    process.exit(1);
  });
