/**
 * "Convert to XML / YAML" and `ocip convert`: a whole file into the other format, through core/encode.
 * XML output is always a complete BroadsoftDocument (placeholder sessionId) so it is a valid .ocip.xml file;
 * YAML output is one document per command. Keys/elements come out in schema order, unknown ones are kept.
 * Comments are not carried over (neither tree keeps them). Files with syntax errors are refused.
 */
import { toXml, toYaml } from '../encode';
import type { ModelIndex } from '../model/model-index';
import { parseSource } from '../syntax';
import { LineIndex } from '../text/line-index';
import type { FileFormat, SourceFile } from '../tree/types';

export type Converted = { ok: true; text: string } | { ok: false; error: string };

/** Parses `text` and refuses it, with the first problem's line and column, when it has syntax errors. */
export function parseForConversion(text: string, format: FileFormat): { ok: true; file: SourceFile } | { ok: false; error: string } {
  const file = parseSource(text, format);
  if (file.problems.length === 0) return { ok: true, file };
  const first = [...file.problems].sort((a, b) => a.span.start - b.span.start)[0];
  const at = new LineIndex(text).positionAt(first.span.start);
  const more = file.problems.length > 1 ? ` (and ${file.problems.length - 1} more)` : '';
  return {
    ok: false,
    error: `line ${at.line + 1}, column ${at.character + 1}: ${first.message.replace(/\.$/, '')}${more}. Fix the syntax errors first.`,
  };
}

export function convertText(text: string, from: FileFormat, to: FileFormat, index: ModelIndex): Converted {
  const parsed = parseForConversion(text, from);
  if (!parsed.ok) return parsed;
  if (parsed.file.commands.length === 0) return { ok: false, error: 'The file contains no OCI-P command.' };
  const nil = parsed.file.commands.find((c) => c.nil ?? c.nilFalse);
  if (nil && to === 'yaml') {
    // YAML has no way to say it; dropping it would turn a document BroadWorks refuses into one it accepts.
    const at = new LineIndex(text).positionAt((nil.nil ?? nil.nilFalse)!.start);
    return {
      ok: false,
      error: `line ${at.line + 1}, column ${at.character + 1}: command ${nil.index + 1} has xsi:nil, which YAML cannot express (and BroadWorks refuses: \`command\` is not nillable). Remove xsi:nil first.`,
    };
  }
  return { ok: true, text: to === 'xml' ? toXml(parsed.file, index, { envelope: true }) : toYaml(parsed.file, index) };
}
