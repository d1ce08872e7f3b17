/**
 * Regenerates core/model/generated/r25.json, the built-in field model, from the real
 * R25 XSD set: the closure of BUILTIN_ROOTS, without any documentation text.
 *
 *   OCIP_SCHEMA_DIR=../shared/reference/ocip-schema-r25 npm run gen:model
 */
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { buildBuiltinModel, defaultSchemaDir } from '../core/model/build-builtin';

const dir = process.env.OCIP_SCHEMA_DIR ? resolve(process.env.OCIP_SCHEMA_DIR) : defaultSchemaDir();
const { model, warnings } = buildBuiltinModel(dir);
for (const w of warnings) console.warn(`warning: ${w}`);
const out = resolve(__dirname, '../core/model/generated/r25.json');
writeFileSync(out, `${JSON.stringify(model, null, 2)}\n`);
console.log(
  `wrote ${out}: ${Object.keys(model.complexTypes).length} complex types, ${Object.keys(model.simpleTypes).length} simple types`,
);
