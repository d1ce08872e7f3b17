/**
 * What the read and onboarding handlers share: finding a service provider, group or user the logged-in
 * account may reach (or the error a server gives), the level a command needs, OCI tables, and committing a change
 * through the state store (a copy is changed, then swapped in and saved: a failed request changes nothing).
 */
import { accountReaches, levelAtLeast, type AccountLevel } from '../accounts';
import type { EngineContext } from '../context';
import { errors } from '../errors';
import type { GroupState, ServiceProviderState, SimState, UserState } from '../state';
import { child, childText, type XElement } from '../../xml/parse';
import { el, parent } from '../../xml/write';

export function requireLevel(ctx: EngineContext, needed: AccountLevel): void {
  if (!levelAtLeast(ctx.account.level, needed)) throw errors.unauthorized(`This command needs a ${needed} administrator or higher.`);
}

export function serviceProvider(ctx: EngineContext, state: SimState, spId: string): ServiceProviderState {
  const sp = Object.hasOwn(state.serviceProviders, spId) ? state.serviceProviders[spId] : undefined;
  if (!sp) throw errors.serviceProviderNotFound(spId);
  if (!accountReaches(ctx.account, sp)) throw errors.unauthorized();
  return sp;
}

export function group(ctx: EngineContext, state: SimState, spId: string, groupId: string): { sp: ServiceProviderState; group: GroupState } {
  const sp = Object.hasOwn(state.serviceProviders, spId) ? state.serviceProviders[spId] : undefined;
  const g = sp && Object.hasOwn(sp.groups, groupId) ? sp.groups[groupId] : undefined;
  if (!sp || !g) throw errors.groupNotFound(spId, groupId);
  if (!accountReaches(ctx.account, sp, groupId)) throw errors.unauthorized();
  return { sp, group: g };
}

/** The group named by serviceProviderId + groupId (or groupId spelled `GroupId`), or by groupExternalId. */
export function groupOf(ctx: EngineContext, state: SimState, cmd: XElement): { sp: ServiceProviderState; group: GroupState } {
  const external = childText(cmd, 'groupExternalId');
  if (external !== undefined) {
    for (const sp of Object.values(state.serviceProviders)) {
      const g = Object.values(sp.groups).find((x) => x.externalId === external);
      if (g) return group(ctx, state, sp.id, g.id);
    }
    throw errors.groupExternalIdNotFound(external);
  }
  return group(ctx, state, childText(cmd, 'serviceProviderId') ?? '', childText(cmd, 'groupId') ?? childText(cmd, 'GroupId') ?? '');
}

export function user(ctx: EngineContext, state: SimState, userId: string): UserState {
  const u = Object.hasOwn(state.users, userId) ? state.users[userId] : undefined;
  if (!u) throw errors.userNotFound(userId);
  const sp = state.serviceProviders[u.serviceProviderId];
  if (!sp || !accountReaches(ctx.account, sp, u.groupId) || (ctx.account.level === 'User' && ctx.account.userId !== userId))
    throw errors.unauthorized();
  return u;
}

export function usersIn(state: SimState, spId: string, groupId?: string): UserState[] {
  return Object.values(state.users).filter((u) => u.serviceProviderId === spId && (groupId === undefined || u.groupId === groupId));
}

/** An OCITable element: headings, then one row per entry; an empty cell is written `<col/>`. */
export function table(name: string, headings: string[], rows: (string | number | boolean | undefined)[][]): string {
  const head = headings.map((h) => el('colHeading', h)).join('');
  const body = rows.map((r) => parent('row', r.map((c) => (c === undefined || c === '' ? '<col/>' : el('col', c))).join(''))).join('');
  return parent(name, head + body);
}

/** An UnboundedPositiveInt / UnboundedNonNegativeInt element. */
export function unbounded(name: string, q: number | 'unlimited'): string {
  return parent(name, q === 'unlimited' ? el('unlimited', true) : el('quantity', q));
}

/** Reads an UnboundedPositiveInt element (`<unlimited>true</unlimited>` or `<quantity>N</quantity>`). */
export function readUnbounded(e: XElement | undefined): number | 'unlimited' | undefined {
  if (!e) return undefined;
  if (child(e, 'unlimited')) return 'unlimited';
  const q = childText(e, 'quantity');
  return q === undefined ? undefined : Number(q);
}

/**
 * Runs `change` on a copy-on-write draft of the state, then persists and applies it (sim/engine/store.ts): a request
 * that throws changes nothing. Users in the draft are frozen: replace them (`draft.users[id] = {...}`), never mutate.
 */
export function commit(ctx: EngineContext, change: (draft: SimState) => void): void {
  const draft = ctx.store.draft();
  change(draft);
  ctx.store.commit(draft);
}

/** A `+1-2125550100` style number as digits for ranges: the country code and the national number. */
export function expandRange(min: string, max: string): string[] {
  const m1 = /^(\+\d{1,3}-)?(\d+)$/.exec(min);
  const m2 = /^(\+\d{1,3}-)?(\d+)$/.exec(max);
  if (!m1 || !m2 || (m1[1] ?? '') !== (m2[1] ?? '') || m1[2].length !== m2[2].length) throw errors.invalidRange(min, max);
  const lo = BigInt(m1[2]);
  const hi = BigInt(m2[2]);
  if (hi < lo || hi - lo >= 10000n) throw errors.invalidRange(min, max);
  const out: string[] = [];
  for (let n = lo; n <= hi; n++) out.push(`${m1[1] ?? ''}${n.toString().padStart(m1[2].length, '0')}`);
  return out;
}
