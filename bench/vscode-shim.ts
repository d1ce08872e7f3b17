/**
 * The few `vscode` classes client/send/codelens.ts uses, shaped like VS Code's (plain classes holding their
 * fields), so the bench can run the extension's real CodeLens code in Node without a VS Code.
 */
export class Position {
  constructor(
    readonly line: number,
    readonly character: number,
  ) {}
}
export class Range {
  readonly start: Position;
  readonly end: Position;
  constructor(startLine: number, startCharacter: number, endLine: number, endCharacter: number) {
    this.start = new Position(startLine, startCharacter);
    this.end = new Position(endLine, endCharacter);
  }
}
export class CodeLens {
  command?: unknown;
  constructor(
    readonly range: Range,
    command?: unknown,
  ) {
    this.command = command;
  }
  get isResolved(): boolean {
    return this.command !== undefined;
  }
}
const disposable = { dispose() {} };
export class EventEmitter<T> {
  readonly event = (_listener: (e: T) => void) => disposable;
  fire(_e?: T): void {}
  dispose(): void {}
}
const noEvent = () => disposable;
export const workspace = {
  getConfiguration: () => ({ get: <T>(_key: string, fallback: T) => fallback }),
  onDidCloseTextDocument: noEvent,
};
/** The editors the bench says are visible: `globalThis.ocipBenchVisibleEditors` (document and visible ranges). */
export const window = {
  get visibleTextEditors(): unknown[] {
    return (globalThis as { ocipBenchVisibleEditors?: unknown[] }).ocipBenchVisibleEditors ?? [];
  },
  onDidChangeTextEditorVisibleRanges: noEvent,
  onDidChangeVisibleTextEditors: noEvent,
};
