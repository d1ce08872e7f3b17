// Bundles the extension client, the language server and the CLI into dist/.
// The server and the CLI must run with plain `node`, without node_modules beside them.
// The web build (VS Code for the Web, package.json `browser`): dist/web/client.js and dist/web/server.js (a web worker).
import * as esbuild from 'esbuild';
import { copyFileSync, existsSync, mkdirSync, readFileSync, readdirSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

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
  // VS Code for the Web: the extension in the web worker extension host, the language server in a worker of its own.
  { ...webOptions(), entryPoints: ['client/web/extension.ts'], outfile: 'dist/web/client.js', external: ['vscode'] },
  { ...webOptions(), entryPoints: ['server/web/main.ts'], outfile: 'dist/web/server.js', format: 'iife' },
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
 * Browser options for the web bundles. Three seams, so core stays one code base without platform tests in it:
 * - a file `X.web.ts` beside an imported `X.ts` replaces it (core/model/store/chunk-reader.web.ts: the chunks
 *   bundled instead of read from disk);
 * - `ocip:model-r25` is the built-in model's chunk files as strings (parsed on first use, like the files);
 * - Node built-ins: `path` is web/node-path.ts (text only); the others are web/node-unavailable.js, which throws
 *   "needs VS Code desktop" if the desktop-only code that imports them (sending, schema folders) is ever called.
 * No bundle may contain a require() of a Node built-in (test/web/web-bundles.test.ts).
 */
function webOptions() {
  return {
    platform: 'browser',
    target: 'es2022',
    mainFields: ['browser', 'module', 'main'],
    define: { 'process.env.NODE_ENV': '"production"' },
    plugins: [webPlatformPlugin()],
  };
}

function webPlatformPlugin() {
  const root = dirname(new URL(import.meta.url).pathname);
  const modelDir = join(root, 'core/model/generated/r25');
  return {
    name: 'ocip-web-platform',
    setup(build) {
      build.onResolve({ filter: /^\.\.?\// }, (args) => {
        const candidate = `${resolve(args.resolveDir, args.path)}.web.ts`;
        return args.importer.endsWith('.web.ts') || !existsSync(candidate) ? undefined : { path: candidate };
      });
      build.onResolve({ filter: /^ocip:model-r25$/ }, () => ({ path: 'model-r25', namespace: 'ocip-model' }));
      build.onLoad({ filter: /.*/, namespace: 'ocip-model' }, () => {
        const chunks = {};
        for (const f of readdirSync(modelDir).sort())
          if (f.endsWith('.json')) chunks[f.slice(0, -'.json'.length)] = readFileSync(join(modelDir, f), 'utf8');
        return { contents: `export default ${JSON.stringify(chunks)};`, loader: 'js' };
      });
      build.onResolve({ filter: /^(node:)?(path|path\/posix)$/ }, () => ({ path: join(root, 'web/node-path.ts') }));
      build.onResolve({ filter: /^node:/ }, () => ({ path: join(root, 'web/node-unavailable.js') }));
      build.onResolve({ filter: /^(fs|os|crypto|net|tls|http|https|url|util|stream|child_process|events|buffer|zlib)$/ }, () => ({
        path: join(root, 'web/node-unavailable.js'),
      }));
    },
  };
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
