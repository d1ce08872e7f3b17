/**
 * One open document's analysis: text -> tree -> diagnostics, reusing the previous result for every
 * command whose text did not change. The front ends already reuse parsed commands (core/syntax/chunks);
 * this layer reuses their diagnostics, keyed by the command's exact text, so after a one-character edit
 * only the edited command is checked again, whatever the size of the file.
 */
import { checkCommand, checkFileLevel, type CheckOptions, type Diagnostic, type ModelView } from '../checks';
import { IncrementalYamlParser, parseXml } from '../syntax';
import type { FileFormat, SourceFile, Span } from '../tree/types';

export interface Analysis {
  file: SourceFile;
  diagnostics: Diagnostic[];
  /** How many commands were checked afresh (the rest came from the cache). */
  checked: number;
}

export class DocumentAnalyzer {
  private readonly yaml = new IncrementalYamlParser();
  /** command text -> diagnostics with spans relative to the command's start */
  private cache = new Map<string, Diagnostic[]>();

  constructor(
    readonly format: FileFormat,
    private model: ModelView,
    private options: CheckOptions,
  ) {}

  /** New settings or schema: forget cached diagnostics (parsed trees stay valid). */
  configure(model: ModelView, options: CheckOptions): void {
    this.model = model;
    this.options = options;
    this.cache.clear();
  }

  parse(text: string): SourceFile {
    return this.format === 'yaml' ? this.yaml.parse(text) : parseXml(text);
  }

  analyze(text: string): Analysis {
    const file = this.parse(text);
    const diagnostics = checkFileLevel(file);
    const next = new Map<string, Diagnostic[]>();
    let checked = 0;
    for (const cmd of file.commands) {
      const key = text.slice(cmd.span.start, cmd.span.end);
      let relative = next.get(key) ?? this.cache.get(key);
      if (!relative) {
        checked++;
        relative = checkCommand(cmd, file.format, this.model, this.options).map((d) => rebase(d, -cmd.span.start));
      }
      next.set(key, relative);
      for (const d of relative) diagnostics.push({ ...rebase(d, cmd.span.start), command: cmd.index });
    }
    this.cache = next;
    return { file, diagnostics, checked };
  }
}

function shift(span: Span, delta: number): Span {
  return { start: span.start + delta, end: span.end + delta };
}

function rebase(d: Diagnostic, delta: number): Diagnostic {
  if (delta === 0) return d;
  return {
    ...d,
    span: shift(d.span, delta),
    related: d.related?.map((r) => ({ ...r, span: shift(r.span, delta) })),
  };
}
