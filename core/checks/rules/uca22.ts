/**
 * The documented AS/XS data mode and authority rules of UserConsolidatedAddRequest22
 * (the user's command document, ../shared/reference/UserConsolidatedAddRequest22.seed.txt).
 * Rules that depend on server state (does the group exist? is the domain assigned?) are reported as what
 * the editor can know: a hint or information saying what the server will need, an error only when the
 * request cannot succeed whatever the state.
 */
import type { CommandNode, ElementNode } from '../../tree/types';
import type { CheckOptions } from '../types';
import { mayDo } from './authority';
import type { RuleEmitter } from './emit';
import { SERVICE_PREREQUISITES, serviceVerdict } from './services';
import { collapsed } from './emit';
import { short } from '../values';

export const UCA22 = 'UserConsolidatedAddRequest22';

/** "The following elements are ignored in XS data mode" (seed document). */
export const UCA22_XS_IGNORED = [
  'addPhoneNumberToGroup',
  'nameDialingName',
  'alternateUserId',
  'passcode',
  'trunkAddressing',
  'thirdPartyVoiceMailServerSelection',
  'thirdPartyVoiceMailServerUserServer',
  'thirdPartyVoiceMailServerMailboxIdType',
  'thirdPartyVoiceMailMailboxURL',
  'sipAuthenticationData',
  'isPlace',
];

function top(cmd: CommandNode, name: string): ElementNode[] {
  return cmd.children.filter((c) => c.name === name);
}

