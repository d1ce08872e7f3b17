/**
 * Logging in. Two flows:
 * - signed (AS data mode, any transport): AuthenticationRequest → nonce → LoginRequest14sp4 with
 *   signedPassword = md5(nonce + ":" + sha1hex(password)), so the password never travels;
 * - plain: LoginRequest22V5 with the password itself, allowed only over TLS/HTTPS unless explicitly permitted.
 */
import { createHash } from 'node:crypto';
import { simpleCommand, type EncodedCommand } from './envelope';
import { LoginError, OcipError } from './errors';
import type { CommandResult } from './messages';

export type LoginMethod = 'auto' | 'signed' | 'plain';

export interface LoginInfo {
  /** "LoginResponse14sp4" or "LoginResponse22V5". */
  responseType: string;
  loginType?: string;
  locale?: string;
  encoding?: string;
  serviceProviderId?: string;
  groupId?: string;
  isEnterprise?: boolean;
  passwordExpiresDays?: number;
  userDomain?: string;
  resellerId?: string;
  tokenRevocationTime?: number;
}

/** md5(nonce + ":" + sha1hex(password)), lowercase hex, over UTF-8 bytes. */
export function signedPassword(password: string, nonce: string): string {
  const sha1 = createHash('sha1').update(password, 'utf8').digest('hex');
  return createHash('md5').update(`${nonce}:${sha1}`, 'utf8').digest('hex');
}

/** 'auto' = plain on an encrypted transport, signed otherwise. */
export function resolveLoginMethod(method: LoginMethod | undefined, secure: boolean): 'signed' | 'plain' {
  if (method === 'signed' || method === 'plain') return method;
  return secure ? 'plain' : 'signed';
}

export interface LoginParams {
  username: string;
  password: string;
  method?: LoginMethod;
  secure: boolean;
  allowPlainPasswordOnInsecureTransport?: boolean;
  /** Sends one command in its own document and returns its result. */
  exchange: (command: EncodedCommand) => Promise<CommandResult>;
}

export async function login(p: LoginParams): Promise<LoginInfo> {
  const method = resolveLoginMethod(p.method, p.secure);
  if (method === 'plain') {
    if (!p.secure && !p.allowPlainPasswordOnInsecureTransport) {
      throw new OcipError(
        'insecure-login',
        'refusing to send the plain password (LoginRequest22V5) over an unencrypted connection; use TLS/HTTPS or the signed login, or allow it explicitly',
      );
    }
    const res = await p.exchange(
      simpleCommand('LoginRequest22V5', [
        ['userId', p.username],
        ['password', p.password],
      ]),
    );
    return loginInfo(res, 'LoginResponse22V5');
  }
  const auth = await p.exchange(simpleCommand('AuthenticationRequest', [['userId', p.username]]));
  const authData = expect(auth, 'AuthenticationResponse');
  const nonce = typeof authData.nonce === 'string' ? authData.nonce.trim() : '';
  if (!nonce) throw new LoginError('login failed: the AuthenticationResponse has no nonce');
  const algorithm = String(authData.passwordAlgorithm ?? '').trim();
  if (algorithm !== 'MD5') {
    throw new LoginError(`login failed: the server asks for password algorithm "${algorithm}", only MD5 is supported`);
  }
  const res = await p.exchange(
    simpleCommand('LoginRequest14sp4', [
      ['userId', p.username],
      ['signedPassword', signedPassword(p.password, nonce)],
    ]),
  );
  return loginInfo(res, 'LoginResponse14sp4');
}

function expect(res: CommandResult, responseType: string): Record<string, unknown> {
  if (res.kind === 'error' || res.kind === 'warning' || res.kind === 'info') {
    throw new LoginError(
      `login refused by the server: ${res.summaryEnglish ?? res.summary ?? 'ErrorResponse'}${res.detail ? ` (${res.detail.trim()})` : ''}`,
      res.errorCode,
      res.summary,
      res.detail,
    );
  }
  if (res.kind !== 'data' || res.responseType !== responseType) {
    throw new LoginError(`login failed: expected ${responseType}, the server answered ${res.responseType ?? res.kind}`);
  }
  return res.data as Record<string, unknown>;
}

function loginInfo(res: CommandResult, responseType: string): LoginInfo {
  const d = expect(res, responseType);
  const str = (k: string) => (typeof d[k] === 'string' ? (d[k] as string).trim() : undefined);
  const num = (k: string) => (str(k) !== undefined && /^-?\d+$/.test(str(k)!) ? Number(str(k)) : undefined);
  return {
    responseType,
    loginType: str('loginType'),
    locale: str('locale'),
    encoding: str('encoding'),
    serviceProviderId: str('serviceProviderId'),
    groupId: str('groupId'),
    isEnterprise: str('isEnterprise') === undefined ? undefined : str('isEnterprise') === 'true',
    passwordExpiresDays: num('passwordExpiresDays'),
    userDomain: str('userDomain'),
    resellerId: str('resellerId'),
    tokenRevocationTime: num('tokenRevocationTime'),
  };
}
