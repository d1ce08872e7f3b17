/**
 * Our own short text for a command the built-in model has no documentation for (every R25 command but the three of
 * command-docs.ts): what its name says (level, subject, action), its base type, its required elements and the
 * response it is answered with. Type facts only; never a sentence of the schema documentation.
 */
import type { ModelIndex } from './model-index';

export type CommandFamily = 'System' | 'Service provider / enterprise' | 'Group' | 'User' | 'Other';

const FAMILY_PREFIXES: [string, CommandFamily][] = [
  ['System', 'System'],
  ['ServiceProvider', 'Service provider / enterprise'],
  ['Enterprise', 'Service provider / enterprise'],
  ['Reseller', 'Service provider / enterprise'],
  ['Group', 'Group'],
  ['User', 'User'],
];

/** The administrative level a command name starts with (System, ServiceProvider/Enterprise, Group, User), or Other. */
export function commandFamily(name: string): CommandFamily {
  for (const [prefix, family] of FAMILY_PREFIXES) if (name.startsWith(prefix)) return family;
  return 'Other';
}

const ACTIONS: [RegExp, string][] = [
  [/GetPagedSortedList(Request|Response)/, 'reads a page of a sorted list of'],
  [/GetList(Request|Response)/, 'lists'],
  [/Get(Request|Response)/, 'reads'],
  [/Add(List)?(Request|Response)/, 'adds'],
  [/Modify(List)?(Request|Response)/, 'modifies'],
  [/Delete(List)?(Request|Response)/, 'deletes'],
  [/Assign(List)?(Request|Response)/, 'assigns'],
  [/Unassign(List)?(Request|Response)/, 'unassigns'],
];

/** "GroupCallCenterGetInstanceRequest22" -> { level: 'Group', subject: 'Call Center Instance', action: 'reads' }. */
export function describeName(name: string): { family: CommandFamily; subject: string; action?: string } {
  const family = commandFamily(name);
  const level = FAMILY_PREFIXES.find(([p]) => name.startsWith(p))?.[0] ?? '';
  const action = ACTIONS.find(([re]) => re.test(name))?.[1];
  const core = name
    .slice(level.length)
    .replace(/(Request|Response)[0-9A-Za-z]*$/, '')
    .replace(/(GetPagedSortedList|GetList|Get|Add|Modify|Delete|Assign|Unassign)(List)?$/, '');
  const subject = core
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .trim();
  return { family, subject, action };
}

/** The response type a request is answered with, by the OCI-P naming convention; SuccessResponse when none. */
export function responseOf(request: string, model: ModelIndex): string {
  const candidate = request.replace(/Request(?=[0-9A-Za-z]*$)/, 'Response');
  return candidate !== request && model.isResponse(candidate) ? candidate : 'SuccessResponse';
}

export function commandSummary(name: string, model: ModelIndex): string | undefined {
  const type = model.complexType(name);
  if (!type) return undefined;
  const { family, subject, action } = describeName(name);
  const base = type.base?.replace(/^C:/, '');
  const lines = [`**${name}**${base ? ` (extends \`${base}\`)` : ''}`, ''];
  const what = subject ? `${action ? `${action[0].toUpperCase()}${action.slice(1)} ` : ''}${subject}` : '';
  lines.push(
    `${family === 'Other' ? 'OCI-P' : family} ${model.isRequest(name) ? 'request' : model.isResponse(name) ? 'response' : 'type'}${what ? `: ${what}.` : '.'}`,
  );
  const required = model
    .elementDecls(name)
    .filter((d) => d.minOccurs > 0)
    .map((d) => `\`${d.name}\``);
  const optional = model.elementDecls(name).length - required.length;
  lines.push('', required.length ? `Required elements: ${[...new Set(required)].join(', ')}.` : 'No required elements.');
  if (optional > 0) lines.push(`${optional} optional element${optional === 1 ? '' : 's'}.`);
  if (model.isRequest(name)) lines.push('', `Answered with \`${responseOf(name, model)}\` or \`ErrorResponse\`.`);
  return lines.join('\n');
}
