/** XML only: the BroadsoftDocument around the commands (protocol.md §2, OCISchemaBASE facts). */
import type { SourceFile } from '../tree/types';
import type { Diagnostic } from './types';
import { RULES_BY_CODE } from './registry';
import { short } from './values';

const SESSION_ELEMENTS = ['sessionId', 'userId', 'phoneNumber', 'linePort', 'externalUserIdentity'];
export const MAX_COMMANDS_PER_DOCUMENT = 15;

export function checkEnvelope(file: SourceFile, out: Diagnostic[]): void {
  const push = (code: string, span: Diagnostic['span'], message: string, extra?: Partial<Diagnostic>) =>
    out.push({ code, kind: RULES_BY_CODE.get(code)!.kind, severity: RULES_BY_CODE.get(code)!.severity, message, span, ...extra });

  // The command element's own namespace is reported by the XML front end.
  const env = file.envelope;
  if (!env) return;
  if (env.namespace !== 'C') {
    push('OCI-XML-NAMESPACE', env.nameSpan, `BroadsoftDocument must be in namespace "C" (found '${env.namespace}'): add xmlns="C".`);
  }
  const protocol = env.attributes.find((a) => a.name === 'protocol');
  if (!protocol) push('OCI-ENVELOPE-PROTOCOL', env.nameSpan, 'BroadsoftDocument needs protocol="OCI".');
  else if (protocol.value.text !== 'OCI' && protocol.value.text !== 'NSOCI') {
    push('OCI-ENVELOPE-PROTOCOL', protocol.value.span, `protocol must be "OCI" (found '${short(protocol.value.text)}').`, { fix: { kind: 'setValue', value: 'OCI' } });
  }
  const firstCommandStart = file.commands[0]?.span.start ?? env.span.end;
  const [first, ...rest] = env.children;
  if (!first || !SESSION_ELEMENTS.includes(first.name)) {
    push('OCI-ENVELOPE-SESSION', first ? first.nameSpan : env.nameSpan, 'BroadsoftDocument must start with <sessionId xmlns="">…</sessionId> (the client replaces it with its own session id when sending).');
  }
  const allowedAfter = first && SESSION_ELEMENTS.includes(first.name) ? rest : env.children;
  allowedAfter.forEach((el, i) => {
    if (el.name === 'trackingId' && i === 0 && el.span.start < firstCommandStart) return;
    const why = el.name === 'trackingId' ? 'trackingId must come right after the session element, before the commands' : SESSION_ELEMENTS.includes(el.name) ? `only one of ${SESSION_ELEMENTS.join(', ')} is allowed` : `\`${el.name}\` is not allowed in BroadsoftDocument`;
    push('OCI-ENVELOPE-ELEMENT', el.nameSpan, `${why}.`, { fix: { kind: 'remove' } });
  });
  for (const el of env.children) {
    if (el.namespace) push('OCI-XML-NAMESPACE', el.nameSpan, `\`${el.name}\` must be in no namespace: add xmlns="".`);
  }
  if (file.commands.length === 0) {
    push('OCI-ENVELOPE-COUNT', env.nameSpan, 'BroadsoftDocument needs at least one command.');
  }
  for (const cmd of file.commands.slice(MAX_COMMANDS_PER_DOCUMENT)) {
    push('OCI-ENVELOPE-COUNT', cmd.headSpan, `A BroadsoftDocument holds at most ${MAX_COMMANDS_PER_DOCUMENT} commands; this is command ${cmd.index + 1}. Split the file (the send command batches YAML files automatically).`, { command: cmd.index });
  }
}
