/**
 * Settings per resource (workspace/configuration with a scopeUri), read by core's one normalizer
 * (core/settings) with the document's workspace folder. Cached per URI until the client reports a configuration
 * change; each unusable value is shown once as a warning.
 */
import { fileURLToPath } from 'node:url';
import { MessageType, ShowMessageNotification, type Connection, type WorkspaceFolder } from 'vscode-languageserver';
import { normalizeSettings } from '../core/settings';
import { DEFAULT_SETTINGS, SETTINGS_SECTION, type OcipSettings } from '../core/protocol/messages';

export { toCheckOptions } from '../core/settings';

export class SettingsCache {
  private readonly cache = new Map<string, Promise<OcipSettings>>();
  private readonly warned = new Set<string>();
  /** The refresh running or last run (see `refresh`). */
  private refreshing: Promise<unknown> = Promise.resolve();
  supportsConfiguration = false;
  workspaceFolders: WorkspaceFolder[] = [];

  /** @param onProblem told once per fetch about each setting value that could not be used (the server logs it). */
  constructor(
    private readonly connection: Connection,
    private readonly onProblem: (message: string) => void = () => undefined,
  ) {}

  get(uri: string): Promise<OcipSettings> {
    let s = this.cache.get(uri);
    if (!s) {
      s = this.fetch(uri);
      this.cache.set(uri, s);
    }
    return s;
  }

  clear(): void {
    this.cache.clear();
  }

  /**
   * Reads the settings of every URI asked so far again. True when any changed (then the cache holds the new
   * values); false keeps the cached objects, so documents keep their analyses: VS Code's language client sends a
   * didChangeConfiguration right after start-up, when nothing has changed.
   * Refreshes run one after another: two at once compared their answers with the same cached values, so both
   * reported a change and every document was checked twice (two notifications in a row, as VS Code sends them).
   */
  refresh(): Promise<boolean> {
    const run = this.refreshing.then(() => this.refreshNow());
    this.refreshing = run.catch(() => false);
    return run;
  }

  private async refreshNow(): Promise<boolean> {
    const entries = [...this.cache.entries()];
    const fresh = await Promise.all(entries.map(([uri]) => this.fetch(uri)));
    const before = await Promise.all(entries.map(([, s]) => s));
    if (fresh.every((s, i) => JSON.stringify(s) === JSON.stringify(before[i]))) return false;
    this.cache.clear();
    entries.forEach(([uri], i) => this.cache.set(uri, Promise.resolve(fresh[i])));
    return true;
  }

  /** The file-system path of the workspace folder holding `uri` (the longest match), if any. */
  folderOf(uri: string): string | undefined {
    const inside = this.workspaceFolders.filter((f) => uri === f.uri || uri.startsWith(f.uri.endsWith('/') ? f.uri : `${f.uri}/`));
    const best = inside.sort((a, b) => b.uri.length - a.uri.length)[0];
    if (!best?.uri.startsWith('file:')) return undefined;
    try {
      return fileURLToPath(best.uri);
    } catch {
      return undefined;
    }
  }

  private async fetch(uri: string): Promise<OcipSettings> {
    if (!this.supportsConfiguration) return DEFAULT_SETTINGS;
    let raw: unknown;
    try {
      raw = await this.connection.workspace.getConfiguration({ scopeUri: uri, section: SETTINGS_SECTION });
    } catch {
      return DEFAULT_SETTINGS;
    }
    const { settings, problems } = normalizeSettings(raw, { workspaceFolder: this.folderOf(uri) });
    for (const p of problems) {
      if (this.warned.has(p.message)) continue;
      this.warned.add(p.message);
      this.onProblem(p.message);
      // A plain notification: showWarningMessage sends a request whose failure would be an unhandled rejection.
      void this.connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Warning, message: `OCI-P: ${p.message}` });
    }
    return settings;
  }
}
