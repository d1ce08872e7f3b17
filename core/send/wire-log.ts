/**
 * The text written to the "OCI-P" output channel (and `ocip send --verbose`): timestamped, secrets masked twice
 * (password-like elements, then any literal occurrence of the known password). Pure, so it is testable.
 */
import { maskSecrets, redactPassword } from '../ocip';

export function formatLogLine(line: string, password: string | undefined, now: Date = new Date()): string {
  const safe = redactPassword(maskSecrets(line), password);
  return `[${now.toISOString()}] ${safe}`;
}
