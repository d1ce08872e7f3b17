/**
 * Masking of secrets in OCI-P XML, for wire logs, simulator logs, history and error messages.
 * Works on plain XML and on XML escaped once more as text (a SOAP envelope's `in0`).
 */
import { escapeAttr } from './envelope';

const MASK = '********';

/**
 * A secret element's local name: password/passcode, anything ending in Password/Passcode/Secret, and a few
 * token names; except flags and settings such as useCustomUserNamePassword or disallowOldPasscode.
 */
const SECRET_NAME =
  '(?:password|passcode|loginToken|secretKey|sharedSecret|' +
  '(?!(?:use|expire|has|generate|prompt|enable|disallow|finish|reset|allow|is|require|min|max)[A-Z])' +
  '[A-Za-z_][\\w.-]*(?:Password|Passcode|Secret))';
const QNAME = `((?:[A-Za-z_][\\w.-]*:)?${SECRET_NAME})`;

// Only secret elements are matched, so a secret nested in another element (device credentials) is found too.
const PLAIN = new RegExp(`<${QNAME}(\\s[^<>]*)?(?<!/)>([\\s\\S]*?)<\\/\\1\\s*>`, 'g');
const ESCAPED = new RegExp(`&lt;${QNAME}(\\s(?:(?!&[lg]t;)[\\s\\S])*?)?(?<!/)&gt;([\\s\\S]*?)&lt;\\/\\1\\s*&gt;`, 'g');

const SECRET_LOCAL_NAME = new RegExp(`^${SECRET_NAME}$`);

/** Whether an element's local name is password-like (the same rule as maskSecrets). */
export function isSecretName(local: string): boolean {
  return SECRET_LOCAL_NAME.test(local);
}

export { MASK as SECRET_MASK };

/** Replaces the content of every password-like element with ********. */
export function maskSecrets(xml: string): string {
  return xml
    .replace(PLAIN, (whole, qname: string, attrs: string | undefined, content: string) =>
      content.length ? `<${qname}${attrs ?? ''}>${MASK}</${qname}>` : whole,
    )
    .replace(ESCAPED, (whole, qname: string, attrs: string | undefined, content: string) =>
      content.length ? `&lt;${qname}${attrs ?? ''}&gt;${MASK}&lt;/${qname}&gt;` : whole,
    );
}

/** Removes literal occurrences of a known password (raw and XML-escaped) from any text: a last line of defence. */
export function redactPassword(text: string, password: string | undefined): string {
  if (!password) return text;
  const forms = new Set([password, escapeAttr(password)]);
  let out = text;
  for (const f of forms) out = out.split(f).join(MASK);
  return out;
}
