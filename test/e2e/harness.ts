/**
 * Drives a real VS Code (code-server) in headless Debian Chromium the way a user does: keyboard, Quick Open,
 * the command palette, the Problems panel. Every helper waits on what the user would see, never on a fixed delay.
 *
 *   const vs = await VSCodeSession.start();          // packaged .vsix installed, workspace copied, workbench up
 *   await vs.openFile('missing-lastName.ocip.yaml');
 *   const problem = await vs.waitForProblem(/lastName/);
 *   await vs.close();
 *
 * `e2eTest(name, () => vs, fn)` wraps a test so a screenshot lands in test-results/e2e/ when it fails.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { test, type TestContext } from 'node:test';
import { type Browser, type Page, chromium } from 'playwright-core';
import { type CodeServer, startCodeServer } from './codeServer';
import { type Notification, type OutlineRow, type PageGlobal, type Problem, installPageHelpers } from './pageHelpers';
import { CHROMIUM_BIN, REPO_ROOT, ensureCodeServer, ensureVsix } from './prerequisites';

export const DEFAULT_WORKSPACE = join(REPO_ROOT, 'test/e2e/workspace');
export const SCREENSHOT_DIR = join(REPO_ROOT, 'test-results/e2e');
/** Longest wait for anything the user would see; the language server's first answer is the slowest. */
const UI_TIMEOUT = 45_000;

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

export interface SessionOptions {
  /** Folder copied as the workspace (default test/e2e/workspace). */
  workspace?: string;
  /** User settings merged over the quiet defaults (e.g. `{ 'ocip.someSetting': 1 }`). */
  settings?: Record<string, unknown>;
  /** Browser viewport; screenshots for the README use a larger one. */
  viewport?: { width: number; height: number };
  /** The .vsix to install instead of the packaged extension (e.g. the web-only variant of web-build.test.ts). */
  vsix?: string;
}

export type { Notification, OutlineRow, Problem };

/** A row of a quick pick as shown: its label, the grey description beside it and the detail line under it. */
export interface QuickPickRow {
  label: string;
  description: string;
  detail: string;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function patternOf(message: string | RegExp): { source: string; flags: string } {
  if (typeof message !== 'string') return { source: message.source, flags: message.flags };
  return { source: escapeRegExp(message), flags: '' };
}

export class VSCodeSession {
  private constructor(
    readonly page: Page,
    private readonly browser: Browser,
    private readonly server: CodeServer,
  ) {}

  /** The temp copy of the workspace that VS Code has open. */
  get workspaceDir(): string {
    return this.server.workspaceDir;
  }

  static async start(options: SessionOptions = {}): Promise<VSCodeSession> {
    ensureCodeServer();
    const vsix = options.vsix ?? ensureVsix();
    const server = await startCodeServer({
      vsix,
      workspace: options.workspace ?? DEFAULT_WORKSPACE,
      settings: options.settings,
    });
    return VSCodeSession.openBrowser(server, options.viewport, true);
  }

  /**
   * A browser on a code-server that something else started (the demo of `npm start`), showing `folder`.
   * close() closes the browser only and leaves that server running.
   */
  static async attach(url: string, folder: string, options: Pick<SessionOptions, 'viewport'> = {}): Promise<VSCodeSession> {
    const port = Number(new URL(url).port);
    const server: CodeServer = {
      url: new URL(url).origin,
      port,
      workspaceDir: folder,
      userDataDir: '',
      log: () => '',
      stop: async () => {},
    };
    return VSCodeSession.openBrowser(server, options.viewport, false);
  }

