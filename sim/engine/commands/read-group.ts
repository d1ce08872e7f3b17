/** Read requests about a group's users, access devices and departments. */
import type { CommandHandler } from '../context';
import { errors } from '../errors';
import type { UserState } from '../state';
import { child, childText } from '../../xml/parse';
import { el, parent } from '../../xml/write';
import { dataResponse } from '../../wire/response';
import { allMatch, limit } from './search';
import { groupOf, requireLevel, serviceProvider, table, usersIn } from './scope';

function userMatches(cmd: Parameters<CommandHandler>[1], u: UserState): boolean {
  const exactDept = child(cmd, 'searchCriteriaExactUserDepartment');
  if (exactDept && childText(exactDept, 'departmentName') !== u.department?.name) return false;
  return allMatch(cmd, {
    searchCriteriaUserLastName: u.lastName,
    searchCriteriaUserFirstName: u.firstName,
    searchCriteriaDn: u.phoneNumber,
    searchCriteriaEmailAddress: u.emailAddress,
    searchCriteriaUserId: u.userId,
    searchCriteriaUserExternalId: u.userExternalId,
    searchCriteriaExtension: u.extension,
  });
}

export const userGetListInGroupRequest: CommandHandler = (ctx, cmd, echo) => {
  const { sp, group } = groupOf(ctx, ctx.store.state, cmd);
  const asMode = ctx.dataMode === 'AS';
  const rows = usersIn(ctx.store.state, sp.id, group.id)
    .filter((u) => userMatches(cmd, u))
    .map((u) => {
      const row = [
        u.userId,
        u.lastName,
        u.firstName,
        u.department?.name,
        u.phoneNumber,
        u.phoneNumber ? true : undefined,
        u.emailAddress,
        u.hiraganaLastName ?? u.lastName,
        u.hiraganaFirstName ?? u.firstName,
        false,
        u.extension,
      ];
      return asMode ? [...row, '1', '1'] : row;
    });
  const headings = [
    'User Id',
    'Last Name',
    'First Name',
    'Department',
    'Phone Number',
    'Phone Number Activated',
    'Email Address',
    'Hiragana Last Name',
    'Hiragana First Name',
    'In Trunk Group',
    'Extension',
  ];
  return dataResponse(
    'UserGetListInGroupResponse',
    table('userTable', asMode ? [...headings, 'Country Code', 'National Prefix'] : headings, limit(cmd, rows)),
    echo,
  );
};

export const userGetListInServiceProviderRequest: CommandHandler = (ctx, cmd, echo) => {
  const sp = serviceProvider(
    ctx,
    ctx.store.state,
    childText(cmd, 'serviceProviderId') ?? childText(cmd, 'serviceProviderExternalId') ?? '',
  );
  const asMode = ctx.dataMode === 'AS';
  const rows = usersIn(ctx.store.state, sp.id)
    .filter((u) => ctx.account.groupId === undefined || u.groupId === ctx.account.groupId)
    .filter((u) => userMatches(cmd, u))
    .map((u) => [
      u.userId,
      u.groupId,
      u.lastName,
      u.firstName,
      u.department?.name,
      u.phoneNumber,
      u.phoneNumber ? true : undefined,
      u.emailAddress,
      u.hiraganaLastName ?? u.lastName,
      u.hiraganaFirstName ?? u.firstName,
      false,
      u.extension,
      asMode ? u.userExternalId : undefined,
    ]);
  const headings = [
    'User Id',
    'Group Id',
    'Last Name',
    'First Name',
    'Department',
    'Phone Number',
    'Phone Number Activated',
    'Email Address',
    'Hiragana Last Name',
    'Hiragana First Name',
    'In Trunk Group',
    'Extension',
    'User External Id',
  ];
  return dataResponse('UserGetListInServiceProviderResponse', table('userTable', headings, limit(cmd, rows)), echo);
};

