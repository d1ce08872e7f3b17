/**
 * The add and modify requests a customer onboarding sends, in the order it sends them: service provider
 * (or enterprise), domains, numbers, service authorization and packs, group, group domains / numbers /
 * services, departments, devices, then per user service assignment and modification.
 * Rules are checked against the state; a request that fails changes nothing (scope.commit).
 */
import type { CommandHandler, EngineContext } from '../context';
import { errors, OciError } from '../errors';
import type { Quantity, ServiceProviderState, SimState, UserState } from '../state';
import { child, childrenNamed, childText, collapse, isTrue, type XElement } from '../../xml/parse';
import { errorResponse, successResponse } from '../../wire/response';
import { commit, expandRange, group, groupOf, readUnbounded, requireLevel, serviceProvider, usersIn } from './scope';

const text = (cmd: XElement, name: string) => childText(cmd, name) ?? '';

export const serviceProviderAddRequest13mp2: CommandHandler = (ctx, cmd, echo) => {
  requireLevel(ctx, 'Reseller');
  const id = text(cmd, 'serviceProviderId');
  const resellerId = ctx.account.level === 'Reseller' ? ctx.account.resellerId : childText(cmd, 'resellerId');
  commit(ctx, (draft) => {
    if (Object.hasOwn(draft.serviceProviders, id)) throw errors.serviceProviderExists(id);
    const defaultDomain = text(cmd, 'defaultDomain');
    draft.serviceProviders[id] = {
      id,
      name: childText(cmd, 'serviceProviderName'),
      isEnterprise: isTrue(childText(cmd, 'isEnterprise')),
      resellerId,
      externalAuthentication: false,
      defaultDomain,
      domains: [defaultDomain],
      phoneNumbers: [],
      authorizedServices: {},
      servicePacks: {},
      accessDevices: {},
      departments: [],
      newUserTemplateServices: [],
      groups: {},
    };
  });
  return successResponse(echo);
};

/** The service provider in the draft, reachable by the account. */
const spIn = (ctx: EngineContext, draft: SimState, cmd: XElement) => serviceProvider(ctx, draft, text(cmd, 'serviceProviderId'));
const groupIn = (ctx: EngineContext, draft: SimState, cmd: XElement) =>
  group(ctx, draft, text(cmd, 'serviceProviderId'), text(cmd, 'groupId'));

export const serviceProviderDomainAssignListRequest: CommandHandler = (ctx, cmd, echo) => {
  requireLevel(ctx, 'Reseller');
  commit(ctx, (draft) => {
    const sp = spIn(ctx, draft, cmd);
    for (const d of childrenNamed(cmd, 'domain').map((e) => collapse(e.text))) {
      if (sp.domains.includes(d)) throw errors.domainAlreadyAssigned(d);
      sp.domains.push(d);
    }
  });
  return successResponse(echo);
};

export const groupDomainAssignListRequest: CommandHandler = (ctx, cmd, echo) => {
  requireLevel(ctx, 'Service Provider');
  commit(ctx, (draft) => {
    const { sp, group: g } = groupIn(ctx, draft, cmd);
    for (const d of childrenNamed(cmd, 'domain').map((e) => collapse(e.text))) {
      if (!sp.domains.includes(d)) throw errors.domainNotAssignedToSp(d);
      if (g.domains.includes(d)) throw errors.domainAlreadyAssigned(d);
      g.domains.push(d);
    }
  });
  return successResponse(echo);
};

/** The phoneNumber elements and the expanded dnRange elements of a request. */
function numbersOf(cmd: XElement): string[] {
  const single = childrenNamed(cmd, 'phoneNumber').map((e) => collapse(e.text));
  const ranges = childrenNamed(cmd, 'dnRange').flatMap((r) => expandRange(text(r, 'minPhoneNumber'), text(r, 'maxPhoneNumber')));
  return [...single, ...ranges];
}

export const serviceProviderDnAddListRequest: CommandHandler = (ctx, cmd, echo) => {
  requireLevel(ctx, 'Provisioning');
  commit(ctx, (draft) => {
    const sp = spIn(ctx, draft, cmd);
    const everywhere = new Set(Object.values(draft.serviceProviders).flatMap((s) => s.phoneNumbers));
    for (const n of numbersOf(cmd)) {
      if (everywhere.has(n)) throw errors.numberExists(n);
      everywhere.add(n);
      sp.phoneNumbers.push(n);
    }
  });
  return successResponse(echo);
};

