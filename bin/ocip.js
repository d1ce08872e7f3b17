#!/usr/bin/env node
// The `ocip` command. The CLI itself is bundled into dist/cli.js by `npm run build`.
const path = require('node:path');
const fs = require('node:fs');
const cli = path.join(__dirname, '..', 'dist', 'cli.js');
if (!fs.existsSync(cli)) {
  process.stderr.write('ocip: dist/cli.js is missing; run `npm run build` (or `npm run setup`) first.\n');
  process.exit(2);
}
require(cli);
