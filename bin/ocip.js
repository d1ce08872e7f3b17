#!/usr/bin/env node
// The `ocip` command. The CLI itself is bundled into dist/cli.js by `npm run build`.
const path = require('node:path');
const fs = require('node:fs');
// `ocip validate` loads a bundle of its own (dist/cli-validate.js: no send, TLS or simulator code to compile).
const validateOnly = path.join(__dirname, '..', 'dist', 'cli-validate.js');
const cli = process.argv[2] === 'validate' && fs.existsSync(validateOnly) ? validateOnly : path.join(__dirname, '..', 'dist', 'cli.js');
if (!fs.existsSync(cli)) {
  process.stderr.write('ocip: dist/cli.js is missing; run `npm run build` (or `npm run setup`) first.\n');
  process.exit(2);
}
require(cli)
  .main(process.argv.slice(2))
  .then(
    (code) => {
      process.exitCode = code;
    },
    (e) => {
      process.stderr.write(`ocip: ${(e && e.stack) || e}\n`);
      process.exitCode = 2;
    },
  );
