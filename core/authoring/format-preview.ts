/**
 * "Preview Request": the XML that sending the file would put on the wire, one BroadsoftDocument per batch of
 * 15 commands, as core/encode writes it (indented here for reading; sent on one line), with the session id
 * as a placeholder (the real one comes from the login) and passwords masked. A header comment says so.
 */
import { encodeDocumentPretty, MAX_COMMANDS_PER_DOCUMENT, PLACEHOLDER_SESSION_ID } from '../encode';
import type { ModelIndex } from '../model/model-index';
import { maskSecrets } from '../ocip/mask';
import type { FileFormat } from '../tree/types';
import { parseForConversion, type Converted } from './format-convert';

/** `label` names the file in the header (e.g. its base name). */
export function previewRequest(text: string, format: FileFormat, index: ModelIndex, label: string): Converted {
  const parsed = parseForConversion(text, format);
  if (!parsed.ok) return parsed;
  const { commands } = parsed.file;
  if (commands.length === 0) return { ok: false, error: 'The file contains no OCI-P command to send.' };
  const batches = Math.ceil(commands.length / MAX_COMMANDS_PER_DOCUMENT);
  const safeLabel = label.replace(/--+/g, '-');
  const out = [
    `<!-- OCI-P request preview of ${safeLabel}: ${commands.length} command${commands.length === 1 ? '' : 's'} in ${batches} BroadsoftDocument${batches === 1 ? '' : 's'} (at most ${MAX_COMMANDS_PER_DOCUMENT} commands each, sent one after the other).`,
    `     sessionId ${PLACEHOLDER_SESSION_ID} is a placeholder: the real one is set at login. Passwords and other secrets are masked as ********.`,
    `     Indented for reading; each document is sent on one line, encoded as ISO-8859-1. -->`,
  ];
  for (let b = 0; b < batches; b++) {
    const batch = commands.slice(b * MAX_COMMANDS_PER_DOCUMENT, (b + 1) * MAX_COMMANDS_PER_DOCUMENT);
    const first = b * MAX_COMMANDS_PER_DOCUMENT + 1;
    if (batches > 1) out.push(`<!-- Document ${b + 1} of ${batches}: commands ${first} to ${first + batch.length - 1} -->`);
    out.push(maskSecrets(encodeDocumentPretty(batch, index, { sessionId: PLACEHOLDER_SESSION_ID })).trimEnd());
  }
  return { ok: true, text: out.join('\n') + '\n' };
}
