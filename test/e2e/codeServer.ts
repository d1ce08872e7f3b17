/**
 * One code-server (VS Code's real workbench and extension host) on 127.0.0.1, fully isolated:
 * its own config file, user-data-dir, extensions-dir and workspace copy under one temp folder.
 * The process runs in its own process group so that stopping it also stops the extension host,
 * the language server and every other child.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CODE_SERVER_BIN } from './prerequisites';

export interface CodeServerOptions {
  /** The .vsix to install before start. */
  vsix: string;
  /** Folder whose files are copied into the temp workspace. */
  workspace: string;
  /** Extra user settings (e.g. `ocip.*`), merged over the quiet defaults below. */
  settings?: Record<string, unknown>;
}

/** Settings that keep the workbench free of anything a test did not ask for (welcome pages, tips, prompts). */
const QUIET_SETTINGS: Record<string, unknown> = {
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.welcomePage.walkthroughs.openOnInstall': false,
  'workbench.enableExperiments': false,
  'workbench.editor.enablePreview': false,
  'security.workspace.trust.enabled': false,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'git.enabled': false,
  'files.autoSave': 'off',
  'editor.minimap.enabled': false,
  'chat.commandCenter.enabled': false,
};

export interface CodeServer {
  url: string;
  port: number;
  /** The temp copy of the workspace that code-server has open. */
  workspaceDir: string;
  /** Everything code-server printed so far (for failure messages). */
  log(): string;
  stop(): Promise<void>;
}

function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolvePort(port));
    });
  });
}

/** Runs code-server once to completion (used for --install-extension). */
function runToEnd(args: string[], env: NodeJS.ProcessEnv): Promise<string> {
  return new Promise((resolveRun, reject) => {
    const child = spawn(CODE_SERVER_BIN, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    child.once('error', reject);
    child.once('exit', (code) => {
      if (code === 0) resolveRun(out);
      else reject(new Error(`code-server ${args.join(' ')} exited with ${code}:\n${out}`));
    });
  });
}

function killGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    // already gone
  }
}

export async function startCodeServer(options: CodeServerOptions): Promise<CodeServer> {
  const root = mkdtempSync(join(tmpdir(), 'ocip-e2e-'));
  const userDataDir = join(root, 'user-data');
  const extensionsDir = join(root, 'extensions');
  const workspaceDir = join(root, 'workspace');
  const configFile = join(root, 'config.yaml');
  mkdirSync(join(userDataDir, 'User'), { recursive: true });
  cpSync(options.workspace, workspaceDir, { recursive: true });
  writeFileSync(
    join(userDataDir, 'User/settings.json'),
    JSON.stringify({ ...QUIET_SETTINGS, ...options.settings }, null, 2),
  );
  // Our own config file: code-server must not read or write the user's ~/.config/code-server.
  writeFileSync(configFile, 'auth: none\ncert: false\n');
  const env = { ...process.env, XDG_DATA_HOME: join(root, 'xdg-data'), XDG_CACHE_HOME: join(root, 'xdg-cache') };
  const common = ['--config', configFile, '--user-data-dir', userDataDir, '--extensions-dir', extensionsDir];
  try {
    await runToEnd([...common, '--install-extension', options.vsix], env);
  } catch (error) {
    rmSync(root, { recursive: true, force: true });
    throw error;
  }

  // A free port can be taken between probing and binding; one retry covers that race.
  let lastError: unknown;
  for (let attempt = 0; attempt < 3; attempt++) {
    const port = await freePort();
    try {
      return await launch(port, common, env, root, workspaceDir);
    } catch (error) {
      lastError = error;
      if (!/EADDRINUSE/.test(String(error))) break;
    }
  }
  rmSync(root, { recursive: true, force: true });
  throw lastError;
}

function launch(
  port: number,
  common: string[],
  env: NodeJS.ProcessEnv,
  root: string,
  workspaceDir: string,
): Promise<CodeServer> {
  const args = [
    ...common,
    '--bind-addr', `127.0.0.1:${port}`,
    '--auth', 'none',
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    '--disable-getting-started-override',
    workspaceDir,
  ];
  const child = spawn(CODE_SERVER_BIN, args, { env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  // If the test process dies without running its hooks, the server must still go.
  const killOnExit = () => killGroup(child, 'SIGKILL');
  process.once('exit', killOnExit);

  const exited = new Promise<void>((resolveExit) => child.once('exit', () => resolveExit()));
  const stop = async () => {
    process.removeListener('exit', killOnExit);
    killGroup(child, 'SIGTERM');
    const timer = setTimeout(() => killGroup(child, 'SIGKILL'), 5000);
    await exited;
    clearTimeout(timer);
    // The group may still hold children that ignored SIGTERM after the leader exited.
    try {
      process.kill(-child.pid!, 'SIGKILL');
    } catch {
      // none left
    }
    rmSync(root, { recursive: true, force: true });
  };

  return new Promise((resolveStart, rejectStart) => {
    const ready = `HTTP server listening on http://127.0.0.1:${port}`;
    const timer = setTimeout(() => {
      void stop();
      rejectStart(new Error(`code-server did not start within 60 s:\n${output}`));
    }, 60_000);
    const onData = (data: Buffer) => {
      output += data;
      if (output.includes(ready)) {
        clearTimeout(timer);
        resolveStart({ url: `http://127.0.0.1:${port}`, port, workspaceDir, log: () => output, stop });
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      process.removeListener('exit', killOnExit);
      rejectStart(new Error(`code-server exited with ${code} before it was ready:\n${output}`));
    });
  });
}
