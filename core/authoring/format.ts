/**
 * Document formatting (textDocument/formatting and the CLI): schema order at every level, stable layout.
 * Refuses (undefined) a file with syntax errors: reordering a half-parsed file could lose what the user wrote.
 */
import type { ModelIndex } from '../model/model-index';
import { parseSource } from '../syntax';
import type { FileFormat } from '../tree/types';
import { formatXml } from './format-xml';
import { formatYaml } from './format-yaml';

/** The formatted text (possibly equal to `text`), or undefined when the file has syntax errors. */
export function formatDocument(text: string, format: FileFormat, index: ModelIndex): string | undefined {
  if (parseSource(text, format).problems.length > 0) return undefined;
  return format === 'yaml' ? formatYaml(text, index) : formatXml(text, index);
}
