/**
 * One code-server (VS Code's real workbench and extension host) on 127.0.0.1, fully isolated:
 * its own config file, user-data-dir, extensions-dir and workspace copy under one temp folder.
 * The process runs in its own process group so that stopping it also stops the extension host,
 * the language server and every other child.
 * The demo (`npm start`, scripts/demo.ts) uses the same launcher with a kept folder (`home`), the workspace
 * opened in place and a preferred port.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { CODE_SERVER_BIN } from './prerequisites';

export interface CodeServerOptions {
  /** The .vsix to install before start. */
  vsix: string;
  /** Folder whose files are copied into the temp workspace. */
  workspace: string;
  /** Extra user settings (e.g. `ocip.*`), merged over the quiet defaults below. */
  settings?: Record<string, unknown>;
  /** Open `workspace` itself instead of a temp copy (the demo: what the user edits stays). */
  workspaceInPlace?: boolean;
  /** Keep config, user-data and extensions here (created if missing, never deleted) instead of a temp folder. */
  home?: string;
  /** Listen on this port when it is free, else on a free one. */
  preferredPort?: number;
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
  /** The folder code-server has open (the temp copy, or the workspace itself when opened in place). */
  workspaceDir: string;
  /** Its user-data-dir (User/settings.json, logs/). */
  userDataDir: string;
  /** Everything code-server printed so far (for failure messages). */
  log(): string;
  stop(): Promise<void>;
}

/** A port that was free a moment ago on 127.0.0.1: `wanted` if it is free, else any (0 = any). */
export function freePort(wanted = 0): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.once('error', (error: NodeJS.ErrnoException) => {
      if (wanted && error.code === 'EADDRINUSE') resolvePort(freePort(0));
      else reject(error);
    });
    server.listen(wanted, '127.0.0.1', () => {
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
  const kept = options.home !== undefined;
  const root = kept ? resolve(options.home!) : mkdtempSync(join(tmpdir(), 'ocip-e2e-'));
  const removeRoot = () => {
    if (!kept) rmSync(root, { recursive: true, force: true });
  };
  const userDataDir = join(root, 'user-data');
  const extensionsDir = join(root, 'extensions');
  const workspaceDir = options.workspaceInPlace ? resolve(options.workspace) : join(root, 'workspace');
  const configFile = join(root, 'config.yaml');
  mkdirSync(join(userDataDir, 'User'), { recursive: true });
  if (!options.workspaceInPlace) cpSync(options.workspace, workspaceDir, { recursive: true });
  writeFileSync(join(userDataDir, 'User/settings.json'), JSON.stringify({ ...QUIET_SETTINGS, ...options.settings }, null, 2));
  // Our own config file: code-server must not read or write the user's ~/.config/code-server.
  writeFileSync(configFile, 'auth: none\ncert: false\n');
  const env = { ...process.env, XDG_DATA_HOME: join(root, 'xdg-data'), XDG_CACHE_HOME: join(root, 'xdg-cache') };
  const common = ['--config', configFile, '--user-data-dir', userDataDir, '--extensions-dir', extensionsDir];
  try {
    // --force: a rebuilt .vsix of the same version replaces the installed one (the demo's kept folder).
    await runToEnd([...common, '--install-extension', options.vsix, '--force'], env);
  } catch (error) {
    removeRoot();
    throw error;
  }

  // A free port can be taken between probing and binding; one retry covers that race.
  let lastError: unknown;
  for (let attempt = 0; attempt < 3; attempt++) {
    const port = await freePort(attempt === 0 ? options.preferredPort : 0);
    try {
      return await launch(port, common, env, workspaceDir, userDataDir, removeRoot);
    } catch (error) {
      lastError = error;
      if (!/EADDRINUSE/.test(String(error))) break;
    }
  }
  removeRoot();
  throw lastError;
}

function launch(
  port: number,
  common: string[],
  env: NodeJS.ProcessEnv,
  workspaceDir: string,
  userDataDir: string,
  removeRoot: () => void,
): Promise<CodeServer> {
  const args = [
    ...common,
    '--bind-addr',
    `127.0.0.1:${port}`,
    '--auth',
    'none',
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
    removeRoot();
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
        resolveStart({ url: `http://127.0.0.1:${port}`, port, workspaceDir, userDataDir, log: () => output, stop });
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
