/**
 * One open document's analysis: text -> tree -> diagnostics, reusing the previous version's work for every
 * command whose text did not change, so after a one-character edit only the edited command is parsed and
 * checked again, whatever the size of the file (YAML: ./yaml-analysis; XML: ./xml-analysis).
 *
 * An `Analysis` is lazy: `file` (the absolute tree) and `diagnostics` are computed on first access, and
 * `advance(budgetMs)` lets a caller do the checking in slices (the server yields between slices, so requests
 * are never stuck behind a long validation, and a newer version can abandon an older one).
 */
import type { PieceText } from '../text/piece-text';
import type { CheckOptions, Diagnostic, ModelView } from '../checks';
import type { SeverityOverrides } from '../checks/severity-overrides';
import type { CommandNode, FileFormat, SourceFile } from '../tree/types';
import { XmlAnalyzerState } from './xml-analysis';
import { YamlAnalyzerState, type CheckConfig } from './yaml-analysis';

export interface Analysis {
  /** The whole tree, absolute spans (materialised on first access). Treat as immutable. */
  readonly file: SourceFile;
  /** Every diagnostic, absolute spans (completes any remaining checking on first access). */
  readonly diagnostics: Diagnostic[];
  /** How many commands (YAML: documents) were parsed or checked afresh so far (the rest came from caches). */
  readonly checked: number;
  /** True when `diagnostics` is ready without further work. */
  readonly complete: boolean;
  /** Does up to `budgetMs` of the remaining checking; returns `complete`. */
  advance(budgetMs?: number): boolean;
  /**
   * The diagnostics of the commands checked so far (a prefix of the file, in the order of `diagnostics`), without
   * checking more: what a long first validation can show before it ends. YAML: syntax and command diagnostics of
   * the checked documents; XML: the checked commands' (file-level syntax and envelope come with `diagnostics`).
   */
  diagnosticsSoFar(): Diagnostic[];
  /** Documents (YAML) or pieces (XML) in the file: the units `advance` checks. */
  readonly size: number;
  /** The command at `offset` (the nearest one of its document/element), absolute spans; cheap without `file`. */
  commandAt(offset: number): CommandNode | undefined;
  /**
   * YAML: the document around `offset` as its own text (lone CRs made LF), where it starts, and its command with
   * spans relative to that start, for the features that read the text near the cursor (hover, completion): they
   * then never need the whole text of a huge file, which an open document builds only on demand. XML: undefined.
   */
  /**
   * `capDiagnostics(applySeverityOverrides(diagnostics or diagnosticsSoFar(), overrides), limit)`, computed without
   * placing the diagnostics that are not listed (YAML; see YamlChunkAnalysis.shown).
   */
  shown?(limit: number, overrides: SeverityOverrides, soFar?: boolean): Diagnostic[];
  documentAt?(offset: number): { start: number; text: string; command?: CommandNode } | undefined;
}

export class DocumentAnalyzer {
  private readonly yaml = new YamlAnalyzerState();
  private readonly xml = new XmlAnalyzerState();
  private config: CheckConfig;

  constructor(
    readonly format: FileFormat,
    model: ModelView,
    options: CheckOptions,
    /** One document checked once (`ocip validate`): see CheckConfig.oneShot. */
    oneShot = false,
  ) {
    this.config = { model, options, generation: 0, oneShot };
  }

  /** New settings or schema: cached diagnostics become stale (parsed trees stay valid). */
  configure(model: ModelView, options: CheckOptions): void {
    this.config = { model, options, generation: this.config.generation + 1, oneShot: this.config.oneShot };
  }

  /**
   * The analysis of `text`, with nothing computed yet beyond what reuse needs. An open document's blocks
   * (core/text/piece-text) let the analysis read only what changed since the last call.
   */
  begin(text: string | PieceText): Analysis {
    return this.format === 'yaml' ? this.yaml.next(text, this.config) : this.xml.next(text, this.config);
  }

  /** The finished analysis of `text` (everything checked). */
  analyze(text: string | PieceText): Analysis {
    const analysis = this.begin(text);
    analysis.advance();
    return analysis;
  }

  parse(text: string): SourceFile {
    return this.begin(text).file;
  }
}
