/**
 * Masking of secrets in OCI-P XML, for wire logs, simulator logs, history and error messages.
 * Works on plain XML and on XML escaped once more as text (a SOAP envelope's `in0`).
 *
 * Linear in the text's length, whatever it holds: one left-to-right pass finds each secret start tag, and its
 * content ends at the next markup (`<`, or `&lt;` once escaped), CDATA sections skipped. No search ever looks
 * for a matching end tag, so thousands of unclosed or escaped `<password>` tags cost one pass, not one per tag.
 * Content up to the next markup is masked whether the element is closed or not (masking too much is safe).
 */
import { escapeAttr } from './envelope';
import { LOG_LIMITS } from '../limits';

const MASK = '********';

/**
 * A secret element's local name: password/passcode, anything ending in Password/Passcode/Secret, and a few
 * token names; except flags and settings such as useCustomUserNamePassword or disallowOldPasscode.
 */
const SECRET_NAME =
  '(?:password|passcode|loginToken|secretKey|sharedSecret|' +
  '(?!(?:use|expire|has|generate|prompt|enable|disallow|finish|reset|allow|is|require|min|max)[A-Z])' +
  '[A-Za-z_][\\w.-]*(?:Password|Passcode|Secret))';
const QNAME = `(?:[A-Za-z_][\\w.-]*:)?${SECRET_NAME}`;

// A secret start tag (not self-closing), plain (group 1) or escaped as text (group 2). Attributes never hold '<'.
const OPEN = new RegExp(`(<${QNAME}(?:\\s[^<>]*)?(?<!/)>)|(&lt;${QNAME}(?:\\s(?:[^&<>]|&(?![lg]t;))*)?(?<!/)&gt;)`, 'g');

interface Markup {
  open: string;
  cdataOpen: string;
  cdataClose: string;
}
const PLAIN: Markup = { open: '<', cdataOpen: '<![CDATA[', cdataClose: ']]>' };
const ESCAPED: Markup = { open: '&lt;', cdataOpen: '&lt;![CDATA[', cdataClose: ']]&gt;' };

/** Where an element's text content starting at `from` ends: the next markup that is not a CDATA section. */
function contentEnd(text: string, from: number, m: Markup): number {
  let pos = from;
  for (;;) {
    const at = text.indexOf(m.open, pos);
    if (at < 0) return text.length;
    if (!text.startsWith(m.cdataOpen, at)) return at;
    const close = text.indexOf(m.cdataClose, at + m.cdataOpen.length);
    if (close < 0) return text.length;
    pos = close + m.cdataClose.length;
  }
}

const SECRET_LOCAL_NAME = new RegExp(`^${SECRET_NAME}$`);

/** Whether an element's local name is password-like (the same rule as maskSecrets). */
export function isSecretName(local: string): boolean {
  return SECRET_LOCAL_NAME.test(local);
}

export { MASK as SECRET_MASK };

/** Replaces the content of every password-like element with ********. */
export function maskSecrets(xml: string): string {
  let out = '';
  let copied = 0;
  OPEN.lastIndex = 0;
  for (let m = OPEN.exec(xml); m; m = OPEN.exec(xml)) {
    const start = m.index + m[0].length;
    const end = contentEnd(xml, start, m[1] !== undefined ? PLAIN : ESCAPED);
    if (end > start) {
      out += xml.slice(copied, start) + MASK;
      copied = end;
    }
    OPEN.lastIndex = Math.max(end, start);
  }
  return copied === 0 ? xml : out + xml.slice(copied);
}

/** Removes literal occurrences of a known password (raw and XML-escaped) from any text: a last line of defence. */
export function redactPassword(text: string, password: string | undefined): string {
  if (!password) return text;
  const forms = new Set([password, escapeAttr(password)]);
  let out = text;
  for (const f of forms) out = out.split(f).join(MASK);
  return out;
}

/**
 * A document for a wire log: masked, and when longer than `limit` characters, its first `limit` characters and a
 * count of the rest. Masking and the known password's redaction run on a window past the cut wide enough to hold
 * any occurrence of the password crossing it (its escaped form is at most 6× longer), then the window is cut: no
 * half password is left at the end, and a secret element cut open is masked to the end. Cost: O(limit).
 */
export function logExcerpt(xml: string, password?: string, limit: number = LOG_LIMITS.documentChars): string {
  if (xml.length <= limit) return redactPassword(maskSecrets(xml), password);
  const margin = 6 * (password?.length ?? 0) + 16;
  const shown = redactPassword(maskSecrets(xml.slice(0, limit + margin)), password).slice(0, limit);
  return `${shown} … (${xml.length - limit} more characters not logged)`;
}
