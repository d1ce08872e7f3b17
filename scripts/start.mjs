// `npm start`: sets up and runs the demo in one command on a fresh machine (Debian, Node 20):
// installs the npm dependencies when missing, then hands over to scripts/demo.ts (build, package, code-server
// setup, simulator, workspace, VS Code in the browser) through tsx, which the first step made available.
// Runs until Ctrl+C. Plain JavaScript on purpose: it must run before node_modules (and so tsx) exists.
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureNodeModules } from './ensure-deps.mjs';

process.chdir(resolve(dirname(fileURLToPath(import.meta.url)), '..'));
ensureNodeModules();
const { tsImport } = await import('tsx/esm/api');
const { runDemo } = await tsImport('./demo.ts', import.meta.url);
try {
  await runDemo();
} catch (error) {
  console.error(`demo: ${error instanceof Error ? error.message : error}`);
  process.exit(1);
}
