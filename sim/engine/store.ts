/**
 * Holds the simulator's state and persists every change at a cost that does not grow with the state:
 * - the state file is a snapshot (JSON, the format `--state` always had) plus `<file>.journal`, one JSON line per
 *   committed command (only what it changed), appended before the change is applied in memory;
 * - when the journal outgrows the snapshot (and STORE_LIMITS.compactMinBytes), a new snapshot is written (temp file +
 *   rename) and the journal emptied: amortised, constant work per change;
 * - crash-safe under kill -9: a change is acknowledged only once its line is appended; a torn last line (the
 *   process died while writing it) was never acknowledged and is skipped on load; lines already in the snapshot
 *   (the process died between the rename and emptying the journal) are skipped by their sequence number.
 * A command works on `draft()`, a copy-on-write view of the state, and `commit(draft)` persists then applies what it
 * changed. A failed commit (disk full, file removed) throws and leaves memory as it was, so what is acknowledged
 * and what is stored never disagree.
 *
 * Contract for command handlers: service providers and system access devices may be changed in place through the
 * draft (each is copied when first read); users are replaced or deleted, never changed in place (they are frozen).
 */
import {
  appendFileSync,
  closeSync,
  existsSync,
  fstatSync,
  ftruncateSync,
  openSync,
  readFileSync,
  renameSync,
  writeFileSync,
} from 'node:fs';
import { STORE_LIMITS } from '../limits';
import { normalizeState, SeedError } from './seed';
import type { SimState, UserState } from './state';

/** One change: set `value` at `path` (a map and a key), or delete it. */
interface Change {
  path: [string, string] | [string];
  value?: unknown;
  delete?: true;
}

const GONE = Symbol('deleted');
type Overlay = Map<string, unknown>;

interface DraftInfo {
  base: SimState;
  maps: Record<'serviceProviders' | 'systemAccessDevices' | 'users', Overlay>;
}

const drafts = new WeakMap<object, DraftInfo>();

/**
 * A map seen through an overlay: reads fall through to `live` (copied first when `copyOnRead`, so the copy can be
 * changed in place), writes and deletes stay in the overlay.
 */
