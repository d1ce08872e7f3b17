/** Which model a document is checked against: the built-in R25 model, or the user's ocip.schemaDirectory. */
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { builtinModel, loadSchemaDirCached, type ModelIndex } from '../core/model';

export interface ModelChoice {
  model: ModelIndex;
  source: 'builtin' | 'schemaDirectory';
  /** Why the configured schema folder was not used. */
  error?: string;
}

/** Where the provider reports what it loaded (the server's log). */
export interface ModelLog {
  info(message: string): void;
  error(message: string): void;
}

/** Which model a document is checked against (ModelProvider on Node, ./web/models.ts in a web worker). */
export interface Models {
  get(schemaDirectory: string): ModelChoice;
  clear(): void;
}

export class ModelProvider implements Models {
  private readonly byDir = new Map<string, ModelChoice>();

  constructor(
    private readonly cacheDir: string = join(tmpdir(), 'ocip-schema-cache'),
    private readonly log?: ModelLog,
  ) {}

  get(schemaDirectory: string): ModelChoice {
    if (!schemaDirectory.trim()) return { model: builtinModel(), source: 'builtin' };
    let choice = this.byDir.get(schemaDirectory);
    if (!choice) {
      const started = Date.now();
      try {
        choice = { model: loadSchemaDirCached(schemaDirectory, this.cacheDir), source: 'schemaDirectory' };
        this.log?.info(
          `Model loaded from schema folder ${schemaDirectory}: ${choice.model.commandNames().length} commands (${Date.now() - started} ms, compiled or read from the cache).`,
        );
        for (const w of choice.model.warnings.slice(0, 20)) this.log?.info(`Schema folder ${schemaDirectory}: ${w}`);
      } catch (e) {
        choice = {
          model: builtinModel(),
          source: 'builtin',
          error: `ocip.schemaDirectory '${schemaDirectory}' could not be used: ${(e as Error).message}. Using the built-in R25 model.`,
        };
        this.log?.error(choice.error!);
      }
      this.byDir.set(schemaDirectory, choice);
    }
    return choice;
  }

  clear(): void {
    this.byDir.clear();
  }
}
