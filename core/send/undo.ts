/**
 * The undo of a send: for every command that succeeded, the R25 request that removes what it created (a user add →
 * UserDeleteRequest, a group add → GroupDeleteRequest, a number assignment → its unassignment…), in reverse order.
 * What cannot be undone from the request alone is listed, never guessed: failed, unknown and unsent commands,
 * modifications (the previous values were never read), deletions, and what UserConsolidatedAddRequest22 may have
 * created depending on the server's state (group, domain, number, device): those get a suggested command the user
 * can enable once they know it did not exist before.
 *
 * Built from the command XML that was sent (the same in the CLI and the extension) and the per-command results.
 * The plan holds identifiers only (ids, names, numbers, domains): never a password, so it can live in the history.
 */
import { consolidatedSideEffects } from './undo-consolidated';
import { expand, Fields, Known, parseCommand, pick } from './undo-fields';
import type { Make, UndoCommand, UndoFields, UndoInput, UndoNote, UndoNoteKind, UndoOptions, UndoPlan, UndoResult } from './undo-types';

export type * from './undo-types';
export { renderUndoYaml } from './undo-yaml';

/** The user adds of R25: each is undone by UserDeleteRequest. */
export const USER_ADDS = /^User(Consolidated)?AddRequest/;

/** A short key for a command, for result lines and notes: userId, else provider / group / the thing it names. */
export function commandKey(xml: string): string | undefined {
  return keyOf(parseCommand(xml));
}

function keyOf(f: Fields): string | undefined {
  const userId = f.text('userId');
  if (userId) return userId;
  const parts = [f.text('serviceProviderId'), f.text('groupId') ?? f.text('groupExternalId')];
  const name = ['deviceName', 'departmentName', 'servicePackName'].map((n) => f.text(n)).find((v) => v);
  return [...parts, name].filter((p) => p).join('/') || undefined;
}

export function planUndo(commands: readonly UndoInput[], results: readonly UndoResult[], options: UndoOptions = {}): UndoPlan {
  const byIndex = new Map(results.map((r) => [r.index, r]));
  const inverse: UndoCommand[] = [];
  const notes: UndoNote[] = [];
  const known = new Known();
  /** Users, groups and providers this undo deletes: later changes to them need no undo of their own. */
  const deleted = new Known();

  for (const c of commands) {
    const f = parseCommand(c.xml);
    const key = keyOf(f);
    const label = `${c.type}${key ? ` ${key}` : ''}`;
    const note = (kind: UndoNoteKind, text: string, suggestion?: UndoCommand) =>
      notes.push({ index: c.index, kind, text: `#${c.index + 1} ${label}: ${text}`, ...(suggestion ? { suggestion } : {}) });
    const make = (command: string, fields: UndoFields): UndoCommand => ({ command, fields, undoes: c.index, what: label });
    const r = byIndex.get(c.index);
    const planned = inverseOf(c.type, f, make);

    if (!r || r.kind === 'not-sent') {
      note('not-sent', 'not sent: nothing to undo.');
      continue;
    }
    if (r.kind === 'error') {
      note('failed', `failed${r.summary ? ` (${r.summary})` : ''}: nothing to undo.`);
      continue;
    }
    if (r.kind === 'unknown') {
      // It may have been executed: the user checks, then enables the suggestion (never sent blindly).
      note(
        'unknown',
        `outcome unknown${r.summary ? ` (${r.summary})` : ''}: it may have been executed. Check on the server${planned.length ? '; if it was, enable the command below' : ''}.`,
        planned[0],
      );
      continue;
    }
    if (r.kind === 'warning') note('warning', `succeeded with a warning${r.summary ? ` (${r.summary})` : ''}: check that the undo fits.`);

    if (USER_ADDS.test(c.type)) consolidatedSideEffects(c.type, f, known, options, make, note);
    learn(c.type, f, known);

    const coveredBy = coveringDeletion(f, deleted);
    if (coveredBy && !USER_ADDS.test(c.type) && planned.length && f.text('userId')) {
      note('covered', `nothing to undo on its own: ${coveredBy} is deleted by this undo.`);
      continue;
    }
    if (planned.length) {
      inverse.push(...planned);
      const userId = f.text('userId');
      if (USER_ADDS.test(c.type) && userId) deleted.add('user', userId);
      if (c.type === 'GroupAddRequest') deleted.add('group', f.text('serviceProviderId'), f.text('groupId'));
      if (/^ServiceProviderAddRequest/.test(c.type)) deleted.add('sp', f.text('serviceProviderId'));
      continue;
    }
    if (/Get[A-Za-z0-9]*Request/.test(c.type) || /^(VerifySessionIsValid|SystemSoftwareVersionGet)/.test(c.type)) continue; // reads
    if (coveredBy) {
      note('covered', `nothing to undo on its own: ${coveredBy} is deleted by this undo.`);
      continue;
    }
    if (/Modify/.test(c.type))
      note('modification', 'a modification: not undone (the values before it were not recorded). Restore them by hand if needed.');
    else if (/(Delete|Unassign|Remove)/.test(c.type))
      note('deletion', 'a deletion: it cannot be undone from the request. Re-create by hand if needed.');
    else note('no-inverse', 'no undo is known for this command: check by hand.');
  }
  return { commands: inverse.reverse(), notes };
}

