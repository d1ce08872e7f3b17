/**
 * The demo's workspace (.demo/workspace): a copy of examples/ made once and then left to the user; the
 * simulator's server entry goes to the demo code-server's user settings.
 */
import { cpSync, existsSync } from 'node:fs';

export const DEMO_SERVER_NAME = 'Local simulator';

export interface DemoServer {
  port: number;
  username: string;
}

/** Copies `examples` to `workspace` unless it exists (what the user edited there is never overwritten). */
export function ensureWorkspace(workspace: string, examples: string): { created: boolean } {
  if (existsSync(workspace)) return { created: false };
  cpSync(examples, workspace, { recursive: true });
  return { created: true };
}

/**
 * The demo's server settings, for the demo's own code-server USER settings: `ocip.servers` is an
 * application-scoped setting (a workspace's .vscode/settings.json cannot define where a password goes), so the
 * workspace copy is left as the user has it.
 */
export function demoServerSettings(server: DemoServer): Record<string, unknown> {
  const entry = {
    name: DEMO_SERVER_NAME,
    host: '127.0.0.1',
    port: server.port,
    transport: 'tcp',
    username: server.username,
    production: false,
  };
  return { 'ocip.servers': [entry], 'ocip.activeServer': DEMO_SERVER_NAME };
}
