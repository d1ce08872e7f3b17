/**
 * UserConsolidatedAddRequest22 with the rules of its documentation (reference/UserConsolidatedAddRequest22.seed.txt),
 * for AS and XS data mode. Works on a copy of the state and commits only when every rule passed, so a failed
 * request changes nothing.
 */
import { accountReaches, type Account } from '../accounts';
import { mayDo } from '../../../core/checks/rules/authority';
import { SERVICE_PREREQUISITES } from '../../../core/checks/rules/services';
import type { CommandHandler, DataMode } from '../context';
import type { StateStore } from '../store';
import { errors } from '../errors';
import { successResponse } from '../../wire/response';
import type { AccessDeviceState, GroupState, ServiceProviderState, SimState, UserState } from '../state';
import { readUca22, type EndpointRequest, type Uca22Request } from './uca22-request';

interface Target {
  sp: ServiceProviderState;
  group: GroupState;
}

function findGroupByExternalId(state: SimState, externalId: string): Target | undefined {
  for (const sp of Object.values(state.serviceProviders)) {
    for (const group of Object.values(sp.groups)) if (group.externalId === externalId) return { sp, group };
  }
  return undefined;
}

/** Finds the group, or creates it from groupProperties where the rules allow. */
function resolveGroup(state: SimState, req: Uca22Request, account: Account, mode: DataMode): Target {
  if (req.groupExternalId !== undefined) {
    const found = findGroupByExternalId(state, req.groupExternalId);
    if (!found) throw errors.groupExternalIdNotFound(req.groupExternalId); // a group is only created by serviceProviderId + groupId
    if (!accountReaches(account, found.sp, found.group.id)) throw errors.unauthorized();
    return found;
  }
  const spId = req.serviceProviderId ?? '';
  const groupId = req.groupId ?? '';
  const sp = state.serviceProviders[spId];
  if (!sp) throw errors.serviceProviderNotFound(spId);
  if (!accountReaches(account, sp, groupId)) throw errors.unauthorized();
  const existing = sp.groups[groupId];
  if (existing) return { sp, group: existing }; // groupProperties is ignored when the group exists
  if (!req.groupProperties) throw errors.groupPropertiesRequired(spId, groupId);
  if (!mayDo('createGroup', account.level, mode)) {
    throw errors.unauthorized('Creating a group needs a Service Provider administrator or above.');
  }
  const props = req.groupProperties;
  ensureSpDomain(sp, props.defaultDomain, account, mode);
  const group: GroupState = {
    id: groupId,
    name: props.groupName,
    callingLineIdName: props.callingLineIdName,
    timeZone: props.timeZone,
    defaultDomain: props.defaultDomain,
    userLimit: props.userLimit,
    domains: [props.defaultDomain],
    phoneNumbers: [],
    authorizedServices: {},
    authorizedServicePacks: {},
    departments: [],
    trunkGroups: [],
    accessDevices: {},
    newUserTemplateServices: [...sp.newUserTemplateServices],
  };
  for (const gs of props.groupServices) {
    if (!(gs.name in sp.authorizedServices)) throw errors.serviceNotAuthorizedToSp(gs.name);
    group.authorizedServices[gs.name] = gs.quantity;
  }
  sp.groups[groupId] = group;
  return { sp, group };
}

function ensureSpDomain(sp: ServiceProviderState, domain: string, account: Account, mode: DataMode): void {
  if (sp.domains.includes(domain)) return;
  if (!mayDo('assignDomainToServiceProvider', account.level, mode)) throw errors.domainNotAssignedToSp(domain);
  sp.domains.push(domain);
}

/** The domain of a user id or alias: assigned to the service provider and group, or assigned by a level that may. */
function ensureDomain({ sp, group }: Target, userId: string, account: Account, mode: DataMode): void {
  const at = userId.lastIndexOf('@');
  if (at < 0) return; // no domain part: nothing to assign
  const domain = userId.slice(at + 1);
  ensureSpDomain(sp, domain, account, mode);
  if (group.domains.includes(domain)) return;
  if (!mayDo('assignDomainToGroup', account.level, mode)) throw errors.domainNotAssignedToGroup(domain);
  group.domains.push(domain);
}

/** The extension is unique within the group. */
function checkExtension(state: SimState, { sp, group }: Target, req: Uca22Request): void {
  const ext = req.fields.extension;
  if (ext === undefined) return;
  const used = Object.values(state.users).some((u) => u.serviceProviderId === sp.id && u.groupId === group.id && u.extension === ext);
  if (used) throw errors.extensionInUse(ext);
}

/** networkClassOfService names a class assigned to the group. */
function checkNcos({ group }: Target, req: Uca22Request): void {
  const ncos = req.fields.networkClassOfService;
  if (ncos !== undefined && !(group.networkClassesOfService ?? []).includes(ncos)) throw errors.ncosNotAssigned(ncos);
}

