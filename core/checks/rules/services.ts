/**
 * Which user services a UserConsolidatedAddRequest22 gives the new user: its userService list, the contents
 * of its service packs (known only through ocip.servicePacks) and, in AS data mode, the new user template
 * (known only through ocip.newUserTemplateServices). Used by the service-prerequisite rules in the editor
 * and by the simulator with its real state.
 */
import type { CommandNode, ElementNode } from '../../tree/types';
import { xsdCollapse } from '../../text/xsd-whitespace';

export interface ServiceSources {
  /** userServiceName values of the request. */
  services: string[];
  /** servicePackName values of the request. */
  packs: string[];
}

export function requestServices(children: ElementNode[]): ServiceSources {
  const leaf = (n: ElementNode, child: string) => n.children?.find((c) => c.name === child)?.value?.text;
  // UserService and ServicePackName are tokens: compared after XSD collapse, like the server does.
  const token = (s: string | undefined) => (s === undefined ? undefined : xsdCollapse(s));
  const services = children
    .filter((c) => c.name === 'userService')
    .map((c) => token(leaf(c, 'userServiceName')))
    .filter((s): s is string => !!s);
  const packs = children
    .filter((c) => c.name === 'servicePack')
    .map((c) => token(leaf(c, 'servicePackName')))
    .filter((s): s is string => !!s);
  return { services, packs };
}

export type ServiceVerdict =
  { status: 'present'; via: string } | { status: 'absent' } | { status: 'unknown'; unknownPacks: string[]; templateUnknown: boolean };

export interface KnownServices {
  servicePacks: Record<string, string[]>;
  /** undefined: the template's services are not known. */
  newUserTemplateServices?: string[];
}

/**
 * Is a service given to the user? `matches` decides which service names satisfy the prerequisite
 * (Shared Call Appearance is satisfied by its numbered variants too).
 */
export function serviceVerdict(
  cmd: Pick<CommandNode, 'children'>,
  matches: (service: string) => boolean,
  known: KnownServices,
  includeTemplate: boolean,
): ServiceVerdict {
  const { services, packs } = requestServices(cmd.children);
  const direct = services.find(matches);
  if (direct) return { status: 'present', via: `userService ${direct}` };
  // The tables (settings, or the simulator's state) are compared the same way: names collapsed as tokens.
  const matchesToken = (s: string) => typeof s === 'string' && matches(xsdCollapse(s));
  const unknownPacks: string[] = [];
  for (const pack of packs) {
    const contents = packContents(known.servicePacks, pack);
    if (!contents) unknownPacks.push(pack);
    else if (contents.some(matchesToken)) return { status: 'present', via: `service pack ${pack}` };
  }
  let templateUnknown = false;
  if (includeTemplate) {
    if (known.newUserTemplateServices === undefined) templateUnknown = true;
    else if (known.newUserTemplateServices.some(matchesToken)) return { status: 'present', via: 'the new user template' };
  }
  if (unknownPacks.length || templateUnknown) return { status: 'unknown', unknownPacks, templateUnknown };
  return { status: 'absent' };
}

/** A pack's services by its collapsed name (a settings key may be written with extra spaces). */
function packContents(table: Record<string, string[]>, pack: string): string[] | undefined {
  if (Object.hasOwn(table, pack)) return table[pack];
  for (const key of Object.keys(table)) if (xsdCollapse(key) === pack) return table[key];
  return undefined;
}

export interface ServicePrerequisite {
  /** The service to add when it is missing. */
  service: string;
  matches: (service: string) => boolean;
  /** Top-level elements that need it. */
  elements: string[];
  /** Whether the rule applies in XS data mode too. */
  inXsMode: boolean;
}

export const SERVICE_PREREQUISITES: ServicePrerequisite[] = [
  {
    service: 'Shared Call Appearance',
    // The numbered variants (Shared Call Appearance 5 ... 35) are the same service with more appearances.
    matches: (s) => s === 'Shared Call Appearance' || /^Shared Call Appearance \d+$/.test(s),
    elements: ['sharedCallAppearanceAccessDeviceEndpoint'],
    inXsMode: true,
  },
  {
    service: 'Third-Party Voice Mail Support',
    matches: (s) => s === 'Third-Party Voice Mail Support',
    elements: [
      'thirdPartyVoiceMailServerSelection',
      'thirdPartyVoiceMailServerUserServer',
      'thirdPartyVoiceMailServerMailboxIdType',
      'thirdPartyVoiceMailMailboxURL',
    ],
    inXsMode: false,
  },
  {
    service: 'Authentication',
    matches: (s) => s === 'Authentication',
    elements: ['sipAuthenticationData'],
    inXsMode: false,
  },
];
