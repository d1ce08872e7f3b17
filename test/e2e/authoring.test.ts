// Authoring help from the language server, seen where the user sees it: hovers, the completion list,
// a quick fix from the lightbulb menu (Ctrl+.) and the Outline view.
import { after, before } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_WORKSPACE, VSCodeSession, e2eTest } from './harness';
import { localizedManifest } from '../helpers/manifest';

const manifest = localizedManifest();

let vs: VSCodeSession | undefined;

/** 1-based line and column of the first occurrence of `text` in a workspace file. */
function positionOf(file: string, text: string): { line: number; column: number } {
  const lines = readFileSync(join(DEFAULT_WORKSPACE, file), 'utf8').split('\n');
  const index = lines.findIndex((l) => l.includes(text));
  assert.ok(index >= 0, `${text} not in ${file}`);
  return { line: index + 1, column: lines[index].indexOf(text) + 1 };
}

before(async () => {
  vs = await VSCodeSession.start();
  // Activated (which waits for the language server's initialize), so the first hover or completion is not asked
  // before the providers are registered. Not a diagnostic: a broken diagnostics path must not fail these tests.
  await vs.openFile('snake-case.ocip.yaml');
  await vs.runningExtension(manifest.displayName);
  await vs.runCommand('View: Close All Editors');
});

after(async () => {
  await vs?.close();
});

e2eTest(
  'hover on passcode says it is ignored in XS data mode',
  () => vs,
  async () => {
    const file = 'outline-hover.ocip.yaml';
    await vs!.openFile(file);
    const at = positionOf(file, 'passcode:');
    const text = await vs!.hoverAt(at.line, at.column + 2);
    assert.match(text, /^passcode\b/);
    assert.match(text, /Ignored in XS data mode/);
    assert.match(text, /OCI-XS-IGNORED/);
  },
);

e2eTest(
  "hover on the command name shows the command's documentation",
  () => vs,
  async () => {
    const file = 'outline-hover.ocip.yaml';
    await vs!.openFile(file);
    const at = positionOf(file, 'UserConsolidatedAddRequest22');
    const text = await vs!.hoverAt(at.line, at.column + 5);
    assert.match(text, /^UserConsolidatedAddRequest22/);
    assert.match(text, /Adds a user/);
    assert.match(text, /In XS data mode:/);
  },
);

e2eTest(
  'completion on an empty line of a command without lastName offers lastName first',
  () => vs,
  async () => {
    const file = 'completion.ocip.yaml';
    await vs!.openFile(file);
    const empty = readFileSync(join(DEFAULT_WORKSPACE, file), 'utf8').split('\n').indexOf('') + 1;
    assert.ok(empty > 2, 'the file has an empty line inside the command');
    await vs!.goTo(empty, 1);
    const labels = await vs!.triggerCompletion();
    assert.equal(labels[0], 'lastName');
    // Elements already present are not offered again.
    assert.ok(!labels.includes('firstName'), `firstName is already there: ${labels.join(', ')}`);
    await vs!.page.keyboard.press('Escape');
  },
);

e2eTest(
  'completion in a userServiceName value offers "Shared Call Appearance"',
  () => vs,
  async () => {
    const file = 'completion.ocip.yaml';
    await vs!.openFile(file);
    const at = positionOf(file, 'userServiceName: Shared');
    await vs!.goTo(at.line, at.column + 'userServiceName: Shared'.length);
    const labels = await vs!.triggerCompletion();
    assert.equal(labels[0], 'Shared Call Appearance');
    assert.ok(
      labels.every((l) => /^S|Shar/i.test(l)),
      `only matching services: ${labels.join(', ')}`,
    );
    await vs!.page.keyboard.press('Escape');
  },
);

e2eTest(
  'the quick fix "Rename to `lastName`" (Ctrl+.) renames last_name and the problem goes away',
  () => vs,
  async () => {
    const file = 'snake-case.ocip.yaml';
    await vs!.openFile(file);
    const problem = await vs!.waitForProblem(/last_name/, file);
    assert.equal(problem.line, positionOf(file, 'last_name:').line);
    await vs!.goTo(problem.line, problem.column + 2);
    const fixes = await vs!.quickFixes();
    assert.ok(fixes.includes('Rename to `lastName`'), `offered: ${JSON.stringify(fixes)}`);
    await vs!.applyQuickFix('Rename to `lastName`');
    const lines = (await vs!.readEditorText()).split('\n');
    assert.equal(lines[problem.line - 1], 'lastName: Doe');
    assert.ok(!lines.some((l) => l.startsWith('last_name')), lines.join('\n'));
    await vs!.waitForNoProblem(/last_name|lastName/, file);
  },
);

e2eTest(
  'the Outline view shows the command with its user id and the nested elements',
  () => vs,
  async () => {
    await vs!.openFile('outline-hover.ocip.yaml');
    const rows = await vs!.outline();
    const text = rows.map((r) => `${'  '.repeat(r.level - 1)}${r.label} ${r.detail}`.trimEnd());
    assert.equal(rows[0].level, 1, text.join('\n'));
    // The command's label names the user it adds; the detail is its number in the file.
    assert.equal(rows[0].label, 'UserConsolidatedAddRequest22 mary.major@example.com', text.join('\n'));
    assert.equal(rows[0].detail, '#1');
    const find = (label: string) => rows.findIndex((r) => r.label === label);
    for (const element of ['userId', 'lastName', 'passcode', 'department', 'userService']) {
      assert.equal(rows[find(element)]?.level, 2, `${element} under the command:\n${text.join('\n')}`);
    }
    // department's children are nested one level deeper, under department.
    const department = find('department');
    const name = rows.findIndex((r, i) => i > department && r.label === 'name');
    assert.ok(name > department, text.join('\n'));
    assert.equal(rows[name].level, 3, text.join('\n'));
    assert.equal(rows[name].detail, 'Sales');
    // Secrets are not shown in the outline.
    assert.equal(rows[find('password')].detail, '********');
  },
);
