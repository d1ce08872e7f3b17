/**
 * Regenerates the built-in field model, core/model/generated/r25/ (index.json and one JSON file per chunk), from
 * the real R25 XSD set: every request and response type with the types they use, without any documentation text
 * (data-mode facts are kept as structured notes). See core/model/build-builtin.ts.
 *
 *   OCIP_SCHEMA_DIR=../shared/reference/ocip-schema-r25 npm run gen:model
 */
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { buildBuiltinStore, defaultSchemaDir } from '../core/model/build-builtin';

const dir = process.env.OCIP_SCHEMA_DIR ? resolve(process.env.OCIP_SCHEMA_DIR) : defaultSchemaDir();
const { index, chunks, warnings } = buildBuiltinStore(dir);
for (const w of warnings) console.warn(`warning: ${w}`);
const out = resolve(__dirname, '../core/model/generated/r25');
mkdirSync(out, { recursive: true });
for (const f of readdirSync(out)) if (f.endsWith('.json')) rmSync(join(out, f));
writeFileSync(join(out, 'index.json'), `${JSON.stringify(index)}\n`);
let bytes = 0;
for (const [name, chunk] of Object.entries(chunks)) {
  const text = `${JSON.stringify(chunk)}\n`;
  bytes += text.length;
  writeFileSync(join(out, `${name}.json`), text);
}
console.log(
  `wrote ${out}: ${index.complexChunk.length} complex and ${index.simpleChunk.length} simple named types, ` +
    `${index.chunks.length} chunks (${(bytes / 1024).toFixed(0)} KiB), index ${(JSON.stringify(index).length / 1024).toFixed(0)} KiB`,
);
