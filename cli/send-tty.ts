/** Questions on the terminal for `ocip send`: a hidden password prompt and a yes/no confirmation. */
import { createInterface } from 'node:readline';

export interface SendTty {
  /** True when both stdin and stderr are terminals, so a person can answer. */
  interactive: boolean;
  askHidden(question: string): Promise<string>;
  askLine(question: string): Promise<string>;
}

export const processTty: SendTty = {
  get interactive() {
    return !!process.stdin.isTTY && !!process.stderr.isTTY;
  },
  askHidden: (q) => ask(q, true),
  askLine: (q) => ask(q, false),
};

/** Reads one line from stdin, the question on stderr; with `hidden` the typed characters are not echoed. */
function ask(question: string, hidden: boolean): Promise<string> {
  return new Promise((resolve, reject) => {
    const output = process.stderr;
    const rl = createInterface({ input: process.stdin, output, terminal: true });
    if (hidden) {
      // readline echoes through _writeToOutput; swallow everything after the question.
      const internals = rl as unknown as { _writeToOutput: (s: string) => void };
      internals._writeToOutput = (s: string) => {
        if (s.includes('\n') || s.includes('\r')) output.write('\n');
      };
    }
    rl.on('SIGINT', () => {
      rl.close();
      reject(new Error('cancelled'));
    });
    output.write(question);
    rl.question('', (answer) => {
      rl.close();
      resolve(answer);
    });
  });
}
