/**
 * Short field descriptions, written for this project (no XSD prose), for every element
 * of the built-in model. Hover shows the model's own `doc` when a user's schema was
 * compiled with documentation, and these otherwise.
 */
import { COMMAND_DOCS } from './command-docs';
import { commandSummary } from './command-summary';
import { ModelIndex } from './model-index';
import type { OcipModel } from './types';

/** Descriptions by element name, used whatever type the element is in. */
const BY_NAME: Record<string, string> = {
  // UserConsolidatedAddRequest22
  serviceProviderId: 'Service provider (or enterprise) the group belongs to.',
  groupId: 'Group the user is added to, within the service provider.',
  groupExternalId: 'External id of the group; use instead of serviceProviderId + groupId.',
  groupProperties: 'Settings for creating the group when it does not exist yet; ignored if it exists.',
  userId: 'The user id, usually in user@domain form.',
  userExternalId: 'Identifier of the user in an external system.',
  userPersonId: 'Identifier of the person behind the user account (newer releases only).',
  addPhoneNumberToGroup: 'Add phoneNumber to the group when it is not there yet; only true is allowed.',
  lastName: "User's last name.",
  firstName: "User's first name.",
  callingLineIdLastName: 'Last name presented as caller id.',
  callingLineIdFirstName: 'First name presented as caller id.',
  nameDialingName: 'Name used for dial-by-name lookups, when it differs from the real name.',
  hiraganaLastName: 'Last name written in Hiragana (Japanese deployments).',
  hiraganaFirstName: 'First name written in Hiragana (Japanese deployments).',
  phoneNumber: 'Primary phone number (DN) of the user.',
  alternateUserId: 'Additional user id the user can sign in with (up to 4).',
  extension: 'Extension dialled within the group to reach the user.',
  callingLineIdPhoneNumber: 'Number presented as caller id instead of the primary number.',
  password: 'Web/portal password for the account.',
  passcode: 'Portal passcode.',
  department: 'Department of the user; needs xsi:type GroupDepartmentKey or EnterpriseDepartmentKey.',
  language: 'Language for announcements and the user interface.',
  timeZone: 'Time zone name, e.g. America/New_York.',
  alias: 'Extra SIP URI the user can be reached at (up to 3).',
  accessDeviceEndpoint: 'Device and line/port the user registers on (alternative to trunkAddressing).',
  trunkAddressing: 'Trunk group addressing for a trunk user (alternative to accessDeviceEndpoint).',
  sharedCallAppearanceAccessDeviceEndpoint: 'Extra device endpoint sharing the line (needs Shared Call Appearance).',
  title: "User's job title.",
  pagerPhoneNumber: 'Pager number.',
  mobilePhoneNumber: 'Mobile number (a dialable number, not a SIP URL).',
  emailAddress: 'E-mail address.',
  yahooId: 'Yahoo messenger id.',
  addressLocation: 'Free-text location, such as a building or room.',
  address: 'Postal address.',
  networkClassOfService: 'Network class of service name.',
  userService: 'A user service to assign, with an optional authorized quantity.',
  servicePack: 'A service pack to assign, with an optional authorized quantity.',
  thirdPartyVoiceMailServerSelection: 'Which mail server third-party voice mail uses: the group one or a user-specific one.',
  thirdPartyVoiceMailServerUserServer: 'The user-specific third-party voice mail server.',
  thirdPartyVoiceMailServerMailboxIdType: 'How the third-party mailbox is identified: by phone number or by URL.',
  thirdPartyVoiceMailMailboxURL: 'Mailbox URL when the mailbox is identified by URL.',
  sipAuthenticationData: 'SIP digest credentials of the user (needs the Authentication service).',
  isPlace: 'Whether the user is a place rather than a person (not in every release).',
  // ConsolidatedGroupProperties
  defaultDomain: 'Default domain of the new group.',
  userLimit: 'Maximum number of users in the new group.',
  groupName: 'Display name of the new group.',
  callingLineIdName: 'Caller id name used for the group.',
  locationDialingCode: 'Location code dialled to reach the group from other locations.',
  contact: 'Contact person for the group.',
  defaultNetworkClassOfService: 'Default network class of service of the group.',
  groupService: 'A group service to authorize and assign to the new group.',
  servicePolicy: 'Service policy name applied to the group.',
  // Contact
  contactName: 'Name of the contact person.',
  contactNumber: 'Phone number of the contact person.',
  contactEmail: 'E-mail address of the contact person.',
  // StreetAddress
  addressLine1: 'First line of the street address.',
  addressLine2: 'Second line of the street address.',
  city: 'City.',
  stateOrProvince: 'State or province code.',
  stateOrProvinceDisplayName: 'State or province as displayed.',
  zipOrPostalCode: 'ZIP or postal code.',
  country: 'Country.',
  // DefaultNetworkClassOfService
  useExisting: 'Keep the existing default; only true is allowed.',
  networkClassOfServiceName: 'Name of the network class of service to use.',
  // Service assignments
  groupServiceName: 'Group service name.',
  userServiceName: 'User service name.',
  servicePackName: 'Service pack name.',
  authorizedQuantity: 'How many may be authorized: unlimited or a quantity (default unlimited).',
  unlimited: 'No limit; only true is allowed.',
  quantity: 'Number authorized (1 or more).',
  // NameDialingName
  nameDialingLastName: 'Last name used for dial-by-name.',
  nameDialingFirstName: 'First name used for dial-by-name.',
  // AlternateUserIdEntry
  description: 'Free-text description.',
  // Department keys
  name: 'Name.',
  // Endpoints
  accessDevice: 'The access device (created if it does not exist).',
  linePort: 'Line/port of the endpoint, usually user@domain (its public identity).',
  privateIdentity: 'Private identity used to authenticate the endpoint.',
  portNumber: 'Port on the device, for devices with static line ordering.',
  deviceType: 'Device type, used only when the device is created.',
  protocol: 'Signalling protocol of the device, used only when the device is created.',
  netAddress: 'Host name or IP address of the device, used only when the device is created.',
  port: 'SIP port of the device (1025-65535), used only when the device is created.',
  outboundProxyServerNetAddress: 'Outbound proxy of the device, used only when the device is created.',
  stunServerNetAddress: 'STUN server of the device, used only when the device is created.',
  macAddress: 'MAC address of the device (at most 12 characters), used only when the device is created.',
  serialNumber: 'Serial number of the device, used only when the device is created.',
  physicalLocation: 'Where the device physically is, used only when the device is created.',
  transportProtocol: 'SIP transport (UDP, TCP, ...), used only when the device is created.',
  useCustomUserNamePassword:
    'Use the credentials below for device management instead of the defaults, used only when the device is created.',
  accessDeviceCredentials: 'Device management user name and password, used only when the device is created.',
  useHotline: 'Dial hotlineContact as soon as the phone goes off hook (AS only; send false in XS mode).',
  hotlineContact: 'SIP URI the hotline dials.',
  isActive: 'Whether this shared appearance is active.',
  allowOrigination: 'Whether calls may be made from this shared appearance.',
  allowTermination: 'Whether calls ring on this shared appearance.',
  // AccessDevice
  deviceLevel: 'Level the device is defined at: System, Service Provider or Group.',
  deviceName: 'Name of the device at that level.',
  // Credentials
  userName: 'User name.',
  sipAuthenticationUserName: 'SIP digest authentication user name.',
  sipAuthenticationPassword: 'SIP digest authentication password.',
  // Trunk addressing
  trunkGroupDeviceEndpoint: 'Endpoint of the user on a trunk group.',
  enterpriseTrunkName: 'Enterprise trunk the user belongs to.',
  alternateTrunkIdentity: 'Alternate identity of the user on the trunk.',
  alternateTrunkIdentityDomain: 'Domain part of the alternate trunk identity.',
  // ErrorResponse
  errorCode: 'Numeric error code.',
  summary: 'Error text in the requested language.',
  summaryEnglish: 'Error text in English.',
  detail: 'Further detail about the error.',
};

