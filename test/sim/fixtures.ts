/** Shared seed and request builders for the simulator tests. */
import type { SeedData } from '../../sim/index';
import { command } from './client';

export const PASSWORDS = {
  sys: 'Sys-Secret-913',
  prov: 'Prov-Secret-524',
  res: 'Res-Secret-377',
  sp: 'Sp-Secret-861',
  grp: 'Grp-Secret-208',
  dept: 'Dept-Secret-640',
  off: 'Off-Secret-119',
  ext: 'Ext-Secret-702',
};

export function testSeed(): SeedData {
  return {
    accounts: [
      { userId: 'sys', password: PASSWORDS.sys, level: 'System' },
      { userId: 'prov', password: PASSWORDS.prov, level: 'Provisioning' },
      { userId: 'res', password: PASSWORDS.res, level: 'Reseller', resellerId: 'r1' },
      { userId: 'sp', password: PASSWORDS.sp, level: 'Service Provider', serviceProviderId: 'sp1' },
      { userId: 'grp@sp1.example.com', password: PASSWORDS.grp, level: 'Group', serviceProviderId: 'sp1', groupId: 'g1' },
      { userId: 'dept@sp1.example.com', password: PASSWORDS.dept, level: 'Group Department', serviceProviderId: 'sp1', groupId: 'g1' },
      { userId: 'off', password: PASSWORDS.off, level: 'System', disabled: true },
      { userId: 'extsp', password: PASSWORDS.ext, level: 'Service Provider', serviceProviderId: 'extsp' },
    ],
    state: {
      serviceProviders: {
        sp1: {
          resellerId: 'r1',
          defaultDomain: 'sp1.example.com',
          domains: ['sp1.example.com', 'alt.example.com'],
          phoneNumbers: ['+1-5550001', '+1-5550002', '+1-5550003'],
          authorizedServices: ['Authentication', 'Shared Call Appearance', 'Third-Party Voice Mail Support', 'Call Waiting'],
          servicePacks: { Exec: ['Shared Call Appearance', 'Call Waiting'], Plain: ['Call Waiting'] },
          groups: {
            g1: {
              externalId: 'g1-ext',
              userLimit: 1,
              phoneNumbers: ['+1-5550001'],
              authorizedServices: ['Call Waiting'],
              departments: ['Sales'],
              accessDevices: { phone1: { deviceType: 'Polycom VVX 450' } },
              newUserTemplateServices: [],
            },
            tmpl: { userLimit: 10, newUserTemplateServices: ['Authentication', 'Third-Party Voice Mail Support'] },
          },
        },
        extsp: { defaultDomain: 'ext.example.com', externalAuthentication: true, groups: { eg: { userLimit: 5 } } },
      },
    },
  };
}

export interface Uca22Parts {
  sp?: string;
  group?: string;
  userId: string;
  groupProperties?: string;
  /** Elements placed after callingLineIdFirstName (in schema order). */
  middle?: string;
  password?: string | null;
  /** Elements placed after password (in schema order). */
  tail?: string;
}

/** A UserConsolidatedAddRequest22 command with the required elements plus extras, in schema order. */
export function uca22(p: Uca22Parts): string {
  const locator = `<serviceProviderId>${p.sp ?? 'sp1'}</serviceProviderId><groupId>${p.group ?? 'g1'}</groupId>`;
  return command(
    'UserConsolidatedAddRequest22',
    locator +
      (p.groupProperties ?? '') +
      `<userId>${p.userId}</userId>` +
      '<lastName>Doe</lastName><firstName>Jane</firstName><callingLineIdLastName>Doe</callingLineIdLastName><callingLineIdFirstName>Jane</callingLineIdFirstName>' +
      (p.middle ?? '') +
      (p.password === null ? '' : `<password>${p.password ?? 'User-Pass-55'}</password>`) +
      (p.tail ?? ''),
  );
}

export const GROUP_PROPERTIES =
  '<groupProperties><defaultDomain>sp1.example.com</defaultDomain><userLimit>5</userLimit><groupName>New group</groupName></groupProperties>';
