/**
 * Models in a web worker (VS Code for the Web): the built-in R25 model only. A schema folder needs a file system
 * and an XSD compile the browser does not have; a configured one is reported once (language status, log) and the
 * built-in model is used, the same fallback as a folder that cannot be read on the desktop.
 */
import { builtinModel } from '../../core/model';
import type { ModelChoice, ModelLog, Models } from '../models';

export const NO_SCHEMA_FOLDER_ON_THE_WEB =
  'a schema folder needs VS Code desktop (VS Code for the Web has no file system to read XSD files from)';

export class BuiltinOnlyModels implements Models {
  private readonly refused = new Set<string>();

  constructor(private readonly log?: ModelLog) {}

  get(schemaDirectory: string): ModelChoice {
    if (!schemaDirectory.trim()) return { model: builtinModel(), source: 'builtin' };
    const error = `ocip.schemaDirectory '${schemaDirectory}' is not used: ${NO_SCHEMA_FOLDER_ON_THE_WEB}. Using the built-in R25 model.`;
    if (!this.refused.has(schemaDirectory)) {
      this.refused.add(schemaDirectory);
      this.log?.error(error);
    }
    return { model: builtinModel(), source: 'builtin', error };
  }

  clear(): void {
    this.refused.clear();
  }
}
