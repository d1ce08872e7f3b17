/**
 * Send CodeLens on a large file: what one keystroke costs the extension host. The extension's real provider
 * (client/send/codelens.ts, bundled with a `vscode` shim: bench/vscode-shim.ts) asks the language server
 * (ocip/codeLenses) and builds the lenses; the extension host pays for parsing the JSON-RPC response, building
 * the lenses, resolving the visible ones and VS Code's conversion of each returned lens to its wire form (imitated:
 * one object per lens, as ExtHostCodeLens does, serialised with JSON.stringify for the message to the window). One
 * editor shows 50 lines around the edit (the provider returns only the lenses near them in a large file). The
 * server's answer time is reported beside it (it runs in its own process). For comparison: the provider before
 * (parseSource of the whole text in the extension host on every request).
 */
import { build } from 'esbuild';
import { mkdtempSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseSource } from '../core/syntax';
import { CODE_LENS_REQUEST, type CodeLensResult } from '../core/protocol/messages';
import { BenchLspClient, positionAt } from './lsp-client';
import { middleOffsets } from './generate';
import { summarize, type Summary } from './stats';

export interface CodeLensBench {
  commands: number;
  /** Lenses the provider returned to VS Code (the last keystroke's). */
  lenses: number;
  /** Extension host per keystroke: JSON parse + provideCodeLenses + resolving 60 visible lenses + conversion and serialisation. */
  extensionHost: Summary;
  /** The same, CPU time of the measuring process (less sensitive to other load on the machine). */
  extensionHostCpu: Summary;
  /** Language server: request sent → response received, after each edit. */
  serverRoundTrip: Summary;
  /** The previous provider: parseSource of the whole file in the extension host. */
  previousExtensionHost: Summary;
}

interface ProviderModule {
  SendCodeLens: new (client: () => Promise<unknown>) => {
    provideCodeLenses(
      doc: { uri: { toString(): string }; lineCount: number },
      token: unknown,
    ): Promise<{ range: { start: { line: number; character: number }; end: { line: number; character: number } } }[]>;
    resolveCodeLens(lens: unknown): unknown;
  };
}

async function loadProvider(repo: string): Promise<ProviderModule> {
  const out = join(mkdtempSync(join(tmpdir(), 'ocip-bench-lens-')), 'codelens.js');
  await build({
    entryPoints: [join(repo, 'client', 'send', 'codelens.ts')],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    outfile: out,
    alias: { vscode: join(repo, 'bench', 'vscode-shim.ts') },
    external: ['vscode-languageclient'],
    logLevel: 'silent',
  });
  return createRequire(__filename)(out) as ProviderModule;
}

export async function benchCodeLens(repo: string, text: string, path: string, keystrokes: number): Promise<CodeLensBench> {
  const { SendCodeLens } = await loadProvider(repo);
  const uri = pathToFileURL(path).href;
  const client = new BenchLspClient([join(repo, 'dist', 'server.js'), '--stdio'], () => ({ diagnostics: { debounceMs: 200 } }));
  try {
    await client.initialize(null);
    const opened = client.nextPublication(uri);
    client.open(uri, 'ocip-yaml', text);
    await opened;
    const at = positionAt(text, middleOffsets(text, 'yaml').edit);
    const doc = { uri: { toString: () => uri }, lineCount: text.split('\n').length };
    // One editor showing 50 lines around the edit (read by bench/vscode-shim.ts).
    const view = { start: { line: Math.max(0, at.line - 25) }, end: { line: at.line + 25 } };
    (globalThis as { ocipBenchVisibleEditors?: unknown[] }).ocipBenchVisibleEditors = [{ document: doc, visibleRanges: [view] }];
    let commands = 0;
    const host: number[] = [];
    const hostCpu: number[] = [];
    const round: number[] = [];
    let lenses = 0;
    for (let i = 0; i < keystrokes; i++) {
      client.edit(uri, { start: at, end: at }, i % 2 ? '' : 'x'); // type and delete a character, alternately
      if (i % 2) client.edit(uri, { start: at, end: { line: at.line, character: at.character + 1 } }, '');
      const sent = performance.now();
      const result = await client.request<CodeLensResult>(CODE_LENS_REQUEST, { uri });
      round.push(performance.now() - sent);
      // The extension host's share: the response as it arrives on the wire, then the provider.
      const wire = JSON.stringify({ jsonrpc: '2.0', id: i, result });
      const start = performance.now();
      const cpu = process.cpuUsage();
      const parsed = (JSON.parse(wire) as { result: CodeLensResult }).result;
      const provider = new SendCodeLens(async () => ({ sendRequest: async () => parsed }));
      const built = await provider.provideCodeLenses(doc, { isCancellationRequested: false });
      for (const lens of built.slice(0, 60)) provider.resolveCodeLens(lens);
      const dto = built.map((l, n) => ({
        cacheId: [i, n],
        range: {
          startLineNumber: l.range.start.line + 1,
          startColumn: l.range.start.character + 1,
          endLineNumber: l.range.end.line + 1,
          endColumn: l.range.end.character + 1,
        },
      }));
      JSON.stringify({ cacheId: i, lenses: dto });
      host.push(performance.now() - start);
      const used = process.cpuUsage(cpu);
      hostCpu.push((used.user + used.system) / 1000);
      lenses = dto.length;
      commands = parsed?.lines.length ?? 0;
    }
    const previous: number[] = [];
    for (let i = 0; i < Math.min(5, keystrokes); i++) {
      const start = performance.now();
      parseSource(text, 'yaml').commands.length;
      previous.push(performance.now() - start);
    }
    return {
      commands,
      lenses,
      extensionHost: summarize(host),
      extensionHostCpu: summarize(hostCpu),
      serverRoundTrip: summarize(round),
      previousExtensionHost: summarize(previous),
    };
  } finally {
    await client.close();
  }
}
