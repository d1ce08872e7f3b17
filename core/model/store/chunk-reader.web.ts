/**
 * The built-in R25 chunks in the web build (VS Code for the Web), which has no file system to read them from:
 * esbuild.mjs bundles every chunk file of core/model/generated/r25/ as a string (the virtual module
 * `ocip:model-r25`), parsed on first use like the files on the desktop. esbuild uses this file instead of
 * ./chunk-reader.ts in the web bundles (a `.web.ts` beside a file replaces it there).
 */
import chunks from 'ocip:model-r25';
import type { ChunkReader } from './chunk-reader';
import type { StoredChunk, StoredIndex } from './format';

export function builtinChunkReader(): ChunkReader {
  const read = (name: string) => {
    const text = Object.hasOwn(chunks, name) ? chunks[name] : undefined;
    if (text === undefined) throw new Error(`The built-in OCI-P model file ${name}.json is not in the web bundle.`);
    return JSON.parse(text);
  };
  return {
    index: () => read('index') as StoredIndex,
    chunk: (name) => read(name) as StoredChunk,
  };
}
