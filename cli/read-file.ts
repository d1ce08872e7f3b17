/** Reading a command file from disk for the CLI: bytes decoded per BOM / XML declaration / UTF-8 (core/text/decode). */
import type { Diagnostic } from '../core/checks/types';
import { decodeFile, type Decoded } from '../core/text/decode';
import { FileLimitError, readBoundedFile } from '../core/text/read-bounded';
import { FILE_LIMITS } from '../core/limits';
import type { FileFormat } from '../core/tree/types';
import type { CliIo } from './io';
import { UsageError } from './options';
import { formatText } from './report-formats';
import { detectFormat } from '../core/syntax';

/** Throws the file system's error (ENOENT, EACCES, ...) or a FileLimitError (not a regular file, too large). */
export function readCommandFile(path: string): Decoded {
  return decodeFile(readBoundedFile(path, FILE_LIMITS.commandFileBytes));
}

/** Why a file could not be read, for a one-line message: the errno code, or the limit's own sentence. */
export function readFailure(e: unknown): string {
  if (e instanceof FileLimitError) return e.message;
  return (e as NodeJS.ErrnoException).code ?? (e as Error).message;
}

/** The decoding problem as a diagnostic at the first bad byte, for the reports. */
export function encodingDiagnostic(decoded: Decoded): Diagnostic | undefined {
  if (!decoded.problem) return undefined;
  const { offset, message } = decoded.problem;
  return { code: 'OCI-ENCODING', kind: 'syntax', severity: 'error', message, span: { start: offset, end: offset + 1 } };
}

/**
 * The one file a command (convert, send) works on: its text and format, or the exit status after a clear message
 * (2: unreadable; 1: malformed bytes, never guessed at, since what the user wrote must reach the server unaltered).
 * A file that is not an OCI-P file is a usage error.
 */
export function readOneCommandFile(file: string, tool: string, io: CliIo): { text: string; format: FileFormat } | number {
  let decoded: Decoded;
  try {
    decoded = readCommandFile(file);
  } catch (e) {
    io.stderr(`ocip ${tool}: cannot read ${file}: ${readFailure(e)}\n`);
    return 2;
  }
  if (decoded.problem) {
    io.stderr(formatText([{ file, text: decoded.text, diagnostics: [encodingDiagnostic(decoded)!] }]));
    return 1;
  }
  const format = formatForFile(file, decoded.text);
  if (!format) throw new UsageError(`${file}: not an OCI-P file (expected *.ocip.yaml, *.ocip.yml, *.ocip.xml, *.yaml, *.xml)`);
  return { text: decoded.text, format };
}

/** The format of a file given by name: detected (*.ocip.*, BroadsoftDocument roots), else by extension. */
export function formatForFile(file: string, text: string): FileFormat | undefined {
  const detected = detectFormat(file, text);
  if (detected) return detected;
  const lower = file.toLowerCase();
  if (lower.endsWith('.yaml') || lower.endsWith('.yml')) return 'yaml';
  if (lower.endsWith('.xml')) return 'xml';
  return undefined;
}
