/** Read requests about service authorization, service packs and user service assignment. */
import type { CommandHandler } from '../context';
import { errors } from '../errors';
import { enumerationOf } from '../model';
import type { Quantity } from '../state';
import { childText } from '../../xml/parse';
import { el } from '../../xml/write';
import { dataResponse } from '../../wire/response';
import { groupOf, serviceProvider, table, unbounded, user, usersIn } from './scope';

/** Group services per the model's GroupService enumeration; everything else is a user service. */
export function isGroupService(name: string): boolean {
  return enumerationOf('GroupService').has(name);
}

const limited = (q: Quantity | undefined) => (q === undefined ? undefined : q === 'unlimited' ? 'Unlimited' : 'Limited');
const quantity = (q: Quantity | undefined) => (q === undefined ? undefined : q === 'unlimited' ? 'Unlimited' : String(q));

/** Every service of a kind the model knows, plus any authorized name it does not (a seed may use one). */
function allServices(kind: 'GroupService' | 'UserService', authorized: Record<string, Quantity>): string[] {
  const known = [...enumerationOf(kind)];
  const extra = Object.keys(authorized).filter((s) => (kind === 'GroupService') === isGroupService(s) && !known.includes(s));
  return [...known, ...extra];
}

export const serviceProviderServiceGetAuthorizationListRequest: CommandHandler = (ctx, cmd, echo) => {
  const sp = serviceProvider(ctx, ctx.store.state, childText(cmd, 'serviceProviderId') ?? '');
  const allocated = (s: string) => Object.values(sp.groups).filter((g) => g.authorizedServices[s] !== undefined).length;
  const row = (s: string) => {
    const q = sp.authorizedServices[s];
    return [
      s,
      q !== undefined,
      q !== undefined && allocated(s) > 0,
      limited(q),
      quantity(q),
      q === undefined ? undefined : allocated(s),
      true,
      q === undefined ? undefined : 0,
    ];
  };
  const head = ['Service Name', 'Authorized', 'Assigned', 'Limited', 'Quantity', 'Allocated', 'Licensed', 'Service Pack Allocation'];
  const inner =
    table('groupServicesAuthorizationTable', head, allServices('GroupService', sp.authorizedServices).map(row)) +
    table(
      'userServicesAuthorizationTable',
      [...head, 'User Assignable', 'Service Pack Assignable'],
      allServices('UserService', sp.authorizedServices).map((s) => [...row(s), true, true]),
    );
  return dataResponse('ServiceProviderServiceGetAuthorizationListResponse', inner, echo);
};

export const groupServiceGetAuthorizationListRequest: CommandHandler = (ctx, cmd, echo) => {
  const { sp, group } = groupOf(ctx, ctx.store.state, cmd);
  const users = usersIn(ctx.store.state, sp.id, group.id);
  const usage = (s: string) => users.filter((u) => u.services.includes(s)).length;
  const packUsage = (p: string) => users.filter((u) => u.servicePacks.includes(p)).length;
  const packs = Object.entries(sp.servicePacks).map(([name, pack]) => {
    const q = group.authorizedServicePacks[name];
    return [name, q !== undefined, packUsage(name) > 0, limited(q), quantity(q), 'Unlimited', packUsage(name), pack.description];
  });
  const row = (s: string) => {
    const q = group.authorizedServices[s];
    const spQ = sp.authorizedServices[s];
    return [s, q !== undefined, usage(s) > 0, limited(q), quantity(q), usage(s), true, quantity(spQ) ?? '0'];
  };
  const spServices = (kind: 'GroupService' | 'UserService') =>
    Object.keys(sp.authorizedServices).filter((s) => (kind === 'GroupService') === isGroupService(s));
  const inner =
    table(
      'servicePacksAuthorizationTable',
      ['Service Pack Name', 'Authorized', 'Assigned', 'Limited', 'Allocated', 'Allowed', 'Usage', 'Description'],
      packs,
    ) +
    table(
      'groupServicesAuthorizationTable',
      ['Service Name', 'Authorized', 'Assigned', 'Limited', 'Quantity', 'Usage', 'Licensed', 'Allowed', 'Instance Count'],
      spServices('GroupService').map((s) => [...row(s), 0]),
    ) +
    table(
      'userServicesAuthorizationTable',
      [
        'Service Name',
        'Authorized',
        'Assigned',
        'Limited',
        'Quantity',
        'Usage',
        'Licensed',
        'Allowed',
        'User Assignable',
        'Group Service Assignable',
      ],
      spServices('UserService').map((s) => [...row(s), true, true]),
    );
  return dataResponse('GroupServiceGetAuthorizationListResponse', inner, echo);
};