export const groupAccessDeviceGetListRequest: CommandHandler = (ctx, cmd, echo) => {
  const { group } = groupOf(ctx, ctx.store.state, cmd);
  const exactType = child(cmd, 'searchCriteriaExactDeviceType');
  const used = (name: string) =>
    Object.values(ctx.store.state.users).filter(
      (u) => u.endpoint?.deviceName === name || u.sharedCallAppearanceEndpoints.some((e) => e.deviceName === name),
    ).length;
  const rows = Object.values(group.accessDevices)
    .filter((d) => !exactType || childText(exactType, 'deviceType') === d.deviceType)
    .filter((d) =>
      allMatch(cmd, {
        searchCriteriaDeviceName: d.name,
        searchCriteriaDeviceMACAddress: d.macAddress ?? '',
        searchCriteriaDeviceNetAddress: '',
      }),
    )
    .map((d) => [d.name, d.deviceType, 'Unlimited', undefined, d.macAddress, used(d.name) ? 'Online' : 'Unknown', undefined, undefined]);
  const headings = [
    'Device Name',
    'Device Type',
    'Available Ports',
    'Net Address',
    'MAC Address',
    'Status',
    'Version',
    'Access Device External Id',
  ];
  return dataResponse('GroupAccessDeviceGetListResponse', table('accessDeviceTable', headings, limit(cmd, rows)), echo);
};

export const groupAccessDeviceGetRequest18sp1: CommandHandler = (ctx, cmd, echo) => {
  const { group } = groupOf(ctx, ctx.store.state, cmd);
  const name = childText(cmd, 'deviceName') ?? '';
  const d = Object.hasOwn(group.accessDevices, name) ? group.accessDevices[name] : undefined;
  if (!d) throw errors.deviceNotFound(name);
  const assigned = Object.values(ctx.store.state.users).filter((u) => u.endpoint?.deviceName === name).length;
  const inner =
    el('deviceType', d.deviceType) +
    el('protocol', d.protocol ?? 'SIP 2.0') +
    el('macAddress', d.macAddress) +
    el('description', d.description) +
    parent('numberOfPorts', el('unlimited', true)) +
    el('numberOfAssignedPorts', assigned) +
    el('status', 'Online') +
    el('transportProtocol', 'Unspecified') +
    el('useCustomUserNamePassword', false);
  return dataResponse('GroupAccessDeviceGetResponse18sp1', inner, echo);
};

export const groupDepartmentGetListRequest18: CommandHandler = (ctx, cmd, echo) => {
  const { sp, group } = groupOf(ctx, ctx.store.state, cmd);
  const withEnterprise = sp.isEnterprise && ['true', '1'].includes(childText(cmd, 'includeEnterpriseDepartments')?.trim() ?? '');
  const rows = [
    ...(withEnterprise ? (sp.departments ?? []).map((d) => [true, d, `${d} (${sp.id})`, undefined, undefined]) : []),
    ...group.departments.map((d) => [false, d, `${d} (${group.id})`, undefined, undefined]),
  ];
  const headings = [
    'Is Enterprise Department',
    'Department Name',
    'Full Path Name',
    'Calling Line Id Name',
    'Calling Line Id Phone Number',
  ];
  return dataResponse('GroupDepartmentGetListResponse18', table('departmentTable', headings, rows), echo);
};

export const groupDepartmentGetRequest: CommandHandler = (ctx, cmd, echo) => {
  const { group } = groupOf(ctx, ctx.store.state, cmd);
  const name = childText(cmd, 'departmentName') ?? '';
  if (!group.departments.includes(name)) throw errors.departmentNotFound(name);
  return dataResponse('GroupDepartmentGetResponse', '', echo);
};

/** System-wide lists (System, Provisioning and Reseller administrators; a reseller sees its own service providers). */
function systemProviders(ctx: Parameters<CommandHandler>[0]) {
  requireLevel(ctx, 'Reseller');
  return Object.values(ctx.store.state.serviceProviders).filter(
    (sp) => ctx.account.level !== 'Reseller' || sp.resellerId === ctx.account.resellerId,
  );
}

function exactProvider(cmd: Parameters<CommandHandler>[1]): string | undefined {
  const exact = child(cmd, 'searchCriteriaExactServiceProvider');
  return exact ? childText(exact, 'serviceProviderId') : undefined;
}

