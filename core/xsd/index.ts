export { compileSchemaDir } from './compile';
export type { CompileOptions, CompileResult } from './compile';
export { closure } from './closure';
