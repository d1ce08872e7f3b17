/**
 * The extension-host test suite: runs INSIDE VS Code's extension host, against the VS Code API, with the packaged
 * extension active. Entry point `run()` is what VS Code calls for `--extensionTestsPath`:
 * - desktop VS Code through @vscode/test-electron: `npm run test:electron` (downloads VS Code; needs the internet);
 * - code-server here: test/e2e/extension-host.test.ts opens the workbench with the same `extensionTestsPath`.
 * The workspace is test/e2e/workspace (a copy). Bundled by esbuild.mjs into out/test/vscode/suite.js.
 * No test framework: VS Code's host gives a test module only `run()`, so the cases are a list run in order, each
 * failure collected with its name; run() throws when any failed (that is how VS Code learns the outcome) and
 * writes a JSON report next to the workspace when OCIP_HOST_TEST_REPORT names a file.
 */
import * as vscode from 'vscode';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';

type Case = { name: string; fn: () => Promise<void> };
const cases: Case[] = [];
const test = (name: string, fn: () => Promise<void>) => cases.push({ name, fn });

const EXTENSION_ID = 'ocip-tools.ocip-vscode';
const TIMEOUT_MS = 60_000;

function folder(): vscode.Uri {
  const f = vscode.workspace.workspaceFolders?.[0];
  assert.ok(f, 'a workspace folder is open');
  return f.uri;
}

const fileUri = (name: string) => vscode.Uri.joinPath(folder(), name);

/** Resolves when `pred` holds for the diagnostics of `uri` (checked now and on every change). */
function diagnosticsWhen(uri: vscode.Uri, pred: (d: readonly vscode.Diagnostic[]) => boolean, what: string): Promise<vscode.Diagnostic[]> {
  return new Promise((resolve, reject) => {
    const check = () => {
      const d = vscode.languages.getDiagnostics(uri).filter((x) => x.source === 'ocip');
      if (pred(d)) {
        sub.dispose();
        clearTimeout(timer);
        resolve(d);
        return true;
      }
      return false;
    };
    const sub = vscode.languages.onDidChangeDiagnostics((e) => e.uris.some((u) => u.toString() === uri.toString()) && check());
    const timer = setTimeout(() => {
      sub.dispose();
      reject(
        new Error(
          `timed out waiting for ${what} on ${uri.path}: ${JSON.stringify(vscode.languages.getDiagnostics(uri).map((d) => codeOf(d)))}`,
        ),
      );
    }, TIMEOUT_MS);
    check();
  });
}

function codeOf(d: vscode.Diagnostic): string {
  return typeof d.code === 'object' ? String(d.code.value) : String(d.code);
}

async function open(name: string): Promise<vscode.TextEditor> {
  const doc = await vscode.workspace.openTextDocument(fileUri(name));
  return vscode.window.showTextDocument(doc);
}

async function setSetting(key: string, value: unknown): Promise<void> {
  await vscode.workspace.getConfiguration('ocip').update(key, value, vscode.ConfigurationTarget.Workspace);
}

test('the extension is active and registers every command of its manifest', async () => {
  const ext = vscode.extensions.getExtension(EXTENSION_ID);
  assert.ok(ext, `${EXTENSION_ID} is installed`);
  await open('missing-lastName.ocip.yaml');
  await ext.activate();
  const all = new Set(await vscode.commands.getCommands(true));
  const declared = (ext.packageJSON.contributes.commands as { command: string }[]).map((c) => c.command);
  assert.ok(declared.includes('ocip.restartServer') && declared.includes('ocip.showOutput'));
  for (const c of declared) assert.ok(all.has(c), `command ${c} is registered`);
});

test('diagnostics: the missing lastName is an error whose code links to docs/rules.md', async () => {
  const uri = fileUri('missing-lastName.ocip.yaml');
  await open('missing-lastName.ocip.yaml');
  const diags = await diagnosticsWhen(uri, (d) => d.some((x) => codeOf(x) === 'OCI-MISSING'), 'OCI-MISSING');
  const missing = diags.find((x) => codeOf(x) === 'OCI-MISSING')!;
  assert.equal(missing.severity, vscode.DiagnosticSeverity.Error);
  assert.match(missing.message, /`lastName`/);
  assert.equal(missing.range.start.line, 2);
  assert.ok(typeof missing.code === 'object', 'the code carries a link');
  assert.equal(missing.code.target.toString(), 'https://github.com/ocip-tools/ocip-vscode/blob/main/docs/rules.md#oci-missing');
});

