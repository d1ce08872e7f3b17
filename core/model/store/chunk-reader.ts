/**
 * Where the chunks of a stored model come from. Synchronous on purpose: checks and completion ask for a type in
 * the middle of a walk. A web build can implement it over chunks fetched ahead of time (the index says which).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { StoredChunk, StoredIndex } from './format';

export interface ChunkReader {
  /** The index (index.json). */
  index(): StoredIndex;
  /** One chunk by file name (without .json). Throws when it cannot be read. */
  chunk(name: string): StoredChunk;
}

/**
 * Reads the built-in R25 chunks from disk: next to the bundle (dist/model-r25/, copied there by esbuild.mjs) or,
 * when running from sources (tests, tsx scripts), from core/model/generated/r25/.
 */
export function builtinChunkReader(): ChunkReader {
  const candidates = [join(__dirname, 'model-r25'), join(__dirname, '..', 'generated', 'r25')];
  const dir = candidates.find((d) => existsSync(join(d, 'index.json')));
  return directoryChunkReader(dir ?? candidates[0]);
}

export function directoryChunkReader(dir: string): ChunkReader {
  const read = (file: string) => {
    try {
      return JSON.parse(readFileSync(join(dir, file), 'utf8'));
    } catch (e) {
      throw new Error(`The built-in OCI-P model file ${file} cannot be read from ${dir}: ${(e as Error).message}`);
    }
  };
  return {
    index: () => read('index.json') as StoredIndex,
    chunk: (name) => read(`${name}.json`) as StoredChunk,
  };
}
