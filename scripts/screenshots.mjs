// Saves the README screenshots into media/screenshots/ with the e2e harness (real VS Code in code-server).
//   npm run screenshots [-- --workspace DIR]     (needs tsx: the npm script runs `node --import tsx`)
// Each shot waits for what it shows (a Problems entry, a hover) and fails with a clear message when the
// feature is not there yet; the other shots are still taken. Exit code 1 if any shot failed.
import { join, resolve } from 'node:path';
import { DEFAULT_WORKSPACE, VSCodeSession } from '../test/e2e/harness.ts';
import { REPO_ROOT } from '../test/e2e/prerequisites.ts';

const args = process.argv.slice(2);
const at = args.indexOf('--workspace');
const workspace = at >= 0 ? resolve(args[at + 1]) : DEFAULT_WORKSPACE;
const outDir = join(REPO_ROOT, 'media/screenshots');

/** 1-based line of the first line containing `text` in the active editor. */
async function lineOf(vs, text) {
  const lines = (await vs.readEditorText()).split('\n');
  const index = lines.findIndex((l) => l.includes(text));
  if (index < 0) throw new Error(`"${text}" is not in the open file`);
  return { line: index + 1, column: lines[index].indexOf(text) + 1 };
}

const shots = [
  {
    name: 'yaml-diagnostics-hover',
    async take(vs) {
      await vs.openFile('missing-lastName.ocip.yaml');
      const problem = await vs.waitForProblem(/lastName/, 'missing-lastName.ocip.yaml');
      await vs.waitForSquiggle(problem.line);
      const { line, column } = await lineOf(vs, 'UserConsolidatedAddRequest22');
      await vs.hoverAt(line, column + 3);
    },
  },
  {
    name: 'xml-diagnostics',
    async take(vs) {
      await vs.openFile('missing-lastName.ocip.xml');
      const problem = await vs.waitForProblem(/lastName/, 'missing-lastName.ocip.xml');
      await vs.waitForSquiggle(problem.line);
    },
  },
];

const vs = await VSCodeSession.start({ workspace, viewport: { width: 1280, height: 760 } });
let failed = 0;
try {
  for (const shot of shots) {
    try {
      await shot.take(vs);
      console.log(`screenshots: ${await vs.screenshot(shot.name, outDir)}`);
    } catch (error) {
      failed++;
      const path = await vs.screenshot(`FAILED-${shot.name}`);
      console.error(`screenshots: ${shot.name} failed (${path}): ${error instanceof Error ? error.message : error}`);
    }
  }
} finally {
  await vs.close();
}
process.exit(failed ? 1 : 0);
