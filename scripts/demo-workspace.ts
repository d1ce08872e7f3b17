/**
 * The demo's workspace (.demo/workspace): a copy of examples/ made once and then left to the user, and its
 * .vscode/settings.json pointed at the demo's simulator (other settings and other servers kept).
 */
import { cpSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseJsonc } from '../core/send/jsonc';

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
 * Writes `ocip.servers` (the simulator's entry added or replaced by name) and `ocip.activeServer` into the
 * workspace's .vscode/settings.json, keeping everything else. Comments in an existing file are not kept.
 */
export function writeServerSettings(workspace: string, server: DemoServer): string {
  const dir = join(workspace, '.vscode');
  const file = join(dir, 'settings.json');
  let settings: Record<string, unknown> = {};
  if (existsSync(file)) {
    const parsed = parseJsonc(readFileSync(file, 'utf8'), file);
    if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) settings = parsed as Record<string, unknown>;
    else throw new Error(`${file}: expected a JSON object`);
  }
  const current = Array.isArray(settings['ocip.servers']) ? (settings['ocip.servers'] as unknown[]) : [];
  const others = current.filter((s) => !(s && typeof s === 'object' && (s as { name?: unknown }).name === DEMO_SERVER_NAME));
  const entry = { name: DEMO_SERVER_NAME, host: '127.0.0.1', port: server.port, transport: 'tcp', username: server.username, production: false };
  settings['ocip.servers'] = [...others, entry];
  settings['ocip.activeServer'] = DEMO_SERVER_NAME;
  mkdirSync(dir, { recursive: true });
  writeFileSync(file, `${JSON.stringify(settings, null, 2)}\n`);
  return file;
}
