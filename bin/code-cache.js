// Loads a CommonJS bundle (dist/cli.js, dist/cli-validate.js) like require() does, but through vm.Script with a V8
// code cache, so a later run skips most of compiling it (Node 20 has no module.enableCompileCache; this is what the
// v8-compile-cache package does). The cache is the user's own, never in a workspace:
// $OCIP_CODE_CACHE_DIR, else $XDG_CACHE_HOME/ocip/code-cache, else ~/.cache/ocip/code-cache (%LOCALAPPDATA% on
// Windows). One file per bundle, named by a hash of the bundle's text, Node's version and architecture (V8 itself
// rejects data made by another V8 or with other flags). A missing, stale, rejected or unreadable cache only means a
// normal compile; a new one is written at exit (temporary file + rename), and a cache folder that cannot be written
// is ignored. OCIP_CODE_CACHE=off turns it off.
'use strict';
const crypto = require('node:crypto');
const fs = require('node:fs');
const Module = require('node:module');
const os = require('node:os');
const path = require('node:path');
const vm = require('node:vm');

function cacheDir() {
  if (process.env.OCIP_CODE_CACHE_DIR) return process.env.OCIP_CODE_CACHE_DIR;
  const base =
    process.env.XDG_CACHE_HOME ||
    (process.platform === 'win32' && process.env.LOCALAPPDATA) ||
    (process.platform === 'darwin' ? path.join(os.homedir(), 'Library', 'Caches') : path.join(os.homedir(), '.cache'));
  return path.join(base, 'ocip', 'code-cache');
}

/** The bundle's exports, as `require(file)` would return them. */
function loadWithCodeCache(file) {
  if (process.env.OCIP_CODE_CACHE === 'off') return require(file);
  const source = fs.readFileSync(file, 'utf8');
  const name = path.basename(file, '.js');
  const hash = crypto.createHash('sha256').update(`${process.version} ${process.arch}\n`).update(source).digest('hex').slice(0, 24);
  const dir = cacheDir();
  const cacheFile = path.join(dir, `${name}-${hash}.v8`);
  let cached;
  try {
    cached = fs.readFileSync(cacheFile);
  } catch {
    cached = undefined;
  }
  const script = new vm.Script(Module.wrap(source), { filename: file, cachedData: cached });
  if (!cached || script.cachedDataRejected) process.once('exit', () => writeCache(script, dir, cacheFile, name));
  const module = new Module(file, null);
  module.filename = file;
  module.paths = Module._nodeModulePaths(path.dirname(file));
  script.runInThisContext().call(module.exports, module.exports, Module.createRequire(file), module, file, path.dirname(file));
  module.loaded = true;
  return module.exports;
}

/** At exit, so the functions compiled during the run are in the cache too. Old caches of the same bundle go. */
function writeCache(script, dir, cacheFile, name) {
  try {
    const data = script.createCachedData();
    fs.mkdirSync(dir, { recursive: true });
    const temporary = `${cacheFile}.${process.pid}.tmp`;
    fs.writeFileSync(temporary, data);
    fs.renameSync(temporary, cacheFile);
    const same = new RegExp(`^${name}-[0-9a-f]{24}\\.v8$`);
    for (const f of fs.readdirSync(dir)) if (same.test(f) && path.join(dir, f) !== cacheFile) fs.rmSync(path.join(dir, f), { force: true });
  } catch {
    // No cache this time (read-only home, full disk...): the next run compiles as usual.
  }
}

module.exports = { loadWithCodeCache, cacheDir };
