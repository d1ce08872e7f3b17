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
import { stringify } from 'yaml';
import { parseXmlTree } from '../xml';
import { readCommandXml, type CommandXmlNode } from './command-xml';
import type { CommandResultKind } from '../ocip';

/** Element values in schema order: a name → text, a nested mapping, or a list of either. */
export type UndoValue = string | UndoFields;
export interface UndoFields {
  [name: string]: UndoValue | UndoValue[];
}

export interface UndoCommand {
  command: string;
  fields: UndoFields;
  /** 0-based file position of the command this undoes. */
  undoes: number;
  /** "ServiceProviderAddRequest13mp2 northwind": what it undoes, for the comment above it. */
  what: string;
}

export type UndoNoteKind =
  'failed' | 'unknown' | 'not-sent' | 'warning' | 'modification' | 'deletion' | 'no-inverse' | 'covered' | 'maybe-created';

export interface UndoNote {
  /** 0-based file position of the command it is about. */
  index: number;
  kind: UndoNoteKind;
  text: string;
  /** A command that would undo it, written commented out: to enable only after checking the server. */
  suggestion?: UndoCommand;
}

export interface UndoPlan {
  /** In the order to send them: the reverse of the send. */
  commands: UndoCommand[];
  /** In file order. */
  notes: UndoNote[];
}

export interface UndoInput {
  index: number;
  type: string;
  /** `<command xsi:type="…" xmlns="">…</command>` as sent. */
  xml: string;
}

export interface UndoResult {
  index: number;
  kind: CommandResultKind;
  summary?: string;
}

export interface UndoOptions {
  /** XS data mode: UserConsolidatedAddRequest22 adds a missing number to the group and service provider. */
  dataMode?: 'AS' | 'XS';
}

/** The user adds of R25: each is undone by UserDeleteRequest. */
const USER_ADDS = /^User(Consolidated)?AddRequest/;

/** The command's simple values, for planning: the XML of a prepared command, parsed once. */
class Fields {
  constructor(readonly el: CommandXmlNode | undefined) {}
  text(name: string): string | undefined {
    const c = this.el?.children.find((x) => x.local === name);
    return c && !c.children.length ? c.text.trim() : undefined;
  }
  all(name: string): CommandXmlNode[] {
    return this.el?.children.filter((x) => x.local === name) ?? [];
  }
  child(name: string): Fields {
    return new Fields(this.el?.children.find((x) => x.local === name));
  }
}

function parseCommand(xml: string): Fields {
  try {
    return new Fields(readCommandXml(xml));
  } catch {
    // Not the encoder's plain shape: the general XML front end decides.
    try {
      return new Fields(parseXmlTree(xml, { undeclaredPrefixes: 'no-namespace' }));
    } catch {
      return new Fields(undefined);
    }
  }
}

/** An element as undo data: its text, or its children as a mapping (repeated names become lists). */
function toValue(el: CommandXmlNode): UndoValue {
  if (!el.children.length) return el.text.trim();
  const out: UndoFields = {};
  for (const c of el.children) add(out, c.local, toValue(c));
  return out;
}

function add(fields: UndoFields, name: string, value: UndoValue): void {
  const prev = fields[name];
  if (prev === undefined) fields[name] = value;
  else fields[name] = Array.isArray(prev) ? [...prev, value] : [prev, value];
}

/** Copies the named elements (all occurrences, in this order) from the command. */
function pick(f: Fields, names: string[]): UndoFields {
  const out: UndoFields = {};
  for (const n of names) for (const e of f.all(n)) add(out, n, toValue(e));
  return out;
}

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

/** What an earlier successful command of the same send is known to have set up. */
class Known {
  readonly set = new Set<string>();
  has(...key: (string | undefined)[]): boolean {
    return this.set.has(key.join('\0'));
  }
  add(...key: (string | undefined)[]): void {
    this.set.add(key.join('\0'));
  }
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

type Make = (command: string, fields: UndoFields) => UndoCommand;

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

/** A dnRange as its numbers (same country code, same length, at most 10,000), else nothing. */
function expand(range: Fields): string[] {
  const m1 = /^(\+\d{1,3}-)?(\d+)$/.exec(range.text('minPhoneNumber') ?? '');
  const m2 = /^(\+\d{1,3}-)?(\d+)$/.exec(range.text('maxPhoneNumber') ?? '');
  if (!m1 || !m2 || (m1[1] ?? '') !== (m2[1] ?? '') || m1[2].length !== m2[2].length) return [];
  const lo = BigInt(m1[2]);
  const hi = BigInt(m2[2]);
  if (hi < lo || hi - lo >= 10000n) return [];
  const out: string[] = [];
  for (let n = lo; n <= hi; n++) out.push(`${m1[1] ?? ''}${n.toString().padStart(m1[2].length, '0')}`);
  return out;
}

/**
 * What a user add may have created besides the user, depending on the server's state (the request's documentation):
 * the group (when groupProperties is given), the user's domain for the group and provider, the phone number for
 * the group, the access device (when deviceType is given), service authorizations, a raised user limit. A success
 * response does not say which happened, so each is listed once, with the command that would remove it.
 */
function consolidatedSideEffects(
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

/** The undo as an OCI-P YAML command file: notes as comments first, commands next, suggestions commented out last. */
export function renderUndoYaml(plan: UndoPlan, header: readonly string[] = []): string {
  const out: string[] = header.map((h) => `# ${oneLineComment(h)}`);
  if (header.length) out.push('#');
  if (plan.commands.length)
    out.push(
      `# ${plan.commands.length} command${plan.commands.length === 1 ? '' : 's'} undo what succeeded, in reverse order. Check, then send this file.`,
    );
  else out.push('# Nothing to undo: no command of the send created something that a request can remove.');
  const listed = plan.notes.filter((n) => n.kind !== 'not-sent' && n.kind !== 'covered');
  if (listed.length) {
    out.push('#', '# Not undone by this file (check these by hand):');
    for (const n of listed) out.push(`#   ${oneLineComment(n.text)}`);
  }
  const covered = plan.notes.filter((n) => n.kind === 'covered');
  if (covered.length) {
    out.push('#', '# Undone with what this file deletes:');
    for (const n of covered) out.push(`#   ${oneLineComment(n.text)}`);
  }
  const notSent = plan.notes.filter((n) => n.kind === 'not-sent').length;
  if (notSent)
    out.push(
      '#',
      `# ${notSent} command${notSent === 1 ? ' was' : 's were'} not sent: nothing to undo for ${notSent === 1 ? 'it' : 'them'}.`,
    );
  out.push('');
  plan.commands.forEach((c, i) => {
    if (i) out.push('---');
    out.push(`# undoes #${c.undoes + 1} ${oneLineComment(c.what)}`);
    out.push(commandYaml(c).trimEnd());
  });
  const suggestions = plan.notes.filter((n) => n.suggestion);
  if (suggestions.length) {
    out.push('', '# Enable (uncomment) only what you checked on the server:');
    for (const n of suggestions) {
      out.push('# ---', `# ${oneLineComment(n.text)}`);
      for (const line of commandYaml(n.suggestion!).trimEnd().split('\n')) out.push(`# ${line}`);
    }
  }
  return `${out.join('\n')}\n`;
}

function commandYaml(c: UndoCommand): string {
  return stringify({ command: c.command, ...c.fields }, { lineWidth: 0 });
}

function oneLineComment(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}