/** Descriptions that depend on the type the element is in: "TypeName.elementName". */
const BY_TYPE: Record<string, string> = {
  'ConsolidatedAccessDeviceMultipleIdentityEndpointAndContactAdd22.contact':
    'SIP contact of the endpoint; more than one only for static-registration devices, and one in XS mode.',
  'ConsolidatedSharedCallAppearanceAccessDeviceMultipleIdentityEndpointAdd22.contact': 'SIP contact of the endpoint.',
  'TrunkGroupDeviceMultipleContactEndpointAdd.contact': 'SIP contact of the trunk group endpoint.',
  'ConsolidatedSharedCallAppearanceAccessDeviceMultipleIdentityEndpointAdd22.privateIdentity':
    'Private identity of the endpoint (used in XS mode only).',
  'AlternateUserIdEntry.alternateUserId': 'The alternate user id.',
  'AlternateUserIdEntry.description': 'Note describing the alternate id.',
  'ConsolidatedAccessDeviceMultipleIdentityEndpointAndContactAdd22.description':
    'Description of the device, used only when the device is created.',
  'ConsolidatedSharedCallAppearanceAccessDeviceMultipleIdentityEndpointAdd22.description':
    'Description of the device, used only when the device is created.',
  'GroupDepartmentKey.name': 'Department name within the group.',
  'EnterpriseDepartmentKey.name': 'Department name within the enterprise.',
  'GroupDepartmentKey.serviceProviderId': 'Service provider of the group that owns the department.',
  'GroupDepartmentKey.groupId': 'Group that owns the department.',
  'EnterpriseDepartmentKey.serviceProviderId': 'Enterprise that owns the department.',
  'TrunkGroupDeviceMultipleContactEndpointAdd.name': 'Trunk group name.',
  'TrunkGroupDeviceMultipleContactEndpointAdd.linePort': 'Line/port of the user on the trunk group.',
  'ConsolidatedGroupProperties.timeZone': 'Time zone of the new group.',
  'ConsolidatedGroupProperties.address': 'Postal address of the new group.',
  'ConsolidatedGroupProperties.networkClassOfService': 'A network class of service to assign to the new group.',
  'DeviceManagementUserNamePassword16.password': 'Device management password.',
  'DeviceManagementUserNamePassword16.userName': 'Device management user name.',
  'TrunkAddressingMultipleContactAdd.physicalLocation': 'Physical location of the trunk user (AS only).',
  'UserDeleteRequest.userId': 'The user to delete.',
  'UserGetRequest23V2.userId': 'The user to read.',
};

