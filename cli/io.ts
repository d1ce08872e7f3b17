/** The CLI's outside world, injectable so commands can be tested in-process as well as through the binary. */
export interface CliIo {
  stdout(s: string): void;
  stderr(s: string): void;
  version: string;
  env: NodeJS.ProcessEnv;
}

export const processIo: CliIo = {
  stdout: (s) => process.stdout.write(s),
  stderr: (s) => process.stderr.write(s),
  version: '0.1.0',
  env: process.env,
};
