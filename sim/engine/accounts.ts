/** Administrator accounts and what each level may reach. */

/** Login types (LoginType22), lowest first: the order the authority rules compare. */
export const ACCOUNT_LEVELS = ['User', 'Group Department', 'Group', 'Service Provider', 'Reseller', 'Provisioning', 'System'] as const;
export type AccountLevel = (typeof ACCOUNT_LEVELS)[number];

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

export function levelAtLeast(actual: AccountLevel, needed: AccountLevel): boolean {
  return ACCOUNT_LEVELS.indexOf(actual) >= ACCOUNT_LEVELS.indexOf(needed);
}

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
