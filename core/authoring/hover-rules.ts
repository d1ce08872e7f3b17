/**
 * Which documented mode and authority rules concern an element, for hovers. The rules themselves live in
 * core/checks (registry + rules/); this table only says which element each one is about, in one line.
 */
import { RULES_BY_CODE } from '../checks/registry';
import { modeNotesOf, type ModeNote, type ModeNotesModel } from '../checks/rules/doc-modes';
import { docModeCode } from '../checks/rules/doc-modes-check';
import type { ComplexType } from '../model/types';
import { SERVICE_PREREQUISITES } from '../checks/rules/services';
import { UCA22, UCA22_XS_IGNORED } from '../checks/rules/uca22';

export interface RuleNote {
  code: string;
  /** 'AS' / 'XS' when the note applies in one data mode only. */
  mode?: 'AS' | 'XS';
  text: string;
}

interface Entry {
  /** Top-level element of this command, or element of this (resolved) parent type. */
  command?: string;
  parentTypes?: string[];
  elements: string[];
  code: string;
  text: string;
}

const ENDPOINT = 'ConsolidatedAccessDeviceMultipleIdentityEndpointAndContactAdd22';
const SCA_ENDPOINT = 'ConsolidatedSharedCallAppearanceAccessDeviceMultipleIdentityEndpointAdd22';
const TRUNK = 'TrunkAddressingMultipleContactAdd';

const TABLE: Entry[] = [
  {
    command: UCA22,
    elements: ['groupProperties'],
    code: 'OCI-GROUP-PROPERTIES',
    text: 'Required when the group must be created (the request fails without it); ignored when the group already exists.',
  },
  {
    command: UCA22,
    elements: ['groupProperties'],
    code: 'OCI-GROUP-CREATE-LEVEL',
    text: 'Creating the group needs a Service Provider administrator or above.',
  },
  {
    command: UCA22,
    elements: ['userId'],
    code: 'OCI-DOMAIN-LEVEL',
    text: 'An unassigned domain is assigned to the group (Service Provider admin or above) or to the service provider (Provisioning admin or above); otherwise the command fails.',
  },
  {
    command: UCA22,
    elements: ['addPhoneNumberToGroup'],
    code: 'OCI-ADD-NUMBER-LEVEL',
    text: 'If the number is not yet in the group, adding it needs a Service Provider administrator or above, and the number must already be in the service provider.',
  },
  {
    command: UCA22,
    elements: ['password'],
    code: 'OCI-PASSWORD-REQUIRED',
    text: 'Required unless external authentication is enabled (ocip.externalAuthentication).',
  },
  {
    command: UCA22,
    elements: ['alternateUserId'],
    code: 'OCI-ALT-ID-LEVEL',
    text: 'Alternate user ids can be added by a Group administrator or above.',
  },
  {
    command: UCA22,
    elements: ['userService', 'servicePack'],
    code: 'OCI-SERVICE-AUTH-LEVEL',
    text: 'Authorized to the group when needed, which takes a Service Provider administrator or above.',
  },
  { parentTypes: [ENDPOINT], elements: ['contact'], code: 'OCI-XS-ONE-CONTACT', text: 'At most one contact in XS data mode.' },
  {
    parentTypes: [ENDPOINT],
    elements: ['contact'],
    code: 'OCI-MULTI-CONTACT',
    text: 'Several contacts work only for devices capable of static registration.',
  },
  {
    parentTypes: [ENDPOINT, SCA_ENDPOINT],
    elements: ['useHotline', 'hotlineContact'],
    code: 'OCI-XS-HOTLINE',
    text: 'AS data mode only: useHotline should be false in XS data mode, hotlineContact is ignored there.',
  },
  {
    parentTypes: [SCA_ENDPOINT],
    elements: ['privateIdentity'],
    code: 'OCI-AS-IGNORED',
    text: 'Used only in XS data mode; ignored in AS data mode.',
  },
  { parentTypes: [ENDPOINT, SCA_ENDPOINT], elements: ['transportProtocol'], code: 'OCI-XS-TLS', text: 'TLS fails in XS data mode.' },
  {
    parentTypes: [TRUNK],
    elements: ['alternateTrunkIdentity', 'alternateTrunkIdentityDomain'],
    code: 'OCI-XS-TRUNK-IDENTITY-PAIR',
    text: 'In XS data mode set alternateTrunkIdentity and alternateTrunkIdentityDomain together, or neither.',
  },
  {
    parentTypes: [TRUNK],
    elements: ['alternateTrunkIdentityDomain'],
    code: 'OCI-IMS-ONLY',
    text: 'Used only in XS data mode or by an AS deployed in IMS mode.',
  },
  { parentTypes: [TRUNK], elements: ['physicalLocation'], code: 'OCI-XS-IGNORED', text: 'AS data mode only; ignored in XS data mode.' },
  { command: UCA22, elements: ['serviceProviderId'], code: 'OCI-SP-BYTES', text: 'At most 30 bytes in UTF-8 (not characters).' },
  {
    command: UCA22,
    elements: ['alias'],
    code: 'OCI-ALIAS-FORMAT',
    text: "Written user@host without sip:, using letters, digits and - _ . ! ~ * ' ( ).",
  },
  {
    parentTypes: [ENDPOINT],
    elements: ['linePort', 'privateIdentity'],
    code: 'OCI-LINEPORT-FORMAT',
    text: 'Written without sip:; a private identity has exactly one @.',
  },
  {
    command: UCA22,
    elements: ['phoneNumber', 'callingLineIdPhoneNumber'],
    code: 'OCI-DN-FORMAT',
    text: 'A directory number: digits, optionally +CC-number (e.g. +1-2125551234).',
  },
  {
    command: UCA22,
    elements: ['userId'],
    code: 'OCI-USERID-DOMAIN',
    text: 'The domain is required in the userId (user@domain) of this request.',
  },
];