export const groupServiceGetAuthorizedListRequest: CommandHandler = (ctx, cmd, echo) => {
  const { group } = groupOf(ctx, ctx.store.state, cmd);
  const services = Object.keys(group.authorizedServices);
  const inner =
    Object.keys(group.authorizedServicePacks)
      .map((p) => el('servicePackName', p))
      .join('') +
    services
      .filter(isGroupService)
      .map((s) => el('groupServiceName', s))
      .join('') +
    services
      .filter((s) => !isGroupService(s))
      .map((s) => el('userServiceName', s))
      .join('');
  return dataResponse('GroupServiceGetAuthorizedListResponse', inner, echo);
};

export const serviceProviderServicePackGetListRequest: CommandHandler = (ctx, cmd, echo) => {
  const sp = serviceProvider(ctx, ctx.store.state, childText(cmd, 'serviceProviderId') ?? '');
  return dataResponse(
    'ServiceProviderServicePackGetListResponse',
    Object.keys(sp.servicePacks)
      .map((p) => el('servicePackName', p))
      .join(''),
    echo,
  );
};

export const serviceProviderServicePackGetDetailListRequest: CommandHandler = (ctx, cmd, echo) => {
  const sp = serviceProvider(ctx, ctx.store.state, childText(cmd, 'serviceProviderId') ?? '');
  const name = childText(cmd, 'servicePackName') ?? '';
  const pack = Object.hasOwn(sp.servicePacks, name) ? sp.servicePacks[name] : undefined;
  if (!pack) throw errors.servicePackNotFound(name);
  const assigned = Object.values(ctx.store.state.users).filter(
    (u) => u.serviceProviderId === sp.id && u.servicePacks.includes(name),
  ).length;
  const rows = pack.services.map((s) => [
    s,
    quantity(sp.authorizedServices[s]) ?? '0',
    assigned,
    quantity(sp.authorizedServices[s]) ?? '0',
  ]);
  const inner =
    el('servicePackName', name) +
    el('servicePackDescription', pack.description) +
    el('isAvailableForUse', true) +
    unbounded('servicePackQuantity', 'unlimited') +
    unbounded('assignedQuantity', assigned) +
    unbounded('allowedQuantity', 'unlimited') +
    table('userServiceTable', ['Service', 'Authorized', 'Allocated', 'Available'], rows);
  return dataResponse('ServiceProviderServicePackGetDetailListResponse', inner, echo);
};

export const userServiceGetAssignmentListRequest: CommandHandler = (ctx, cmd, echo) => {
  const u = user(ctx, ctx.store.state, childText(cmd, 'userId') ?? '');
  const sp = ctx.store.state.serviceProviders[u.serviceProviderId];
  const group = sp.groups[u.groupId];
  const packs = Object.keys(group?.authorizedServicePacks ?? {}).map((p) => [
    p,
    u.servicePacks.includes(p),
    sp.servicePacks[p]?.description,
  ]);
  const services = Object.keys(group?.authorizedServices ?? {}).filter((s) => !isGroupService(s));
  for (const s of u.services) if (!services.includes(s)) services.push(s);
  const inner =
    table('servicePacksAssignmentTable', ['Service Pack Name', 'Assigned', 'Description'], packs) +
    table(
      'userServicesAssignmentTable',
      ['Service Name', 'Assigned'],
      services.map((s) => [s, u.services.includes(s)]),
    );
  return dataResponse('UserServiceGetAssignmentListResponse', inner, echo);
};
