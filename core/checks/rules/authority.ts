/**
 * The authority rules of UserConsolidatedAddRequest22 as data: which administrator level each action needs,
 * and in which data mode the rule applies. The editor's checks (./uca22.ts) and the simulator's engine
 * (sim/engine/commands/user-consolidated-add.ts) both read this table, so a rule lives in one place.
 */
import { adminAtLeast, type AdminLevel, type DataMode } from '../types';

export interface AuthorityRule {
  /** Lowest administrator level that may do it. */
  level: AdminLevel;
  /** Data modes in which the level is required (in the others, anyone who may run the command may). */
  modes: DataMode[];
  /** The documentation's sentence. */
  source: string;
}

export const UCA22_AUTHORITY = {
  /** XS data mode: only System administrators run the command at all. */
  runCommand: {
    level: 'System',
    modes: ['XS'],
    source: 'In XS data mode: only the System level administrator has the authorization level to execute the command.',
  },
  createGroup: {
    level: 'Service Provider',
    modes: ['AS'],
    source:
      'The group will be added if it does not exist and if the command is executed by a Service Provider level administrator or above.',
  },
  assignDomainToGroup: {
    level: 'Service Provider',
    modes: ['AS'],
    source:
      'If the domain has not been assigned to the group, it will be added to group if the command is executed by a Service provider level administrator or above.',
  },
  assignDomainToServiceProvider: {
    level: 'Provisioning',
    modes: ['AS'],
    source:
      'If the domain has not been assigned to the service provider, it will be added to the service provider if the command is executed by a Provisioning level administrator or above.',
  },
  addPhoneNumberToGroup: {
    level: 'Service Provider',
    modes: ['AS'],
    source:
      'If the phoneNumber has not been assigned to the group and addPhoneNumberToGroup is set to true, it will be added to group if the command is executed by a service provider administrator or above.',
  },
  addAlternateUserIds: {
    level: 'Group',
    modes: ['AS'],
    source: 'Alternate user ids can be added by a group level administrator or above.',
  },
  authorizeServices: {
    level: 'Service Provider',
    modes: ['AS'],
    source:
      'The userService/servicePack will be authorized to the group if it has not been authorized to the group if the command is executed by a Service Provider level administrator or above.',
  },
} satisfies Record<string, AuthorityRule>;

export type Uca22Action = keyof typeof UCA22_AUTHORITY;

/** May an administrator of this level do the action in this data mode? */
export function mayDo(action: Uca22Action, level: AdminLevel, mode: DataMode): boolean {
  const rule: AuthorityRule = UCA22_AUTHORITY[action];
  if (!rule.modes.includes(mode)) return true;
  return adminAtLeast(level, rule.level);
}