function ensurePhoneNumber(
  store: StateStore,
  state: SimState,
  { sp, group }: Target,
  req: Uca22Request,
  account: Account,
  mode: DataMode,
): void {
  const dn = req.fields.phoneNumber;
  if (dn === undefined) return;
  if (store.phoneNumberInUse(state, dn)) throw errors.numberInUse(dn);
  if (group.phoneNumbers.includes(dn)) return;
  if (mode === 'XS') {
    // XS: added to the group, and to the service provider if needed.
    if (!sp.phoneNumbers.includes(dn)) sp.phoneNumbers.push(dn);
    group.phoneNumbers.push(dn);
    return;
  }
  if (!req.addPhoneNumberToGroup) throw errors.numberNotInGroup(dn);
  if (!mayDo('addPhoneNumberToGroup', account.level, mode))
    throw errors.unauthorized('Adding a phone number to the group needs a Service Provider administrator or above.');
  if (!sp.phoneNumbers.includes(dn)) throw errors.numberNotInSp(dn);
  if (Object.values(sp.groups).some((g) => g !== group && g.phoneNumbers.includes(dn))) throw errors.numberInOtherGroup(dn);
  group.phoneNumbers.push(dn);
}

function checkAlternateUserIds(state: SimState, req: Uca22Request, account: Account, mode: DataMode): void {
  if (!req.alternateUserIds.length) return;
  if (!mayDo('addAlternateUserIds', account.level, mode))
    throw errors.unauthorized('Alternate user ids need a Group administrator or above.');
  const taken = new Set(Object.values(state.users).flatMap((u) => [u.userId, ...u.alternateUserIds.map((a) => a.id)]));
  for (const a of req.alternateUserIds) {
    if (taken.has(a.id) || a.id === req.userId) throw errors.alternateUserIdExists(a.id);
    taken.add(a.id);
  }
}

/** Authorizes the requested services and packs to the group where needed (SP admin or above in AS). */
function authorizeServices({ sp, group }: Target, req: Uca22Request, account: Account, mode: DataMode): void {
  const mayAuthorize = mayDo('authorizeServices', account.level, mode);
  for (const s of req.userServices) {
    if (s.name in group.authorizedServices) continue;
    if (!mayAuthorize) throw errors.serviceNotAuthorizedToGroup(s.name);
    if (!(s.name in sp.authorizedServices)) throw errors.serviceNotAuthorizedToSp(s.name);
    group.authorizedServices[s.name] = s.quantity;
  }
  for (const p of req.servicePacks) {
    if (!sp.servicePacks[p.name]) throw errors.servicePackNotFound(p.name);
    if (p.name in group.authorizedServicePacks) continue;
    if (!mayAuthorize) throw errors.servicePackNotAuthorizedToGroup(p.name);
    group.authorizedServicePacks[p.name] = p.quantity;
  }
}

/** Services the new user will have: from the request, its packs, and (AS) the group's new user template. */
function availableServices({ sp, group }: Target, req: Uca22Request, mode: DataMode): Set<string> {
  const names = new Set(req.userServices.map((s) => s.name));
  for (const p of req.servicePacks) for (const s of sp.servicePacks[p.name]?.services ?? []) names.add(s);
  if (mode === 'AS') for (const s of group.newUserTemplateServices) names.add(s);
  return names;
}

/** The service prerequisites of core/checks/rules/services.ts, against the services the user really gets. */
function checkPrerequisites(target: Target, req: Uca22Request, mode: DataMode): void {
  const services = [...availableServices(target, req, mode)];
  // In XS mode the elements ignored there were already dropped by readUca22.
  const present = (name: string) =>
    name === 'sharedCallAppearanceAccessDeviceEndpoint'
      ? req.scaEndpoints.length > 0
      : name === 'sipAuthenticationData'
        ? !!req.sipAuthentication
        : name in req.thirdPartyVoiceMail;
  for (const pre of SERVICE_PREREQUISITES) {
    if (mode === 'XS' && !pre.inXsMode) continue;
    const element = pre.elements.find(present);
    if (element && !services.some(pre.matches)) throw errors.serviceRequired(pre.service, element);
  }
}

/**
 * The department must exist where its key says, and that must be the user's own group or enterprise:
 * a group department of this group, or a department of this service provider when it is an enterprise.
 */
function checkDepartment({ sp, group }: Target, req: Uca22Request): void {
  const d = req.department;
  if (!d) return;
  const found =
    d.kind === 'EnterpriseDepartmentKey'
      ? sp.isEnterprise && d.serviceProviderId === sp.id && (sp.departments ?? []).includes(d.name)
      : d.serviceProviderId === sp.id && d.groupId === group.id && group.departments.includes(d.name);
  if (!found) throw errors.departmentNotFound(d.name);
}

/** trunkAddressing must name a trunk group of the user's group (readUca22 dropped it in XS data mode). */
function checkTrunkAddressing({ group }: Target, req: Uca22Request): void {
  const tg = req.trunkAddressing?.trunkGroup;
  if (tg && !(group.trunkGroups ?? []).includes(tg.name)) throw errors.trunkGroupNotFound(tg.name);
}

