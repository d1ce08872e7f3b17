/**
 * Answers of read queries, per server and administrator, kept for a limited time (ocip.serverChecks.cacheSeconds).
 * An answer is what the check needs to know: the data, "absent" (the server said the thing does not exist) or
 * "unknown" (any other error: not visible to this administrator, a server failure). Only data and absent answers
 * are cached: an unknown one is asked again next time.
 */
import type { CommandResult } from '../ocip';

export type Answer =
  { kind: 'data'; data: Record<string, unknown> } | { kind: 'absent'; summary: string } | { kind: 'unknown'; summary: string };

/**
 * Error codes that mean "there is no such thing" (user, service provider, group, service pack, device, department,
 * trunk group): the codes BroadWorks gives (protocol.md §5.2) and the simulator uses (sim/engine/errors.ts).
 */
const NOT_FOUND_CODES = new Set([4008, 4010, 4152, 4420, 4505, 4310, 4600]);

export function answerOf(result: CommandResult): Answer {
  if (result.kind === 'data' && result.data && typeof result.data === 'object')
    return { kind: 'data', data: result.data as Record<string, unknown> };
  const summary = result.summaryEnglish ?? result.summary ?? result.kind;
  if (result.kind === 'error' && result.errorCode !== undefined && NOT_FOUND_CODES.has(result.errorCode))
    return { kind: 'absent', summary };
  return { kind: 'unknown', summary };
}

export interface CacheOptions {
  /** How long an answer is used, in seconds (0: never reused across checks). */
  ttlSeconds: number;
  now?: () => number;
}

export class ServerStateCache {
  private readonly byIdentity = new Map<string, Map<string, { at: number; answer: Answer }>>();

  constructor(private readonly options: CacheOptions) {}

  private now(): number {
    return (this.options.now ?? Date.now)();
  }

  get(identity: string, key: string): Answer | undefined {
    const entry = this.byIdentity.get(identity)?.get(key);
    if (!entry) return undefined;
    if (this.now() - entry.at >= this.options.ttlSeconds * 1000) {
      this.byIdentity.get(identity)!.delete(key);
      return undefined;
    }
    return entry.answer;
  }

  set(identity: string, key: string, answer: Answer): void {
    if (answer.kind === 'unknown' || this.options.ttlSeconds <= 0) return;
    let map = this.byIdentity.get(identity);
    if (!map) this.byIdentity.set(identity, (map = new Map()));
    map.set(key, { at: this.now(), answer });
  }

  /** Forgets one server+administrator, or everything. */
  clear(identity?: string): void {
    if (identity === undefined) this.byIdentity.clear();
    else this.byIdentity.delete(identity);
  }

  get size(): number {
    let n = 0;
    for (const m of this.byIdentity.values()) n += m.size;
    return n;
  }
}
