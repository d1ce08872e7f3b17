/**
 * The web build's bundles (esbuild.mjs: dist/web/client.js, dist/web/server.js), checked fast, without a browser
 * (test/e2e/web-build.test.ts runs them in code-server's web worker extension host):
 * - neither requires a Node built-in (the client requires only `vscode`);
 * - the server bundle runs in a bare JavaScript context with only what a web worker has (no require, process,
 *   Buffer, setImmediate, file system) and answers LSP over postMessage: diagnostics, also for a command whose
 *   model chunk is not the bundled core chunk, completion and hover.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { builtinModules } from 'node:module';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import vm from 'node:vm';
import {
  AbstractMessageReader,
  AbstractMessageWriter,
  createMessageConnection,
  type DataCallback,
  type Disposable,
  type Message,
  type MessageConnection,
} from 'vscode-jsonrpc/node';
import type { CompletionItem, CompletionList, Hover, PublishDiagnosticsParams } from 'vscode-languageserver-protocol';

const REPO = join(__dirname, '..', '..');
const CLIENT = join(REPO, 'dist/web/client.js');
const SERVER = join(REPO, 'dist/web/server.js');
const WORKSPACE = join(REPO, 'test/e2e/workspace');

/** Every module name a bundle loads with require("..."). */
function requiredModules(bundle: string): string[] {
  return [...new Set([...readFileSync(bundle, 'utf8').matchAll(/\brequire\(\s*["'`]([^"'`]+)["'`]\s*\)/g)].map((m) => m[1]))];
}

const NODE_BUILTINS = new Set([...builtinModules, ...builtinModules.map((m) => `node:${m}`)]);

test('the web client bundle requires nothing but vscode', () => {
  assert.deepEqual(requiredModules(CLIENT), ['vscode']);
});

test('the web server bundle requires no module at all, and no Node built-in is named in either bundle', () => {
  assert.deepEqual(requiredModules(SERVER), []);
  for (const bundle of [CLIENT, SERVER])
    assert.deepEqual(
      requiredModules(bundle).filter((m) => NODE_BUILTINS.has(m)),
      [],
      bundle,
    );
});

/** The test's side of postMessage. */
class PortReader extends AbstractMessageReader {
  private callback?: DataCallback;
  listen(callback: DataCallback): Disposable {
    this.callback = callback;
    return { dispose: () => (this.callback = undefined) };
  }
  deliver(message: Message): void {
    this.callback?.(message);
  }
}
class PortWriter extends AbstractMessageWriter {
  constructor(private readonly send: (message: Message) => void) {
    super();
  }
  async write(message: Message): Promise<void> {
    this.send(message);
  }
  end(): void {}
}

interface WorkerServer {
  conn: MessageConnection;
  /** Ends the worker: its timers are cleared (a real worker is terminated). */
  terminate(): void;
  logs: string[];
  diagnostics: Map<string, PublishDiagnosticsParams>;
  waitForDiagnostics(uri: string, pred: (p: PublishDiagnosticsParams) => boolean): Promise<PublishDiagnosticsParams>;
  errors: string[];
}

/**
 * dist/web/server.js in a fresh context whose globals are a web worker's (the ones the bundle may use), messages
 * passed as JSON as structured clone would. Node's own globals (require, process, Buffer, setImmediate) are absent.
 */
function startWorkerServer(): WorkerServer {
  const reader = new PortReader();
  const errors: string[] = [];
  const timers = new Set<ReturnType<typeof setTimeout>>();
  const channels: InstanceType<typeof MessageChannel>[] = [];
  const intervals = new Set<ReturnType<typeof setInterval>>();
  const worker: Record<string, unknown> = {
    console: { log: () => undefined, info: () => undefined, warn: () => undefined, error: (...a: unknown[]) => errors.push(a.join(' ')) },
    setTimeout: (fn: () => void, ms?: number, ...args: unknown[]) => {
      const t = setTimeout(() => {
        timers.delete(t);
        (fn as (...a: unknown[]) => void)(...args);
      }, ms);
      timers.add(t);
      return t;
    },
    clearTimeout: (t: ReturnType<typeof setTimeout>) => {
      timers.delete(t);
      clearTimeout(t);
    },
    setInterval: (fn: () => void, ms?: number) => {
      const t = setInterval(fn, ms);
      intervals.add(t);
      return t;
    },
    clearInterval: (t: ReturnType<typeof setInterval>) => {
      intervals.delete(t);
      clearInterval(t);
    },
    queueMicrotask,
    TextEncoder,
    TextDecoder,
    MessageChannel: class extends MessageChannel {
      constructor() {
        super();
        channels.push(this);
      }
    },
    URL,
    performance,
    postMessage: (message: unknown) => {
      const copy = JSON.parse(JSON.stringify(message)) as Message;
      setTimeout(() => reader.deliver(copy), 0);
    },
    addEventListener: () => undefined,
    removeEventListener: () => undefined,
  };
  worker.self = worker;
  const context = vm.createContext(worker);
  vm.runInContext(readFileSync(SERVER, 'utf8'), context, { filename: SERVER });
  assert.equal(typeof worker.onmessage, 'function', 'the server listens on self.onmessage (BrowserMessageReader)');
  const deliverIn = vm.runInContext('(text) => self.onmessage({ data: JSON.parse(text) })', context) as (text: string) => void;
  const writer = new PortWriter((message) => setTimeout(() => deliverIn(JSON.stringify(message)), 0));
  const conn = createMessageConnection(reader, writer);
  const logs: string[] = [];
  const diagnostics = new Map<string, PublishDiagnosticsParams>();
  let waiters: { uri: string; pred: (p: PublishDiagnosticsParams) => boolean; resolve: (p: PublishDiagnosticsParams) => void }[] = [];
  conn.onNotification('window/logMessage', (p: { message: string }) => logs.push(p.message));
  conn.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => {
    diagnostics.set(p.uri, p);
    const ready = waiters.filter((w) => w.uri === p.uri && w.pred(p));
    waiters = waiters.filter((w) => !ready.includes(w));
    for (const w of ready) w.resolve(p);
  });
  conn.onRequest('workspace/configuration', (params: { items: unknown[] }) => params.items.map(() => ({})));
  conn.onRequest('client/registerCapability', () => null);
  conn.onRequest('window/workDoneProgress/create', () => null);
  conn.listen();
  return {
    conn,
    terminate() {
      conn.dispose();
      for (const t of timers) clearTimeout(t);
      for (const t of intervals) clearInterval(t);
      for (const c of channels) c.port1.close();
    },
    logs,
    diagnostics,
    errors,
    waitForDiagnostics: (uri, pred) => {
      const now = diagnostics.get(uri);
      if (now && pred(now)) return Promise.resolve(now);
      return new Promise((resolve) => waiters.push({ uri, pred, resolve }));
    },
  };
}

const fileText = (name: string) => readFileSync(join(WORKSPACE, name), 'utf8');

test('the web server bundle answers LSP in a context with only a web worker’s globals', async () => {
  const server = startWorkerServer();
  const { conn } = server;
  try {
    const init = (await conn.sendRequest('initialize', {
      processId: null,
      rootUri: null,
      capabilities: { workspace: { configuration: true } },
      workspaceFolders: null,
    })) as { capabilities: Record<string, unknown>; serverInfo: { name: string } };
    assert.equal(init.serverInfo.name, 'ocip-language-server');
    assert.ok(init.capabilities.completionProvider && init.capabilities.hoverProvider && init.capabilities.documentSymbolProvider);
    await conn.sendNotification('initialized', {});

    const open = async (uri: string, languageId: string, text: string) =>
      conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version: 1, text } });

    // A mistake in UserConsolidatedAddRequest22 (the bundled core chunk).
    const missing = 'memfs:/ws/missing-lastName.ocip.yaml';
    await open(missing, 'ocip-yaml', fileText('missing-lastName.ocip.yaml'));
    const found = await server.waitForDiagnostics(missing, (p) => p.diagnostics.some((d) => d.code === 'OCI-MISSING'));
    assert.match(found.diagnostics.find((d) => d.code === 'OCI-MISSING')!.message, /lastName/);

    // A rule that measures UTF-8 bytes (OCI-SP-BYTES: Node's Buffer is not there).
    const bytes = 'memfs:/ws/bytes.ocip.yaml';
    const sp = 'é'.repeat(20);
    await open(bytes, 'ocip-yaml', fileText('valid.ocip.yaml').replace(/^serviceProviderId: .*$/m, `serviceProviderId: ${sp}`));
    const bytesFound = await server.waitForDiagnostics(bytes, (p) => p.diagnostics.some((d) => d.code === 'OCI-SP-BYTES'));
    assert.match(bytesFound.diagnostics.find((d) => d.code === 'OCI-SP-BYTES')!.message, /40 bytes/);

    // A command whose types live in another chunk: read from the strings bundled in (chunk-reader.web.ts).
    const other = 'memfs:/ws/group.ocip.yaml';
    await open(other, 'ocip-yaml', 'command: GroupAdminDeleteRequest\n');
    const otherFound = await server.waitForDiagnostics(other, (p) => p.diagnostics.length > 0);
    assert.ok(
      otherFound.diagnostics.some((d) => d.code === 'OCI-MISSING' && /userId/.test(d.message)),
      JSON.stringify(otherFound.diagnostics),
    );

    // Completion on the empty line of a command without lastName offers lastName first.
    const completionUri = 'memfs:/ws/completion.ocip.yaml';
    const completionText = fileText('completion.ocip.yaml');
    await open(completionUri, 'ocip-yaml', completionText);
    const emptyLine = completionText.split('\n').indexOf('');
    const completion = (await conn.sendRequest('textDocument/completion', {
      textDocument: { uri: completionUri },
      position: { line: emptyLine, character: 0 },
    })) as CompletionList | CompletionItem[];
    const items = Array.isArray(completion) ? completion : completion.items;
    const labels = [...items].sort((a, b) => (a.sortText ?? a.label).localeCompare(b.sortText ?? b.label)).map((i) => i.label);
    assert.equal(labels[0], 'lastName', labels.slice(0, 5).join(', '));

    // Hover on passcode.
    const hoverUri = 'memfs:/ws/outline-hover.ocip.yaml';
    const hoverText = fileText('outline-hover.ocip.yaml');
    await open(hoverUri, 'ocip-yaml', hoverText);
    const line = hoverText.split('\n').findIndex((l) => l.startsWith('passcode:'));
    const hover = (await conn.sendRequest('textDocument/hover', {
      textDocument: { uri: hoverUri },
      position: { line, character: 2 },
    })) as Hover;
    const value = typeof hover.contents === 'object' && 'value' in hover.contents ? hover.contents.value : JSON.stringify(hover.contents);
    assert.match(value, /passcode/);
    assert.match(value, /Ignored in XS data mode/);

    assert.ok(
      server.logs.some((l) => /OCI-P language server [\d.]+ started \(web worker\)/.test(l)),
      server.logs.join('\n'),
    );
    assert.deepEqual(server.errors, []);
  } finally {
    await conn.sendRequest('shutdown').catch(() => undefined);
    server.terminate();
  }
});

test('every command the manifest contributes is registered by the web client (working, or saying it needs the desktop)', () => {
  const manifest = JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8')) as { contributes: { commands: { command: string }[] } };
  const client = readFileSync(CLIENT, 'utf8');
  const missing = manifest.contributes.commands
    .map((c) => c.command)
    .filter((id) => !client.includes(`"${id}"`) && !client.includes(`'${id}'`));
  assert.deepEqual(missing, [], 'add them to client/web (or to DESKTOP_ONLY_COMMANDS in client/web/desktop-only.ts)');
});
