/** Administrator accounts and what each level may reach. */

import { ADMIN_LEVELS, adminAtLeast, type AdminLevel } from '../../core/checks/types';

/** Login types (LoginType22), lowest first: the same order the editor's authority rules compare. */
export const ACCOUNT_LEVELS = ADMIN_LEVELS;
export type AccountLevel = AdminLevel;

export interface Account {
  userId: string;
  /** Stored as given in the seed (a test tool); never logged, printed or written to the state file. */
  password: string;
  level: AccountLevel;
  serviceProviderId?: string;
  groupId?: string;
  resellerId?: string;
  disabled?: boolean;
  locale?: string;
  userDomain?: string;
}

export const levelAtLeast = adminAtLeast;

/** Whether the account may act on this service provider (and group, when given). */
export function accountReaches(account: Account, sp: { id: string; resellerId?: string }, groupId?: string): boolean {
  switch (account.level) {
    case 'System':
    case 'Provisioning':
      return true;
    case 'Reseller':
      return account.resellerId !== undefined && sp.resellerId === account.resellerId;
    case 'Service Provider':
      return account.serviceProviderId === sp.id;
    default:
      return account.serviceProviderId === sp.id && (groupId === undefined || account.groupId === groupId);
  }
}
