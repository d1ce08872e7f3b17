/**
 * OCI errors the engine raises. Texts marked "seen" come from real servers (protocol.md §5.2);
 * the others are the simulator's own plausible wording, listed in sim/README.md.
 */

export class OciError extends Error {
  constructor(
    readonly code: number,
    readonly text: string,
    readonly detail?: string,
  ) {
    super(`[Error ${code}] ${text}`);
  }

  get summary(): string {
    return `[Error ${this.code}] ${this.text}`;
  }
}

export const errors = {
  // seen
  userNotFound: (userId: string) => new OciError(4008, `User not found: ${userId}`),
  groupNotFound: (sp: string, group: string) => new OciError(4152, `Group not found: ${sp}:${group}`),
  groupExternalIdNotFound: (externalId: string) => new OciError(4152, `Group not found: ${externalId}`),
  userExists: (userId: string) => new OciError(4200, `User already exists: ${userId}`),
  invalidPassword: () => new OciError(4962, 'Invalid password'),
  accountDisabled: () => new OciError(5202, 'Account is disabled.'),
  unauthorized: (detail?: string) => new OciError(5404, 'Unauthorized transaction.', detail),
  validation: (detail: string) => new OciError(6004, 'OCI XML Request validation error', detail),
  // simulator's own wording
  notLoggedIn: () => new OciError(4021, 'Not logged in'),
  noNonce: () => new OciError(4962, 'Invalid password', 'No AuthenticationRequest preceded the login on this session.'),
  serviceProviderNotFound: (sp: string) => new OciError(4010, `Service Provider not found: ${sp}`),
  groupPropertiesRequired: (sp: string, group: string) =>
    new OciError(
      4152,
      `Group not found: ${sp}:${group}`,
      'The group does not exist and groupProperties is not set, so it cannot be created.',
    ),
  domainNotAssignedToGroup: (domain: string) => new OciError(4315, `Domain not assigned to the group: ${domain}`),
  domainNotAssignedToSp: (domain: string) => new OciError(4316, `Domain not assigned to the service provider: ${domain}`),
  numberNotInGroup: (dn: string) => new OciError(4460, `Phone number not assigned to the group: ${dn}`),
  numberNotInSp: (dn: string) => new OciError(4461, `Phone number not assigned to the service provider: ${dn}`),
  numberInUse: (dn: string) => new OciError(4462, `Phone number already assigned to a user: ${dn}`),
  serviceNotAuthorizedToSp: (service: string) => new OciError(4410, `Service not authorized to the service provider: ${service}`),
  serviceNotAuthorizedToGroup: (service: string) => new OciError(4411, `Service not authorized to the group: ${service}`),
  servicePackNotFound: (pack: string) => new OciError(4420, `Service Pack not found: ${pack}`),
  servicePackNotAuthorizedToGroup: (pack: string) => new OciError(4421, `Service Pack not authorized to the group: ${pack}`),
  serviceRequired: (service: string, element: string) =>
    new OciError(
      4430,
      `Service ${service} is required for ${element}`,
      `Add "${service}" as a userService, in a servicePack, or to the new user template.`,
    ),
  passwordRequired: () => new OciError(4965, 'Password is required'),
  departmentNotFound: (name: string) => new OciError(4310, `Department not found: ${name}`),
  // The code is the simulator's choice: the reference material gives no code for this error.
  trunkGroupNotFound: (name: string) => new OciError(4600, `Trunk Group not found: ${name}`),
  deviceNotFound: (name: string) => new OciError(4505, `Access Device not found: ${name}`),
  deviceTypeNotFound: (type: string) => new OciError(4506, `Device type not found: ${type}`),
  deviceTypesNotConfigured: () =>
    new OciError(9999, 'Command not supported by the simulator: SystemAccessDeviceTypeGetListRequest', 'The seed lists no deviceTypes.'),
  extensionInUse: (ext: string) => new OciError(4470, `Extension already in use in the group: ${ext}`),
  ncosNotAssigned: (name: string) => new OciError(4610, `Network Class of Service not assigned to the group: ${name}`),
  alternateUserIdExists: (id: string) => new OciError(4201, `Alternate user id already exists: ${id}`),
  notSupported: (type: string) =>
    new OciError(
      9999,
      `Command not supported by the simulator: ${type}`,
      `${type} is a valid request, but the simulator has no handler for it; nothing was changed.`,
    ),
  // onboarding (simulator's own wording)
  serviceProviderExists: (sp: string) => new OciError(4011, `Service Provider already exists: ${sp}`),
  groupExists: (sp: string, group: string) => new OciError(4153, `Group already exists: ${sp}:${group}`),
  domainAlreadyAssigned: (domain: string) => new OciError(4317, `Domain already assigned: ${domain}`),
  numberExists: (dn: string) => new OciError(4463, `Phone number already exists: ${dn}`),
  numberInOtherGroup: (dn: string) => new OciError(4464, `Phone number already assigned to another group: ${dn}`),
  invalidRange: (min: string, max: string) => new OciError(4465, `Invalid phone number range: ${min} - ${max}`),
  serviceInUse: (service: string) => new OciError(4412, `Service is in use and cannot be unauthorized: ${service}`),
  servicePackExists: (pack: string) => new OciError(4422, `Service Pack already exists: ${pack}`),
  deviceExists: (name: string) => new OciError(4500, `Access Device already exists: ${name}`),
  departmentExists: (name: string) => new OciError(4311, `Department already exists: ${name}`),
};
