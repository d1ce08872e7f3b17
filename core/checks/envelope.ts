/** XML only: the BroadsoftDocument around the commands (protocol.md §2, OCISchemaBASE facts). */
import type { ElementNode, SourceFile } from '../tree/types';
import type { Diagnostic } from './types';
import { RULES_BY_CODE } from './registry';
import { checkValue, describeSimpleType, short } from './values';
import { attributeMessage, disallowedAttributes } from './attributes';
import { isNamedType, simpleTypeDerivesFrom } from './derivation';
import { builtinModel } from '../model';
import { xsdCollapse } from '../text/xsd-whitespace';

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
  if (env.nil) push('OCI-NIL', env.nil, 'BroadsoftDocument cannot be nil: it is not nillable.');
  for (const a of disallowedAttributes(env.attributes, ['protocol']))
    push('OCI-ATTRIBUTE', a.nameSpan, attributeMessage(a, 'BroadsoftDocument', ['protocol']));
  const protocol = env.attributes.find((a) => a.name === 'protocol');
  // protocol is an NMTOKEN: compared after XSD whitespace collapse (" OCI " is OCI).
  const protocolValue = protocol ? xsdCollapse(protocol.value.text) : '';
  if (!protocol) push('OCI-ENVELOPE-PROTOCOL', env.nameSpan, 'BroadsoftDocument needs protocol="OCI".');
  else if (protocolValue !== 'OCI' && protocolValue !== 'NSOCI') {
    push('OCI-ENVELOPE-PROTOCOL', protocol.value.span, `protocol must be "OCI" (found '${short(protocol.value.text)}').`, {
      fix: { kind: 'setValue', value: 'OCI' },
    });
  }
  const firstCommandStart = file.commands[0]?.span.start ?? env.span.end;
  const [first, ...rest] = env.children;
  if (!first || !SESSION_ELEMENTS.includes(first.name)) {
    push(
      'OCI-ENVELOPE-SESSION',
      first ? first.nameSpan : env.nameSpan,
      'BroadsoftDocument must start with <sessionId xmlns="">…</sessionId> (the client replaces it with its own session id when sending).',
    );
  }
  const allowedAfter = first && SESSION_ELEMENTS.includes(first.name) ? rest : env.children;
  allowedAfter.forEach((el, i) => {
    if (el.name === 'trackingId' && i === 0 && el.span.start < firstCommandStart) return;
    const why =
      el.name === 'trackingId'
        ? 'trackingId must come right after the session element, before the commands'
        : SESSION_ELEMENTS.includes(el.name)
          ? `only one of ${SESSION_ELEMENTS.join(', ')} is allowed`
          : `\`${el.name}\` is not allowed in BroadsoftDocument`;
    push('OCI-ENVELOPE-ELEMENT', el.nameSpan, `${why}.`, { fix: { kind: 'remove' } });
  });
  for (const el of env.children) {
    if (el.namespace) push('OCI-XML-NAMESPACE', el.nameSpan, `\`${el.name}\` must be in no namespace: add xmlns="".`);
    checkEnvelopeChild(el, push);
  }
  if (file.commands.length === 0) {
    push('OCI-ENVELOPE-COUNT', env.nameSpan, 'BroadsoftDocument needs at least one command.');
  }
  for (const cmd of file.commands.slice(MAX_COMMANDS_PER_DOCUMENT)) {
    push(
      'OCI-ENVELOPE-COUNT',
      cmd.headSpan,
      `A BroadsoftDocument holds at most ${MAX_COMMANDS_PER_DOCUMENT} commands; this is command ${cmd.index + 1}. Split the file (the send command batches YAML files automatically).`,
      { command: cmd.index },
    );
  }
}

/** The declared types of the envelope's own elements (OCISchemaBASE); externalUserIdentity's content is not checked. */
const ENVELOPE_CHILD_TYPES: Record<string, string> = {
  sessionId: 'xs:normalizedString',
  userId: 'xs:token',
  phoneNumber: 'xs:token',
  linePort: 'xs:token',
  trackingId: 'NonEmptyToken',
};

type Push = (code: string, span: Diagnostic['span'], message: string, extra?: Partial<Diagnostic>) => void;

/** An envelope element against its declaration: attributes, nil, xsi:type and the value's facets. */
function checkEnvelopeChild(el: ElementNode, push: Push): void {
  const declared = ENVELOPE_CHILD_TYPES[el.name];
  if (!declared) return;
  for (const a of disallowedAttributes(el.attributes)) push('OCI-ATTRIBUTE', a.nameSpan, attributeMessage(a, el.name));
  if (el.nil ?? el.nilFalse) {
    push('OCI-NIL', (el.nil ?? el.nilFalse)!, `\`${el.name}\` is not nillable: xsi:nil may not appear on it.`);
    return;
  }
  const model = builtinModel();
  const lookup = (n: string) => model.simpleType(n);
  let typeName = declared;
  if (el.xsiType) {
    const given = xsdCollapse(el.xsiType.text);
    if (!isNamedType(given) || !lookup(given) || !simpleTypeDerivesFrom(lookup, given, declared)) {
      push(
        'OCI-XSI-TYPE-INVALID',
        el.xsiType.span,
        `xsi:type '${short(given)}' is not allowed for \`${el.name}\`: it must be ${declared} or derived from it.`,
      );
      return;
    }
    typeName = given;
  }
  if (el.children?.length) {
    push('OCI-EXPECTED-VALUE', el.children[0].nameSpan, `\`${el.name}\` takes text, not child elements.`);
    return;
  }
  const type = lookup(typeName);
  if (!type) return;
  const span = el.value && el.value.span.end > el.value.span.start ? el.value.span : el.nameSpan;
  for (const p of checkValue(el.value?.text ?? '', type, undefined, lookup)) {
    push(p.code, span, p.code === 'OCI-EMPTY' ? `\`${el.name}\` is empty: ${describeSimpleType(type)}.` : p.message);
  }
}