export function checkUca22Rules(cmd: CommandNode, opts: CheckOptions, emit: RuleEmitter): void {
  const xs = opts.dataMode === 'XS';
  const level = opts.adminLevel;

  // "The domain is required in the userId." (this request's documentation; other commands default the domain).
  const userIdNode = top(cmd, 'userId')[0];
  const userIdText = collapsed(userIdNode?.value?.text) ?? '';
  if (userIdText && !userIdText.includes('@')) {
    emit(
      'OCI-USERID-DOMAIN',
      userIdNode.value!.span,
      `userId '${short(userIdText)}' has no @domain: the domain is required in the userId of this request.`,
    );
  }

  if (xs) {
    if (!mayDo('runCommand', level, 'XS')) {
      emit(
        'OCI-XS-SYSTEM-ONLY',
        cmd.headSpan,
        `In XS data mode only a System administrator may run ${UCA22}; the configured administrator level is ${level} (ocip.adminLevel).`,
      );
    }
    const seen = new Set<string>();
    for (const c of cmd.children) {
      if (!UCA22_XS_IGNORED.includes(c.name)) continue;
      // One diagnostic per element name, on each occurrence of a repeated element.
      emit(
        'OCI-XS-IGNORED',
        c.listIndex !== undefined ? c.span : c.nameSpan,
        `\`${c.name}\` is ignored in XS data mode${seen.has(c.name) ? '' : ': the server drops it'}.`,
        { tags: ['unnecessary'], fix: { kind: 'remove' } },
      );
      seen.add(c.name);
    }
  }

  // Group creation.
  const groupProperties = top(cmd, 'groupProperties')[0];
  const groupLabel = groupName(cmd);
  // Once per group and file (scope 'first-per-key'): a command that creates the group claims it.
  const key = groupLabel ? collapsed(groupLabel) : undefined;
  if (!groupProperties) {
    emit(
      'OCI-GROUP-PROPERTIES',
      cmd.headSpan,
      `If the group${groupLabel} does not exist yet, the request fails: add groupProperties so that the server can create it.`,
      key
        ? { fix: { kind: 'addElements', names: ['groupProperties'] }, key }
        : { fix: { kind: 'addElements', names: ['groupProperties'] } },
    );
  } else {
    if (key) emit('OCI-GROUP-PROPERTIES', cmd.headSpan, `The group ${key} is created here.`, { key, claim: true });
    if (!mayDo('createGroup', level, opts.dataMode))
      emit(
        'OCI-GROUP-CREATE-LEVEL',
        groupProperties.nameSpan,
        `Only a Service Provider administrator or above can create the group; as a ${level} administrator the group must already exist and groupProperties is ignored.`,
      );
  }

  if (!xs) {
    // Domain assignment: the editor cannot know whether the domain is assigned, so say what is needed.
    const userId = top(cmd, 'userId')[0];
    const domain = collapsed(userId?.value?.text)?.split('@')[1];
    if (userId?.value && domain && !mayDo('assignDomainToServiceProvider', level, 'AS')) {
      const needs = mayDo('assignDomainToGroup', level, 'AS')
        ? `must already be assigned to the service provider (only a Provisioning administrator or above can assign it there); the server adds it to the group if needed`
        : `must already be assigned to the group (a ${level} administrator cannot assign domains)`;
      emit('OCI-DOMAIN-LEVEL', userId.value.span, `The domain ${domain} ${needs}.`);
    }

    // Adding the phone number to the group.
    const addNumber = top(cmd, 'addPhoneNumberToGroup')[0];
    if (addNumber && !mayDo('addPhoneNumberToGroup', level, 'AS')) {
      emit(
        'OCI-ADD-NUMBER-LEVEL',
        addNumber.nameSpan,
        `addPhoneNumberToGroup needs a Service Provider administrator or above; as a ${level} administrator the command fails if the number is not already in the group.`,
        { fix: { kind: 'remove' } },
      );
    }

    // Password.
    if (!opts.externalAuthentication && top(cmd, 'password').length === 0) {
      emit(
        'OCI-PASSWORD-REQUIRED',
        cmd.headSpan,
        'A password is required (it is optional only when external authentication is enabled: ocip.externalAuthentication).',
        { fix: { kind: 'addElements', names: ['password'] } },
      );
    }

    // Alternate user ids.
    if (!mayDo('addAlternateUserIds', level, 'AS')) {
      for (const alt of top(cmd, 'alternateUserId')) {
        emit(
          'OCI-ALT-ID-LEVEL',
          alt.listIndex !== undefined ? alt.span : alt.nameSpan,
          `Alternate user ids can only be added by a Group administrator or above (configured: ${level}).`,
          { fix: { kind: 'remove' } },
        );
      }
    }

    // Authorizing services and packs to the group.
    if (!mayDo('authorizeServices', level, 'AS')) {
      for (const el of [...top(cmd, 'userService'), ...top(cmd, 'servicePack')]) {
        const what = el.name === 'userService' ? 'service' : 'service pack';
        emit(
          'OCI-SERVICE-AUTH-LEVEL',
          el.listIndex !== undefined ? el.span : el.nameSpan,
          `If this ${what} is not yet authorized to the group, the command fails: only a Service Provider administrator or above can authorize it (configured: ${level}).`,
        );
      }
    }
  }

  // Service prerequisites (in XS mode the new user template does not count).
  {
    for (const pre of SERVICE_PREREQUISITES) {
      if (xs && !pre.inXsMode) continue;
      const users = pre.elements.flatMap((n) => top(cmd, n));
      if (users.length === 0) continue;
      const verdict = serviceVerdict(cmd, pre.matches, opts, !xs);
      const first = users[0];
      const where = xs
        ? 'in the service/service pack of the request'
        : 'in the service/service pack of the request or in the new user template';
      if (verdict.status === 'absent') {
        emit(
          'OCI-SERVICE-REQUIRED',
          first.nameSpan,
          `\`${first.name}\` needs the ${pre.service} service ${where}; the request will fail without it.`,
          { fix: { kind: 'addService', service: pre.service } },
        );
      } else if (verdict.status === 'unknown') {
        const unknown = [
          ...verdict.unknownPacks.map((p) => `the contents of service pack '${p}' (ocip.servicePacks)`),
          ...(verdict.templateUnknown ? ['the new user template services (ocip.newUserTemplateServices)'] : []),
        ];
        emit(
          'OCI-SERVICE-UNVERIFIED',
          first.nameSpan,
          `Cannot verify that ${pre.service} is assigned: ${unknown.join(' and ')} ${unknown.length > 1 || verdict.templateUnknown ? 'are' : 'is'} not known. \`${first.name}\` fails without it.`,
          { fix: { kind: 'addService', service: pre.service } },
        );
      }
    }
  }

  // addPhoneNumberToGroup acts on phoneNumber.
  const addNumber = top(cmd, 'addPhoneNumberToGroup')[0];
  if (addNumber && !xs && top(cmd, 'phoneNumber').length === 0) {
    emit('OCI-ADD-NUMBER-NO-NUMBER', addNumber.nameSpan, 'addPhoneNumberToGroup has no effect without phoneNumber.', {
      fix: { kind: 'addElements', names: ['phoneNumber'] },
    });
  }
}

function groupName(cmd: CommandNode): string {
  const sp = collapsed(top(cmd, 'serviceProviderId')[0]?.value?.text);
  const g = collapsed(top(cmd, 'groupId')[0]?.value?.text);
  if (sp && g) return ` ${sp}/${g}`;
  const ext = collapsed(top(cmd, 'groupExternalId')[0]?.value?.text);
  return ext ? ` ${ext}` : '';
}