export const groupGetListInSystemRequest: CommandHandler = (ctx, cmd, echo) => {
  const asMode = ctx.dataMode === 'AS';
  const exact = exactProvider(cmd);
  const rows = systemProviders(ctx)
    .filter((sp) => exact === undefined || sp.id === exact)
    .flatMap((sp) => Object.values(sp.groups).map((g) => ({ sp, g })))
    .filter(({ sp, g }) =>
      allMatch(cmd, {
        searchCriteriaGroupId: g.id,
        searchCriteriaGroupName: g.name ?? '',
        searchCriteriaServiceProviderId: sp.id,
        searchCriteriaResellerId: sp.resellerId,
      }),
    )
    .map(({ sp, g }) => [
      g.id,
      g.name,
      g.userLimit,
      sp.id,
      sp.isEnterprise ? 'Enterprise' : 'Service Provider',
      ...(asMode ? [sp.resellerId] : []),
    ]);
  const headings = ['Group Id', 'Group Name', 'User Limit', 'Organization Id', 'Organization Type', ...(asMode ? ['Reseller Id'] : [])];
  return dataResponse('GroupGetListInSystemResponse', table('groupTable', headings, limit(cmd, rows)), echo);
};

export const userGetListInSystemRequest: CommandHandler = (ctx, cmd, echo) => {
  const asMode = ctx.dataMode === 'AS';
  const exact = exactProvider(cmd);
  const providers = new Map(systemProviders(ctx).map((sp) => [sp.id, sp]));
  const rows = Object.values(ctx.store.state.users)
    .filter((u) => providers.has(u.serviceProviderId) && (exact === undefined || u.serviceProviderId === exact))
    .filter(
      (u) =>
        userMatches(cmd, u) &&
        allMatch(cmd, {
          searchCriteriaGroupId: u.groupId,
          searchCriteriaServiceProviderId: u.serviceProviderId,
          searchCriteriaResellerId: providers.get(u.serviceProviderId)?.resellerId,
        }),
    )
    .map((u) => {
      const row = [
        u.userId,
        u.groupId,
        u.serviceProviderId,
        u.lastName,
        u.firstName,
        u.department?.name,
        u.phoneNumber,
        u.phoneNumber ? true : undefined,
        u.emailAddress,
        u.hiraganaLastName ?? u.lastName,
        u.hiraganaFirstName ?? u.firstName,
        false,
        u.extension,
      ];
      return asMode ? [...row, providers.get(u.serviceProviderId)?.resellerId, u.userExternalId] : row;
    });
  const headings = [
    'User Id',
    'Group Id',
    'Service Provider Id',
    'Last Name',
    'First Name',
    'Department',
    'Phone Number',
    'Phone Number Activated',
    'Email Address',
    'Hiragana Last Name',
    'Hiragana First Name',
    'In Trunk Group',
    'Extension',
    ...(asMode ? ['Reseller Id', 'User External Id'] : []),
  ];
  return dataResponse('UserGetListInSystemResponse', table('userTable', headings, limit(cmd, rows)), echo);
};

/** The system's device types, when the seed lists them (`deviceTypes`). */
export const systemAccessDeviceTypeGetListRequest: CommandHandler = (ctx, _cmd, echo) => {
  requireLevel(ctx, 'Provisioning');
  const types = ctx.store.state.deviceTypes;
  if (!types?.length) throw errors.deviceTypesNotConfigured();
  return dataResponse('SystemAccessDeviceTypeGetListResponse', types.map((t) => el('deviceType', t)).join(''), echo);
};

/** The group's trunk groups (the simulator keeps only their names: no departments or devices). */
export const groupTrunkGroupGetInstanceListRequest14sp4: CommandHandler = (ctx, cmd, echo) => {
  const { group } = groupOf(ctx, ctx.store.state, cmd);
  const rows = (group.trunkGroups ?? []).map((name) => [name, undefined, undefined, undefined, group.id]);
  const headings = ['Name', 'Department', 'Device Name', 'Device Level', 'Group Id'];
  return dataResponse('GroupTrunkGroupGetInstanceListResponse14sp4', table('trunkGroupTable', headings, rows), echo);
};

/** Network classes of service assigned to the group; the first is the default. */
export const groupNetworkClassOfServiceGetAssignedListRequest: CommandHandler = (ctx, cmd, echo) => {
  const { group } = groupOf(ctx, ctx.store.state, cmd);
  const rows = (group.networkClassesOfService ?? []).map((name, i) => [name, undefined, i === 0]);
  return dataResponse(
    'GroupNetworkClassOfServiceGetAssignedListResponse',
    table('networkClassOfServiceTable', ['Name', 'Description', 'Default'], rows),
    echo,
  );
};
