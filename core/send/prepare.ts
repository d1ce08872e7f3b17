/**
 * From file text to what goes on the wire: parse, check and encode in one step, so that what is sent is exactly
 * what the editor (or `ocip validate`) checked. Format-independent: used by the extension and `ocip send`.
 */
import { checkFile, type CheckOptions, type Diagnostic, type ModelView } from '../checks';
import { encodeCommandXml, type EncodeModel } from '../encode';
import { parseSource } from '../syntax';
import type { CommandNode, FileFormat, SourceFile, Span } from '../tree/types';

export interface PreparedCommand {
  /** Position of the command in the file (0-based). */
  index: number;
  type: string;
  /** `<command xsi:type="…" xmlns="">…</command>` in schema order. */
  xml: string;
  /** The command's top-level userId, when it has one (for result lines and history). */
  userId?: string;
  /** The whole command, and where to report on it (its head). */
  span: Span;
  headSpan: Span;
}

export interface PreparedSend {
  format: FileFormat;
  /** Commands to send, in file order (only the selected ones when `only` was given). */
  commands: PreparedCommand[];
  /** Errors that block sending: file-level ones and those of the selected commands. */
  errors: Diagnostic[];
  /** Number of commands in the file (selected or not). */
  totalCommands: number;
}

export interface PrepareOptions {
  checks: CheckOptions;
  /** Send only these command indexes (0-based); default every command. */
  only?: readonly number[];
}

export type SendModel = ModelView & EncodeModel;

export function prepareSend(text: string, format: FileFormat, model: SendModel, options: PrepareOptions): PreparedSend {
  const file = parseSource(text, format);
  return prepareChecked(file, checkFile(file, model, options.checks), model, options.only);
}

/**
 * The same from a tree and its diagnostics already computed (the language server's analysis of the open
 * document, under the same model and options), so nothing is parsed or checked a second time.
 */
export function prepareChecked(
  file: SourceFile,
  diagnostics: readonly Diagnostic[],
  model: EncodeModel,
  only?: readonly number[],
): PreparedSend {
  const format = file.format;
  const selected = only ? new Set(only) : undefined;
  const commands = file.commands.filter((c) => !selected || selected.has(c.index));
  const errors = diagnostics
    .filter((d) => d.severity === 'error')
    .filter((d) => d.command === undefined || !selected || selected.has(d.command))
    .sort((a, b) => a.span.start - b.span.start);
  if (selected) {
    for (const i of selected) {
      if (!file.commands.some((c) => c.index === i)) {
        errors.push({
          code: 'OCI-SEND-NO-COMMAND',
          kind: 'syntax',
          severity: 'error',
          message: `The file has no command #${i + 1} (it has ${file.commands.length}).`,
          span: { start: 0, end: 0 },
        });
      }
    }
  }
  if (file.commands.length === 0) {
    errors.push({
      code: 'OCI-SEND-EMPTY',
      kind: 'syntax',
      severity: 'error',
      message: 'The file contains no OCI-P command to send.',
      span: { start: 0, end: 0 },
    });
  }
  // Encoding a command with errors is pointless (and may throw on broken trees): only encode a clean file.
  const prepared = errors.length
    ? commands.filter((c) => c.name).map((c) => describe(c, ''))
    : commands.map((c) => describe(c, encodeCommandXml(c, model)));
  return { format, commands: prepared, errors, totalCommands: file.commands.length };
}

function describe(c: CommandNode, xml: string): PreparedCommand {
  const userId = c.children.find((e) => e.name === 'userId')?.value?.text;
  return { index: c.index, type: c.name ?? '(no command type)', xml, userId: userId || undefined, span: c.span, headSpan: c.headSpan };
}
