/**
 * Entry points of the checks. Implementation in progress (see docs/architecture.md).
 *   checkFile(file, model, options)    -> every diagnostic of a parsed file (syntax problems included)
 *   checkCommand(cmd, model, options)  -> diagnostics of one command (pure: same input, same output; cacheable)
 */
export {};
