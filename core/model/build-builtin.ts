/**
 * How the built-in model is made from an XSD folder. Shared by scripts/gen-model.ts and
 * the test that checks the committed file is up to date.
 */
import { resolve } from 'node:path';
import { closure } from '../xsd/closure';
import { compileSchemaDir } from '../xsd/compile';
import { BUILTIN_ROOTS } from './builtin-roots';
import type { OcipModel } from './types';

/** ../shared/reference/ocip-schema-r25 relative to the repository root (the working directory). */
export function defaultSchemaDir(): string {
  return resolve('../shared/reference/ocip-schema-r25');
}

export function buildBuiltinModel(schemaDir: string): { model: OcipModel; warnings: string[] } {
  const { model, warnings } = compileSchemaDir(schemaDir, { keepDocs: false, release: 'R25' });
  const small = closure(model, BUILTIN_ROOTS);
  return { model: { ...small, source: 'BroadWorks R25 OCI-P XSD set' }, warnings };
}
