/** Reads a UserConsolidatedAddRequest22 element into plain data, dropping what the data mode ignores. */
import { child, childrenNamed, childText, collapse, isTrue, type XElement } from '../../xml/parse';
import type { Quantity, TrunkAddressingState } from '../state';
import type { DataMode } from '../context';
import { UCA22_XS_IGNORED } from '../../../core/checks/rules/uca22';

/** Elements the request documentation says are ignored in XS data mode (the same list the editor uses). */
export const IGNORED_IN_XS = UCA22_XS_IGNORED;

const THIRD_PARTY_VM = IGNORED_IN_XS.filter((n) => n.startsWith('thirdPartyVoiceMail'));

export interface EndpointRequest {
  deviceLevel: string;
  deviceName: string;
  linePort: string;
  contacts: string[];
  deviceType?: string;
  protocol?: string;
  macAddress?: string;
  description?: string;
}

export interface GroupPropertiesRequest {
  defaultDomain: string;
  userLimit: number;
  groupName?: string;
  callingLineIdName?: string;
  timeZone?: string;
  groupServices: { name: string; quantity: Quantity }[];
}

const STREET_ADDRESS = [
  'addressLine1',
  'addressLine2',
  'city',
  'stateOrProvince',
  'stateOrProvinceDisplayName',
  'zipOrPostalCode',
  'country',
];

export interface Uca22Request {
  serviceProviderId?: string;
  groupId?: string;
  groupExternalId?: string;
  groupProperties?: GroupPropertiesRequest;
  userId: string;
  fields: Record<string, string | undefined>;
  addPhoneNumberToGroup: boolean;
  nameDialingName?: { last: string; first: string };
  alternateUserIds: { id: string; description?: string }[];
  password?: string;
  passcode?: string;
  /** The department key as written: its own serviceProviderId (and groupId for a group department). */
  department?: { kind: string; serviceProviderId?: string; groupId?: string; name: string };
  /** StreetAddress elements in schema order, as given. */
  address?: [string, string][];
  trunkAddressing?: TrunkAddressingState;
  aliases: string[];
  endpoint?: EndpointRequest;
  hasTrunkAddressing: boolean;
  scaEndpoints: EndpointRequest[];
  userServices: { name: string; quantity: Quantity }[];
  servicePacks: { name: string; quantity: Quantity }[];
  thirdPartyVoiceMail: Record<string, string>;
  sipAuthentication?: { userName: string };
  isPlace?: boolean;
}

/** Plain top-level text fields copied onto the user. */
const TEXT_FIELDS = [
  'userExternalId',
  'userPersonId',
  'lastName',
  'firstName',
  'callingLineIdLastName',
  'callingLineIdFirstName',
  'hiraganaLastName',
  'hiraganaFirstName',
  'phoneNumber',
  'extension',
  'callingLineIdPhoneNumber',
  'language',
  'timeZone',
  'title',
  'pagerPhoneNumber',
  'mobilePhoneNumber',
  'emailAddress',
  'yahooId',
  'addressLocation',
  'networkClassOfService',
];

function quantity(el: XElement): Quantity {
  const q = child(el, 'authorizedQuantity');
  if (!q) return 'unlimited';
  const n = childText(q, 'quantity');
  return n !== undefined ? parseInt(n, 10) : 'unlimited';
}

function endpoint(el: XElement): EndpointRequest {
  const dev = child(el, 'accessDevice');
  return {
    deviceLevel: (dev && childText(dev, 'deviceLevel')) ?? 'Group',
    deviceName: (dev && childText(dev, 'deviceName')) ?? '',
    linePort: childText(el, 'linePort') ?? '',
    contacts: childrenNamed(el, 'contact').map((c) => collapse(c.text)),
    deviceType: childText(el, 'deviceType'),
    protocol: childText(el, 'protocol'),
    macAddress: childText(el, 'macAddress'),
    description: childText(el, 'description'),
  };
}

