export * from './types';
export { ModelIndex, ANY_TYPE, OCI_REQUEST, OCI_RESPONSE } from './model-index';
export { builtinModel, loadSchemaDirCached, schemaDirKey, forgetLoadedSchemas } from './load';
export { builtinSimpleType, builtinWhiteSpace, BUILTIN_INTEGER_RANGES } from './builtins';
export { describeElement, commandDoc } from './docs';
export { builtinStoredModel } from './load';
export type { ChunkReader } from './store/chunk-reader';
export type { ModelSource } from './store/stored-model';
