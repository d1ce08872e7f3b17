/**
 * Command documentation shown on hover over the command name. The text for
 * UserConsolidatedAddRequest22 comes from the user's own reference document
 * (UserConsolidatedAddRequest22.seed.txt), reformatted as markdown.
 */
export const COMMAND_DOCS: Record<string, string> = {
  UserConsolidatedAddRequest22: `**UserConsolidatedAddRequest22** (extends \`OCIRequest\`)

Adds a user, creating the group and assigning services as needed. The response is either \`SuccessResponse\` or \`ErrorResponse\`.

**In AS data mode:**
- The group user limit will be increased by one if needed.
- The group will be added if it does not exist and if the command is executed by a Service Provider level administrator or above. If the group needs to be created, the \`groupProperties\` element must be set or the request will fail.
- The \`groupProperties\` element will be ignored if the group already exists.
- If the domain has not been assigned to the group, it will be added to the group if the command is executed by a Service Provider level administrator or above.
- If the domain has not been assigned to the service provider, it will be added to the service provider if the command is executed by a Provisioning level administrator or above. The command will fail otherwise.
- If the \`phoneNumber\` has not been assigned to the group and \`addPhoneNumberToGroup\` is set to true, it will be added to the group if the command is executed by a service provider administrator or above and the number is already assigned to the service provider. The command will fail otherwise.
- The \`password\` is not required if external authentication is enabled.
- Alternate user ids can be added by a group level administrator or above.
- When the \`sharedCallAppearanceAccessDeviceEndpoint\` element is included and the Shared Call Appearance is not included in the service/service pack of the request or in the "new user template", the request will fail.
- The \`userService\`/\`servicePack\` will be authorized to the group if it has not been authorized to the group if the command is executed by a Service Provider level administrator or above. The command will fail otherwise.
- The \`authorizedQuantity\` will be set to unlimited if not present.
- When thirdPartyVoiceMail elements are included and the Third Party Voice Mail Support service is not included in the service/service pack of the request or in the "new user template", the request will fail.
- When the \`sipAuthenticationData\` element is included and the Authentication service is not included in the service/service pack of the request or in the "new user template", the request will fail.

**In XS data mode:**
- Only the System level administrator has the authorization level to execute the command.
- The group will be added if it does not exist. If the group needs to be created, the \`groupProperties\` element must be set or the request will fail.
- The \`groupProperties\` element will be ignored if the group already exists.
- If the \`phoneNumber\` has not been assigned to the group, it will be added to the group and service provider if needed.
- When the \`sharedCallAppearanceAccessDeviceEndpoint\` element is included and the Shared Call Appearance is not included in the service/service pack of the request, the request will fail.
- The following elements are ignored in XS data mode: \`addPhoneNumberToGroup\`, \`nameDialingName\`, \`alternateUserId\`, \`passcode\`, \`trunkAddressing\`, \`thirdPartyVoiceMailServerSelection\`, \`thirdPartyVoiceMailServerUserServer\`, \`thirdPartyVoiceMailServerMailboxIdType\`, \`thirdPartyVoiceMailMailboxURL\`, \`sipAuthenticationData\`, \`isPlace\`.`,
  UserDeleteRequest: `**UserDeleteRequest** (extends \`OCIRequest\`)

Deletes the user with the given \`userId\`. Answered with \`SuccessResponse\` or \`ErrorResponse\`.`,
  UserGetRequest23V2: `**UserGetRequest23V2** (extends \`OCIRequest\`)

Reads the profile of the user with the given \`userId\`. Answered with \`UserGetResponse23V2\` or \`ErrorResponse\`.`,
};
