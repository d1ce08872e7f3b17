/** What UserConsolidatedAddRequest22 may create besides the user, listed for the undo (see ./undo.ts). */
import { Fields, type Known } from './undo-fields';
import type { Make, UndoCommand, UndoNoteKind, UndoOptions } from './undo-types';

/**
 * What a user add may have created besides the user, depending on the server's state (the request's documentation):
 * the group (when groupProperties is given), the user's domain for the group and provider, the phone number for
 * the group, the access device (when deviceType is given), service authorizations, a raised user limit. A success
 * response does not say which happened, so each is listed once, with the command that would remove it.
 */
export function consolidatedSideEffects(
  type: string,
  f: Fields,
  known: Known,
  options: UndoOptions,
  make: Make,
  note: (kind: UndoNoteKind, text: string, suggestion?: UndoCommand) => void,
): void {
  if (!/^UserConsolidatedAddRequest/.test(type)) return;
  const sp = f.text('serviceProviderId');
  const g = f.text('groupId');
  if (!sp || !g) {
    if (f.text('groupExternalId'))
      note('maybe-created', 'the group is named by its external id: check by hand what the add created in it.');
    return;
  }
  const maybe = (what: string, condition: string, suggestion?: UndoCommand) =>
    note(
      'maybe-created',
      `${what} by this command if ${condition} (a success response does not say)${suggestion ? `; if so, enable the ${suggestion.command} below` : '; not undone'}.`,
      suggestion,
    );
  if (!known.has('group', sp, g)) {
    if (f.child('groupProperties').el)
      maybe(
        `the group ${sp}/${g} was created`,
        'it did not exist before',
        make('GroupDeleteRequest', { serviceProviderId: sp, groupId: g }),
      );
    maybe(`the user limit of the group ${sp}/${g} was raised by one`, 'the group was full');
    known.add('group', sp, g);
  }
  const userId = f.text('userId') ?? '';
  const domain = userId.includes('@') ? userId.slice(userId.lastIndexOf('@') + 1) : undefined;
  if (domain && !known.has('groupDomain', sp, g, domain)) {
    if (!known.has('spDomain', sp, domain))
      maybe(
        `the domain ${domain} was assigned to the service provider ${sp}`,
        'it was not before',
        make('ServiceProviderDomainUnassignListRequest', { serviceProviderId: sp, domain }),
      );
    maybe(
      `the domain ${domain} was assigned to the group ${sp}/${g}`,
      'it was not before',
      make('GroupDomainUnassignListRequest', { serviceProviderId: sp, groupId: g, domain }),
    );
    known.add('groupDomain', sp, g, domain);
    known.add('spDomain', sp, domain);
  }
  const dn = f.text('phoneNumber');
  const addsNumber = f.text('addPhoneNumberToGroup') === 'true' || options.dataMode === 'XS';
  if (dn && addsNumber && !known.has('groupDn', sp, g, dn)) {
    maybe(
      `the number ${dn} was assigned to the group ${sp}/${g}`,
      'it was not before',
      make('GroupDnUnassignListRequest', { serviceProviderId: sp, groupId: g, phoneNumber: dn }),
    );
    known.add('groupDn', sp, g, dn);
  }
  const endpoints = [f.child('accessDeviceEndpoint'), ...f.all('sharedCallAppearanceAccessDeviceEndpoint').map((e) => new Fields(e))];
  for (const ep of endpoints) {
    const device = ep.child('accessDevice');
    const name = device.text('deviceName');
    const level = device.text('deviceLevel') ?? 'Group';
    if (!ep.el || !name || !ep.text('deviceType')) continue;
    const scope = level === 'Group' ? [sp, g] : level === 'Service Provider' ? [sp, undefined] : [undefined, undefined];
    if (known.has('device', level, ...scope, name)) continue;
    const suggestion =
      level === 'Group'
        ? make('GroupAccessDeviceDeleteRequest', { serviceProviderId: sp, groupId: g, deviceName: name })
        : level === 'Service Provider'
          ? make('ServiceProviderAccessDeviceDeleteRequest', { serviceProviderId: sp, deviceName: name })
          : undefined;
    maybe(`the ${level.toLowerCase()} access device ${name} was created`, 'it did not exist before', suggestion);
    known.add('device', level, ...scope, name);
  }
  const services = f.all('userService').map((s) => new Fields(s).text('userServiceName') ?? '');
  const packs = f.all('servicePack').map((s) => new Fields(s).text('servicePackName') ?? '');
  const newServices = services.filter((s) => s && !known.has('groupService', sp, g, s));
  const newPacks = packs.filter((p) => p && !known.has('groupPack', sp, g, p));
  if (newServices.length || newPacks.length)
    maybe(
      `${[...newServices, ...newPacks.map((p) => `the service pack ${p}`)].join(', ')} ${newServices.length + newPacks.length === 1 ? 'was' : 'were'} authorized to the group ${sp}/${g}`,
      'not authorized before',
    );
  for (const s of newServices) known.add('groupService', sp, g, s);
  for (const p of newPacks) known.add('groupPack', sp, g, p);
}
