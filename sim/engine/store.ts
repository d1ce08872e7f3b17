/** Holds the state and persists it after every change: temp file + rename, so a crash never leaves half a file. */
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { normalizeState, SeedError } from './seed';
import type { SimState } from './state';

export class StateStore {
  constructor(
    public state: SimState,
    private readonly file?: string,
  ) {}

  /** Loads the state file when it exists, otherwise starts from `initial` (and writes it). */
  static open(initial: SimState, file?: string): StateStore {
    if (file && existsSync(file)) {
      let raw: unknown;
      try {
        raw = JSON.parse(readFileSync(file, 'utf8'));
      } catch (e) {
        throw new SeedError(`${file}: the state file is not valid JSON: ${e instanceof Error ? e.message : String(e)}`);
      }
      return new StateStore(normalizeState(raw, file), file);
    }
    const store = new StateStore(initial, file);
    store.save();
    return store;
  }

  save(): void {
    if (!this.file) return;
    const tmp = `${this.file}.${process.pid}.${Date.now()}.tmp`;
    writeFileSync(tmp, JSON.stringify(this.state, null, 2) + '\n', 'utf8');
    renameSync(tmp, this.file);
  }
}
