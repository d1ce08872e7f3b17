/**
 * UserConsolidatedAddRequest22 against the server's state: what the request's documentation makes depend on the
 * server (core/checks/rules/authority.ts for the levels, ./services for the prerequisites) turned into facts on
 * the exact elements. `queriesFor` lists the reads a command needs; `checkUca22` judges it from their answers and
 * the effects of the file's earlier commands (./effects), then records its own effects when it would succeed.
 */
import { mayDo } from '../checks/rules/authority';
import { SERVICE_PREREQUISITES, serviceVerdict } from '../checks/rules/services';
import type { AdminLevel, DataMode } from '../checks/types';
import { xsdCollapse } from '../text/xsd-whitespace';
import type { CommandNode, ElementNode, Span } from '../tree/types';
import type { Answer } from './cache';
import { emptyGroup, FileEffects, type GroupEffects } from './effects';
import { exists, inNumberCell, read, type Known } from './facts';
import { Q, type KeyedQuery } from './queries';

export const UCA22 = 'UserConsolidatedAddRequest22';

export interface JudgeContext {
  level: AdminLevel;
  mode: DataMode;
  /** ocip.newUserTemplateServices: R25 has no request that reads a group's new user template. */
  newUserTemplateServices?: string[];
  answer: (q: KeyedQuery) => Answer;
  /** Reports a server diagnostic (code registered in core/checks/registry.ts). */
  report: (code: string, span: Span, message: string) => void;
}

const leaf = (n: ElementNode | undefined, name: string) => {
  const v = n?.children?.find((c) => c.name === name)?.value?.text;
  return v === undefined ? undefined : xsdCollapse(v);
};
const top = (cmd: CommandNode, name: string) => cmd.children.find((c) => c.name === name);
const all = (cmd: CommandNode, name: string) => cmd.children.filter((c) => c.name === name);
const text = (n: ElementNode | undefined) => (n?.value?.text === undefined ? undefined : xsdCollapse(n.value.text));
const spanOf = (n: ElementNode) => n.value?.span ?? n.nameSpan;
const domainOf = (id: string) => (id.lastIndexOf('@') >= 0 ? id.slice(id.lastIndexOf('@') + 1) : undefined);

interface Endpoint {
  node: ElementNode;
  level: string;
  name: string;
  deviceType?: string;
}

function endpoints(cmd: CommandNode): Endpoint[] {
  return [...all(cmd, 'accessDeviceEndpoint'), ...all(cmd, 'sharedCallAppearanceAccessDeviceEndpoint')].flatMap((node) => {
    const dev = node.children?.find((c) => c.name === 'accessDevice');
    const name = leaf(dev, 'deviceName');
    return name ? [{ node, level: leaf(dev, 'deviceLevel') ?? 'Group', name, deviceType: leaf(node, 'deviceType') }] : [];
  });
}

/** The group the command names (serviceProviderId + groupId); undefined for groupExternalId or when missing. */
function target(cmd: CommandNode): { sp: string; group: string } | undefined {
  const sp = text(top(cmd, 'serviceProviderId'));
  const group = text(top(cmd, 'groupId'));
  return sp && group ? { sp, group } : undefined;
}

function ids(cmd: CommandNode): { node: ElementNode; id: string }[] {
  return all(cmd, 'alternateUserId').flatMap((node) => {
    const id = leaf(node, 'alternateUserId');
    return id ? [{ node, id }] : [];
  });
}

