/**
 * Entry points of the checks.
 *   checkFile(file, model, options)            -> every diagnostic of a parsed file, syntax problems included
 *   checkCommand(cmd, format, model, options)  -> diagnostics of one command; pure, so callers may cache it.
 *                                                 It may include claims (Diagnostic.claim) and keyed reports:
 *                                                 pass a file's diagnostics, in file order, through
 *                                                 applyKeyScopes (./scope) before showing them.
 */
import type { CommandNode, FileFormat, SourceFile } from '../tree/types';
import { DEFAULT_CHECK_OPTIONS, type CheckOptions, type Diagnostic } from './types';
import { walkContent, type ModelView } from './elements';
import { emptyContentSpace } from './xsd-extras';
import { checkEnvelope } from './envelope';
import { RULES_BY_CODE } from './registry';
import { checkDocModes } from './rules/doc-modes-check';
import { makeEmitter } from './rules/emit';
import { checkTypeRules, type Visited } from './rules/nested';
import { checkUca22Rules, UCA22, UCA22_XS_IGNORED } from './rules/uca22';
import { suggestName, toCamelCase } from './suggest';
import { short } from './values';
import { applyKeyScopes } from './scope';
import { attributeMessage, COMMAND_ATTRIBUTES, disallowedAttributes } from './attributes';

export type { ModelView } from './elements';
export * from './types';
export { applyKeyScopes } from './scope';

export function checkFile(file: SourceFile, model: ModelView, options: CheckOptions = DEFAULT_CHECK_OPTIONS): Diagnostic[] {
  const out = checkFileLevel(file);
  for (const cmd of file.commands) for (const d of checkCommand(cmd, file.format, model, options)) out.push(d);
  return applyKeyScopes(out);
}

/** What is not part of any one command: syntax problems and the XML envelope. */
export function checkFileLevel(file: SourceFile): Diagnostic[] {
  const out = syntaxDiagnostics(file);
  if (file.format === 'xml') checkEnvelope(file, out);
  return out;
}

export function syntaxDiagnostics(file: SourceFile): Diagnostic[] {
  return file.problems.map((p) => ({
    code: p.code,
    kind: RULES_BY_CODE.get(p.code)?.kind ?? 'syntax',
    severity: 'error' as const,
    message: p.message,
    span: p.span,
  }));
}

const UCA22_XS_IGNORED_SET: ReadonlySet<string> = new Set(UCA22_XS_IGNORED);
const NONE: ReadonlySet<string> = new Set();

export function checkCommand(
  cmd: CommandNode,
  format: FileFormat,
  model: ModelView,
  options: CheckOptions = DEFAULT_CHECK_OPTIONS,
): Diagnostic[] {
  const out: Diagnostic[] = [];
  const emit = makeEmitter(out, cmd.index);
  if (!cmd.name) {
    const message =
      format === 'yaml'
        ? 'Missing `command:` naming the OCI-P command (e.g. command: UserConsolidatedAddRequest22).'
        : 'The command has no xsi:type naming the OCI-P command.';
    out.push({ code: 'OCI-COMMAND-MISSING', kind: 'schema', severity: 'error', message, span: cmd.headSpan, command: cmd.index });
    return out;
  }
  const type = model.complexType(cmd.name);
  if (!type || type.abstract) {
    const suggestion =
      suggestName(cmd.name, model.commandNames()) ??
      suggestName(
        toCamelCase(cmd.name).replace(/^./, (c) => c.toUpperCase()),
        model.commandNames(),
      );
    out.push({
      code: 'OCI-UNKNOWN-COMMAND',
      kind: 'schema',
      severity: 'error',
      message: `Unknown command \`${short(cmd.name)}\`.${suggestion ? ` Did you mean \`${suggestion}\`?` : ''}`,
      span: cmd.nameSpan ?? cmd.headSpan,
      command: cmd.index,
      fix: suggestion ? { kind: 'replaceValue', candidates: [suggestion] } : undefined,
    });
    return out;
  }
  if (!model.isRequest(cmd.name)) {
    out.push({
      code: 'OCI-NOT-REQUEST',
      kind: 'schema',
      severity: 'error',
      message: `\`${cmd.name}\` is not a request: only request commands can be sent.`,
      span: cmd.nameSpan ?? cmd.headSpan,
      command: cmd.index,
    });
    return out;
  }
  for (const a of disallowedAttributes(cmd.attributes, COMMAND_ATTRIBUTES)) {
    out.push({
      code: 'OCI-ATTRIBUTE',
      kind: 'schema',
      severity: 'error',
      message: attributeMessage(a, 'command', COMMAND_ATTRIBUTES),
      span: a.nameSpan,
      command: cmd.index,
    });
  }
  if (cmd.nil ?? cmd.nilFalse) {
    // Some client libraries write xsi:nil="true" on a command built from an empty list: the schema refuses it.
    const message = `\`command\` is not nillable: xsi:nil may not appear on it, and BroadWorks refuses the document. Remove xsi:nil and give the command's elements.`;
    out.push({ code: 'OCI-NIL', kind: 'schema', severity: 'error', message, span: (cmd.nil ?? cmd.nilFalse)!, command: cmd.index });
    return out;
  }

  const space = emptyContentSpace(type, cmd.spaceOnly, cmd.name, cmd.index);
  if (space) out.push(space);
  const visited: Visited[] = [];
  walkContent(
    cmd.name,
    cmd.name,
    cmd.headSpan,
    cmd.children,
    {
      model,
      format,
      command: cmd.index,
      out,
      parentNamespace: cmd.namespace,
      visit: (node, _decl, typeName, path) => visited.push({ node, typeName, path }),
    },
    [],
  );

  const xsIgnoredTop = cmd.name === UCA22 && options.dataMode === 'XS' ? UCA22_XS_IGNORED_SET : NONE;
  for (const v of visited) {
    // Inside an element the server ignores, its nested rules do not matter.
    if (xsIgnoredTop.has(v.path[0])) continue;
    checkTypeRules(v, options, emit);
  }
  if (cmd.name === UCA22) checkUca22Rules(cmd, options, emit);
  // Last, so that the hand-written rules above take precedence over the same rule read from the documentation.
  checkDocModes(cmd, visited, model, options, out, emit);
  return out;
}
