/**
 * The schema model the simulator validates requests with and reads service names from: the built-in model,
 * or a user's XSD folder given to startSimulator({ schemaDir }) / `ocip sim --schema-dir` (every R25 command
 * while the built-in model knows only a few). One per process: the last simulator started sets it.
 */
import { builtinModel } from '../../core/model/load';
import type { ModelIndex } from '../../core/model/model-index';

let configured: ModelIndex | undefined;

export function simModel(): ModelIndex {
  return configured ?? builtinModel();
}

/** undefined = back to the built-in model. */
export function useSimModel(model: ModelIndex | undefined): void {
  configured = model;
}

/** The enumeration of a simple type (e.g. 'UserService', 'GroupService'), empty when the model lacks it. */
export function enumerationOf(typeName: string): ReadonlySet<string> {
  return new Set(simModel().simpleType(typeName)?.enumeration ?? []);
}
