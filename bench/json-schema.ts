/**
 * A fallback JSON Schema for one command, from the built-in model, used only when `ocip schema --json-schema`
 * is not available: top-level element names (so unknown keys are reported) and `command`.
 */
import { builtinModel } from '../core/model';
import type { GroupParticle, Particle } from '../core/model/types';

function elementNames(group: GroupParticle | undefined, out: Set<string>): Set<string> {
  for (const item of group?.items ?? ([] as Particle[])) {
    if (item.kind === 'element') out.add(item.name);
    else elementNames(item, out);
  }
  return out;
}

export function fallbackJsonSchema(command: string): unknown {
  const type = builtinModel().complexType(command);
  const properties: Record<string, unknown> = { command: { const: command } };
  for (const name of elementNames(type?.content, new Set())) properties[name] = {};
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    title: command,
    type: 'object',
    properties,
    additionalProperties: false,
    required: ['command'],
  };
}
