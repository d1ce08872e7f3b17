/**
 * setImmediate for a web worker: the server yields to the event loop between checking slices (server/validation.ts)
 * and before dispatching a request (server/cancel.ts) with setImmediate, which only Node has. A MessageChannel
 * message is a macrotask without setTimeout's 4 ms clamp for nested timers.
 */
interface Channel {
  port1: { onmessage: (() => void) | null };
  port2: { postMessage(message: unknown): void };
}
declare const MessageChannel: new () => Channel;

export function installSetImmediate(): void {
  const g = globalThis as { setImmediate?: unknown };
  if (typeof g.setImmediate === 'function') return;
  const queue: Array<() => void> = [];
  const channel = new MessageChannel();
  channel.port1.onmessage = () => queue.shift()?.();
  g.setImmediate = (fn: (...args: unknown[]) => void, ...args: unknown[]) => {
    queue.push(() => fn(...args));
    channel.port2.postMessage(0);
  };
}
