/**
 * The simulator's provisioning data. Plain JSON, persisted to the state file.
 * Secrets are never stored: a user's password and SIP authentication password are reduced to flags.
 */

/** An authorized quantity: a number, or 'unlimited'. */
export type Quantity = number | 'unlimited';

export interface AccessDeviceState {
  name: string;
  deviceType: string;
  protocol?: string;
  macAddress?: string;
  description?: string;
}

export interface ServicePackState {
  description?: string;
  services: string[];
}

export interface GroupState {
  id: string;
  externalId?: string;
  name?: string;
  callingLineIdName?: string;
  timeZone?: string;
  defaultDomain: string;
  userLimit: number;
  domains: string[];
  phoneNumbers: string[];
  /** User and group services authorized to the group. */
  authorizedServices: Record<string, Quantity>;
  authorizedServicePacks: Record<string, Quantity>;
  departments: string[];
  /** Trunk groups of the group, by name: trunkAddressing must name one of them. */
  trunkGroups: string[];
  /** Network classes of service assigned to the group (networkClassOfService must name one); none when absent. */
  networkClassesOfService?: string[];
  accessDevices: Record<string, AccessDeviceState>;
  /** Services of the group's new user template (AS data mode). */
  newUserTemplateServices: string[];
}

export interface ServiceProviderState {
  id: string;
  name?: string;
  isEnterprise: boolean;
  resellerId?: string;
  /** Users of this service provider authenticate externally: UserConsolidatedAddRequest22 needs no password. */
  externalAuthentication: boolean;
  defaultDomain: string;
  domains: string[];
  phoneNumbers: string[];
  authorizedServices: Record<string, Quantity>;
  /** Service packs defined by the service provider: name -> services. */
  servicePacks: Record<string, ServicePackState>;
  accessDevices: Record<string, AccessDeviceState>;
  /** Enterprise-level departments (EnterpriseDepartmentKey); only an enterprise has them. */
  departments: string[];
  /** New user template services copied into groups created by the simulator. */
  newUserTemplateServices: string[];
  groups: Record<string, GroupState>;
}

export interface EndpointState {
  deviceLevel: string;
  deviceName: string;
  linePort: string;
  contacts: string[];
}

export interface TrunkAddressingState {
  trunkGroup?: { name: string; linePort: string; contacts: string[] };
  enterpriseTrunkName?: string;
  alternateTrunkIdentity?: string;
  alternateTrunkIdentityDomain?: string;
  physicalLocation?: string;
}

export interface UserState {
  userId: string;
  serviceProviderId: string;
  groupId: string;
  lastName: string;
  firstName: string;
  callingLineIdLastName: string;
  callingLineIdFirstName: string;
  hiraganaLastName?: string;
  hiraganaFirstName?: string;
  nameDialingName?: { last: string; first: string };
  phoneNumber?: string;
  extension?: string;
  callingLineIdPhoneNumber?: string;
  department?: { kind: 'GroupDepartmentKey' | 'EnterpriseDepartmentKey'; name: string };
  language?: string;
  timeZone?: string;
  aliases: string[];
  title?: string;
  pagerPhoneNumber?: string;
  mobilePhoneNumber?: string;
  emailAddress?: string;
  yahooId?: string;
  addressLocation?: string;
  /** StreetAddress elements in schema order (addressLine1 ... country), as given. */
  address?: [string, string][];
  networkClassOfService?: string;
  userExternalId?: string;
  userPersonId?: string;
  isPlace?: boolean;
  alternateUserIds: { id: string; description?: string }[];
  endpoint?: EndpointState;
  sharedCallAppearanceEndpoints: EndpointState[];
  trunkAddressing?: TrunkAddressingState;
  services: string[];
  servicePacks: string[];
  hasPassword: boolean;
  hasPasscode: boolean;
  sipAuthenticationUserName?: string;
  thirdPartyVoiceMail?: Record<string, string>;
}

export interface SimState {
  softwareVersion: string;
  defaultLanguage: string;
  defaultTimeZone: string;
  systemAccessDevices: Record<string, AccessDeviceState>;
  /** Device types the system knows (a new device must have one of them); absent: not configured, any type is taken. */
  deviceTypes?: string[];
  serviceProviders: Record<string, ServiceProviderState>;
  /** Every user, by user id (user ids are unique system-wide). */
  users: Record<string, UserState>;
}

export function emptyState(): SimState {
  return {
    softwareVersion: '25.0_1.1049',
    defaultLanguage: 'English',
    defaultTimeZone: 'America/New_York',
    systemAccessDevices: {},
    serviceProviders: {},
    users: {},
  };
}
