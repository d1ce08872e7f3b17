/**
 * Readers of the workbench DOM that run inside the page. Installed once per page (as an init script, which
 * the workbench's content security policy does not apply to) so that `page.waitForFunction` predicates can
 * call them: `globalThis.__ocip.problems()`. Keep this function self-contained: it is sent as source text.
 */
export interface Problem {
  file: string;
  severity: 'error' | 'warning' | 'info';
  message: string;
  source: string;
  code: string;
  /** 1-based, as the Problems panel shows it. */
  line: number;
  column: number;
}

export interface Notification {
  severity: 'error' | 'warning' | 'info';
  message: string;
}

export interface OutlineRow {
  /** 1 for top-level symbols. */
  level: number;
  label: string;
  /** The grey text after the label (here: the element's value). */
  detail: string;
}

export interface PageHelpers {
  /** The notification toasts shown now. */
  notifications(): Notification[];
  /** The rendered rows of the Outline view. */
  outlineRows(): OutlineRow[];
  /** The Problems tree's entries in the order shown (file rows are level 1, problems level 2). */
  problems(): Problem[];
  /** 1-based numbers of the visible lines of the active editor that carry a decoration class. */
  decoratedLines(className: string): number[];
}

/** The little of the DOM used here, typed locally so the project's tsconfig needs no "dom" lib. */
interface DomElement {
  getAttribute(name: string): string | null;
  querySelector(selector: string): DomElement | null;
  querySelectorAll(selector: string): Iterable<DomElement>;
  textContent: string | null;
  classList: { contains(name: string): boolean };
  parentElement: DomElement | null;
  style: { top: string };
}

export interface PageGlobal {
  __ocip: PageHelpers;
  document: DomElement;
  navigator: { clipboard: { readText(): Promise<string> } };
}

export function installPageHelpers(): void {
  const { document } = globalThis as unknown as PageGlobal;
  const helpers: PageHelpers = {
    notifications() {
      const out: Notification[] = [];
      for (const item of document.querySelectorAll('.notifications-toasts .notification-list-item')) {
        const icon = item.querySelector('.notification-list-item-icon');
        const severity = icon?.classList.contains('codicon-error')
          ? 'error'
          : icon?.classList.contains('codicon-warning')
            ? 'warning'
            : 'info';
        out.push({ severity, message: item.querySelector('.notification-list-item-message')?.textContent?.trim() ?? '' });
      }
      return out;
    },
    outlineRows() {
      const rows = [...document.querySelectorAll('.outline-pane .monaco-list-row')];
      // Rows are absolutely positioned; order them by their place in the list.
      rows.sort((a, b) => Number(a.getAttribute('data-index')) - Number(b.getAttribute('data-index')));
      return rows.map((row) => ({
        level: Number(row.getAttribute('aria-level')),
        label: row.querySelector('.label-name')?.textContent?.trim() ?? '',
        detail: row.querySelector('.label-description')?.textContent?.trim() ?? '',
      }));
    },
    problems() {
      const out: Problem[] = [];
      let file = '';
      for (const row of document.querySelectorAll('.markers-panel .monaco-list-row')) {
        const level = row.getAttribute('aria-level');
        const text = (selector: string) => row.querySelector(selector)?.textContent?.trim() ?? '';
        if (level === '1') file = text('.label-name');
        if (level !== '2') continue;
        const icon = row.querySelector('.marker-icon');
        const severity = icon?.classList.contains('error') ? 'error' : icon?.classList.contains('warning') ? 'warning' : 'info';
        const position = /Ln (\d+), Col (\d+)/.exec(text('.marker-line'));
        out.push({
          file,
          severity,
          message: text('.marker-message'),
          source: text('.marker-source'),
          code: text('.marker-code'),
          line: position ? Number(position[1]) : 0,
          column: position ? Number(position[2]) : 0,
        });
      }
      return out;
    },
    decoratedLines(className) {
      const editor = document.querySelector('.editor-group-container.active .monaco-editor');
      if (!editor) return [];
      // Decorations and line numbers are separate layers; rows of the same line share the same `top`.
      const lineAtTop = new Map<string, number>();
      for (const number of editor.querySelectorAll('.margin-view-overlays > div')) {
        const text = number.querySelector('.line-numbers')?.textContent?.trim();
        if (text) lineAtTop.set(number.style.top, Number(text));
      }
      const lines = new Set<number>();
      for (const decoration of editor.querySelectorAll(`.view-overlays .${className}`)) {
        const row = decoration.parentElement;
        const line = row ? lineAtTop.get(row.style.top) : undefined;
        if (line !== undefined) lines.add(line);
      }
      return [...lines].sort((a, b) => a - b);
    },
  };
  (globalThis as unknown as PageGlobal).__ocip = helpers;
}