export function readUca22(cmd: XElement, mode: DataMode): Uca22Request {
  const present = (name: string) => mode === 'AS' || !IGNORED_IN_XS.includes(name);
  const get = (name: string) => (present(name) ? childText(cmd, name) : undefined);
  const gp = child(cmd, 'groupProperties');
  const dept = child(cmd, 'department');
  const sip = present('sipAuthenticationData') ? child(cmd, 'sipAuthenticationData') : undefined;
  const ep = child(cmd, 'accessDeviceEndpoint');
  const isPlace = get('isPlace');
  const deptType = dept?.attributes.find((a) => a.local === 'type')?.value.replace(/^.*:/, '');
  return {
    serviceProviderId: childText(cmd, 'serviceProviderId'),
    groupId: childText(cmd, 'groupId'),
    groupExternalId: childText(cmd, 'groupExternalId'),
    groupProperties: gp && {
      defaultDomain: childText(gp, 'defaultDomain') ?? '',
      userLimit: parseInt(childText(gp, 'userLimit') ?? '1', 10),
      groupName: childText(gp, 'groupName'),
      callingLineIdName: childText(gp, 'callingLineIdName'),
      timeZone: childText(gp, 'timeZone'),
      groupServices: childrenNamed(gp, 'groupService').map((s) => ({
        name: childText(s, 'groupServiceName') ?? '',
        quantity: quantity(s),
      })),
    },
    userId: childText(cmd, 'userId') ?? '',
    fields: Object.fromEntries(TEXT_FIELDS.map((f) => [f, get(f)])),
    addPhoneNumberToGroup: isTrue(get('addPhoneNumberToGroup')),
    nameDialingName: (() => {
      const n = present('nameDialingName') ? child(cmd, 'nameDialingName') : undefined;
      return n && { last: childText(n, 'nameDialingLastName') ?? '', first: childText(n, 'nameDialingFirstName') ?? '' };
    })(),
    alternateUserIds: present('alternateUserId')
      ? childrenNamed(cmd, 'alternateUserId').map((a) => ({
          id: childText(a, 'alternateUserId') ?? '',
          description: childText(a, 'description'),
        }))
      : [],
    password: get('password'),
    passcode: get('passcode'),
    department: dept && {
      kind: deptType ?? 'GroupDepartmentKey',
      serviceProviderId: childText(dept, 'serviceProviderId'),
      groupId: childText(dept, 'groupId'),
      name: childText(dept, 'name') ?? '',
    },
    address: (() => {
      const a = child(cmd, 'address');
      return (
        a &&
        STREET_ADDRESS.flatMap((n): [string, string][] => {
          const v = childText(a, n);
          return v === undefined ? [] : [[n, v]];
        })
      );
    })(),
    trunkAddressing: (() => {
      const t = present('trunkAddressing') ? child(cmd, 'trunkAddressing') : undefined;
      if (!t) return undefined;
      const tg = child(t, 'trunkGroupDeviceEndpoint');
      return {
        trunkGroup: tg && {
          name: childText(tg, 'name') ?? '',
          linePort: childText(tg, 'linePort') ?? '',
          contacts: childrenNamed(tg, 'contact').map((c) => collapse(c.text)),
        },
        enterpriseTrunkName: childText(t, 'enterpriseTrunkName'),
        alternateTrunkIdentity: childText(t, 'alternateTrunkIdentity'),
        alternateTrunkIdentityDomain: childText(t, 'alternateTrunkIdentityDomain'),
        // physicalLocation is AS only (ignored in XS data mode).
        physicalLocation: mode === 'AS' ? childText(t, 'physicalLocation') : undefined,
      };
    })(),
    aliases: childrenNamed(cmd, 'alias').map((a) => collapse(a.text)),
    endpoint: ep && endpoint(ep),
    hasTrunkAddressing: present('trunkAddressing') && child(cmd, 'trunkAddressing') !== undefined,
    scaEndpoints: childrenNamed(cmd, 'sharedCallAppearanceAccessDeviceEndpoint').map(endpoint),
    userServices: childrenNamed(cmd, 'userService').map((s) => ({ name: childText(s, 'userServiceName') ?? '', quantity: quantity(s) })),
    servicePacks: childrenNamed(cmd, 'servicePack').map((s) => ({ name: childText(s, 'servicePackName') ?? '', quantity: quantity(s) })),
    thirdPartyVoiceMail: Object.fromEntries(
      THIRD_PARTY_VM.filter((n) => present(n) && child(cmd, n)).map((n) => [n, childText(cmd, n) ?? '']),
    ),
    sipAuthentication: sip && { userName: childText(sip, 'sipAuthenticationUserName') ?? '' },
    isPlace: isPlace === undefined ? undefined : isTrue(isPlace),
  };
}