function overlayMap<T>(live: Record<string, T>, overlay: Overlay, copyOnRead: boolean): Record<string, T> {
  const has = (k: string) => (overlay.has(k) ? overlay.get(k) !== GONE : Object.hasOwn(live, k));
  const get = (k: string): unknown => {
    if (overlay.has(k)) {
      const v = overlay.get(k);
      return v === GONE ? undefined : v;
    }
    if (!Object.hasOwn(live, k)) return undefined;
    if (!copyOnRead) return live[k];
    const copy = structuredClone(live[k]);
    overlay.set(k, copy);
    return copy;
  };
  return new Proxy({} as Record<string, T>, {
    get: (_, k) => (typeof k === 'string' ? get(k) : undefined),
    set: (_, k, v) => (overlay.set(String(k), v), true),
    deleteProperty: (_, k) => (overlay.set(String(k), GONE), true),
    has: (_, k) => typeof k === 'string' && has(k),
    ownKeys: () => {
      if (!overlay.size) return Object.keys(live);
      const keys = new Set(Object.keys(live));
      for (const [k, v] of overlay) {
        if (v === GONE) keys.delete(k);
        else keys.add(k);
      }
      return [...keys];
    },
    getOwnPropertyDescriptor: (_, k) =>
      typeof k === 'string' && has(k) ? { value: get(k), writable: true, enumerable: true, configurable: true } : undefined,
  });
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

export class StateStore {
  private journalFile?: string;
  private seq = 0;
  private journalBytes = 0;
  private snapshotBytes = 0;
  /** Users per "serviceProviderId\0groupId", and the owner of each phone number: the lookups an add makes. */
  private readonly groupCounts = new Map<string, number>();
  private readonly phoneOwners = new Map<string, string>();

  private constructor(
    public state: SimState,
    private readonly file?: string,
  ) {
    if (file) this.journalFile = `${file}.journal`;
    for (const u of Object.values(state.users)) this.index(deepFreeze(u), 1);
  }

  private index(u: UserState, delta: 1 | -1): void {
    const key = `${u.serviceProviderId}\0${u.groupId}`;
    this.groupCounts.set(key, (this.groupCounts.get(key) ?? 0) + delta);
    if (u.phoneNumber !== undefined) {
      if (delta > 0) this.phoneOwners.set(u.phoneNumber, u.userId);
      else if (this.phoneOwners.get(u.phoneNumber) === u.userId) this.phoneOwners.delete(u.phoneNumber);
    }
  }

  /** The users of a group as the draft sees them, without a pass over every user. */
  usersInGroup(draft: SimState, serviceProviderId: string, groupId: string): number {
    let n = this.groupCounts.get(`${serviceProviderId}\0${groupId}`) ?? 0;
    const inGroup = (u: unknown) => (u as UserState).serviceProviderId === serviceProviderId && (u as UserState).groupId === groupId;
    for (const [id, v] of this.overlayOf(draft).users) {
      const before = this.state.users[id];
      if (before && inGroup(before)) n--;
      if (v !== GONE && inGroup(v)) n++;
    }
    return n;
  }

  /** Whether a user in the draft has this phone number, without a pass over every user. */
  phoneNumberInUse(draft: SimState, phoneNumber: string): boolean {
    const users = this.overlayOf(draft).users;
    const owner = this.phoneOwners.get(phoneNumber);
    if (owner !== undefined && !users.has(owner)) return true;
    for (const v of users.values()) if (v !== GONE && (v as UserState).phoneNumber === phoneNumber) return true;
    return false;
  }

  private overlayOf(draft: SimState): DraftInfo['maps'] {
    const info = drafts.get(draft);
    if (!info) throw new Error('internal: not a draft of this store');
    return info.maps;
  }

  /** Loads the state file (and replays its journal) when it exists, otherwise starts from `initial` (and writes it). */
  static open(initial: SimState, file?: string): StateStore {
    if (file && existsSync(file)) {
      let raw: unknown;
      try {
        raw = JSON.parse(readFileSync(file, 'utf8'));
      } catch (e) {
        throw new SeedError(`${file}: the state file is not valid JSON: ${e instanceof Error ? e.message : String(e)}`);
      }
      const snapshotSeq = typeof (raw as { journalSeq?: unknown }).journalSeq === 'number' ? (raw as { journalSeq: number }).journalSeq : 0;
      const store = new StateStore(normalizeState(raw, file), file);
      store.seq = snapshotSeq;
      if (store.replayJournal()) store.compact();
      else store.snapshotBytes = Buffer.byteLength(JSON.stringify(store.state));
      return store;
    }
    const store = new StateStore(initial, file);
    store.compact();
    return store;
  }

  /** The state a file holds (its snapshot, then its journal), read without writing anything: for tools and tests. */
  static read(file: string): SimState {
    const raw: unknown = JSON.parse(readFileSync(file, 'utf8'));
    const store = new StateStore(normalizeState(raw, file), file);
    store.seq = typeof (raw as { journalSeq?: unknown }).journalSeq === 'number' ? (raw as { journalSeq: number }).journalSeq : 0;
    store.replayJournal();
    return store.state;
  }

  /** A copy-on-write view of the state for one command; nothing it does is seen until `commit`. */
  draft(): SimState {
    const base = this.state;
    const maps = { serviceProviders: new Map(), systemAccessDevices: new Map(), users: new Map() };
    const draft: SimState = {
      ...base,
      serviceProviders: overlayMap(base.serviceProviders, maps.serviceProviders, true),
      systemAccessDevices: overlayMap(base.systemAccessDevices, maps.systemAccessDevices, true),
      users: overlayMap(base.users, maps.users, false),
    };
    drafts.set(draft, { base, maps });
    return draft;
  }

  /** Persists what the draft changed, then applies it. Throws (memory unchanged) when it cannot be persisted. */
  commit(draft: SimState): void {
    const info = drafts.get(draft);
    if (!info || info.base !== this.state) throw new Error('internal: commit of a draft that is not of the current state');
    drafts.delete(draft);
    const changes: Change[] = [];
    for (const key of Object.keys(draft) as (keyof SimState)[]) {
      if (!(key in info.maps) && draft[key] !== this.state[key]) changes.push({ path: [key], value: draft[key] });
    }
    for (const [map, overlay] of Object.entries(info.maps) as [keyof DraftInfo['maps'], Overlay][]) {
      const live = this.state[map] as Record<string, unknown>;
      for (const [k, v] of overlay) {
        if (v === GONE) {
          if (Object.hasOwn(live, k)) changes.push({ path: [map, k], delete: true });
        } else if (!Object.hasOwn(live, k) || (map !== 'users' ? JSON.stringify(v) !== JSON.stringify(live[k]) : v !== live[k])) {
          changes.push({ path: [map, k], value: v });
        }
      }
    }
    if (!changes.length) return;
    this.persist(changes);
    this.apply(changes);
  }

  private persist(changes: Change[]): void {
    if (!this.journalFile) return;
    const line = `${JSON.stringify({ seq: this.seq + 1, changes })}\n`;
    const fd = openSync(this.journalFile, 'a');
    const before = fstatSync(fd).size;
    try {
      appendFileSync(fd, line, 'utf8');
    } catch (e) {
      try {
        ftruncateSync(fd, before); // a torn line would be skipped on load anyway; keep the file clean when we can
      } catch {
        // nothing more to do: the line is unparsable and was never acknowledged
      }
      throw e;
    } finally {
      closeSync(fd);
    }
    this.seq++;
    this.journalBytes += Buffer.byteLength(line);
    if (this.journalBytes > Math.max(STORE_LIMITS.compactMinBytes, this.snapshotBytes)) {
      try {
        this.compact();
      } catch {
        // The change is safe in the journal; a later change retries the snapshot.
      }
    }
  }

  private apply(changes: Change[]): void {
    for (const c of changes) {
      const [map, key] = c.path;
      if (key === undefined) {
        (this.state as unknown as Record<string, unknown>)[map] = c.value;
        continue;
      }
      const target = (this.state as unknown as Record<string, Record<string, unknown>>)[map];
      if (map === 'users' && target[key]) this.index(target[key] as UserState, -1);
      if (c.delete) delete target[key];
      else if (map === 'users') this.index((target[key] = deepFreeze(c.value as UserState)), 1);
      else target[key] = c.value;
    }
  }

  /** Replays the journal lines not yet in the snapshot; true when there were any. */
  private replayJournal(): boolean {
    if (!this.journalFile || !existsSync(this.journalFile)) return false;
    let replayed = false;
    for (const line of readFileSync(this.journalFile, 'utf8').split('\n')) {
      if (!line.trim()) continue;
      let entry: { seq?: unknown; changes?: unknown };
      try {
        entry = JSON.parse(line);
      } catch {
        continue; // a line torn by a crash or a failed write: never acknowledged
      }
      if (typeof entry.seq !== 'number' || !Array.isArray(entry.changes) || entry.seq <= this.seq) continue;
      this.apply(entry.changes as Change[]);
      this.seq = entry.seq;
      replayed = true;
    }
    return replayed;
  }

  /** Writes a snapshot of the whole state (temp file + rename), then empties the journal. */
  compact(): void {
    if (!this.file) return;
    const text = `${JSON.stringify({ ...this.state, journalSeq: this.seq }, null, 2)}\n`;
    const tmp = `${this.file}.${process.pid}.${Date.now()}.tmp`;
    writeFileSync(tmp, text, 'utf8');
    renameSync(tmp, this.file);
    this.snapshotBytes = Buffer.byteLength(text);
    if (this.journalFile && existsSync(this.journalFile)) writeFileSync(this.journalFile, '');
    this.journalBytes = 0;
  }
}
