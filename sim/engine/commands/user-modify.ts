/**
 * UserModifyRequest22: the profile fields the simulator stores. An element left out keeps its value; a nillable
 * element sent with xsi:nil="true" clears it. A new phone number must be the group's and free; a department must
 * exist in the group; a new endpoint's device must exist in the group (or the system).
 */
import type { CommandHandler } from '../context';
import { errors } from '../errors';
import type { UserState } from '../state';
import { attr, child, childrenNamed, childText, collapse, isTrue, XSI_NS, xsiType, type XElement } from '../../xml/parse';
import { successResponse } from '../../wire/response';
import { commit, group, requireLevel } from './scope';

const isNil = (e: XElement) => isTrue(attr(e, XSI_NS, 'nil'));

/** Plain text fields: element name → user field. */
const TEXT_FIELDS: [string, keyof UserState][] = [
  ['lastName', 'lastName'],
  ['firstName', 'firstName'],
  ['callingLineIdLastName', 'callingLineIdLastName'],
  ['callingLineIdFirstName', 'callingLineIdFirstName'],
  ['hiraganaLastName', 'hiraganaLastName'],
  ['hiraganaFirstName', 'hiraganaFirstName'],
  ['extension', 'extension'],
  ['callingLineIdPhoneNumber', 'callingLineIdPhoneNumber'],
  ['language', 'language'],
  ['timeZone', 'timeZone'],
  ['title', 'title'],
  ['pagerPhoneNumber', 'pagerPhoneNumber'],
  ['mobilePhoneNumber', 'mobilePhoneNumber'],
  ['emailAddress', 'emailAddress'],
  ['yahooId', 'yahooId'],
  ['addressLocation', 'addressLocation'],
  ['networkClassOfService', 'networkClassOfService'],
  ['newUserExternalId', 'userExternalId'],
  ['newUserPersonId', 'userPersonId'],
];

export const userModifyRequest22: CommandHandler = (ctx, cmd, echo) => {
  requireLevel(ctx, 'User');
  const userId = childText(cmd, 'userId') ?? '';
  commit(ctx, (draft) => {
    const stored = Object.hasOwn(draft.users, userId) ? draft.users[userId] : undefined;
    if (!stored) throw errors.userNotFound(userId);
    if (ctx.account.level === 'User' && ctx.account.userId !== userId) throw errors.unauthorized();
    // Stored users are frozen (sim/engine/store.ts): change a copy, then replace the user.
    const u: UserState = structuredClone(stored);
    draft.users[userId] = u;
    const { sp, group: g } = group(ctx, draft, u.serviceProviderId, u.groupId);
    const fields = u as unknown as Record<string, unknown>;
    for (const [element, field] of TEXT_FIELDS) {
      const e = child(cmd, element);
      if (e) fields[field] = isNil(e) ? undefined : childText(cmd, element);
    }
    const phone = child(cmd, 'phoneNumber');
    if (phone) {
      const n = isNil(phone) ? undefined : childText(cmd, 'phoneNumber');
      if (n !== undefined && n !== u.phoneNumber) {
        if (!g.phoneNumbers.includes(n)) throw sp.phoneNumbers.includes(n) ? errors.numberNotInGroup(n) : errors.numberNotInSp(n);
        if (ctx.store.phoneNumberInUse(draft, n)) throw errors.numberInUse(n);
      }
      u.phoneNumber = n;
    }
    const nameDialing = child(cmd, 'nameDialingName');
    if (nameDialing)
      u.nameDialingName = isNil(nameDialing)
        ? undefined
        : { last: childText(nameDialing, 'nameDialingLastName') ?? '', first: childText(nameDialing, 'nameDialingFirstName') ?? '' };
    const department = child(cmd, 'department');
    if (department) {
      if (isNil(department)) u.department = undefined;
      else {
        // The same rule as UserConsolidatedAddRequest22: the key names the user's own group, or its enterprise.
        const kind = xsiType(department)?.local === 'EnterpriseDepartmentKey' ? 'EnterpriseDepartmentKey' : 'GroupDepartmentKey';
        const name = childText(department, 'name') ?? '';
        const found =
          kind === 'EnterpriseDepartmentKey'
            ? sp.isEnterprise && childText(department, 'serviceProviderId') === sp.id && (sp.departments ?? []).includes(name)
            : childText(department, 'serviceProviderId') === sp.id &&
              childText(department, 'groupId') === g.id &&
              g.departments.includes(name);
        if (!found) throw errors.departmentNotFound(name);
        u.department = { kind, name };
      }
    }
    const newPassword = child(cmd, 'newPassword');
    if (newPassword) u.hasPassword = !isNil(newPassword);
    const aliases = child(cmd, 'sipAliasList');
    if (aliases) u.aliases = isNil(aliases) ? [] : childrenNamed(aliases, 'sipAlias').map((a) => collapse(a.text));
    const alternates = child(cmd, 'alternateUserIdList');
    if (alternates) {
      u.alternateUserIds = isNil(alternates)
        ? []
        : childrenNamed(alternates, 'alternateUserId').map((a) => ({
            id: childText(a, 'alternateUserId') ?? '',
            description: childText(a, 'description'),
          }));
    }
    const endpoint = child(cmd, 'endpoint');
    if (endpoint) {
      const ade = child(endpoint, 'accessDeviceEndpoint');
      if (isNil(endpoint)) u.endpoint = undefined;
      else if (ade) {
        const device = child(ade, 'accessDevice');
        const level = (device && childText(device, 'deviceLevel')) ?? u.endpoint?.deviceLevel ?? 'Group';
        const deviceName = (device && childText(device, 'deviceName')) ?? u.endpoint?.deviceName ?? '';
        const known = level === 'System' ? draft.systemAccessDevices : level === 'Service Provider' ? sp.accessDevices : g.accessDevices;
        if (!Object.hasOwn(known, deviceName)) throw errors.deviceNotFound(deviceName);
        const contacts = child(ade, 'contactList');
        u.endpoint = {
          deviceLevel: level,
          deviceName,
          linePort: childText(ade, 'linePort') ?? u.endpoint?.linePort ?? userId,
          contacts: contacts
            ? isNil(contacts)
              ? []
              : childrenNamed(contacts, 'contact').map((c) => childText(c, 'sipContact') ?? '')
            : (u.endpoint?.contacts ?? []),
        };
      }
    }
  });
  return successResponse(echo);
};
