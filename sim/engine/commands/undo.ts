/**
 * The delete and unassign requests an undo file sends (core/send/undo.ts), each the inverse of an onboarding add:
 * users, service assignments, devices, departments, group numbers and domains, groups, service packs, service
 * provider numbers and domains, service providers. Something still in use is refused (never removed with
 * what uses it), so an undo sent in the wrong order fails command by command; a refused request changes nothing
 * (scope.commit).
 */
import type { CommandHandler, EngineContext } from '../context';
import { errors, OciError } from '../errors';
import type { EndpointState, SimState, UserState } from '../state';
import { childrenNamed, childText, collapse, type XElement } from '../../xml/parse';
import { successResponse } from '../../wire/response';
import { commit, expandRange, group, requireLevel, serviceProvider, user, usersIn } from './scope';

const text = (cmd: XElement, name: string) => childText(cmd, name) ?? '';
const groupIn = (ctx: EngineContext, draft: SimState, cmd: XElement) =>
  group(ctx, draft, text(cmd, 'serviceProviderId'), text(cmd, 'groupId'));

/** The phoneNumber elements and the expanded dnRange elements of a request. */
function numbersOf(cmd: XElement): string[] {
  const single = childrenNamed(cmd, 'phoneNumber').map((e) => collapse(e.text));
  const ranges = childrenNamed(cmd, 'dnRange').flatMap((r) => expandRange(text(r, 'minPhoneNumber'), text(r, 'maxPhoneNumber')));
  return [...single, ...ranges];
}

const inUse = (what: string, by: string) => new OciError(4470, `${what} is in use: ${by}`);

const endpointsOf = (u: UserState): EndpointState[] => [...(u.endpoint ? [u.endpoint] : []), ...u.sharedCallAppearanceEndpoints];

/** The users whose user id, aliases or line ports are in `domain`. */
const usersOnDomain = (users: UserState[], domain: string) =>
  users.filter((u) =>
    [u.userId, ...u.aliases, ...endpointsOf(u).map((e) => e.linePort)].some(
      (a) => a.slice(a.lastIndexOf('@') + 1) === domain && a.includes('@'),
    ),
  );

export const userServiceUnassignListRequest: CommandHandler = (ctx, cmd, echo) => {
  requireLevel(ctx, 'Group');
  commit(ctx, (draft) => {
    const stored = user(ctx, draft, text(cmd, 'userId'));
    const services = new Set(childrenNamed(cmd, 'serviceName').map((e) => collapse(e.text)));
    const packs = new Set(childrenNamed(cmd, 'servicePackName').map((e) => collapse(e.text)));
    // Users are frozen in the store: replace, never mutate. A service that is not assigned is nothing to do.
    draft.users[stored.userId] = {
      ...stored,
      services: stored.services.filter((s) => !services.has(s)),
      servicePacks: stored.servicePacks.filter((p) => !packs.has(p)),
    };
  });
  return successResponse(echo);
};

export const groupAccessDeviceDeleteRequest: CommandHandler = (ctx, cmd, echo) => {
  requireLevel(ctx, 'Group');
  commit(ctx, (draft) => {
    const { sp, group: g } = groupIn(ctx, draft, cmd);
    const name = childText(cmd, 'deviceName') ?? text(cmd, 'deviceExternalId');
    if (!Object.hasOwn(g.accessDevices, name)) throw errors.deviceNotFound(name);
    const users = usersIn(draft, sp.id, g.id).filter((u) =>
      endpointsOf(u).some((e) => e.deviceLevel !== 'System' && e.deviceLevel !== 'Service Provider' && e.deviceName === name),
    );
    if (users.length) throw inUse(`Access Device ${name}`, users.map((u) => u.userId).join(', '));
    delete g.accessDevices[name];
  });
  return successResponse(echo);
};

export const serviceProviderAccessDeviceDeleteRequest: CommandHandler = (ctx, cmd, echo) => {
  requireLevel(ctx, 'Service Provider');
  commit(ctx, (draft) => {
    const sp = serviceProvider(ctx, draft, text(cmd, 'serviceProviderId'));
    const name = childText(cmd, 'deviceName') ?? text(cmd, 'deviceExternalId');
    if (!Object.hasOwn(sp.accessDevices, name)) throw errors.deviceNotFound(name);
    const users = usersIn(draft, sp.id).filter((u) =>
      endpointsOf(u).some((e) => e.deviceLevel === 'Service Provider' && e.deviceName === name),
    );
    if (users.length) throw inUse(`Access Device ${name}`, users.map((u) => u.userId).join(', '));
    delete sp.accessDevices[name];
  });
  return successResponse(echo);
};

export const groupDepartmentDeleteRequest: CommandHandler = (ctx, cmd, echo) => {
  requireLevel(ctx, 'Group');
  commit(ctx, (draft) => {
    const { sp, group: g } = groupIn(ctx, draft, cmd);
    const name = text(cmd, 'departmentName');
    if (!g.departments.includes(name)) throw errors.departmentNotFound(name);
    const users = usersIn(draft, sp.id, g.id).filter((u) => u.department?.kind === 'GroupDepartmentKey' && u.department.name === name);
    if (users.length) throw inUse(`Department ${name}`, users.map((u) => u.userId).join(', '));
    g.departments = g.departments.filter((d) => d !== name);
  });
  return successResponse(echo);
};