/** Every read this command's checks need (deduplicated by key by the caller). */
export function queriesFor(cmd: CommandNode): KeyedQuery[] {
  const out: KeyedQuery[] = [];
  const userId = text(top(cmd, 'userId'));
  if (userId) out.push(Q.user(userId));
  for (const a of ids(cmd)) out.push(Q.user(a.id));
  const t = target(cmd);
  if (!t) return out;
  const { sp, group } = t;
  out.push(Q.provider(sp), Q.group(sp, group), Q.providerDomains(sp), Q.groupDomains(sp, group));
  if (top(cmd, 'phoneNumber')) out.push(Q.groupNumbers(sp, group), Q.providerAvailableNumbers(sp));
  if (top(cmd, 'extension')) out.push(Q.groupUsers(sp, group));
  const services = all(cmd, 'userService');
  const packs = all(cmd, 'servicePack')
    .map((p) => leaf(p, 'servicePackName'))
    .filter((p): p is string => !!p);
  if (services.length || packs.length) out.push(Q.groupServices(sp, group));
  if (services.length) out.push(Q.providerServices(sp));
  if (packs.length) out.push(Q.providerPacks(sp), ...packs.map((p) => Q.pack(sp, p)));
  if (endpoints(cmd).some((e) => e.level === 'Group')) out.push(Q.groupDevices(sp, group));
  if (endpoints(cmd).some((e) => e.deviceType)) out.push(Q.deviceTypes());
  if (top(cmd, 'department')) out.push(Q.groupDepartments(sp, group));
  if (top(cmd, 'trunkAddressing')) out.push(Q.groupTrunkGroups(sp, group));
  if (top(cmd, 'networkClassOfService')) out.push(Q.groupNcos(sp, group));
  return out;
}

