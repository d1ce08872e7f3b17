/**
 * Where models come from:
 * - builtinModel(): the committed R25 model (generated/r25/: every request and response), read lazily: the core
 *   chunk (UserConsolidatedAddRequest22 and friends) is bundled, the index and the other chunks are read from
 *   disk on first need (store/);
 * - loadSchemaDirCached(): a user's own XSD folder, compiled once (with documentation)
 *   and cached as JSON, keyed by the files' paths, sizes and modification times.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { FILE_LIMITS } from '../limits';
import { readBoundedFile } from '../text/read-bounded';
import { join, relative, resolve } from 'node:path';
import { compileSchemaDir } from '../xsd/compile';
import { listXsdFiles } from '../xsd/schema-set';
import core from './generated/r25/core.json';
import { ModelIndex } from './model-index';
import { builtinChunkReader, type ChunkReader } from './store/chunk-reader';
import type { StoredChunk } from './store/format';
import { StoredModel } from './store/stored-model';
import type { OcipModel } from './types';

/** Bump when the compiler's output changes, so stale caches are not reused. */
export const COMPILER_VERSION = 1;

let builtin: ModelIndex | undefined;

/** The built-in R25 model (every request and response of the release), indexed once per process, loaded lazily. */
export function builtinModel(): ModelIndex {
  return (builtin ??= new ModelIndex(builtinStoredModel()));
}

/** A fresh lazily loaded built-in model (benchmarks and tests measure loading with it); `reader` defaults to disk. */
export function builtinStoredModel(reader: ChunkReader = builtinChunkReader()): StoredModel {
  return new StoredModel(core as unknown as StoredChunk, reader, { release: 'R25', source: 'BroadWorks R25 OCI-P XSD set' });
}

const memory = new Map<string, ModelIndex>();

interface CacheFile {
  compilerVersion: number;
  model: OcipModel;
  warnings: string[];
}

/**
 * The model of the XSD folder `dir`. Compiles it on first use (keeping documentation for
 * hovers) and stores the result in `cacheDir`; later calls, in this process or another,
 * reuse it as long as no .xsd file below `dir` was added, removed, resized or touched.
 * Throws (with the file named) when the folder or a referenced file cannot be read.
 */
export function loadSchemaDirCached(dir: string, cacheDir: string): ModelIndex {
  const key = schemaDirKey(dir);
  const hit = memory.get(key);
  if (hit) return hit;
  const cacheFile = join(cacheDir, `ocip-model-${key.slice(0, 24)}.json`);
  let index = readCache(cacheFile);
  if (!index) {
    const { model, warnings } = compileSchemaDir(dir, { keepDocs: true });
    index = new ModelIndex(model, warnings);
    writeCache(cacheFile, { compilerVersion: COMPILER_VERSION, model, warnings });
  }
  memory.set(key, index);
  return index;
}

/** Drops the in-process memo of loadSchemaDirCached (the disk cache stays): for tests and "reload schema". */
export function forgetLoadedSchemas(): void {
  memory.clear();
}

/** Hash of the compiler version and every .xsd file's relative path, size and mtime. */
export function schemaDirKey(dir: string): string {
  const root = resolve(dir);
  let files: string[];
  try {
    files = listXsdFiles(root);
  } catch (e) {
    throw new Error(`Cannot read schema folder ${root}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
  const h = createHash('sha256').update(`v${COMPILER_VERSION}\n${root}\n`);
  for (const f of files) {
    const st = statSync(f);
    h.update(`${relative(root, f)}\t${st.size}\t${st.mtimeMs}\n`);
  }
  return h.digest('hex');
}

function readCache(file: string): ModelIndex | undefined {
  try {
    const data = JSON.parse(readBoundedFile(file, FILE_LIMITS.stateFileBytes).toString('utf8')) as CacheFile;
    if (data.compilerVersion !== COMPILER_VERSION || !data.model?.complexTypes) return undefined;
    return new ModelIndex(data.model, data.warnings ?? []);
  } catch {
    return undefined; // missing or corrupt: compile again
  }
}

function writeCache(file: string, data: CacheFile): void {
  try {
    mkdirSync(resolve(file, '..'), { recursive: true });
    const tmp = `${file}.${process.pid}.tmp`;
    writeFileSync(tmp, JSON.stringify(data));
    renameSync(tmp, file); // atomic, so a concurrent reader never sees half a file
  } catch {
    // A cache we cannot write only costs a recompile next time.
  }
}