export const groupDnUnassignListRequest: CommandHandler = (ctx, cmd, echo) => {
  requireLevel(ctx, 'Service Provider');
  commit(ctx, (draft) => {
    const { sp, group: g } = groupIn(ctx, draft, cmd);
    const numbers = new Set(numbersOf(cmd));
    for (const n of numbers) if (!g.phoneNumbers.includes(n)) throw errors.numberNotInGroup(n);
    for (const u of usersIn(draft, sp.id, g.id))
      if (u.phoneNumber !== undefined && numbers.has(u.phoneNumber)) throw errors.numberInUse(u.phoneNumber);
    g.phoneNumbers = g.phoneNumbers.filter((n) => !numbers.has(n));
  });
  return successResponse(echo);
};

export const serviceProviderDnDeleteListRequest: CommandHandler = (ctx, cmd, echo) => {
  requireLevel(ctx, 'Provisioning');
  commit(ctx, (draft) => {
    const sp = serviceProvider(ctx, draft, text(cmd, 'serviceProviderId'));
    const numbers = new Set(numbersOf(cmd));
    for (const n of numbers) {
      if (!sp.phoneNumbers.includes(n)) throw errors.numberNotInSp(n);
      const holder = Object.values(sp.groups).find((g) => g.phoneNumbers.includes(n));
      if (holder) throw inUse(`Phone number ${n}`, `group ${holder.id}`);
    }
    sp.phoneNumbers = sp.phoneNumbers.filter((n) => !numbers.has(n));
  });
  return successResponse(echo);
};

export const groupDomainUnassignListRequest: CommandHandler = (ctx, cmd, echo) => {
  requireLevel(ctx, 'Service Provider');
  commit(ctx, (draft) => {
    const { sp, group: g } = groupIn(ctx, draft, cmd);
    const domains = new Set(childrenNamed(cmd, 'domain').map((e) => collapse(e.text)));
    const users = usersIn(draft, sp.id, g.id);
    for (const d of domains) {
      if (!g.domains.includes(d)) throw errors.domainNotAssignedToGroup(d);
      if (d === g.defaultDomain) throw inUse(`Domain ${d}`, `default domain of group ${g.id}`);
      const on = usersOnDomain(users, d);
      if (on.length) throw inUse(`Domain ${d}`, on.map((u) => u.userId).join(', '));
    }
    g.domains = g.domains.filter((d) => !domains.has(d));
  });
  return successResponse(echo);
};

export const serviceProviderDomainUnassignListRequest: CommandHandler = (ctx, cmd, echo) => {
  requireLevel(ctx, 'Reseller');
  commit(ctx, (draft) => {
    const sp = serviceProvider(ctx, draft, text(cmd, 'serviceProviderId'));
    const domains = new Set(childrenNamed(cmd, 'domain').map((e) => collapse(e.text)));
    for (const d of domains) {
      if (!sp.domains.includes(d)) throw errors.domainNotAssignedToSp(d);
      if (d === sp.defaultDomain) throw inUse(`Domain ${d}`, `default domain of service provider ${sp.id}`);
      const holder = Object.values(sp.groups).find((g) => g.domains.includes(d));
      if (holder) throw inUse(`Domain ${d}`, `group ${holder.id}`);
      const on = usersOnDomain(usersIn(draft, sp.id), d);
      if (on.length) throw inUse(`Domain ${d}`, on.map((u) => u.userId).join(', '));
    }
    sp.domains = sp.domains.filter((d) => !domains.has(d));
  });
  return successResponse(echo);
};

export const serviceProviderServicePackDeleteRequest: CommandHandler = (ctx, cmd, echo) => {
  requireLevel(ctx, 'Service Provider');
  commit(ctx, (draft) => {
    const sp = serviceProvider(ctx, draft, text(cmd, 'serviceProviderId'));
    const name = text(cmd, 'servicePackName');
    if (!Object.hasOwn(sp.servicePacks, name)) throw errors.servicePackNotFound(name);
    const holder = Object.values(sp.groups).find((g) => g.authorizedServicePacks[name] !== undefined);
    if (holder) throw inUse(`Service Pack ${name}`, `authorized to group ${holder.id}`);
    const users = usersIn(draft, sp.id).filter((u) => u.servicePacks.includes(name));
    if (users.length) throw inUse(`Service Pack ${name}`, users.map((u) => u.userId).join(', '));
    delete sp.servicePacks[name];
  });
  return successResponse(echo);
};

export const groupDeleteRequest: CommandHandler = (ctx, cmd, echo) => {
  requireLevel(ctx, 'Service Provider');
  commit(ctx, (draft) => {
    const { sp, group: g } = groupIn(ctx, draft, cmd);
    const users = usersIn(draft, sp.id, g.id);
    if (users.length) throw inUse(`Group ${sp.id}:${g.id}`, `${users.length} user${users.length === 1 ? '' : 's'}`);
    delete sp.groups[g.id];
  });
  return successResponse(echo);
};

export const serviceProviderDeleteRequest: CommandHandler = (ctx, cmd, echo) => {
  requireLevel(ctx, 'Reseller');
  commit(ctx, (draft) => {
    const sp = serviceProvider(ctx, draft, text(cmd, 'serviceProviderId'));
    const groups = Object.keys(sp.groups);
    if (groups.length) throw inUse(`Service Provider ${sp.id}`, `group${groups.length === 1 ? '' : 's'} ${groups.join(', ')}`);
    delete draft.serviceProviders[sp.id];
  });
  return successResponse(echo);
};
