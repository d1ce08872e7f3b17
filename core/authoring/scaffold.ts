/**
 * "New command…" scaffolding: any command of the model as a snippet with its required skeleton, placed where a new
 * command belongs in the document: a YAML document after the last one (after `---`), an XML <command> before the
 * end of the BroadsoftDocument, or a whole document in an empty file. The editor inserts the snippet at `offset`.
 */
import type { CheckOptions } from '../checks/types';
import { commandFamily, type CommandFamily } from '../model/command-summary';
import type { ModelIndex } from '../model/model-index';
import type { FileFormat } from '../tree/types';
import { FEATURED_COMMANDS } from './command-names';
import { commandSkeleton, xmlDocumentSkeleton } from './completion-text';

export interface CommandChoice {
  name: string;
  family: CommandFamily;
}

/** Every request of the model, onboarding commands first, then by family and name. */
export function commandChoices(model: ModelIndex): CommandChoice[] {
  const names = model.commandNames();
  const featured = FEATURED_COMMANDS.filter((n) => model.isRequest(n));
  const rest = names.filter((n) => !featured.includes(n));
  return [...featured, ...rest].map((name) => ({ name, family: commandFamily(name) }));
}

export type ScaffoldResult = { snippet: string; offset: number } | { error: string };

export function scaffoldCommand(
  model: ModelIndex,
  command: string,
  format: FileFormat,
  text: string,
  options: CheckOptions,
): ScaffoldResult {
  if (!model.isRequest(command)) return { error: `Unknown command '${command}'.` };
  const style = { format, snippet: true, stop: { n: 1 } } as const;
  if (!/\S/.test(text)) {
    return {
      snippet:
        format === 'xml' ? xmlDocumentSkeleton(model, command, options, style) : `${commandSkeleton(model, command, options, style)}\n`,
      offset: 0,
    };
  }
  if (format === 'yaml') {
    const sep = text.endsWith('\n') ? '' : '\n';
    const last = text.trimEnd().split('\n').pop() ?? '';
    const dashes = last.trim() === '---' ? '' : '---\n';
    return { snippet: `${sep}${dashes}${commandSkeleton(model, command, options, style)}\n`, offset: text.length };
  }
  const end = text.lastIndexOf('</BroadsoftDocument');
  if (end < 0)
    return { snippet: `${text.endsWith('\n') ? '' : '\n'}${commandSkeleton(model, command, options, style)}\n`, offset: text.length };
  const lineStart = text.lastIndexOf('\n', end - 1) + 1;
  const before = text.slice(lineStart, end);
  // At the start of the end tag's line when only indentation precedes it, else just before the tag on a new line.
  if (/^\s*$/.test(before)) return { snippet: `  ${commandSkeleton(model, command, options, style, 2)}\n`, offset: lineStart };
  return { snippet: `\n  ${commandSkeleton(model, command, options, style, 2)}\n`, offset: end };
}