test('ocip.diagnostics.severity: a rule set to warning, then off, then back', async () => {
  const uri = fileUri('missing-lastName.ocip.yaml');
  await open('missing-lastName.ocip.yaml');
  try {
    await setSetting('diagnostics.severity', { 'OCI-MISSING': 'warning' });
    await diagnosticsWhen(
      uri,
      (d) => d.some((x) => codeOf(x) === 'OCI-MISSING' && x.severity === vscode.DiagnosticSeverity.Warning),
      'OCI-MISSING as a warning',
    );
    await setSetting('diagnostics.severity', { 'OCI-MISSING': 'off' });
    await diagnosticsWhen(uri, (d) => !d.some((x) => codeOf(x) === 'OCI-MISSING'), 'OCI-MISSING gone');
  } finally {
    await setSetting('diagnostics.severity', undefined);
  }
  await diagnosticsWhen(
    uri,
    (d) => d.some((x) => codeOf(x) === 'OCI-MISSING' && x.severity === vscode.DiagnosticSeverity.Error),
    'OCI-MISSING an error again',
  );
});

test('completion: the required lastName is offered on the empty line', async () => {
  const editor = await open('completion.ocip.yaml');
  const line = editor.document
    .getText()
    .split('\n')
    .findIndex((l) => l === '');
  assert.ok(line > 0);
  const list = await vscode.commands.executeCommand<vscode.CompletionList>(
    'vscode.executeCompletionItemProvider',
    editor.document.uri,
    new vscode.Position(line, 0),
  );
  const labels = list.items.map((i) => (typeof i.label === 'string' ? i.label : i.label.label));
  assert.ok(labels.includes('lastName'), labels.slice(0, 20).join(', '));
});

test('hover: an element name shows its type and occurrences', async () => {
  const editor = await open('missing-lastName.ocip.yaml');
  const line = editor.document
    .getText()
    .split('\n')
    .findIndex((l) => l.startsWith('firstName:'));
  const hovers = await vscode.commands.executeCommand<vscode.Hover[]>(
    'vscode.executeHoverProvider',
    editor.document.uri,
    new vscode.Position(line, 2),
  );
  const text = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : 'value' in c ? c.value : ''))).join('\n');
  assert.match(text, /firstName/);
});

test('quick fix: adding the missing lastName', async () => {
  const uri = fileUri('missing-lastName.ocip.yaml');
  await open('missing-lastName.ocip.yaml');
  const diags = await diagnosticsWhen(uri, (d) => d.some((x) => codeOf(x) === 'OCI-MISSING'), 'OCI-MISSING');
  const missing = diags.find((x) => codeOf(x) === 'OCI-MISSING')!;
  const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
    'vscode.executeCodeActionProvider',
    uri,
    missing.range,
    vscode.CodeActionKind.QuickFix.value,
  );
  const add = actions.find((a) => /lastName/.test(a.title));
  assert.ok(add?.edit, actions.map((a) => a.title).join(' | '));
  assert.ok(add.edit.get(uri).some((e) => e.newText.includes('lastName')));
});

test('Convert to XML opens the XML beside the file, leaving the file as it was', async () => {
  const editor = await open('valid.ocip.yaml');
  const before = editor.document.getText();
  await vscode.commands.executeCommand('ocip.convertToXml');
  const xml = await waitFor(
    () => vscode.window.visibleTextEditors.find((e) => e.document.languageId === 'ocip-xml' && e.document.uri.scheme === 'untitled'),
    'the converted XML editor',
  );
  assert.match(xml.document.getText(), /<BroadsoftDocument[^>]*protocol="OCI"/);
  assert.equal(editor.document.getText(), before);
  await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
});

test('Restart Language Server: diagnostics come back from the new server', async () => {
  const uri = fileUri('missing-lastName.ocip.yaml');
  await open('missing-lastName.ocip.yaml');
  await vscode.commands.executeCommand('ocip.restartServer');
  // The restarted server publishes the document's diagnostics again.
  await diagnosticsWhen(uri, (d) => d.some((x) => codeOf(x) === 'OCI-MISSING'), 'OCI-MISSING after restart');
  // And it answers requests.
  const editor = await open('completion.ocip.yaml');
  const line = editor.document
    .getText()
    .split('\n')
    .findIndex((l) => l === '');
  const list = await vscode.commands.executeCommand<vscode.CompletionList>(
    'vscode.executeCompletionItemProvider',
    editor.document.uri,
    new vscode.Position(line, 0),
  );
  assert.ok(list.items.length > 0);
});

test('Show Output runs; the ocip task type provides "validate" with the $ocip problem matcher', async () => {
  await vscode.commands.executeCommand('ocip.showOutput');
  const tasks = await vscode.tasks.fetchTasks({ type: 'ocip' });
  const validate = tasks.find((t) => t.name === 'validate');
  assert.ok(validate, tasks.map((t) => t.name).join(', '));
  assert.deepEqual(validate.problemMatchers, ['$ocip']);
  const exec = validate.execution as vscode.ProcessExecution;
  assert.ok(exec.args.some((a) => a.endsWith('cli.js')) && exec.args.includes('validate'), JSON.stringify(exec.args));
});

