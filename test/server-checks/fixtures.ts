/**
 * A realistic service provider in the simulator, UserConsolidatedAddRequest22 documents to check and send, and the
 * "check, then send, then compare" step every agreement test uses. Everything goes over TCP to a real simulator.
 */
import assert from 'node:assert/strict';
import { startSimulator, type RunningSimulator, type SeedData } from '../../sim/index';
import { builtinModel } from '../../core/model';
import { DEFAULT_CHECK_OPTIONS, type AdminLevel, type Diagnostic } from '../../core/checks/types';
import { parseSource } from '../../core/syntax';
import { prepareSend, runSend, type ServerConfig } from '../../core/send';
import { runServerCheck, ServerStateCache, type ServerCheckOutcome } from '../../core/server-checks';

export const ACCOUNTS = {
  sys: { userId: 'sysadmin', password: 'Chk-Sys-Secret-301', level: 'System' },
  sp: { userId: 'spadmin', password: 'Chk-Sp-Secret-302', level: 'Service Provider', serviceProviderId: 'acme' },
  grp: {
    userId: 'groupadmin@acme.example.com',
    password: 'Chk-Grp-Secret-303',
    level: 'Group',
    serviceProviderId: 'acme',
    groupId: 'acme-hq',
  },
} as const;
export type Who = keyof typeof ACCOUNTS;

export function checkSeed(): SeedData {
  return {
    accounts: Object.values(ACCOUNTS).map((a) => ({ ...a })),
    state: {
      deviceTypes: ['Polycom VVX 450', 'Yealink T54W'],
      serviceProviders: {
        acme: {
          name: 'Acme Telecom Customers',
          isEnterprise: true,
          departments: ['Engineering'],
          defaultDomain: 'acme.example.com',
          domains: ['acme.example.com', 'voice.acme.example.com'],
          phoneNumbers: ['+1-2125550100', '+1-2125550101', '+1-2125550102', '+1-2125550103', '+1-2125550104'],
          authorizedServices: {
            Authentication: 'unlimited',
            'Shared Call Appearance': 'unlimited',
            'Third-Party Voice Mail Support': 'unlimited',
            'Voice Messaging User': 'unlimited',
            'Call Forwarding Always': 'unlimited',
            'Call Waiting': 'unlimited',
          },
          servicePacks: {
            Basic: { description: 'Basic calling', services: ['Call Forwarding Always', 'Call Waiting'] },
            Executive: {
              description: 'Desk phone with SCA',
              services: ['Authentication', 'Shared Call Appearance', 'Voice Messaging User'],
            },
          },
          newUserTemplateServices: ['Authentication'],
          groups: {
            'acme-hq': {
              name: 'Acme Headquarters',
              defaultDomain: 'acme.example.com',
              userLimit: 50,
              domains: ['acme.example.com'],
              phoneNumbers: ['+1-2125550100', '+1-2125550101'],
              authorizedServices: { Authentication: 'unlimited', 'Call Waiting': 'unlimited' },
              authorizedServicePacks: { Basic: 'unlimited' },
              departments: ['Sales', 'Support'],
              trunkGroups: ['hq-pbx'],
              networkClassesOfService: ['Standard'],
              accessDevices: { 'hq-lobby-phone': { deviceType: 'Polycom VVX 450' } },
              newUserTemplateServices: ['Authentication'],
            },
            'acme-branch': { userLimit: 10, phoneNumbers: ['+1-2125550104'] },
          },
        },
      },
    },
  } as unknown as SeedData;
}

export async function startCheckSimulator(dataMode: 'AS' | 'XS' = 'AS'): Promise<RunningSimulator & { requests: string[] }> {
  const requests: string[] = [];
  const sim = await startSimulator({
    tcpPort: 0,
    dataMode,
    seed: checkSeed(),
    // Every command type the simulator receives, in order: the proof of what a check sends.
    log: (line) => {
      if (/ request: /.test(line)) for (const m of line.matchAll(/xsi:type="([A-Za-z0-9]+)"/g)) requests.push(m[1]);
    },
  });
  return Object.assign(sim, { requests });
}

export function serverFor(sim: RunningSimulator, who: Who): ServerConfig {
  return { name: 'lab', host: '127.0.0.1', port: sim.ports.tcp, transport: 'tcp', username: ACCOUNTS[who].userId, production: false };
}

const el = (name: string, value: string) => `<${name}>${value}</${name}>`;

export interface Uca {
  sp?: string;
  group?: string;
  groupProperties?: string;
  userId: string;
  addPhoneNumberToGroup?: boolean;
  phoneNumber?: string;
  alternateUserId?: string;
  extension?: string;
  department?: string;
  alias?: string;
  endpoint?: string;
  trunk?: string;
  sca?: string;
  ncos?: string;
  services?: string[];
  packs?: string[];
  thirdPartyVoiceMail?: boolean;
  sipAuthentication?: boolean;
}

