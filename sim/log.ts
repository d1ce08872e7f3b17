/** One log line per request and response, with every secret masked. */
import { maskSecrets } from '../core/ocip/mask';

export type LogFn = (line: string) => void;

/** Masks password-like elements (plain and SOAP-escaped) and folds the text onto one line. */
export function maskForLog(text: string): string {
  // A second pass for signed passwords and SIP credentials, whatever core's masker considers secret.
  const masked = maskSecrets(text).replace(
    /(<|&lt;)((?:[\w.-]+:)?(?:signedPassword|sipAuthenticationPassword|plainTextPassword|password|passcode))((?:\s[^<>]*?)?)(>|&gt;)[^<&]*(<|&lt;)\//g,
    '$1$2$3$4********$5/',
  );
  return masked.replace(/\r?\n\s*/g, ' ');
}

export function logDocument(log: LogFn | undefined, tag: string, direction: 'request' | 'response' | 'push', text: string): void {
  if (!log) return;
  log(`${tag} ${direction}: ${maskForLog(text)}`);
}