/** What the documentation-derived notes need from the model (a ModelIndex fits). */
export interface RuleNotesModel extends ModeNotesModel {
  complexType(name: string): ComplexType | undefined;
}

/**
 * Notes for element `name` found at `path` (names from the command down, the element last) inside an element
 * of type `parentType` (the command type for top-level elements). With `model`, the data-mode notes of the
 * parent type's own documentation are added (present only when the schema was compiled with documentation).
 */
export function ruleNotes(
  command: string | undefined,
  parentType: string | undefined,
  path: string[],
  name: string,
  model?: RuleNotesModel,
): RuleNote[] {
  const topLevel = path.length === 1;
  const out: RuleNote[] = [];
  const add = (code: string, text: string, mode?: 'AS' | 'XS') => {
    const rule = RULES_BY_CODE.get(code);
    if (rule && !out.some((n) => n.code === code && n.text === text)) out.push({ code, mode: mode ?? rule.mode, text });
  };
  if (command === UCA22 && topLevel && UCA22_XS_IGNORED.includes(name))
    add('OCI-XS-IGNORED', 'Ignored in XS data mode: the server drops it.');
  if (command === UCA22 && topLevel) {
    for (const pre of SERVICE_PREREQUISITES) {
      if (!pre.elements.includes(name)) continue;
      // The documentation: the service may come from the request's services or packs, or from the new user
      // template (AS data mode only). Prerequisites that do not apply in XS data mode carry the AS tag.
      const where = `the request's userService / servicePack or, in AS data mode, in the new user template`;
      add(
        'OCI-SERVICE-REQUIRED',
        `Needs the ${pre.service} service in ${pre.inXsMode ? where : `the request's userService / servicePack or in the new user template`}; the request fails otherwise.`,
        pre.inXsMode ? undefined : 'AS',
      );
    }
  }
  for (const e of TABLE) {
    if (!e.elements.includes(name)) continue;
    if (e.command && !(e.command === command && topLevel)) continue;
    if (e.parentTypes && !(parentType && e.parentTypes.includes(parentType))) continue;
    add(e.code, e.text);
  }
  const type = model && parentType ? model.complexType(parentType) : undefined;
  if (type) {
    for (const note of modeNotesOf(type, model)) {
      if (note.element !== name) continue;
      const code = docModeCode(note.only, note.effect);
      // A hand-written note for the same mode already says it (e.g. UserConsolidatedAddRequest22's XS list).
      if (out.some((n) => n.mode === RULES_BY_CODE.get(code)?.mode)) continue;
      add(code, `${modeNoteText(note)} (from the schema documentation).`);
    }
  }
  return out;
}

function modeNoteText(note: ModeNote): string {
  const inMode = note.only === 'AS' ? 'XS' : 'AS';
  const what = note.values
    ? `The value${note.values.length > 1 ? 's' : ''} ${note.values.map((v) => `'${v}'`).join(', ')} ${note.values.length > 1 ? 'are' : 'is'} only used`
    : note.fromOccurrence
      ? `Occurrence ${note.fromOccurrence} and later only used`
      : 'Only used';
  const effect =
    note.effect === 'ignored'
      ? `; ignored in ${inMode} data mode`
      : note.effect === 'fails'
        ? `; the request fails in ${inMode} data mode`
        : '';
  const useValue = note.useValue !== undefined ? ` (in ${inMode} data mode use '${note.useValue}')` : '';
  const detail = note.detail ? `: ${note.detail}` : '';
  return `${what} in ${note.only} data mode${effect}${useValue}${detail}`.replace(/\.$/, '');
}
