/** Login-stage commands (protocol.md §4): nonce, signed password, login responses per account level. */
import { signedPassword } from '../../core/ocip/login';
import type { Account } from '../engine/accounts';
import type { DataMode } from '../engine/context';
import type { SimState } from '../engine/state';
import { el } from '../xml/write';
import { dataResponse } from '../wire/response';

/** signedPassword = md5(nonce + ":" + sha1hex(password)), lowercase hex: the client's computation (core/ocip/login). */
export function signPassword(nonce: string, password: string): string {
  return signedPassword(password, nonce);
}

export function authenticationResponse(userId: string, nonce: string, echo: string): string {
  return dataResponse('AuthenticationResponse', el('userId', userId) + el('nonce', nonce) + el('passwordAlgorithm', 'MD5'), echo);
}

function userDomain(account: Account, state: SimState): string {
  if (account.userDomain) return account.userDomain;
  const at = account.userId.lastIndexOf('@');
  if (at >= 0) return account.userId.slice(at + 1);
  const sp = account.serviceProviderId ? state.serviceProviders[account.serviceProviderId] : undefined;
  return sp?.defaultDomain ?? 'example.com';
}

/** LoginResponse14sp4 or LoginResponse22V5 for the account (protocol.md §6 mapping). */
export function loginResponse(
  type: 'LoginResponse14sp4' | 'LoginResponse22V5',
  account: Account,
  state: SimState,
  mode: DataMode,
  echo: string,
): string {
  const sp = account.serviceProviderId ? state.serviceProviders[account.serviceProviderId] : undefined;
  const hasGroup = ['Group', 'Group Department', 'User'].includes(account.level);
  const hasSp = hasGroup || account.level === 'Service Provider';
  // LoginType (14sp4) predates the Reseller level; the simulator reports such an account as Provisioning there.
  const loginType = type === 'LoginResponse14sp4' && account.level === 'Reseller' ? 'Provisioning' : account.level;
  let inner =
    el('loginType', loginType) +
    el('locale', account.locale ?? 'en_US') +
    el('encoding', 'ISO-8859-1') +
    el('groupId', hasGroup ? account.groupId : undefined) +
    el('serviceProviderId', hasSp ? account.serviceProviderId : undefined) +
    el('isEnterprise', sp?.isEnterprise ?? false) +
    el('passwordExpiresDays', 2147483647) +
    el('userDomain', userDomain(account, state));
  if (type === 'LoginResponse22V5' && account.level === 'Reseller' && mode === 'AS') inner += el('resellerId', account.resellerId);
  return dataResponse(type, inner, echo);
}
