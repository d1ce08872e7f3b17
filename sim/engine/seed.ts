/**
 * Seed files: administrator accounts plus an initial state. Terse seeds are completed with defaults,
 * and a malformed seed gets a message naming the offending path.
 */
import { readFileSync } from 'node:fs';
import { ACCOUNT_LEVELS, type Account, type AccountLevel } from './accounts';
import { emptyState, type GroupState, type ServiceProviderState, type SimState } from './state';

export interface SeedData {
  accounts: Account[];
  state?: unknown;
}

export class SeedError extends Error {}

type Obj = Record<string, unknown>;

function isObj(v: unknown): v is Obj {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function str(v: unknown, path: string, required = false): string | undefined {
  if (v === undefined && !required) return undefined;
  if (typeof v !== 'string' || v === '') throw new SeedError(`${path} must be a non-empty string`);
  return v;
}

function strList(v: unknown, path: string): string[] {
  if (v === undefined) return [];
  if (!Array.isArray(v) || v.some((x) => typeof x !== 'string')) throw new SeedError(`${path} must be a list of strings`);
  return [...(v as string[])];
}

function record<T>(v: unknown, path: string, each: (x: unknown, key: string, p: string) => T): Record<string, T> {
  if (v === undefined) return {};
  if (!isObj(v)) throw new SeedError(`${path} must be an object`);
  const out: Record<string, T> = {};
  for (const [k, x] of Object.entries(v)) out[k] = each(x, k, `${path}.${k}`);
  return out;
}

function quantities(v: unknown, path: string) {
  // A plain list of names means "unlimited" for each.
  if (Array.isArray(v)) return Object.fromEntries(strList(v, path).map((s) => [s, 'unlimited' as const]));
  return record(v, path, (q, _k, p) => {
    if (q === 'unlimited' || (typeof q === 'number' && Number.isInteger(q) && q > 0)) return q as number | 'unlimited';
    throw new SeedError(`${p} must be a positive integer or "unlimited"`);
  });
}

function devices(v: unknown, path: string) {
  return record(v, path, (d, name, p) => {
    if (!isObj(d)) throw new SeedError(`${p} must be an object`);
    return { name, deviceType: str(d.deviceType, `${p}.deviceType`, true)!, protocol: str(d.protocol, `${p}.protocol`) };
  });
}

function group(v: unknown, id: string, path: string, sp: { defaultDomain: string; newUserTemplateServices: string[] }): GroupState {
  if (!isObj(v)) throw new SeedError(`${path} must be an object`);
  const userLimit = v.userLimit ?? 25;
  if (typeof userLimit !== 'number' || !Number.isInteger(userLimit) || userLimit < 1)
    throw new SeedError(`${path}.userLimit must be a positive integer`);
  const defaultDomain = str(v.defaultDomain, `${path}.defaultDomain`) ?? sp.defaultDomain;
  const domains = strList(v.domains, `${path}.domains`);
  if (!domains.includes(defaultDomain)) domains.unshift(defaultDomain);
  return {
    id,
    externalId: str(v.externalId, `${path}.externalId`),
    name: str(v.name, `${path}.name`),
    callingLineIdName: str(v.callingLineIdName, `${path}.callingLineIdName`),
    timeZone: str(v.timeZone, `${path}.timeZone`),
    defaultDomain,
    userLimit,
    domains,
    phoneNumbers: strList(v.phoneNumbers, `${path}.phoneNumbers`),
    authorizedServices: quantities(v.authorizedServices, `${path}.authorizedServices`),
    authorizedServicePacks: quantities(v.authorizedServicePacks, `${path}.authorizedServicePacks`),
    departments: strList(v.departments, `${path}.departments`),
    trunkGroups: strList(v.trunkGroups, `${path}.trunkGroups`),
    networkClassesOfService: strList(v.networkClassesOfService, `${path}.networkClassesOfService`),
    accessDevices: devices(v.accessDevices, `${path}.accessDevices`),
    newUserTemplateServices:
      v.newUserTemplateServices === undefined
        ? [...sp.newUserTemplateServices]
        : strList(v.newUserTemplateServices, `${path}.newUserTemplateServices`),
  };
}

function serviceProvider(v: unknown, id: string, path: string): ServiceProviderState {
  if (!isObj(v)) throw new SeedError(`${path} must be an object`);
  const domains = strList(v.domains, `${path}.domains`);
  const defaultDomain = str(v.defaultDomain, `${path}.defaultDomain`) ?? domains[0];
  if (!defaultDomain) throw new SeedError(`${path}.defaultDomain (or a first entry in domains) is required`);
  if (!domains.includes(defaultDomain)) domains.unshift(defaultDomain);
  const newUserTemplateServices = strList(v.newUserTemplateServices, `${path}.newUserTemplateServices`);
  return {
    id,
    name: str(v.name, `${path}.name`),
    isEnterprise: v.isEnterprise === true,
    resellerId: str(v.resellerId, `${path}.resellerId`),
    externalAuthentication: v.externalAuthentication === true,
    defaultDomain,
    domains,
    phoneNumbers: strList(v.phoneNumbers, `${path}.phoneNumbers`),
    authorizedServices: quantities(v.authorizedServices, `${path}.authorizedServices`),
    servicePacks: record(v.servicePacks, `${path}.servicePacks`, (p, _n, pp) => {
      if (Array.isArray(p)) return { services: strList(p, pp) };
      if (!isObj(p)) throw new SeedError(`${pp} must be a list of services or {description, services}`);
      return { description: str(p.description, `${pp}.description`), services: strList(p.services, `${pp}.services`) };
    }),
    accessDevices: devices(v.accessDevices, `${path}.accessDevices`),
    departments: strList(v.departments, `${path}.departments`),
    newUserTemplateServices,
    groups: record(v.groups, `${path}.groups`, (g, gid, gp) => group(g, gid, gp, { defaultDomain, newUserTemplateServices })),
  };
}

/** Builds a complete state from a seed's (possibly terse) `state` section, or from a saved state file. */
export function normalizeState(raw: unknown, path = 'state'): SimState {
  const base = emptyState();
  if (raw === undefined) return base;
  if (!isObj(raw)) throw new SeedError(`${path} must be an object`);
  const state: SimState = {
    softwareVersion: str(raw.softwareVersion, `${path}.softwareVersion`) ?? base.softwareVersion,
    defaultLanguage: str(raw.defaultLanguage, `${path}.defaultLanguage`) ?? base.defaultLanguage,
    defaultTimeZone: str(raw.defaultTimeZone, `${path}.defaultTimeZone`) ?? base.defaultTimeZone,
    systemAccessDevices: devices(raw.systemAccessDevices, `${path}.systemAccessDevices`),
    deviceTypes: raw.deviceTypes === undefined ? undefined : strList(raw.deviceTypes, `${path}.deviceTypes`),
    serviceProviders: record(raw.serviceProviders, `${path}.serviceProviders`, (sp, id, p) => serviceProvider(sp, id, p)),
    // Users come from a saved state (written by the simulator itself), so they are taken as they are.
    users: isObj(raw.users) ? (structuredClone(raw.users) as SimState['users']) : {},
  };
  return state;
}

function account(v: unknown, path: string): Account {
  if (!isObj(v)) throw new SeedError(`${path} must be an object`);
  const level = v.level as AccountLevel;
  if (!ACCOUNT_LEVELS.includes(level)) throw new SeedError(`${path}.level must be one of: ${ACCOUNT_LEVELS.join(', ')}`);
  const a: Account = {
    userId: str(v.userId, `${path}.userId`, true)!,
    password: str(v.password, `${path}.password`, true)!,
    level,
    serviceProviderId: str(v.serviceProviderId, `${path}.serviceProviderId`),
    groupId: str(v.groupId, `${path}.groupId`),
    resellerId: str(v.resellerId, `${path}.resellerId`),
    disabled: v.disabled === true,
    locale: str(v.locale, `${path}.locale`),
    userDomain: str(v.userDomain, `${path}.userDomain`),
  };
  if (['Service Provider', 'Group', 'Group Department', 'User'].includes(level) && !a.serviceProviderId) {
    throw new SeedError(`${path}.serviceProviderId is required for a ${level} account`);
  }
  if (['Group', 'Group Department', 'User'].includes(level) && !a.groupId)
    throw new SeedError(`${path}.groupId is required for a ${level} account`);
  if (level === 'Reseller' && !a.resellerId) throw new SeedError(`${path}.resellerId is required for a Reseller account`);
  return a;
}

export function parseSeed(raw: unknown, source = 'seed'): { accounts: Account[]; state: SimState } {
  if (!isObj(raw)) throw new SeedError(`${source}: the seed must be a JSON object`);
  if (!Array.isArray(raw.accounts)) throw new SeedError(`${source}: accounts must be a list`);
  try {
    return { accounts: raw.accounts.map((a, i) => account(a, `accounts[${i}]`)), state: normalizeState(raw.state) };
  } catch (e) {
    if (e instanceof SeedError) throw new SeedError(`${source}: ${e.message}`);
    throw e;
  }
}

export function loadSeedFile(file: string): { accounts: Account[]; state: SimState } {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    throw new SeedError(`${file}: cannot read the seed: ${e instanceof Error ? e.message : String(e)}`);
  }
  return parseSeed(raw, file);
}
