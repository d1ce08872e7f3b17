/** One log line per request and response, with every secret masked. */
import { maskSecrets } from '../core/ocip/mask';

export type LogFn = (line: string) => void;

/**
 * Masks password-like elements (plain and SOAP-escaped: signedPassword, sipAuthenticationPassword, passcode, ...)
 * with core's masker, which is linear in the text, and folds the text onto one line. Called only when logging.
 */
export function maskForLog(text: string): string {
  return maskSecrets(text).replace(/\r?\n\s*/g, ' ');
}

export function logDocument(log: LogFn | undefined, tag: string, direction: 'request' | 'response' | 'push', text: string): void {
  if (!log) return;
  log(`${tag} ${direction}: ${maskForLog(text)}`);
}