/** One UserConsolidatedAddRequest22, valid by the schema, elements in schema order. */
export function uca(p: Uca): string {
  return (
    `<command xsi:type="UserConsolidatedAddRequest22" xmlns="">` +
    el('serviceProviderId', p.sp ?? 'acme') +
    el('groupId', p.group ?? 'acme-hq') +
    (p.groupProperties ?? '') +
    el('userId', p.userId) +
    (p.addPhoneNumberToGroup ? el('addPhoneNumberToGroup', 'true') : '') +
    el('lastName', 'Doe') +
    el('firstName', 'Jane') +
    el('callingLineIdLastName', 'Doe') +
    el('callingLineIdFirstName', 'Jane') +
    (p.phoneNumber ? el('phoneNumber', p.phoneNumber) : '') +
    (p.alternateUserId ? `<alternateUserId>${el('alternateUserId', p.alternateUserId)}</alternateUserId>` : '') +
    (p.extension ? el('extension', p.extension) : '') +
    el('password', 'User-Pass-8812!') +
    (p.department ?? '') +
    (p.alias ? el('alias', p.alias) : '') +
    (p.endpoint ?? '') +
    (p.trunk
      ? `<trunkAddressing><trunkGroupDeviceEndpoint>${el('name', p.trunk)}${el('linePort', `${p.userId}.tg`)}</trunkGroupDeviceEndpoint></trunkAddressing>`
      : '') +
    (p.sca ?? '') +
    (p.ncos ? el('networkClassOfService', p.ncos) : '') +
    (p.services ?? []).map((s) => `<userService>${el('userServiceName', s)}</userService>`).join('') +
    (p.packs ?? []).map((s) => `<servicePack>${el('servicePackName', s)}</servicePack>`).join('') +
    (p.thirdPartyVoiceMail ? el('thirdPartyVoiceMailServerSelection', 'Group Mail Server') : '') +
    (p.sipAuthentication
      ? `<sipAuthenticationData>${el('sipAuthenticationUserName', 'jdoe-auth')}${el('sipAuthenticationPassword', 'Sip-Pass-7731')}</sipAuthenticationData>`
      : '') +
    '</command>'
  );
}

export const endpoint = (device: string, deviceType?: string) =>
  `<accessDeviceEndpoint><accessDevice>${el('deviceLevel', 'Group')}${el('deviceName', device)}</accessDevice>` +
  `${el('linePort', `${device}-1@acme.example.com`)}${deviceType ? el('deviceType', deviceType) : ''}${el('useHotline', 'false')}</accessDeviceEndpoint>`;
export const scaEndpoint = (device: string) =>
  `<sharedCallAppearanceAccessDeviceEndpoint><accessDevice>${el('deviceLevel', 'Group')}${el('deviceName', device)}</accessDevice>` +
  `${el('linePort', `${device}-sca@acme.example.com`)}${el('isActive', 'true')}${el('allowOrigination', 'true')}${el('allowTermination', 'true')}` +
  `${el('useHotline', 'false')}</sharedCallAppearanceAccessDeviceEndpoint>`;
export const groupDept = (name: string) =>
  `<department xsi:type="GroupDepartmentKey">${el('serviceProviderId', 'acme')}${el('groupId', 'acme-hq')}${el('name', name)}</department>`;
export const enterpriseDept = (name: string) =>
  `<department xsi:type="EnterpriseDepartmentKey">${el('serviceProviderId', 'acme')}${el('name', name)}</department>`;
export const groupProps = (domain = 'acme.example.com') =>
  `<groupProperties>${el('defaultDomain', domain)}${el('userLimit', '10')}${el('groupName', 'New group')}</groupProperties>`;

export function document(commands: string[]): string {
  return (
    '<?xml version="1.0" encoding="UTF-8"?>\n<BroadsoftDocument protocol="OCI" xmlns="C" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
    `<sessionId xmlns="">check-test</sessionId>\n${commands.join('\n')}\n</BroadsoftDocument>\n`
  );
}

export interface CheckOptions {
  newUserTemplateServices?: string[];
  cache?: ServerStateCache;
}

export async function check(sim: RunningSimulator, who: Who, text: string, o: CheckOptions = {}): Promise<ServerCheckOutcome> {
  return runServerCheck({
    server: serverFor(sim, who),
    password: ACCOUNTS[who].password,
    file: parseSource(text, 'xml'),
    dataMode: sim.dataMode,
    adminLevel: 'System' as AdminLevel,
    newUserTemplateServices: o.newUserTemplateServices,
    cache: o.cache ?? new ServerStateCache({ ttlSeconds: 300 }),
  });
}

/** Sends the file's commands (it must have no schema or rule errors) and returns each command's outcome. */
export async function send(sim: RunningSimulator, who: Who, text: string): Promise<{ kind: string; summary?: string }[]> {
  const prepared = prepareSend(text, 'xml', builtinModel(), {
    checks: { ...DEFAULT_CHECK_OPTIONS, dataMode: sim.dataMode, adminLevel: ACCOUNTS[who].level as AdminLevel },
  });
  assert.deepEqual(
    prepared.errors.map((e) => `${e.code} ${e.message}`),
    [],
    'the test document must be sendable',
  );
  const outcome = await runSend({ server: serverFor(sim, who), password: ACCOUNTS[who].password, commands: prepared.commands });
  assert.equal(outcome.failure, undefined);
  return outcome.rows.map((r) => ({ kind: r.kind, summary: r.summary }));
}

/** The text a diagnostic points at. */
export const at = (text: string, d: Diagnostic) => text.slice(d.span.start, d.span.end);

export const serverErrors = (o: ServerCheckOutcome, command?: number) =>
  o.diagnostics.filter((d) => d.severity === 'error' && (command === undefined || d.command === command));

/**
 * Check, then send, then compare, command by command: a command has a server error exactly when the server
 * then refuses it. Returns the check's outcome for the caller's own assertions.
 */
export async function checkSendAgree(sim: RunningSimulator, who: Who, commands: string[], o: CheckOptions = {}) {
  const text = document(commands);
  const checked = await check(sim, who, text, o);
  assert.equal(checked.failure, undefined, JSON.stringify(checked.failure));
  const sent = await send(sim, who, text);
  sent.forEach((row, i) => {
    const errors = serverErrors(checked, i).map((d) => `${d.code}: ${d.message}`);
    assert.equal(
      errors.length > 0,
      row.kind === 'error',
      `command ${i + 1}: check said ${errors.length ? errors.join('; ') : 'no error'}, the server answered ${row.kind} ${row.summary ?? ''}`,
    );
  });
  return { text, checked, sent };
}