/** Our own description of an element, or undefined when we have none. */
export function builtinElementDescription(typeName: string, elementName: string): string | undefined {
  return BY_TYPE[`${typeName}.${elementName}`] ?? BY_NAME[elementName];
}

/**
 * The description to show for element `elementName` in type `typeName`: the schema's own
 * documentation when the model has it (a user's schema compiled with docs), else ours.
 */
export function describeElement(typeName: string, elementName: string, model?: ModelIndex | OcipModel): string | undefined {
  if (model) {
    const doc = indexOf(model).childDecl(typeName, elementName)?.doc;
    if (doc) return doc;
  }
  return builtinElementDescription(typeName, elementName);
}

const indexes = new WeakMap<OcipModel, ModelIndex>();
function indexOf(model: ModelIndex | OcipModel): ModelIndex {
  if (model instanceof ModelIndex) return model;
  let index = indexes.get(model);
  if (!index) indexes.set(model, (index = new ModelIndex(model)));
  return index;
}

/** Markdown documentation of a command type, when we have it. */
export function commandDoc(commandName: string, model?: ModelIndex | OcipModel): string | undefined {
  const ours = COMMAND_DOCS[commandName];
  if (ours) return ours;
  if (!model) return undefined;
  const index = indexOf(model);
  // A user schema's own documentation; else our summary of the type facts (the built-in model has no docs).
  return index.complexType(commandName)?.doc ?? commandSummary(commandName, index);
}

/** Every element name we describe (for tests and completion). */
export function describedElementNames(): string[] {
  return Object.keys(BY_NAME);
}