/** The request that removes what this one created, when R25 has one and the request names it. */
function inverseOf(type: string, f: Fields, make: Make): UndoCommand[] {
  const sp = ['serviceProviderId'];
  const group = ['serviceProviderId', 'groupId'];
  if (USER_ADDS.test(type)) return f.text('userId') ? [make('UserDeleteRequest', pick(f, ['userId']))] : [];
  if (/^ServiceProviderAddRequest/.test(type)) return [make('ServiceProviderDeleteRequest', pick(f, sp))];
  switch (type) {
    case 'ServiceProviderDomainAssignListRequest':
      return [make('ServiceProviderDomainUnassignListRequest', pick(f, [...sp, 'domain']))];
    case 'ServiceProviderDnAddListRequest':
      return [make('ServiceProviderDnDeleteListRequest', pick(f, [...sp, 'phoneNumber', 'dnRange']))];
    case 'ServiceProviderServicePackAddRequest':
      return [make('ServiceProviderServicePackDeleteRequest', pick(f, [...sp, 'servicePackName']))];
    case 'GroupAddRequest':
      return [make('GroupDeleteRequest', pick(f, group))];
    case 'GroupDomainAssignListRequest':
      return [make('GroupDomainUnassignListRequest', pick(f, [...group, 'domain']))];
    case 'GroupDnAssignListRequest':
      return [make('GroupDnUnassignListRequest', pick(f, [...group, 'phoneNumber', 'dnRange']))];
    case 'GroupDepartmentAddRequest':
      return [make('GroupDepartmentDeleteRequest', pick(f, [...group, 'departmentName']))];
    case 'UserServiceAssignListRequest':
      return [make('UserServiceUnassignListRequest', pick(f, ['userId', 'serviceName', 'servicePackName']))];
  }
  if (/^GroupAccessDeviceAddRequest/.test(type) && f.text('serviceProviderId') && f.text('groupId') && f.text('deviceName'))
    return [make('GroupAccessDeviceDeleteRequest', pick(f, [...group, 'deviceName']))];
  if (/^ServiceProviderAccessDeviceAddRequest/.test(type) && f.text('deviceName'))
    return [make('ServiceProviderAccessDeviceDeleteRequest', pick(f, [...sp, 'deviceName']))];
  return [];
}

/** Records what a successful command set up, so that a later UserConsolidatedAddRequest22 knows it existed. */
function learn(type: string, f: Fields, known: Known): void {
  const sp = f.text('serviceProviderId');
  const g = f.text('groupId');
  const texts = (name: string) => f.all(name).map((e) => e.text.trim());
  const numbers = () => [...texts('phoneNumber'), ...f.all('dnRange').flatMap((r) => expand(new Fields(r)))];
  if (/^ServiceProviderAddRequest/.test(type)) known.add('spDomain', sp, f.text('defaultDomain'));
  else if (type === 'ServiceProviderDomainAssignListRequest') for (const d of texts('domain')) known.add('spDomain', sp, d);
  else if (type === 'GroupAddRequest') {
    known.add('group', sp, g);
    known.add('groupDomain', sp, g, f.text('defaultDomain'));
  } else if (type === 'GroupDomainAssignListRequest') for (const d of texts('domain')) known.add('groupDomain', sp, g, d);
  else if (type === 'GroupDnAssignListRequest') for (const n of numbers()) known.add('groupDn', sp, g, n);
  else if (/^GroupAccessDeviceAddRequest/.test(type)) known.add('device', 'Group', sp, g, f.text('deviceName'));
  else if (/^ServiceProviderAccessDeviceAddRequest/.test(type))
    known.add('device', 'Service Provider', sp, undefined, f.text('deviceName'));
  else if (type === 'GroupServiceModifyAuthorizationListRequest') {
    for (const name of ['groupServiceAuthorization', 'userServiceAuthorization'])
      for (const a of f.all(name)) known.add('groupService', sp, g, new Fields(a).text('serviceName'));
    for (const a of f.all('servicePackAuthorization')) known.add('groupPack', sp, g, new Fields(a).text('servicePackName'));
  }
}

/** "the user x@y" when the command only changes something this undo deletes as a whole. */
function coveringDeletion(f: Fields, deleted: Known): string | undefined {
  const userId = f.text('userId');
  if (userId && deleted.has('user', userId)) return `the user ${userId}`;
  const sp = f.text('serviceProviderId');
  const g = f.text('groupId');
  if (!userId && sp && g && deleted.has('group', sp, g)) return `the group ${sp}/${g}`;
  if (!userId && sp && !g && deleted.has('sp', sp)) return `the service provider ${sp}`;
  return undefined;
}