/** Judges one command; returns true when no server error was found (its effects are then recorded). */
export function checkUca22(cmd: CommandNode, effects: FileEffects, c: JudgeContext): boolean {
  let failed = false;
  const error = (code: string, span: Span, message: string) => {
    failed = true;
    c.report(code, span, message);
  };
  const cannot = (span: Span, what: string, why: string) => c.report('OCI-SERVER-UNVERIFIED', span, `Cannot verify ${what}: ${why}`);
  const may = (action: Parameters<typeof mayDo>[0]) => mayDo(action, c.level, c.mode);

  // The user id and the alternate user ids are free (system-wide), including of the file's earlier commands.
  const userIdNode = top(cmd, 'userId');
  const userId = text(userIdNode);
  const checkFree = (node: ElementNode, id: string, code: string, what: string) => {
    if (effects.userIds.has(id)) return error(code, spanOf(node), `${what} "${id}" is added by an earlier command of this file.`);
    const e = exists(c.answer(Q.user(id)));
    if (!e.known) cannot(spanOf(node), `that ${what} "${id}" is free`, e.why);
    else if (e.value) error(code, spanOf(node), `${what} "${id}" already exists on the server.`);
  };
  if (userIdNode && userId) checkFree(userIdNode, userId, 'OCI-SERVER-USER-EXISTS', 'User');
  // alternateUserId is ignored in XS data mode (UCA22_XS_IGNORED): nothing to check there.
  const altIds = c.mode === 'XS' ? [] : ids(cmd);
  for (const a of altIds) {
    const node = a.node.children?.find((x) => x.name === 'alternateUserId') ?? a.node;
    if (a.id === userId) continue; // the same id twice in one request is the editor's rule
    checkFree(node, a.id, 'OCI-SERVER-ALT-ID-EXISTS', 'Alternate user id');
  }

  const t = target(cmd);
  if (!t) {
    const ext = top(cmd, 'groupExternalId');
    if (ext) cannot(spanOf(ext), 'the group named by groupExternalId', 'server checks look groups up by serviceProviderId and groupId.');
    return !failed;
  }
  const spNode = top(cmd, 'serviceProviderId')!;
  const groupNode = top(cmd, 'groupId')!;
  const propsNode = top(cmd, 'groupProperties');

  // The service provider / enterprise exists.
  const spExists = exists(c.answer(Q.provider(t.sp)));
  if (!spExists.known) cannot(spanOf(spNode), `service provider "${t.sp}"`, spExists.why);
  else if (!spExists.value) {
    error('OCI-SERVER-SP-NOT-FOUND', spanOf(spNode), `Service provider or enterprise "${t.sp}" does not exist on the server.`);
    return false;
  }

  // The group exists, or this command creates it.
  const recorded = effects.group(t.sp, t.group);
  const created = recorded?.createdHere ? recorded : undefined;
  const groupAnswer = created ? { known: true as const, value: true } : exists(c.answer(Q.group(t.sp, t.group)));
  let group: GroupEffects;
  if (!groupAnswer.known) {
    cannot(spanOf(groupNode), `group "${t.group}"`, groupAnswer.why);
    return !failed;
  }
  if (groupAnswer.value) {
    group = recorded ?? emptyGroup(false);
    if (propsNode)
      c.report(
        'OCI-SERVER-GROUP-PROPERTIES-IGNORED',
        propsNode.nameSpan,
        `Group "${t.group}" already exists${created ? ' (created by an earlier command of this file)' : ''}: groupProperties is ignored.`,
      );
  } else {
    if (!propsNode) {
      error(
        'OCI-SERVER-GROUP-NOT-FOUND',
        spanOf(groupNode),
        `Group "${t.group}" does not exist in "${t.sp}" and groupProperties is not given, so it cannot be created.`,
      );
      return false;
    }
    if (!may('createGroup')) {
      error(
        'OCI-SERVER-GROUP-CREATE-LEVEL',
        propsNode.nameSpan,
        `Group "${t.group}" does not exist; creating it needs a Service Provider administrator or above (logged in as ${c.level}).`,
      );
      return false;
    }
    c.report(
      'OCI-SERVER-GROUP-CREATED',
      propsNode.nameSpan,
      `Group "${t.group}" does not exist: this command creates it from groupProperties.`,
    );
    group = emptyGroup(true);
    const defaultDomain = leaf(propsNode, 'defaultDomain');
    if (defaultDomain) group.domains.add(defaultDomain);
    for (const gs of propsNode.children?.filter((x) => x.name === 'groupService') ?? []) {
      const s = leaf(gs, 'groupServiceName');
      if (s) group.services.add(s);
    }
  }
  const groupIsNew = group.createdHere;
  const fromGroup = <T>(q: KeyedQuery, readIt: (a: Answer) => Known<T>, empty: T): Known<T> =>
    groupIsNew ? { known: true, value: empty } : readIt(c.answer(q));

  // Domains of the user id and aliases: assigned to the service provider and the group, or assignable by this level.
  const spDomains = read.domains(c.answer(Q.providerDomains(t.sp)), 'serviceProviderDefaultDomain');
  const groupDomains = fromGroup(Q.groupDomains(t.sp, t.group), (a) => read.domains(a, 'groupDefaultDomain'), new Set<string>());
  const domainNodes = [...(userIdNode ? [userIdNode] : []), ...all(cmd, 'alias')];
  const newDefault = groupIsNew && propsNode ? leaf(propsNode, 'defaultDomain') : undefined;
  for (const [node, domain] of [
    ...(newDefault && propsNode ? [[propsNode.children!.find((x) => x.name === 'defaultDomain')!, newDefault] as const] : []),
    ...domainNodes.flatMap((n) => {
      const d = domainOf(text(n) ?? '');
      return d ? [[n, d] as const] : [];
    }),
  ]) {
    const inSp = effects.spDomain(t.sp, domain) || (spDomains.known ? spDomains.value.has(domain) : undefined);
    if (inSp === undefined) cannot(spanOf(node), `domain "${domain}"`, spDomains.known ? '' : spDomains.why);
    else if (!inSp && !may('assignDomainToServiceProvider')) {
      error(
        'OCI-SERVER-DOMAIN-SP',
        spanOf(node),
        `Domain "${domain}" is not assigned to "${t.sp}"; assigning it needs a Provisioning administrator or above (logged in as ${c.level}).`,
      );
      continue;
    }
    const inGroup = group.domains.has(domain) || (groupDomains.known ? groupDomains.value.has(domain) : undefined);
    if (inGroup === undefined) cannot(spanOf(node), `domain "${domain}" in group "${t.group}"`, groupDomains.known ? '' : groupDomains.why);
    else if (!inGroup && !may('assignDomainToGroup')) {
      error(
        'OCI-SERVER-DOMAIN-GROUP',
        spanOf(node),
        `Domain "${domain}" is not assigned to group "${t.group}"; assigning it needs a Service Provider administrator or above (logged in as ${c.level}).`,
      );
    }
  }

  // Phone number: in the group and free, or added to the group from the service provider.
  const dnNode = top(cmd, 'phoneNumber');
  const dn = text(dnNode);
  if (dnNode && dn) {
    const rows = fromGroup(Q.groupNumbers(t.sp, t.group), read.groupNumbers, []);
    if (!rows.known) cannot(spanOf(dnNode), `phone number ${dn}`, rows.why);
    else {
      const row = rows.value.find((r) => inNumberCell(r.numbers, dn));
      const inGroup = !!row || group.numbers.has(dn);
      const holder = effects.numberHolder(dn) ?? (row?.userId || undefined);
      if (holder) error('OCI-SERVER-NUMBER-IN-USE', spanOf(dnNode), `Phone number ${dn} is already assigned to user "${holder}".`);
      else if (!inGroup) {
        const available = read.available(c.answer(Q.providerAvailableNumbers(t.sp)));
        const inSp = available.known ? available.value.has(dn) && !effects.numberHolder(dn) : undefined;
        if (c.mode === 'AS') {
          const add = text(top(cmd, 'addPhoneNumberToGroup'));
          if (add !== 'true' && add !== '1')
            error(
              'OCI-SERVER-NUMBER-NOT-IN-GROUP',
              spanOf(dnNode),
              `Phone number ${dn} is not assigned to group "${t.group}"; set addPhoneNumberToGroup: true to add it${inSp === false ? ' (it is not available in the service provider either)' : ''}.`,
            );
          else if (!may('addPhoneNumberToGroup'))
            error(
              'OCI-SERVER-NUMBER-ADD-LEVEL',
              spanOf(dnNode),
              `Phone number ${dn} is not in group "${t.group}"; adding it needs a Service Provider administrator or above (logged in as ${c.level}).`,
            );
          else if (inSp === undefined)
            cannot(spanOf(dnNode), `that phone number ${dn} is available in "${t.sp}"`, available.known ? '' : available.why);
          else if (!inSp)
            error(
              'OCI-SERVER-NUMBER-NOT-IN-SP',
              spanOf(dnNode),
              `Phone number ${dn} is not an available number of "${t.sp}" (not the service provider's, or already in another group).`,
            );
        }
      }
    }
  }

  // Extension: not used by another user of the group.
  const extNode = top(cmd, 'extension');
  const ext = text(extNode);
  if (extNode && ext) {
    const used = fromGroup(Q.groupUsers(t.sp, t.group), read.extensions, new Set<string>());
    if (!used.known) cannot(spanOf(extNode), `extension ${ext}`, used.why);
    else if (used.value.has(ext) || group.extensions.has(ext))
      error('OCI-SERVER-EXTENSION-IN-USE', spanOf(extNode), `Extension ${ext} is already used by another user of group "${t.group}".`);
  }

  // Services and service packs: exist, authorized to the group, or authorizable by this level.
  const mayAuthorize = may('authorizeServices');
  const groupAuth = fromGroup(
    Q.groupServices(t.sp, t.group),
    (a) => read.authorized(a, 'userServicesAuthorizationTable', 'Service Name'),
    new Set<string>(),
  );
  const groupPacks = fromGroup(
    Q.groupServices(t.sp, t.group),
    (a) => read.authorized(a, 'servicePacksAuthorizationTable', 'Service Pack Name'),
    new Set<string>(),
  );
  for (const node of all(cmd, 'userService')) {
    const name = leaf(node, 'userServiceName');
    if (!name) continue;
    const at = spanOf(node.children?.find((x) => x.name === 'userServiceName') ?? node);
    if (group.services.has(name) || (groupAuth.known && groupAuth.value.has(name))) continue;
    if (!groupAuth.known) {
      cannot(at, `that "${name}" is authorized to group "${t.group}"`, groupAuth.why);
      continue;
    }
    if (!mayAuthorize) {
      error(
        'OCI-SERVER-SERVICE-NOT-AUTHORIZED',
        at,
        `Service "${name}" is not authorized to group "${t.group}"; authorizing it needs a Service Provider administrator or above (logged in as ${c.level}).`,
      );
      continue;
    }
    const spAuth = read.authorized(c.answer(Q.providerServices(t.sp)), 'userServicesAuthorizationTable', 'Service Name');
    if (!spAuth.known) cannot(at, `that "${name}" is authorized to "${t.sp}"`, spAuth.why);
    else if (!spAuth.value.has(name))
      error(
        'OCI-SERVER-SERVICE-NOT-AUTHORIZED',
        at,
        `Service "${name}" is not authorized to service provider "${t.sp}", so it cannot be authorized to the group.`,
      );
  }
  const packContents: Record<string, string[]> = {};
  const spPacks = read.packNames(c.answer(Q.providerPacks(t.sp)));
  for (const node of all(cmd, 'servicePack')) {
    const name = leaf(node, 'servicePackName');
    if (!name) continue;
    const at = spanOf(node.children?.find((x) => x.name === 'servicePackName') ?? node);
    if (!spPacks.known) {
      cannot(at, `service pack "${name}"`, spPacks.why);
      continue;
    }
    if (!spPacks.value.has(name)) {
      error('OCI-SERVER-PACK-NOT-FOUND', at, `Service pack "${name}" does not exist in "${t.sp}".`);
      continue;
    }
    const contents = read.packServices(c.answer(Q.pack(t.sp, name)));
    if (contents.known) packContents[name] = contents.value;
    if (group.packs.has(name) || (groupPacks.known && groupPacks.value.has(name))) continue;
    if (!groupPacks.known) cannot(at, `that "${name}" is authorized to group "${t.group}"`, groupPacks.why);
    else if (!mayAuthorize)
      error(
        'OCI-SERVER-PACK-NOT-AUTHORIZED',
        at,
        `Service pack "${name}" is not authorized to group "${t.group}"; authorizing it needs a Service Provider administrator or above (logged in as ${c.level}).`,
      );
  }

  // Service prerequisites with the real pack contents (the template only through ocip.newUserTemplateServices).
  for (const pre of SERVICE_PREREQUISITES) {
    if (c.mode === 'XS' && !pre.inXsMode) continue;
    const node = cmd.children.find((x) => pre.elements.includes(x.name));
    if (!node) continue;
    const verdict = serviceVerdict(
      cmd,
      pre.matches,
      { servicePacks: packContents, newUserTemplateServices: c.newUserTemplateServices },
      c.mode === 'AS',
    );
    if (verdict.status === 'absent')
      error(
        'OCI-SERVER-SERVICE-REQUIRED',
        node.nameSpan,
        `${node.name} needs the "${pre.service}" service: neither the request's services, its service packs on the server${c.mode === 'AS' ? ' nor the new user template (ocip.newUserTemplateServices)' : ''} give it.`,
      );
    else if (verdict.status === 'unknown' && !verdict.unknownPacks.length)
      c.report(
        'OCI-SERVER-TEMPLATE-UNVERIFIED',
        node.nameSpan,
        `${node.name} needs the "${pre.service}" service; the request and its service packs on the server do not give it, so only the new user template can. R25 has no request to read the template: set ocip.newUserTemplateServices to check it.`,
      );
  }

  // Devices: exist in the group, or are created (which needs a device type).
  const devices = fromGroup(Q.groupDevices(t.sp, t.group), (a) => read.listed(a, 'accessDeviceTable', 'Device Name'), new Set<string>());
  for (const ep of endpoints(cmd)) {
    const device = ep.node.children?.find((x) => x.name === 'accessDevice');
    const at = spanOf(device?.children?.find((x) => x.name === 'deviceName') ?? device ?? ep.node);
    if (ep.level !== 'Group') {
      if (!ep.deviceType) cannot(at, `device "${ep.name}" (${ep.level} level)`, 'server checks read group devices only.');
      continue;
    }
    if (group.devices.has(ep.name)) continue;
    if (ep.deviceType) {
      // A new device is created with its type, which the system must know (an existing device keeps its own).
      if (devices.known && devices.value.has(ep.name)) continue;
      const typeNode = ep.node.children?.find((x) => x.name === 'deviceType');
      const types = read.deviceTypes(c.answer(Q.deviceTypes()));
      if (!types.known) cannot(typeNode ? spanOf(typeNode) : at, `device type "${ep.deviceType}"`, types.why);
      else if (types.value.has(ep.deviceType)) continue;
      else if (!devices.known) cannot(at, `device "${ep.name}"`, devices.why);
      else
        error(
          'OCI-SERVER-DEVICE-TYPE-UNKNOWN',
          typeNode ? spanOf(typeNode) : at,
          `Device type "${ep.deviceType}" is not a device type of the system, so device "${ep.name}" cannot be created.`,
        );
      continue;
    }
    if (!devices.known) cannot(at, `device "${ep.name}"`, devices.why);
    else if (!devices.value.has(ep.name))
      error(
        'OCI-SERVER-DEVICE-NOT-FOUND',
        at,
        `Device "${ep.name}" does not exist in group "${t.group}" and no deviceType is given to create it.`,
      );
  }

  // Department, trunk group, network class of service.
  const dept = top(cmd, 'department');
  if (dept) {
    const name = leaf(dept, 'name');
    const enterprise = /EnterpriseDepartmentKey$/.test(dept.xsiType?.text ?? '');
    const list = fromGroup(Q.groupDepartments(t.sp, t.group), read.departments, []);
    if (name) {
      if (!list.known) cannot(dept.nameSpan, `department "${name}"`, list.why);
      else if (!list.value.some((d) => d.name === name && d.enterprise === enterprise))
        error(
          'OCI-SERVER-DEPARTMENT-NOT-FOUND',
          spanOf(dept.children?.find((x) => x.name === 'name') ?? dept),
          `${enterprise ? 'Enterprise' : 'Group'} department "${name}" does not exist for group "${t.group}".`,
        );
    }
  }
  const trunk = top(cmd, 'trunkAddressing')?.children?.find((x) => x.name === 'trunkGroupDeviceEndpoint');
  const trunkName = leaf(trunk, 'name');
  if (trunk && trunkName && !(c.mode === 'XS')) {
    const list = fromGroup(Q.groupTrunkGroups(t.sp, t.group), (a) => read.listed(a, 'trunkGroupTable', 'Name'), new Set<string>());
    if (!list.known) cannot(trunk.nameSpan, `trunk group "${trunkName}"`, list.why);
    else if (!list.value.has(trunkName))
      error(
        'OCI-SERVER-TRUNK-GROUP-NOT-FOUND',
        spanOf(trunk.children!.find((x) => x.name === 'name')!),
        `Trunk group "${trunkName}" does not exist in group "${t.group}".`,
      );
  }
  const ncosNode = top(cmd, 'networkClassOfService');
  const ncos = text(ncosNode);
  if (ncosNode && ncos) {
    const list = fromGroup(Q.groupNcos(t.sp, t.group), (a) => read.listed(a, 'networkClassOfServiceTable', 'Name'), new Set<string>());
    if (!list.known) cannot(spanOf(ncosNode), `network class of service "${ncos}"`, list.why);
    else if (!list.value.has(ncos))
      error('OCI-SERVER-NCOS-NOT-ASSIGNED', spanOf(ncosNode), `Network class of service "${ncos}" is not assigned to group "${t.group}".`);
  }

  if (failed) return false;
  // What this command changes, for the file's later commands.
  effects.record(t.sp, t.group, group);
  if (userId) effects.userIds.add(userId);
  for (const a of altIds) effects.userIds.add(a.id);
  for (const n of domainNodes) {
    const d = domainOf(text(n) ?? '');
    if (d) {
      effects.addSpDomain(t.sp, d);
      group.domains.add(d);
    }
  }
  if (newDefault) effects.addSpDomain(t.sp, newDefault);
  if (dn && userId) effects.holdNumber(dn, userId, group);
  if (ext) group.extensions.add(ext);
  for (const n of all(cmd, 'userService')) {
    const s = leaf(n, 'userServiceName');
    if (s) group.services.add(s);
  }
  for (const n of all(cmd, 'servicePack')) {
    const p = leaf(n, 'servicePackName');
    if (p) group.packs.add(p);
  }
  for (const ep of endpoints(cmd)) if (ep.level === 'Group') group.devices.add(ep.name);
  return true;
}
