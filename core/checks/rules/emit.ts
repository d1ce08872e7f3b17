/** How rules report: by code, so severity and kind always come from the registry. */
import type { Span } from '../../tree/types';
import type { Diagnostic } from '../types';
import { RULES_BY_CODE } from '../registry';
import { xsdCollapse } from '../../text/xsd-whitespace';

export type RuleEmitter = (
  code: string,
  span: Span,
  message: string,
  extra?: Pick<Diagnostic, 'fix' | 'tags' | 'related' | 'key' | 'claim'>,
) => void;

export function makeEmitter(out: Diagnostic[], command: number): RuleEmitter {
  return (code, span, message, extra) => {
    const rule = RULES_BY_CODE.get(code);
    if (!rule) throw new Error(`rule ${code} is not in the registry`);
    out.push({ code, severity: rule.severity, kind: rule.kind, message, span, command, ...extra });
  };
}

/** A value as the rules compare it: XSD-collapsed (the rules' types are all tokens), never JavaScript-trimmed. */
export function collapsed(text: string | undefined): string | undefined {
  return text === undefined ? undefined : xsdCollapse(text);
}
