/** Read requests about service providers, groups, domains and phone numbers, answered from the simulator's state. */
import type { CommandHandler } from '../context';
import type { GroupState, ServiceProviderState } from '../state';
import { childText, isTrue } from '../../xml/parse';
import { el } from '../../xml/write';
import { dataResponse } from '../../wire/response';
import { allMatch, limit } from './search';
import { groupOf, requireLevel, serviceProvider, table, usersIn } from './scope';

/** The service provider named by serviceProviderId (the simulator keeps no external ids: serviceProviderExternalId is looked up as an id). */
const spOf = (ctx: Parameters<CommandHandler>[0], cmd: Parameters<CommandHandler>[1]) =>
  serviceProvider(ctx, ctx.store.state, childText(cmd, 'serviceProviderId') ?? childText(cmd, 'serviceProviderExternalId') ?? '');

export const serviceProviderGetListRequest: CommandHandler = (ctx, cmd, echo) => {
  requireLevel(ctx, 'Reseller');
  const wantEnterprise = childText(cmd, 'isEnterprise');
  const rows = Object.values(ctx.store.state.serviceProviders)
    .filter((sp) => ctx.account.level !== 'Reseller' || sp.resellerId === ctx.account.resellerId)
    .filter((sp) => wantEnterprise === undefined || sp.isEnterprise === isTrue(wantEnterprise))
    .filter((sp) =>
      allMatch(cmd, {
        searchCriteriaServiceProviderId: sp.id,
        searchCriteriaServiceProviderName: sp.name ?? '',
        searchCriteriaResellerId: sp.resellerId,
      }),
    )
    .map((sp) => [sp.id, sp.name, sp.isEnterprise, ctx.dataMode === 'AS' ? sp.resellerId : undefined]);
  return dataResponse(
    'ServiceProviderGetListResponse',
    table('serviceProviderTable', ['Service Provider Id', 'Service Provider Name', 'Is Enterprise', 'Reseller Id'], limit(cmd, rows)),
    echo,
  );
};

function serviceProviderProfile(sp: ServiceProviderState, asMode: boolean): string {
  return (
    // A choice: isEnterprise is fixed to true; a service provider answers useCustomRoutingProfile instead.
    (sp.isEnterprise ? el('isEnterprise', true) : el('useCustomRoutingProfile', false)) +
    el('defaultDomain', sp.defaultDomain) +
    el('serviceProviderName', sp.name) +
    el('useServiceProviderLanguages', false) +
    (asMode ? el('resellerId', sp.resellerId) : '') +
    el('serviceProviderId', sp.id)
  );
}

export const serviceProviderGetRequest22V4: CommandHandler = (ctx, cmd, echo) =>
  dataResponse('ServiceProviderGetResponse22V4', serviceProviderProfile(spOf(ctx, cmd), ctx.dataMode === 'AS'), echo);

export const groupGetListInServiceProviderRequest: CommandHandler = (ctx, cmd, echo) => {
  const sp = spOf(ctx, cmd);
  const reachable = (g: GroupState) => ctx.account.groupId === undefined || ctx.account.groupId === g.id;
  const rows = Object.values(sp.groups)
    .filter(reachable)
    .filter((g) => allMatch(cmd, { searchCriteriaGroupId: g.id, searchCriteriaGroupName: g.name ?? '' }))
    .map((g) => [g.id, g.name, g.userLimit]);
  return dataResponse(
    'GroupGetListInServiceProviderResponse',
    table('groupTable', ['Group Id', 'Group Name', 'User Limit'], limit(cmd, rows)),
    echo,
  );
};

export const groupGetRequest22V5: CommandHandler = (ctx, cmd, echo) => {
  const { sp, group } = groupOf(ctx, ctx.store.state, cmd);
  const asMode = ctx.dataMode === 'AS';
  const timeZone = group.timeZone ?? ctx.store.state.defaultTimeZone;
  const inner =
    el('defaultDomain', group.defaultDomain) +
    el('userLimit', group.userLimit) +
    el('userCount', usersIn(ctx.store.state, sp.id, group.id).length) +
    el('groupName', group.name) +
    el('callingLineIdName', group.callingLineIdName) +
    el('timeZone', timeZone) +
    el('timeZoneDisplayName', `(GMT) ${timeZone}`) +
    (asMode ? el('resellerId', sp.resellerId) : '') +
    el('serviceProviderId', sp.id) +
    el('groupId', group.id) +
    (asMode ? el('groupExternalId', group.externalId) : '');
  return dataResponse('GroupGetResponse22V5', inner, echo);
};