function deviceContainer(state: SimState, { sp, group }: Target, level: string): Record<string, AccessDeviceState> {
  if (level === 'System') return state.systemAccessDevices;
  if (level === 'Service Provider') return sp.accessDevices;
  return group.accessDevices;
}

/** The access device is created when missing (it then needs a deviceType). */
function ensureDevice(state: SimState, target: Target, ep: EndpointRequest): void {
  const devices = deviceContainer(state, target, ep.deviceLevel);
  if (devices[ep.deviceName]) return;
  if (!ep.deviceType) throw errors.deviceNotFound(ep.deviceName);
  if (state.deviceTypes && !state.deviceTypes.includes(ep.deviceType)) throw errors.deviceTypeNotFound(ep.deviceType);
  devices[ep.deviceName] = {
    name: ep.deviceName,
    deviceType: ep.deviceType,
    protocol: ep.protocol,
    macAddress: ep.macAddress,
    description: ep.description,
  };
}

function buildUser({ sp, group }: Target, req: Uca22Request): UserState {
  const f = req.fields;
  const endpointState = (ep: EndpointRequest) => ({
    deviceLevel: ep.deviceLevel,
    deviceName: ep.deviceName,
    linePort: ep.linePort,
    contacts: ep.contacts,
  });
  return {
    userId: req.userId,
    serviceProviderId: sp.id,
    groupId: group.id,
    lastName: f.lastName ?? '',
    firstName: f.firstName ?? '',
    callingLineIdLastName: f.callingLineIdLastName ?? '',
    callingLineIdFirstName: f.callingLineIdFirstName ?? '',
    hiraganaLastName: f.hiraganaLastName,
    hiraganaFirstName: f.hiraganaFirstName,
    nameDialingName: req.nameDialingName,
    phoneNumber: f.phoneNumber,
    extension: f.extension,
    callingLineIdPhoneNumber: f.callingLineIdPhoneNumber,
    department: req.department && {
      kind: req.department.kind === 'EnterpriseDepartmentKey' ? 'EnterpriseDepartmentKey' : 'GroupDepartmentKey',
      name: req.department.name,
    },
    language: f.language,
    timeZone: f.timeZone,
    aliases: req.aliases,
    title: f.title,
    pagerPhoneNumber: f.pagerPhoneNumber,
    mobilePhoneNumber: f.mobilePhoneNumber,
    emailAddress: f.emailAddress,
    yahooId: f.yahooId,
    addressLocation: f.addressLocation,
    address: req.address,
    networkClassOfService: f.networkClassOfService,
    userExternalId: f.userExternalId,
    userPersonId: f.userPersonId,
    isPlace: req.isPlace,
    alternateUserIds: req.alternateUserIds,
    endpoint: req.endpoint && endpointState(req.endpoint),
    sharedCallAppearanceEndpoints: req.scaEndpoints.map(endpointState),
    trunkAddressing: req.trunkAddressing,
    services: req.userServices.map((s) => s.name),
    servicePacks: req.servicePacks.map((p) => p.name),
    hasPassword: req.password !== undefined,
    hasPasscode: req.passcode !== undefined,
    sipAuthenticationUserName: req.sipAuthentication?.userName,
    thirdPartyVoiceMail: Object.keys(req.thirdPartyVoiceMail).length ? req.thirdPartyVoiceMail : undefined,
  };
}

export const userConsolidatedAddRequest22: CommandHandler = (ctx, cmd, echo) => {
  const { account, dataMode: mode } = ctx;
  if (!mayDo('runCommand', account.level, mode)) {
    throw errors.unauthorized('In XS data mode only a System administrator may execute UserConsolidatedAddRequest22.');
  }
  const req = readUca22(cmd, mode);
  const draft = ctx.store.draft();
  if (draft.users[req.userId]) throw errors.userExists(req.userId);
  const target = resolveGroup(draft, req, account, mode);
  checkDepartment(target, req);
  checkTrunkAddressing(target, req);
  ensureDomain(target, req.userId, account, mode);
  for (const alias of req.aliases) ensureDomain(target, alias, account, mode); // an alias's domain too
  checkExtension(draft, target, req);
  checkNcos(target, req);
  ensurePhoneNumber(ctx.store, draft, target, req, account, mode);
  checkAlternateUserIds(draft, req, account, mode);
  if (req.password === undefined && !target.sp.externalAuthentication) throw errors.passwordRequired();
  authorizeServices(target, req, account, mode);
  checkPrerequisites(target, req, mode);
  if (req.endpoint) ensureDevice(draft, target, req.endpoint);
  for (const ep of req.scaEndpoints) ensureDevice(draft, target, ep);
  const inGroup = ctx.store.usersInGroup(draft, target.sp.id, target.group.id);
  if (inGroup >= target.group.userLimit) target.group.userLimit = inGroup + 1; // raised by one when needed
  draft.users[req.userId] = buildUser(target, req);
  ctx.store.commit(draft);
  return successResponse(echo);
};
