/**
 * Two XSD rules the structure walk (./elements) does not cover, found by the all-commands agreement test
 * (test/checks/all-commands.test.ts):
 * - an element (or command) whose type has empty content may not hold even whitespace: `<command ...>\n</command>`
 *   for a request without elements is refused, `<command .../>` is not (XML only);
 * - an xsi:type on an element whose declared type is simple, or on a nil element, must still name the declared type
 *   or one derived from it.
 */
import type { ComplexType, ElementDecl } from '../model/types';
import type { ElementNode, Span } from '../tree/types';
import type { Diagnostic } from './types';
import { short } from './values';

interface Model {
  complexType(name: string): ComplexType | undefined;
  simpleType(name: string): { name: string; restricts?: string } | undefined;
  subtypesOf(name: string): string[];
}

/** Whitespace inside an element of empty content type: the span of that whitespace, or undefined. */
export function emptyContentSpace(type: ComplexType | undefined, space: Span | undefined, owner: string, command: number): Diagnostic | undefined {
  if (!type || !space || type.content || type.simpleContent || type.anyContent || space.end <= space.start) return undefined;
  return {
    code: 'OCI-EMPTY-CONTENT',
    kind: 'schema',
    severity: 'error',
    message: `\`${owner}\` (${type.name}) has no content: write it as an empty element, without even spaces or line breaks inside (e.g. <${owner === type.name ? 'command' : owner} .../>).`,
    span: space,
    command,
  };
}

/** The xsi:type of a nil or simple-typed element against its declaration. */
export function xsiTypeOfPlainElement(node: ElementNode, decl: ElementDecl, model: Model, command: number): Diagnostic | undefined {
  if (!node.xsiType) return undefined;
  const given = node.xsiType.text.trim().replace(/^[^:]*:/, '');
  const declared = decl.type.replace(/^[^:]*:/, '');
  const allowed: string[] = [];
  const ct = model.complexType(decl.type);
  if (ct) {
    if (!ct.abstract) allowed.push(declared);
    allowed.push(...model.subtypesOf(decl.type));
  } else {
    allowed.push(declared);
    // A simple type restricting the declared one, directly or not.
    const st = model.simpleType(given);
    for (let t = st, guard = 0; t && guard < 50; t = t.restricts ? model.simpleType(t.restricts) : undefined, guard++) {
      if (t.restricts?.replace(/^[^:]*:/, '') === declared) allowed.push(given);
    }
  }
  if (allowed.includes(given)) return undefined;
  return {
    code: 'OCI-XSI-TYPE-INVALID',
    kind: 'schema',
    severity: 'error',
    message: `xsi:type '${short(given)}' is not derived from ${declared}, the type of \`${decl.name}\`${allowed.length ? `: use ${allowed.slice(0, 6).join(' or ')}` : ''}.`,
    span: node.xsiType.span,
    fix: allowed.length ? { kind: 'replaceValue', candidates: allowed.slice(0, 6) } : undefined,
  };
}