export const groupDnAssignListRequest: CommandHandler = (ctx, cmd, echo) => {
  requireLevel(ctx, 'Service Provider');
  commit(ctx, (draft) => {
    const { sp, group: g } = groupIn(ctx, draft, cmd);
    for (const n of numbersOf(cmd)) {
      if (!sp.phoneNumbers.includes(n)) throw errors.numberNotInSp(n);
      if (g.phoneNumbers.includes(n)) continue; // already the group's: nothing to do
      if (Object.values(sp.groups).some((other) => other.phoneNumbers.includes(n))) throw errors.numberInOtherGroup(n);
      g.phoneNumbers.push(n);
    }
  });
  return successResponse(echo);
};

interface Authorization {
  name: string;
  quantity?: Quantity;
  unauthorize: boolean;
}

function authorizations(cmd: XElement, element: string, nameElement = 'serviceName'): Authorization[] {
  return childrenNamed(cmd, element).map((a) => ({
    name: text(a, nameElement),
    quantity: readUnbounded(child(a, 'authorizedQuantity')),
    unauthorize: isTrue(childText(a, 'unauthorized')),
  }));
}

export const serviceProviderServiceModifyAuthorizationListRequest: CommandHandler = (ctx, cmd, echo) => {
  requireLevel(ctx, 'Provisioning');
  commit(ctx, (draft) => {
    const sp = spIn(ctx, draft, cmd);
    for (const a of [...authorizations(cmd, 'groupServiceAuthorization'), ...authorizations(cmd, 'userServiceAuthorization')]) {
      if (a.unauthorize) {
        if (Object.values(sp.groups).some((g) => g.authorizedServices[a.name] !== undefined)) throw errors.serviceInUse(a.name);
        delete sp.authorizedServices[a.name];
      } else sp.authorizedServices[a.name] = a.quantity ?? 'unlimited';
    }
  });
  return successResponse(echo);
};

export const groupServiceModifyAuthorizationListRequest: CommandHandler = (ctx, cmd, echo) => {
  requireLevel(ctx, 'Service Provider');
  commit(ctx, (draft) => {
    const { sp, group: g } = groupIn(ctx, draft, cmd);
    const users = usersIn(draft, sp.id, g.id);
    for (const a of authorizations(cmd, 'servicePackAuthorization', 'servicePackName')) {
      if (!Object.hasOwn(sp.servicePacks, a.name)) throw errors.servicePackNotFound(a.name);
      if (a.unauthorize) {
        if (users.some((u) => u.servicePacks.includes(a.name))) throw errors.serviceInUse(a.name);
        delete g.authorizedServicePacks[a.name];
      } else g.authorizedServicePacks[a.name] = a.quantity ?? 'unlimited';
    }
    for (const a of [...authorizations(cmd, 'groupServiceAuthorization'), ...authorizations(cmd, 'userServiceAuthorization')]) {
      if (a.unauthorize) {
        if (users.some((u) => u.services.includes(a.name))) throw errors.serviceInUse(a.name);
        delete g.authorizedServices[a.name];
        continue;
      }
      if (sp.authorizedServices[a.name] === undefined) throw errors.serviceNotAuthorizedToSp(a.name);
      g.authorizedServices[a.name] = a.quantity ?? 'unlimited';
    }
  });
  return successResponse(echo);
};

export const serviceProviderServicePackAddRequest: CommandHandler = (ctx, cmd, echo) => {
  requireLevel(ctx, 'Service Provider');
  commit(ctx, (draft) => {
    const sp = spIn(ctx, draft, cmd);
    const name = text(cmd, 'servicePackName');
    if (Object.hasOwn(sp.servicePacks, name)) throw errors.servicePackExists(name);
    const services = childrenNamed(cmd, 'serviceName').map((e) => collapse(e.text));
    for (const s of services) if (sp.authorizedServices[s] === undefined) throw errors.serviceNotAuthorizedToSp(s);
    sp.servicePacks[name] = { description: childText(cmd, 'servicePackDescription'), services };
  });
  return successResponse(echo);
};