test('ocip.serverChecks onSave: saving checks the file against the active server (the local simulator), reads only', async () => {
  // The local simulator becomes the active server with its one-time password stored (no prompt): what onSave needs.
  await vscode.commands.executeCommand('ocip.startSimulator');
  await setSetting('serverChecks', 'onSave');
  const uri = fileUri('server-check-on-save.ocip.yaml');
  const text = [
    'command: UserConsolidatedAddRequest22',
    'serviceProviderId: no-such-provider',
    'groupId: acme-hq',
    'userId: on.save@acme.example.com',
    'lastName: Save',
    'firstName: On',
    'callingLineIdLastName: Save',
    'callingLineIdFirstName: On',
    'password: Pear-0-Sun',
    '',
  ].join('\n');
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
  try {
    const doc = await vscode.workspace.openTextDocument(uri);
    const editor = await vscode.window.showTextDocument(doc);
    const serverDiagnostics = () => vscode.languages.getDiagnostics(uri).filter((d) => (d.source ?? '').startsWith('OCI-P server'));
    assert.deepEqual(serverDiagnostics(), [], 'no server check before a save');
    await editor.edit((e) => e.insert(new vscode.Position(doc.lineCount - 1, 0), '# saved\n'));
    await doc.save();
    const found = await waitFor(() => {
      const d = serverDiagnostics();
      return d.some((x) => codeOf(x) === 'OCI-SERVER-SP-NOT-FOUND') ? d : undefined;
    }, 'OCI-SERVER-SP-NOT-FOUND after the save');
    const sp = found.find((x) => codeOf(x) === 'OCI-SERVER-SP-NOT-FOUND')!;
    assert.equal(sp.range.start.line, 1, 'on serviceProviderId');
    assert.equal(sp.severity, vscode.DiagnosticSeverity.Error);
  } finally {
    await setSetting('serverChecks', undefined);
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
    await vscode.commands.executeCommand('ocip.stopSimulator');
    await vscode.workspace.fs.delete(uri);
  }
});

test('CodeLens on 2,000 commands: Send and Check near the view, more after scrolling (client/send/codelens-window.ts)', async () => {
  // Command i's head is on line 3 i (command, userId, ---).
  const content = Array.from({ length: 2000 }, (_, i) => `command: UserGetRequest23V2\nuserId: lens.${i}@acme.example.com\n`).join('---\n');
  const doc = await vscode.workspace.openTextDocument({ language: 'ocip-yaml', content });
  const editor = await vscode.window.showTextDocument(doc);
  /** Line → titles of its resolved lenses. */
  const lensLines = async () => {
    const lenses = (await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', doc.uri, 100_000)) ?? [];
    const byLine = new Map<number, string[]>();
    for (const l of lenses) byLine.set(l.range.start.line, [...(byLine.get(l.range.start.line) ?? []), l.command?.title ?? '']);
    return byLine;
  };
  const until = async (pred: (m: Map<number, string[]>) => boolean, what: string) => {
    const end = Date.now() + TIMEOUT_MS;
    for (;;) {
      const m = await lensLines();
      if (pred(m)) return m;
      if (Date.now() > end) throw new Error(`timed out waiting for ${what}: lenses on ${[...m.keys()].slice(0, 20).join(', ')}…`);
      await new Promise((r) => setTimeout(r, 200));
    }
  };
  const both = (titles: string[] | undefined) => !!titles && titles.some((t) => /Send$/.test(t)) && titles.some((t) => /Check$/.test(t));
  try {
    const top = await until((m) => both(m.get(3)), 'Send and Check on command 2');
    assert.ok(
      top.get(0)!.some((t) => t.includes('Send all (2000)')),
      JSON.stringify(top.get(0)),
    );
    assert.ok(top.size < 1000, `only the lenses near the view (${top.size} lines have lenses)`);
    assert.ok(!top.has(3 * 1500), 'none far below the view');
    editor.revealRange(new vscode.Range(3 * 1500, 0, 3 * 1500, 0), vscode.TextEditorRevealType.AtTop);
    const scrolled = await until((m) => both(m.get(3 * 1500)) && both(m.get(3 * 1510)), 'Send and Check on command 1500 after scrolling');
    assert.ok(
      scrolled.get(0)!.some((t) => t.includes('Send all (2000)')),
      'Send all stays at the top',
    );
  } finally {
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  }
});

async function waitFor<T>(get: () => T | undefined, what: string): Promise<T> {
  const end = Date.now() + TIMEOUT_MS;
  for (;;) {
    const v = get();
    if (v) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

export async function run(): Promise<void> {
  const results: { name: string; ok: boolean; error?: string }[] = [];
  for (const c of cases) {
    try {
      await c.fn();
      results.push({ name: c.name, ok: true });
      console.log(`ok - ${c.name}`);
    } catch (e) {
      results.push({ name: c.name, ok: false, error: (e as Error).stack ?? String(e) });
      console.error(`not ok - ${c.name}\n${(e as Error).stack ?? e}`);
    }
  }
  const report = process.env.OCIP_HOST_TEST_REPORT;
  if (report) writeFileSync(report, JSON.stringify(results, null, 2));
  const failed = results.filter((r) => !r.ok);
  if (failed.length)
    throw new Error(`${failed.length} of ${results.length} extension-host tests failed: ${failed.map((f) => f.name).join('; ')}`);
}
