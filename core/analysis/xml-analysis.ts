/**
 * Analysis of an XML command file: the XML front end already reuses unchanged commands (core/syntax/xml);
 * here each command's diagnostics are cached by the command's exact text, relative to its start, and the
 * checking can be done in slices (`advance`).
 */
import { applyKeyScopes, checkCommand, checkFileLevel, type Diagnostic } from '../checks';
import { parseXml } from '../syntax';
import type { CommandNode, SourceFile, Span } from '../tree/types';
import type { Analysis, XmlAnalysisCache } from './analyzer';
import type { CheckConfig } from './yaml-analysis';

export class XmlAnalysis implements Analysis {
  readonly file: SourceFile;
  checked = 0;
  private done = 0;
  private readonly perCommand: Diagnostic[][] = [];
  private readonly next = new Map<string, Diagnostic[]>();
  private diagnosticsCache?: Diagnostic[];

  constructor(
    private readonly text: string,
    private readonly config: CheckConfig,
    private readonly cache: XmlAnalysisCache,
  ) {
    this.file = parseXml(text);
  }

  get complete(): boolean {
    return this.done >= this.file.commands.length;
  }

  advance(budgetMs = Infinity): boolean {
    const until = performance.now() + budgetMs;
    const commands = this.file.commands;
    while (this.done < commands.length) {
      const cmd = commands[this.done++];
      const key = this.text.slice(cmd.span.start, cmd.span.end);
      let relative = this.next.get(key) ?? this.cache.current.get(key);
      if (!relative) {
        this.checked++;
        relative = checkCommand(cmd, 'xml', this.config.model, this.config.options).map((d) => rebase(d, -cmd.span.start));
      }
      this.next.set(key, relative);
      this.perCommand.push(relative.map((d) => ({ ...rebase(d, cmd.span.start), command: cmd.index })));
      if ((this.done & 7) === 0 && performance.now() >= until) break;
    }
    if (this.complete && this.cache.current !== this.next) this.cache.current = this.next;
    return this.complete;
  }

  get diagnostics(): Diagnostic[] {
    if (this.diagnosticsCache) return this.diagnosticsCache;
    this.advance();
    const out = checkFileLevel(this.file);
    for (const list of this.perCommand) for (const d of list) out.push(d);
    return (this.diagnosticsCache = applyKeyScopes(out));
  }

  commandAt(offset: number): CommandNode | undefined {
    return this.file.commands.find((c) => c.span.start <= offset && offset <= c.span.end);
  }
}

function shift(span: Span, delta: number): Span {
  return { start: span.start + delta, end: span.end + delta };
}

function rebase(d: Diagnostic, delta: number): Diagnostic {
  if (delta === 0) return d;
  const out: Diagnostic = { ...d, span: shift(d.span, delta) };
  if (d.related) out.related = d.related.map((r) => ({ ...r, span: shift(r.span, delta) }));
  return out;
}
