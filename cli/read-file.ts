/** Reading a command file from disk for the CLI: bytes decoded per BOM / XML declaration / UTF-8 (core/text/decode). */
import { readFileSync } from 'node:fs';
import type { Diagnostic } from '../core/checks/types';
import { decodeFile, type Decoded } from '../core/text/decode';

/** Throws the file system's error (ENOENT, EISDIR, ...). */
export function readCommandFile(path: string): Decoded {
  return decodeFile(readFileSync(path));
}

/** The decoding problem as a diagnostic at the first bad byte, for the reports. */
export function encodingDiagnostic(decoded: Decoded): Diagnostic | undefined {
  if (!decoded.problem) return undefined;
  const { offset, message } = decoded.problem;
  return { code: 'OCI-ENCODING', kind: 'syntax', severity: 'error', message, span: { start: offset, end: offset + 1 } };
}
