/** UserGetRequest23V2 and UserDeleteRequest. */
import { accountReaches, type Account } from '../accounts';
import type { CommandHandler } from '../context';
import { errors } from '../errors';
import type { SimState, UserState } from '../state';
import { childText } from '../../xml/parse';
import { el, parent } from '../../xml/write';
import { dataResponse, successResponse } from '../../wire/response';

/** The user, if it exists and the account may see it. A user it may not reach is reported as unauthorized. */
function reachableUser(state: SimState, account: Account, userId: string): UserState {
  const user = state.users[userId];
  if (!user) throw errors.userNotFound(userId);
  const sp = state.serviceProviders[user.serviceProviderId];
  const reaches = sp && accountReaches(account, sp, user.groupId);
  if (!reaches || (account.level === 'User' && account.userId !== userId)) throw errors.unauthorized();
  return user;
}

function userGetResponse(state: SimState, u: UserState, echo: string): string {
  const sp = state.serviceProviders[u.serviceProviderId];
  const group = sp?.groups[u.groupId];
  const domain = group?.defaultDomain ?? sp?.defaultDomain ?? 'example.com';
  const timeZone = u.timeZone ?? group?.timeZone ?? state.defaultTimeZone;
  const ep = u.endpoint;
  const endpoint = ep
    ? parent(
        'accessDeviceEndpoint',
        parent('accessDevice', el('deviceLevel', ep.deviceLevel) + el('deviceName', ep.deviceName)) +
          el('linePort', ep.linePort) +
          ep.contacts.map((c) => parent('contact', el('sipContact', c))).join('') +
          el('staticRegistrationCapable', false) +
          el('useDomain', true) +
          el('supportVisualDeviceManagement', false) +
          el('useHotline', false),
      )
    : '';
  // A state saved before departments had a kind holds the name only (a group department).
  const dept = typeof u.department === 'string' ? { kind: 'GroupDepartmentKey' as const, name: u.department } : u.department;
  const department = !dept
    ? ''
    : dept.kind === 'EnterpriseDepartmentKey'
      ? parent('department', el('serviceProviderId', u.serviceProviderId) + el('name', dept.name), [
          ['xsi:type', 'EnterpriseDepartmentKey'],
        ]) + el('departmentFullPath', `${dept.name} (${u.serviceProviderId})`)
      : parent('department', el('serviceProviderId', u.serviceProviderId) + el('groupId', u.groupId) + el('name', dept.name), [
          ['xsi:type', 'GroupDepartmentKey'],
        ]) + el('departmentFullPath', `${dept.name} (${u.groupId})`);
  const address = u.address?.length ? parent('address', u.address.map(([k, v]) => el(k, v)).join('')) : '';
  const t = u.trunkAddressing;
  const trunkAddressing = t
    ? parent(
        'trunkAddressing',
        (t.trunkGroup
          ? parent(
              'trunkGroupDeviceEndpoint',
              el('name', t.trunkGroup.name) +
                el('linePort', t.trunkGroup.linePort) +
                t.trunkGroup.contacts.map((c) => parent('contact', el('sipContact', c))).join('') +
                el('staticRegistrationCapable', false) +
                el('useDomain', true) +
                el('isPilotUser', false),
            )
          : '') +
          el('enterpriseTrunkName', t.enterpriseTrunkName) +
          el('alternateTrunkIdentity', t.alternateTrunkIdentity) +
          el('alternateTrunkIdentityDomain', t.alternateTrunkIdentityDomain) +
          el('physicalLocation', t.physicalLocation),
      )
    : '';
  const inner =
    el('serviceProviderId', u.serviceProviderId) +
    el('groupId', u.groupId) +
    el('userId', u.userId) +
    el('lastName', u.lastName) +
    el('firstName', u.firstName) +
    el('callingLineIdLastName', u.callingLineIdLastName) +
    el('callingLineIdFirstName', u.callingLineIdFirstName) +
    (u.nameDialingName
      ? parent('nameDialingName', el('nameDialingLastName', u.nameDialingName.last) + el('nameDialingFirstName', u.nameDialingName.first))
      : '') +
    el('hiraganaLastName', u.hiraganaLastName) +
    el('hiraganaFirstName', u.hiraganaFirstName) +
    el('phoneNumber', u.phoneNumber) +
    el('extension', u.extension) +
    el('callingLineIdPhoneNumber', u.callingLineIdPhoneNumber) +
    department +
    el('language', u.language ?? state.defaultLanguage) +
    el('timeZone', timeZone) +
    el('timeZoneDisplayName', `(GMT) ${timeZone}`) +
    el('defaultAlias', u.userId.includes('@') ? u.userId : `${u.userId}@${domain}`) +
    u.aliases.map((a) => el('alias', a)).join('') +
    endpoint +
    trunkAddressing +
    el('title', u.title) +
    el('pagerPhoneNumber', u.pagerPhoneNumber) +
    el('mobilePhoneNumber', u.mobilePhoneNumber) +
    el('emailAddress', u.emailAddress) +
    el('yahooId', u.yahooId) +
    el('addressLocation', u.addressLocation) +
    address +
    el('countryCode', '1') +
    el('networkClassOfService', u.networkClassOfService) +
    u.alternateUserIds.map((a) => parent('alternateUserId', el('alternateUserId', a.id) + el('description', a.description))).join('') +
    el('allowVideo', true) +
    el('resellerId', sp?.resellerId) +
    el('groupExternalId', group?.externalId) +
    el('userExternalId', u.userExternalId) +
    el('userPersonId', u.userPersonId) +
    el('isPlace', u.isPlace);
  return dataResponse('UserGetResponse23V2', inner, echo);
}

export const userGetRequest23V2: CommandHandler = (ctx, cmd, echo) => {
  const user = reachableUser(ctx.store.state, ctx.account, childText(cmd, 'userId') ?? '');
  return userGetResponse(ctx.store.state, user, echo);
};

export const userDeleteRequest: CommandHandler = (ctx, cmd, echo) => {
  const userId = childText(cmd, 'userId') ?? '';
  reachableUser(ctx.store.state, ctx.account, userId);
  const draft = ctx.store.draft();
  delete draft.users[userId];
  ctx.store.commit(draft);
  return successResponse(echo);
};