const domainList = (defaultName: string, defaultDomain: string, domains: string[]) =>
  el(defaultName, defaultDomain) +
  domains
    .filter((d) => d !== defaultDomain)
    .map((d) => el('domain', d))
    .join('');

export const serviceProviderDomainGetAssignedListRequest22: CommandHandler = (ctx, cmd, echo) => {
  const sp = spOf(ctx, cmd);
  const domains = limit(
    cmd,
    sp.domains.filter((d) => d === sp.defaultDomain || allMatch(cmd, { searchCriteriaDomainName: d })),
  );
  return dataResponse(
    'ServiceProviderDomainGetAssignedListResponse22',
    domainList('serviceProviderDefaultDomain', sp.defaultDomain, domains),
    echo,
  );
};

export const serviceProviderDomainGetAssignedListRequest: CommandHandler = (ctx, cmd, echo) => {
  const sp = spOf(ctx, cmd);
  return dataResponse(
    'ServiceProviderDomainGetAssignedListResponse',
    domainList('serviceProviderDefaultDomain', sp.defaultDomain, sp.domains),
    echo,
  );
};

export const groupDomainGetAssignedListRequest: CommandHandler = (ctx, cmd, echo) => {
  const { group } = groupOf(ctx, ctx.store.state, cmd);
  return dataResponse('GroupDomainGetAssignedListResponse', domainList('groupDefaultDomain', group.defaultDomain, group.domains), echo);
};

/** Numbers of the service provider not assigned to any of its groups. */
export const serviceProviderDnGetAvailableListRequest: CommandHandler = (ctx, cmd, echo) => {
  const sp = spOf(ctx, cmd);
  const inGroups = new Set(Object.values(sp.groups).flatMap((g) => g.phoneNumbers));
  return dataResponse(
    'ServiceProviderDnGetAvailableListResponse',
    sp.phoneNumbers
      .filter((n) => !inGroups.has(n))
      .map((n) => el('availableDn', n))
      .join(''),
    echo,
  );
};

export const groupDnGetListRequest: CommandHandler = (ctx, cmd, echo) => {
  const { group } = groupOf(ctx, ctx.store.state, cmd);
  return dataResponse('GroupDnGetListResponse', group.phoneNumbers.map((n) => el('phoneNumber', n)).join(''), echo);
};

/** Numbers of the group no user holds. */
export const groupDnGetAvailableListRequest: CommandHandler = (ctx, cmd, echo) => {
  const { sp, group } = groupOf(ctx, ctx.store.state, cmd);
  const used = new Set(usersIn(ctx.store.state, sp.id, group.id).map((u) => u.phoneNumber));
  return dataResponse(
    'GroupDnGetAvailableListResponse',
    group.phoneNumbers
      .filter((n) => !used.has(n))
      .map((n) => el('phoneNumber', n))
      .join(''),
    echo,
  );
};

/** One row per number of the group, with the user holding it (no ranges are coalesced). */
export const groupDnGetAssignmentListRequest18: CommandHandler = (ctx, cmd, echo) => {
  const { sp, group } = groupOf(ctx, ctx.store.state, cmd);
  const byNumber = new Map(
    usersIn(ctx.store.state, sp.id, group.id)
      .filter((u) => u.phoneNumber)
      .map((u) => [u.phoneNumber!, u]),
  );
  const asMode = ctx.dataMode === 'AS';
  const rows = group.phoneNumbers
    .map((n) => ({ n, u: byNumber.get(n) }))
    .filter(({ n, u }) =>
      allMatch(cmd, {
        searchCriteriaDn: n,
        searchCriteriaUserFirstName: u?.firstName,
        searchCriteriaUserLastName: u?.lastName,
        searchCriteriaUserId: u?.userId,
        searchCriteriaExtension: u?.extension,
      }),
    )
    .map(({ n, u }) => [
      n,
      u?.department?.name,
      true,
      u?.userId,
      u?.lastName,
      u?.firstName,
      u?.extension,
      u?.emailAddress,
      u ? 'Normal' : undefined,
      asMode ? '1' : undefined,
      asMode ? '1' : undefined,
    ]);
  const headings = [
    'Phone Numbers',
    'Department',
    'Activated',
    'User Id',
    'Last Name',
    'First Name',
    'Extension',
    'Email Address',
    'User Type',
    'Country Code',
    'National Prefix',
  ];
  return dataResponse('GroupDnGetAssignmentListResponse18', table('dnTable', headings, limit(cmd, rows)), echo);
};
