// Bundles the extension client, the language server and the CLI into dist/.
// The server and the CLI must run with plain `node`, without node_modules beside them.
import * as esbuild from 'esbuild';
import { copyFileSync, mkdirSync, readdirSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: production ? false : 'linked',
  minify: production,
  logLevel: 'warning',
  legalComments: 'none',
};

const entries = [
  { entryPoints: ['client/extension.ts'], outfile: 'dist/client.js', external: ['vscode'] },
  { entryPoints: ['server/main.ts'], outfile: 'dist/server.js' },
  { entryPoints: ['cli/main.ts'], outfile: 'dist/cli.js' },
  { entryPoints: ['cli/validate-main.ts'], outfile: 'dist/cli-validate.js' },
  // The extension-host test suite (test/vscode/suite.ts), loaded by VS Code with --extensionTestsPath; not shipped.
  { entryPoints: ['test/vscode/suite.ts'], outfile: 'out/test/vscode/suite.js', external: ['vscode'] },
];

// The built-in model's index and chunks are read lazily at run time (core/model/store/chunk-reader.ts), not bundled:
// copied next to the bundles, into dist/model-r25/. The core chunk is also bundled (imported by core/model/load.ts).
copyModelChunks('core/model/generated/r25', 'dist/model-r25');

if (watch) {
  for (const e of entries) (await esbuild.context({ ...common, ...e })).watch();
} else {
  await Promise.all(entries.map((e) => buildAtomically({ ...common, ...e })));
}

/**
 * Writes each output to a temporary file and renames it into place: tests rebuild dist/ while other tests run
 * `bin/ocip.js` or `dist/server.js`, and esbuild's own writes truncate first, so a reader could load a half-written
 * bundle (`ocip send` then died with "require(...).main is not a function", exit 1).
 */
async function buildAtomically(options) {
  const { outputFiles } = await esbuild.build({ ...options, write: false });
  for (const file of outputFiles) {
    mkdirSync(dirname(file.path), { recursive: true });
    const temporary = `${file.path}.${process.pid}.tmp`;
    writeFileSync(temporary, file.contents);
    renameSync(temporary, file.path);
  }
}

function copyModelChunks(from, to) {
  mkdirSync(to, { recursive: true });
  for (const f of readdirSync(from)) {
    if (!f.endsWith('.json')) continue;
    const temporary = join(to, `${f}.${process.pid}.tmp`);
    copyFileSync(join(from, f), temporary);
    renameSync(temporary, join(to, f));
  }
}
