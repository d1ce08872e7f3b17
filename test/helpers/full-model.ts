/**
 * The model with every R25 command, for tests of commands beyond UserConsolidatedAddRequest22: the built-in model
 * once it covers every command, otherwise the XSD folder in OCIP_SCHEMA_DIR (default ../shared/reference/ocip-schema-r25).
 * `schemaDir` is what to give the simulator and `--schema-dir` (undefined when the built-in model suffices);
 * `skip` is a reason to skip when neither is available.
 */
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { builtinModel, loadSchemaDirCached } from '../../core/model/load';
import type { ModelIndex } from '../../core/model/model-index';

export const R25_DIR = process.env.OCIP_SCHEMA_DIR ?? join(__dirname, '..', '..', '..', 'shared', 'reference', 'ocip-schema-r25');
export const HAVE_R25 = existsSync(join(R25_DIR, 'OCISchemaAS.xsd'));

const builtinIsFull = (): boolean => builtinModel().complexType('GroupAddRequest') !== undefined;

export const FULL_MODEL: { schemaDir?: string; skip: string | false } = builtinIsFull()
  ? { skip: false }
  : HAVE_R25
    ? { schemaDir: R25_DIR, skip: false }
    : { skip: 'the built-in model lacks most commands and no R25 XSD folder is set (OCIP_SCHEMA_DIR)' };

/** `--schema-dir DIR` when the built-in model is not enough, else nothing. */
export const SCHEMA_DIR_ARGS: string[] = FULL_MODEL.schemaDir ? ['--schema-dir', FULL_MODEL.schemaDir] : [];

export function fullModel(): ModelIndex {
  return FULL_MODEL.schemaDir ? loadSchemaDirCached(FULL_MODEL.schemaDir, join(tmpdir(), 'ocip-schema-cache')) : builtinModel();
}