  private static async openBrowser(server: CodeServer, viewport: SessionOptions['viewport'], ownsServer: boolean): Promise<VSCodeSession> {
    let browser: Browser | undefined;
    try {
      browser = await chromium.launch({ executablePath: CHROMIUM_BIN, args: CHROMIUM_ARGS, headless: true });
      const context = await browser.newContext({ viewport: viewport ?? { width: 1400, height: 900 } });
      // tsx (esbuild keepNames) wraps named functions in __name(...); functions we evaluate in the page need it too.
      await context.addInitScript('globalThis.__name = (fn) => fn;');
      await context.addInitScript(installPageHelpers);
      await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url });
      const page = await context.newPage();
      page.setDefaultTimeout(UI_TIMEOUT);
      await page.goto(`${server.url}/?folder=${encodeURIComponent(server.workspaceDir)}`);
      await page.locator('.monaco-workbench .part.statusbar').waitFor();
      // The explorer listing the workspace means the folder is open and the file service answers.
      await page.locator('.explorer-folders-view .monaco-list-row').first().waitFor();
      return new VSCodeSession(page, browser, server);
    } catch (error) {
      await browser?.close();
      if (ownsServer) await server.stop();
      throw new Error(`VS Code did not come up: ${String(error)}\n--- code-server log ---\n${server.log()}`);
    }
  }

  async close(): Promise<void> {
    try {
      await this.browser.close();
    } finally {
      await this.server.stop();
    }
  }

  /** Opens a workspace file through Quick Open (Ctrl+P) and waits until its tab is the active one. */
  async openFile(name: string): Promise<void> {
    const base = name.split('/').pop()!;
    await this.page.keyboard.press('Control+P');
    const input = this.page.locator('.quick-input-widget input.input');
    await input.waitFor();
    await input.fill(name);
    // Click the row whose label is exactly the file: Enter would open whichever row has focus at that
    // instant, and while results stream in that can be a recently opened file instead.
    await this.quickInputRow(base).click();
    await this.page.locator('.editor-group-container.active .tabs-container .tab.active', { hasText: base }).waitFor();
    await this.page.locator('.editor-group-container.active .monaco-editor .view-lines').waitFor();
    await this.page.locator('.quick-input-widget').waitFor({ state: 'hidden' });
  }

  /** Runs a command from the command palette (F1) by its exact title, e.g. 'View: Toggle Word Wrap'. */
  async runCommand(title: string): Promise<void> {
    const input = await this.openCommandPalette();
    await input.fill(`>${title}`);
    await this.quickInputRow(title).click();
    // The palette is gone when the widget hides, or when the command replaced it with its own quick pick or
    // input box (whose input does not start with '>').
    await this.page.waitForFunction(() => {
      const widget = (globalThis as unknown as PageGlobal).document.querySelector('.quick-input-widget') as unknown as {
        style: { display: string };
        querySelector(s: string): { value: string } | null;
      } | null;
      if (!widget || widget.style.display === 'none') return true;
      return !(widget.querySelector('input.input')?.value ?? '').startsWith('>');
    });
  }

  /**
   * Opens the command palette (F1) and returns its input. A key pressed while the workbench moves focus (a view
   * just opening) can be lost, so F1 is pressed again when the palette does not show, as a user would.
   */
  private async openCommandPalette() {
    const input = this.page.locator('.quick-input-widget input.input');
    const deadline = Date.now() + UI_TIMEOUT;
    for (;;) {
      await this.page.keyboard.press('F1');
      try {
        await input.waitFor({ timeout: 3_000 });
        return input;
      } catch (error) {
        if (Date.now() > deadline) throw new Error(`the command palette does not open: ${error}`);
      }
    }
  }

  /**
   * The command palette's entries for `query` (labels as shown), once the entry `present` is listed (so the list is
   * filtered); the palette is closed again. For `when` clauses: what the palette offers in the current context.
   */
  async paletteEntries(query: string, present: string): Promise<string[]> {
    const input = await this.openCommandPalette();
    await input.fill(`>${query}`);
    await this.quickInputRow(present).waitFor();
    const labels = (await this.page.locator('.quick-input-list .monaco-list-row .label-name').allInnerTexts()).map((l) => l.trim());
    await this.page.keyboard.press('Escape');
    await this.page.locator('.quick-input-widget').waitFor({ state: 'hidden' });
    return labels;
  }

  /** The Quick Open / command palette row whose label is exactly `label`. */
  private quickInputRow(label: string) {
    const exact = new RegExp(`^${escapeRegExp(label)}$`);
    return this.page
      .locator('.quick-input-list .monaco-list-row')
      .filter({ has: this.page.locator('.label-name', { hasText: exact }) })
      .first();
  }

  /** Opens the Problems panel (if it is not open) and returns its entries, in the order shown. */
  async problems(): Promise<Problem[]> {
    await this.showProblems();
    return this.page.evaluate(() => (globalThis as unknown as PageGlobal).__ocip.problems());
  }

  /** Waits until the Problems panel shows an entry whose message matches (in `file`, if given), and returns it. */
  async waitForProblem(message: string | RegExp, file?: string): Promise<Problem> {
    await this.showProblems();
    try {
      const handle = await this.page.waitForFunction(
        ({ source, flags, file }) =>
          (globalThis as unknown as PageGlobal).__ocip
            .problems()
            .find((p) => new RegExp(source, flags).test(p.message) && (!file || p.file === file)),
        { ...patternOf(message), file },
      );
      return (await handle.jsonValue()) as Problem;
    } catch (error) {
      throw new Error(`no problem matching ${message}${file ? ` in ${file}` : ''}; ${await this.problemsShown()}: ${error}`);
    }
  }

  /** "Problems shows: [...]" for failure messages. */
  private async problemsShown(): Promise<string> {
    const shown = await this.page.evaluate(() => (globalThis as unknown as PageGlobal).__ocip.problems()).catch(() => []);
    return `Problems shows ${shown.length ? JSON.stringify(shown.map((p) => `${p.file}:${p.line}: ${p.message}`)) : 'nothing'}`;
  }

  /** Waits until no entry whose message matches (in `file`, if given) is left in the Problems panel. */
  async waitForNoProblem(message: string | RegExp, file?: string): Promise<void> {
    await this.showProblems();
    try {
      await this.page.waitForFunction(
        ({ source, flags, file }) =>
          !(globalThis as unknown as PageGlobal).__ocip
            .problems()
            .some((p) => new RegExp(source, flags).test(p.message) && (!file || p.file === file)),
        { ...patternOf(message), file },
      );
    } catch (error) {
      throw new Error(`a problem matching ${message}${file ? ` in ${file}` : ''} stays; ${await this.problemsShown()}: ${error}`);
    }
  }

  private async showProblems(): Promise<void> {
    const panel = this.page.locator('.markers-panel');
    if (await panel.isVisible()) return;
    await this.page.keyboard.press('Control+Shift+M');
    await panel.waitFor();
  }

  /** The visible lines of the active editor that show a squiggle of this severity (now, without waiting). */
  async squiggleLines(severity: 'error' | 'warning' | 'info' = 'error'): Promise<number[]> {
    return this.page.evaluate((name) => (globalThis as unknown as PageGlobal).__ocip.decoratedLines(name), `squiggly-${severity}`);
  }

  /** Waits until the active editor shows a squiggle of this severity on `line` (1-based). */
  async waitForSquiggle(line: number, severity: 'error' | 'warning' | 'info' = 'error'): Promise<void> {
    try {
      await this.page.waitForFunction(
        ({ name, line }) => (globalThis as unknown as PageGlobal).__ocip.decoratedLines(name).includes(line),
        { name: `squiggly-${severity}`, line },
      );
    } catch (error) {
      throw new Error(
        `no ${severity} squiggle on line ${line}; squiggles on ${JSON.stringify(await this.squiggleLines(severity))}: ${error}`,
      );
    }
  }

  /** The language mode shown in the status bar for the active editor (e.g. 'OCI-P YAML'). */
  async languageMode(): Promise<string> {
    const item = this.page.locator('[id="status.editor.mode"]');
    await item.waitFor();
    return (await item.innerText()).trim();
  }

  /** Waits until the status bar shows exactly this language mode (it follows the active editor a moment later). */
  async waitForLanguageMode(mode: string): Promise<void> {
    const exact = new RegExp(`^\\s*${escapeRegExp(mode)}\\s*$`);
    try {
      await this.page.locator('[id="status.editor.mode"]', { hasText: exact }).waitFor();
    } catch (error) {
      throw new Error(`language mode is "${await this.languageMode()}", expected "${mode}": ${error}`);
    }
  }

  /**
   * Opens "Developer: Show Running Extensions" and returns the row of the extension with this display name
   * once it shows an activation time or an error (e.g. "OCI-P for BroadWorks 0.1.0 … Activation: 12ms").
   */
  async runningExtension(displayName: string): Promise<string> {
    await this.runCommand('Developer: Show Running Extensions');
    const row = this.page.locator('.runtime-extensions-editor .monaco-list-row', { hasText: displayName });
    // "Activation: 12ms" once activated, "Activation failed…" in the message when activate() threw.
    await row.filter({ hasText: /Activation/ }).waitFor();
    return (await row.innerText()).replace(/\s+/g, ' ').trim();
  }

  /** Types text at the cursor as one input event, so no completion list can swallow an Enter. */
  async insertText(text: string): Promise<void> {
    await this.page.keyboard.insertText(text);
  }

  /** Moves the cursor with Go to Line (Ctrl+G, `line:column`), 1-based, and waits until the status bar shows it. */
  async goTo(line: number, column = 1): Promise<void> {
    await this.page.keyboard.press('Control+G');
    const input = this.page.locator('.quick-input-widget input.input');
    await input.waitFor();
    await input.fill(`:${line}:${column}`);
    await this.page.keyboard.press('Enter');
    await this.page.locator('.quick-input-widget').waitFor({ state: 'hidden' });
    // Exact: "Ln 3, Col 5" must not be satisfied by "Ln 13, Col 50".
    const shown = new RegExp(`^\\s*Ln ${line}, Col ${column}\\s*$`);
    await this.page.locator('[id="status.editor.selection"]', { hasText: shown }).waitFor();
  }

  /** Shows the hover at a position (keyboard: Ctrl+K Ctrl+I) and returns its text. The hover stays visible. */
  async hoverAt(line: number, column: number): Promise<string> {
    await this.page.keyboard.press('Escape');
    await this.goTo(line, column);
    const hover = this.page.locator('.monaco-editor .monaco-hover:not(.hidden) .monaco-hover-content').first();
    // Until the extension has registered its hover provider, Ctrl+K Ctrl+I shows nothing; ask again, as a user would.
    const deadline = Date.now() + UI_TIMEOUT;
    for (;;) {
      await this.page.keyboard.press('Control+K');
      await this.page.keyboard.press('Control+I');
      try {
        await hover.waitFor({ timeout: 5_000 });
        return (await hover.innerText()).trim();
      } catch (error) {
        if (Date.now() > deadline) throw new Error(`no hover at ${line}:${column}: ${error}`);
      }
    }
  }

  /** Opens completion at the cursor (Ctrl+Space) and returns the labels shown. The list stays open. */
  async triggerCompletion(): Promise<string[]> {
    await this.page.keyboard.press('Escape'); // close a list left open, so the rows below are the new ones
    await this.page.locator('.editor-widget.suggest-widget.visible').waitFor({ state: 'hidden' });
    await this.page.keyboard.press('Control+Space');
    const rows = this.page.locator('.editor-widget.suggest-widget.visible .monaco-list-row');
    await rows.first().waitFor();
    return rows.locator('.label-name').allInnerTexts();
  }

  /** The whole text of the active editor, through the clipboard (Ctrl+A, Ctrl+C); the cursor is put back. */
  async readEditorText(): Promise<string> {
    const position = await this.page.locator('[id="status.editor.selection"]').innerText();
    // Ctrl+A must reach the editor, not the Problems panel that waitForProblem focused.
    const focused = this.page.locator('.editor-group-container.active .monaco-editor.focused');
    if (!(await focused.count())) {
      await this.runCommand('View: Focus Active Editor Group');
      await focused.waitFor();
    }
    await this.page.keyboard.press('Control+A');
    await this.page.keyboard.press('Control+C');
    const text = await this.page.evaluate(() => (globalThis as unknown as PageGlobal).navigator.clipboard.readText());
    const at = /Ln (\d+), Col (\d+)$/.exec(position.trim());
    if (at) await this.goTo(Number(at[1]), Number(at[2]));
    return text;
  }

  /** The user-data-dir of this code-server (User/settings.json, logs/…). */
  get userDataDir(): string {
    return this.server.userDataDir;
  }

  /** Opens the Quick Fix menu at the cursor (Ctrl+., the lightbulb menu) and returns its action titles. It stays open. */
  async quickFixes(): Promise<string[]> {
    await this.page.keyboard.press('Escape');
    await this.page.keyboard.press('Control+.');
    const rows = this.page.locator('.action-widget .monaco-list-row.action');
    await rows.first().waitFor();
    return rows.locator('.title').allInnerTexts();
  }

  /** Applies the Quick Fix titled exactly `title` from the menu at the cursor (opened if needed). */
  async applyQuickFix(title: string): Promise<void> {
    if (!(await this.page.locator('.action-widget').isVisible())) await this.quickFixes();
    const row = this.page.locator('.action-widget .monaco-list-row.action', {
      has: this.page.locator('.title', { hasText: new RegExp(`^${escapeRegExp(title)}$`) }),
    });
    try {
      // The menu lays a pointer block over the window until the mouse moves (so a resting pointer does not pick
      // an item), as a user's hand would: move onto the row first, then click it.
      const box = await row.first().boundingBox({ timeout: 10_000 });
      if (box) await this.page.mouse.move(box.x + box.width / 2, box.y + box.height / 2, { steps: 2 });
      await row.first().click({ timeout: 10_000 });
    } catch (error) {
      const offered = await this.page.locator('.action-widget .monaco-list-row.action .title').allInnerTexts();
      throw new Error(`no quick fix "${title}"; offered: ${JSON.stringify(offered)}: ${error}`);
    }
    await this.page.locator('.action-widget').waitFor({ state: 'hidden' });
  }

  /**
   * The Outline view's rows for the active editor, in tree order, every node expanded. The explorer's folder
   * section is collapsed meanwhile so the whole outline fits (the list only renders visible rows), then restored.
   */
  async outline(): Promise<OutlineRow[]> {
    await this.runCommand('Explorer: Focus on Outline View');
    const folders = this.page.locator('.pane-header[aria-expanded="true"]', {
      has: this.page.locator('.title', { hasText: /^workspace$/i }),
    });
    const collapsed = (await folders.count()) > 0;
    if (collapsed) await folders.first().click();
    try {
      const rows = this.page.locator('.outline-pane .monaco-list-row');
      await rows.first().waitFor();
      // Expand collapsed nodes until none is left (each click renders its children).
      for (let i = 0; i < 50; i++) {
        const closed = this.page.locator('.outline-pane .monaco-list-row[aria-expanded="false"]');
        if (!(await closed.count())) break;
        await closed.first().locator('.monaco-tl-twistie').click();
      }
      return await this.page.evaluate(() => (globalThis as unknown as PageGlobal).__ocip.outlineRows());
    } finally {
      if (collapsed)
        await this.page
          .locator('.pane-header[aria-expanded="false"]', { has: this.page.locator('.title', { hasText: /^workspace$/i }) })
          .first()
          .click();
    }
  }

  /** Waits until a notification toast whose message matches is shown, and returns its message and severity. */
  async waitForMessage(message: string | RegExp): Promise<Notification> {
    try {
      const handle = await this.page.waitForFunction(
        ({ source, flags }) =>
          (globalThis as unknown as PageGlobal).__ocip.notifications().find((n) => new RegExp(source, flags).test(n.message)),
        patternOf(message),
      );
      return (await handle.jsonValue()) as Notification;
    } catch (error) {
      throw new Error(`no notification matching ${message}; shown: ${JSON.stringify(await this.notifications())}: ${error}`);
    }
  }

  /** Waits until no notification toast whose message matches is shown (e.g. a finished progress notification). */
  async waitForNoMessage(message: string | RegExp): Promise<void> {
    await this.page.waitForFunction(
      ({ source, flags }) =>
        !(globalThis as unknown as PageGlobal).__ocip.notifications().some((n) => new RegExp(source, flags).test(n.message)),
      patternOf(message),
    );
  }

  /** The notification toasts shown now. */
  async notifications(): Promise<Notification[]> {
    return this.page.evaluate(() => (globalThis as unknown as PageGlobal).__ocip.notifications());
  }

  /** Dismisses every notification, so the next waitForMessage only sees new ones. */
  async clearNotifications(): Promise<void> {
    await this.runCommand('Notifications: Clear All Notifications');
    await this.page.locator('.notifications-toasts .notification-toast').first().waitFor({ state: 'hidden' });
  }

  /** Waits for the input box titled `title` (e.g. 'OCI-P: Password'), types `value` and accepts it with Enter. */
  async answerInputBox(title: string, value: string): Promise<void> {
    const widget = this.page.locator('.quick-input-widget', {
      has: this.page.locator('.quick-input-title', { hasText: new RegExp(`^${escapeRegExp(title)}$`) }),
    });
    await widget.waitFor();
    await widget.locator('input.input').fill(value);
    await this.page.keyboard.press('Enter');
    await this.page.locator('.quick-input-widget').waitFor({ state: 'hidden' });
  }

  /** The quick pick titled `title` (e.g. 'OCI-P: Select the server to send to'), once it is shown. */
  private quickPick(title: string) {
    return this.page.locator('.quick-input-widget', {
      has: this.page.locator('.quick-input-title', { hasText: new RegExp(`^${escapeRegExp(title)}$`) }),
    });
  }

  /** Waits for the quick pick titled `title` and returns its rows (label, description, detail), in the order shown. */
  async waitForQuickPick(title: string): Promise<QuickPickRow[]> {
    const widget = this.quickPick(title);
    await widget.locator('.quick-input-list .monaco-list-row').first().waitFor();
    const rows = widget.locator('.quick-input-list .monaco-list-row');
    const out: QuickPickRow[] = [];
    for (const row of await rows.all()) {
      const text = async (selector: string) =>
        (await row.locator(selector).count()) ? (await row.locator(selector).first().innerText()).trim() : '';
      out.push({
        label: await text('.label-name'),
        description: await text('.label-description'),
        detail: await text('.quick-input-list-label-meta'),
      });
    }
    return out;
  }

  /** Picks the row labelled exactly `label` in the quick pick titled `title` and waits until the pick closes. */
  async pickQuickPickItem(title: string, label: string): Promise<void> {
    const widget = this.quickPick(title);
    await widget.waitFor();
    await widget
      .locator('.quick-input-list .monaco-list-row')
      .filter({ has: this.page.locator('.label-name', { hasText: new RegExp(`^${escapeRegExp(label)}$`) }) })
      .first()
      .click();
    // Closed, or replaced by the next step's own quick input (another title): either way this pick is done.
    await widget.waitFor({ state: 'hidden' });
  }

  /** Waits for a modal dialog (e.g. `showWarningMessage(…, { modal: true })`) and returns its message and buttons. */
  async waitForDialog(): Promise<{ message: string; buttons: string[] }> {
    const dialog = this.page.locator('.monaco-dialog-box');
    await dialog.waitFor();
    // Without a detail, VS Code renders the message in the detail row: read the whole message container.
    const message = (await dialog.locator('.dialog-message-container').innerText()).replace(/\s+/g, ' ').trim();
    const buttons = (await dialog.locator('.dialog-buttons .monaco-button').allInnerTexts()).map((b) => b.trim());
    return { message, buttons };
  }

  /** Clicks the button labelled exactly `button` of the modal dialog shown and waits until it closes. */
  async answerDialog(button: string): Promise<void> {
    const dialog = this.page.locator('.monaco-dialog-box');
    await dialog
      .locator('.dialog-buttons .monaco-button', { hasText: new RegExp(`^\\s*${escapeRegExp(button)}\\s*$`) })
      .first()
      .click();
    await dialog.waitFor({ state: 'hidden' });
  }

  /** Waits until a status bar item shows exactly `text` (icons are not text), and returns its tooltip/aria label. */
  async waitForStatusBarItem(text: string): Promise<string> {
    const item = this.page.locator('.part.statusbar .statusbar-item', { hasText: new RegExp(`^\\s*${escapeRegExp(text)}\\s*$`) });
    try {
      await item.first().waitFor();
    } catch (error) {
      const shown = await this.page.locator('.part.statusbar .statusbar-item').allInnerTexts();
      throw new Error(`no status bar item "${text}"; shown: ${JSON.stringify(shown.map((s) => s.trim()).filter(Boolean))}: ${error}`);
    }
    return (await item.first().locator('a').first().getAttribute('aria-label')) ?? '';
  }

  /** Makes the editor tab titled `title` active (clicking it) and returns its whole text. */
  async editorTextOf(title: string): Promise<string> {
    const tab = this.page.locator('.tabs-container .tab', {
      has: this.page.locator('.label-name', { hasText: new RegExp(`^${escapeRegExp(title)}$`) }),
    });
    await tab.first().click();
    await this.page.locator('.tabs-container .tab.active', { hasText: title }).first().waitFor();
    await this.page.locator('.editor-group-container.active .monaco-editor.focused').waitFor();
    return this.readEditorText();
  }

  /**
   * Makes the editor tab titled `title` active and waits until its whole text matches `pattern` (a document
   * that an extension updates, like the OCI-P Results view); returns the text.
   */
  async waitForEditorText(title: string, pattern: RegExp): Promise<string> {
    const deadline = Date.now() + UI_TIMEOUT;
    let text = '';
    while (Date.now() < deadline) {
      text = await this.editorTextOf(title);
      if (pattern.test(text)) return text;
    }
    throw new Error(`the editor "${title}" never matched ${pattern}; its text:\n${text}`);
  }

  /**
   * The whole text of an output channel, shown the way a user does it: "Output: Show Output Channels...",
   * pick the channel, then select all and copy in the Output view.
   */
  async outputChannelText(name: string): Promise<string> {
    // A command that just showed an output channel may still move focus to the panel, which closes a palette opened
    // meanwhile: each step is bounded, and the sequence starts again from the palette (a few times) when it was.
    for (let attempt = 1; ; attempt++) {
      try {
        const input = await this.openCommandPalette();
        await input.fill('>Output: Show Output Channels...', { timeout: 5_000 });
        await this.quickInputRow('Output: Show Output Channels...').click({ timeout: 5_000 });
        await this.quickInputRow(name).click({ timeout: 5_000 });
        break;
      } catch (error) {
        if (attempt >= 4) throw error;
        await this.page.keyboard.press('Escape');
      }
    }
    await this.page.locator('.quick-input-widget').waitFor({ state: 'hidden' });
    await this.page.locator('.part.panel .output-view .monaco-editor').first().waitFor();
    await this.runCommand('Output: Focus on Output View');
    await this.page.locator('.part.panel .monaco-editor.focused').waitFor();
    await this.page.keyboard.press('Control+A');
    await this.page.keyboard.press('Control+C');
    return this.page.evaluate(() => (globalThis as unknown as PageGlobal).navigator.clipboard.readText());
  }

  /**
   * The log file behind an extension's log output channel in VS Code for the Web, read from where the workbench
   * keeps it (the page's IndexedDB `vscode-web-db`, store `vscode-logs-store`; the desktop writes it under
   * `userDataDir/logs`). `suffix`: the end of its path, e.g. `ocip-tools.ocip-vscode/OCI-P.log`. '' when absent.
   */
  async webLogFile(suffix: string): Promise<string> {
    return this.page.evaluate(async (suffix) => {
      interface Request<T> {
        result: T;
        error: unknown;
        onsuccess: () => void;
        onerror: () => void;
      }
      interface Store {
        getAllKeys(): Request<unknown[]>;
        get(key: unknown): Request<unknown>;
      }
      interface Database {
        transaction(store: string): { objectStore(name: string): Store };
        close(): void;
      }
      const { indexedDB, TextDecoder: Decoder } = globalThis as unknown as {
        indexedDB: { open(name: string): Request<Database> };
        TextDecoder: new () => { decode(bytes: unknown): string };
      };
      const done = <T>(request: Request<T>) =>
        new Promise<T>((resolve, reject) => {
          request.onsuccess = () => resolve(request.result);
          request.onerror = () => reject(request.error);
        });
      const db = await done(indexedDB.open('vscode-web-db'));
      try {
        const keys = (await done(db.transaction('vscode-logs-store').objectStore('vscode-logs-store').getAllKeys())).map(String);
        // The newest session's file (a key starts with the session's folder, named by its start time).
        const key = keys
          .filter((k) => k.endsWith(suffix))
          .sort()
          .pop();
        if (key === undefined) return '';
        const value = await done(db.transaction('vscode-logs-store').objectStore('vscode-logs-store').get(key));
        return typeof value === 'string' ? value : new Decoder().decode(value);
      } finally {
        db.close();
      }
    }, suffix);
  }

  /** Saves a PNG of the whole window under test-results/e2e/ (or `dir`); returns its path. */
  async screenshot(name: string, dir = SCREENSHOT_DIR): Promise<string> {
    mkdirSync(dir, { recursive: true });
    const path = join(dir, `${name.replace(/[^\w.-]+/g, '-')}.png`);
    await this.page.screenshot({ path });
    return path;
  }
}

/** A node:test test that saves a screenshot of the workbench when it fails. */
export function e2eTest(
  name: string,
  session: () => VSCodeSession | undefined,
  fn: (t: TestContext) => Promise<void>,
  timeout = 120_000,
): void {
  test(name, { timeout }, async (t) => {
    try {
      await fn(t);
    } catch (error) {
      const vs = session();
      if (vs) {
        const path = await vs.screenshot(`FAILED-${name}`).catch((e) => `(screenshot failed: ${e})`);
        t.diagnostic(`screenshot: ${path}`);
      }
      throw error;
    }
  });
}