export const groupAddRequest: CommandHandler = (ctx, cmd, echo) => {
  requireLevel(ctx, 'Service Provider');
  commit(ctx, (draft) => {
    const sp: ServiceProviderState = spIn(ctx, draft, cmd);
    const id = text(cmd, 'groupId');
    if (Object.hasOwn(sp.groups, id)) throw errors.groupExists(sp.id, id);
    const defaultDomain = text(cmd, 'defaultDomain');
    if (!sp.domains.includes(defaultDomain)) throw errors.domainNotAssignedToSp(defaultDomain);
    sp.groups[id] = {
      id,
      name: childText(cmd, 'groupName'),
      callingLineIdName: childText(cmd, 'callingLineIdName'),
      timeZone: childText(cmd, 'timeZone'),
      defaultDomain,
      userLimit: Number(text(cmd, 'userLimit')),
      domains: [defaultDomain],
      phoneNumbers: [],
      authorizedServices: {},
      authorizedServicePacks: {},
      departments: [],
      trunkGroups: [],
      accessDevices: {},
      newUserTemplateServices: [...sp.newUserTemplateServices],
    };
  });
  return successResponse(echo);
};

export const groupDepartmentAddRequest: CommandHandler = (ctx, cmd, echo) => {
  requireLevel(ctx, 'Group');
  commit(ctx, (draft) => {
    const { group: g } = groupIn(ctx, draft, cmd);
    const name = text(cmd, 'departmentName');
    if (g.departments.includes(name)) throw errors.departmentExists(name);
    const parentKey = child(cmd, 'parentDepartmentKey');
    const parentName = parentKey ? childText(parentKey, 'name') : undefined;
    if (parentName !== undefined && !g.departments.includes(parentName)) throw errors.departmentNotFound(parentName);
    g.departments.push(name);
  });
  return successResponse(echo);
};

/** GroupAccessDeviceAddRequest14 and 22V2 (whose external-id form names the device by deviceExternalId). */
export const groupAccessDeviceAddRequest: CommandHandler = (ctx, cmd, echo) => {
  requireLevel(ctx, 'Group');
  commit(ctx, (draft) => {
    const { group: g } = groupOf(ctx, draft, cmd);
    const name = childText(cmd, 'deviceName') ?? text(cmd, 'deviceExternalId');
    if (Object.hasOwn(g.accessDevices, name)) throw errors.deviceExists(name);
    g.accessDevices[name] = {
      name,
      deviceType: text(cmd, 'deviceType'),
      protocol: childText(cmd, 'protocol'),
      macAddress: childText(cmd, 'macAddress'),
      description: childText(cmd, 'description'),
    };
  });
  return successResponse(echo);
};

/**
 * Assigns services and service packs authorized to the user's group. Every one that cannot be assigned is
 * reported: some assigned → a Warning (partial success, as the schema describes for AS data mode), none → an Error.
 */
export const userServiceAssignListRequest: CommandHandler = (ctx, cmd, echo) => {
  requireLevel(ctx, 'Group');
  const failures: string[] = [];
  let assigned = 0;
  commit(ctx, (draft) => {
    const userId = text(cmd, 'userId');
    const stored = Object.hasOwn(draft.users, userId) ? draft.users[userId] : undefined;
    if (!stored) throw errors.userNotFound(userId);
    // Stored users are frozen (sim/engine/store.ts): change a copy, then replace the user.
    const u: UserState = structuredClone(stored);
    draft.users[userId] = u;
    const { group: g } = group(ctx, draft, u.serviceProviderId, u.groupId);
    for (const s of childrenNamed(cmd, 'serviceName').map((e) => collapse(e.text))) {
      if (g.authorizedServices[s] === undefined) failures.push(errors.serviceNotAuthorizedToGroup(s).summary);
      else {
        if (!u.services.includes(s)) u.services.push(s);
        assigned++;
      }
    }
    for (const p of childrenNamed(cmd, 'servicePackName').map((e) => collapse(e.text))) {
      if (g.authorizedServicePacks[p] === undefined) failures.push(errors.servicePackNotAuthorizedToGroup(p).summary);
      else {
        if (!u.servicePacks.includes(p)) u.servicePacks.push(p);
        assigned++;
      }
    }
    if (failures.length && !assigned) throw new OciError(4411, failures[0].replace(/^\[Error \d+\] /, ''), failures.join('\n'));
  });
  if (!failures.length) return successResponse(echo);
  const warning = failures.length === 1 ? failures[0] : `[Error 4411] ${failures.length} services or service packs could not be assigned`;
  return errorResponse(warning.replace(/^\[Error (\d+)\]/, '[Warning $1]'), failures.join('\n'), echo, 'Warning');
};
