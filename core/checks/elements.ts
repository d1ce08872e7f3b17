/**
 * The schema walk: a command's children against its type, recursively. Resolves each element's type
 * (xsi:type for abstract types), checks nil, simple values and nested content. Mode and authority
 * rules are separate (./rules); this file only knows what the XSD says.
 */
import type { ComplexType, ElementDecl, SimpleType } from '../model/types';
import type { ElementNode, FileFormat, Span } from '../tree/types';
import type { Diagnostic } from './types';
import { matchContent } from './content';
import { emptyContentSpace } from './xsd-extras';
import { checkValue, describeSimpleType, short } from './values';
import { suggestName } from './suggest';
import { isXsdBlank, xsdCollapse } from '../text/xsd-whitespace';
import { attributeMessage, disallowedAttributes } from './attributes';
import { isNamedType, simpleTypeDerivesFrom } from './derivation';

/** The part of the model index the checks need. */
export interface ModelView {
  complexType(name: string): ComplexType | undefined;
  simpleType(name: string): SimpleType | undefined;
  /** Concrete types derived from a type (for xsi:type on abstract elements). */
  subtypesOf(name: string): string[];
  isRequest(name: string): boolean;
  commandNames(): string[];
}

export interface WalkContext {
  model: ModelView;
  format: FileFormat;
  command: number;
  out: Diagnostic[];
  /** Namespace of the element whose children are being walked: a child is reported only where the namespace changes. */
  parentNamespace?: string;
  /** Called for every element matched to a declaration, with its resolved type: the rules hook in here. */
  visit?: (node: ElementNode, decl: ElementDecl, typeName: string, path: string[]) => void;
}

export function describeDecl(model: ModelView, decl: ElementDecl): string {
  const occurs = decl.maxOccurs === 1 ? '' : `, up to ${decl.maxOccurs === 'unbounded' ? 'unbounded' : decl.maxOccurs} times`;
  const st = model.simpleType(decl.type);
  if (st) return describeSimpleType(st) + occurs;
  const ct = model.complexType(decl.type);
  return `${ct?.abstract ? 'abstract ' : ''}${decl.type}${occurs}`;
}

/** Check children of an element of complex type `typeName`. */
export function walkContent(
  typeName: string,
  ownerName: string,
  ownerSpan: Span,
  children: ElementNode[],
  ctx: WalkContext,
  path: string[],
): void {
  const type = ctx.model.complexType(typeName);
  if (!type || type.anyContent) return;
  const matched = matchContent(type.content, children, {
    format: ctx.format,
    ownerSpan,
    ownerName,
    describeDecl: (d) => describeDecl(ctx.model, d),
    push: (d) => ctx.out.push({ kind: 'schema', command: ctx.command, ...d }),
  });
  for (const m of matched) walkElement(m.node, m.decl, ctx, [...path, m.node.name]);
}

function withParentNamespace(ctx: WalkContext, ns: string | undefined): WalkContext {
  return ns === ctx.parentNamespace ? ctx : { ...ctx, parentNamespace: ns };
}

function push(ctx: WalkContext, d: Omit<Diagnostic, 'kind' | 'command'>): void {
  ctx.out.push({ kind: 'schema', command: ctx.command, ...d });
}

export function walkElement(node: ElementNode, decl: ElementDecl, ctx: WalkContext, path: string[]): void {
  if (ctx.format === 'xml' && node.namespace && node.namespace !== (ctx.parentNamespace ?? '')) {
    push(ctx, {
      code: 'OCI-XML-NAMESPACE',
      severity: 'error',
      message: `\`${node.name}\` must be in no namespace (found namespace '${node.namespace}'); declare xmlns="" on the command.`,
      span: node.nameSpan,
    });
  }
  for (const a of disallowedAttributes(node.attributes)) {
    push(ctx, { code: 'OCI-ATTRIBUTE', severity: 'error', message: attributeMessage(a, decl.name), span: a.nameSpan });
  }
  if (node.nilFalse && !decl.nillable) {
    push(ctx, {
      code: 'OCI-NIL',
      severity: 'error',
      message: `\`${decl.name}\` is not nillable: xsi:nil may not appear on it, not even xsi:nil="false". Remove the attribute.`,
      span: node.nilFalse,
    });
  }
  if (node.nil) {
    if (!decl.nillable) {
      push(ctx, {
        code: 'OCI-NIL',
        severity: 'error',
        message: `\`${decl.name}\` cannot be nil (xsi:nil / null): it is not nillable. Give a value or remove the element.`,
        span: node.nil,
        fix: { kind: 'remove' },
      });
    } else if ((node.value && node.value.text !== '') || node.children?.length) {
      push(ctx, { code: 'OCI-NIL', severity: 'error', message: `A nil \`${decl.name}\` must be empty (not even spaces).`, span: node.nil });
    }
    // A nil element's xsi:type is still checked against its declaration (its content is not).
    if (node.xsiType) {
      if (ctx.model.simpleType(decl.type)) simpleXsiType(node, decl, ctx);
      else {
        const declared = ctx.model.complexType(decl.type);
        if (declared) resolveXsiType(node, decl, declared, ctx);
      }
    }
    return;
  }
  const simple = ctx.model.simpleType(decl.type);
  if (simple) {
    const type = node.xsiType ? simpleXsiType(node, decl, ctx) : simple;
    if (!type) return;
    walkSimple(node, decl, type, ctx);
    ctx.visit?.(node, decl, decl.type, path);
    return;
  }
  const declared = ctx.model.complexType(decl.type);
  if (!declared) return;
  const typeName = resolveXsiType(node, decl, declared, ctx);
  ctx.visit?.(node, decl, typeName ?? decl.type, path);
  if (!typeName) return;
  const type = ctx.model.complexType(typeName)!;
  if (type.anyContent) return;
  if (type.simpleContent) {
    const st = ctx.model.simpleType(type.simpleContent);
    if (st) walkSimple(node, decl, st, ctx);
    return;
  }
  if (node.value && !isXsdBlank(node.value.text) && !node.children?.length) {
    const what = ctx.format === 'yaml' ? 'a mapping of its child elements' : 'child elements, not text';
    push(ctx, {
      code: 'OCI-EXPECTED-CONTENT',
      severity: 'error',
      message: `\`${decl.name}\` is a ${typeName} and takes ${what}.`,
      span: node.value.span,
    });
    return;
  }
  if (ctx.format === 'xml' && !node.children?.length) {
    const space = emptyContentSpace(type, node.value?.span, decl.name, ctx.command);
    if (space) ctx.out.push(space);
  }
  walkContent(typeName, decl.name, node.nameSpan, node.children ?? [], withParentNamespace(ctx, node.namespace), path);
}

/**
 * Elements holding a secret: their value is never quoted in a message, because diagnostics end up in places that are
 * not secret (the Problems panel, `ocip validate` output, SARIF in CI logs).
 */
const SECRET_ELEMENT = /^(?:password|passcode)$|(?:Password|Passcode|Secret)$/;

function hideValue(message: string, value: string): string {
  const out = message.split(`'${short(value)}'`).join('The value');
  return value.length >= 3 && out.includes(value) ? out.split(value).join('********') : out;
}

function walkSimple(node: ElementNode, decl: ElementDecl, type: SimpleType, ctx: WalkContext): void {
  if (node.children && node.children.length) {
    const what = ctx.format === 'yaml' ? 'a single value, not a mapping' : 'text, not child elements';
    push(ctx, {
      code: 'OCI-EXPECTED-VALUE',
      severity: 'error',
      message: `\`${decl.name}\` takes ${what} (${describeSimpleType(type)}).`,
      span: node.children[0].nameSpan,
    });
    return;
  }
  const value = node.value;
  const span = value ? (value.span.end > value.span.start ? value.span : node.nameSpan) : node.nameSpan;
  // XSD: an element with no content at all takes its fixed or default value (so `<unlimited/>` is true).
  const text = value?.text ?? '';
  const effective = text === '' ? (decl.fixed ?? decl.default ?? '') : text;
  for (const p of checkValue(effective, type, decl.fixed, (n) => ctx.model.simpleType(n))) {
    push(ctx, {
      code: p.code,
      severity: 'error',
      message:
        p.code === 'OCI-EMPTY'
          ? `\`${decl.name}\` is empty: ${describeSimpleType(type)}.`
          : SECRET_ELEMENT.test(decl.name)
            ? hideValue(p.message, effective)
            : p.message,
      span,
      fix: p.candidates ? { kind: 'replaceValue', candidates: p.candidates } : undefined,
    });
  }
}

/** The type named by xsi:type on a simple-typed element: it must be the declared type or derived from it. */
function simpleXsiType(node: ElementNode, decl: ElementDecl, ctx: WalkContext): SimpleType | undefined {
  const given = xsiTypeName(node.xsiType!.text);
  const lookup = (n: string) => ctx.model.simpleType(n);
  const type = isNamedType(given) ? lookup(given) : undefined;
  if (type && simpleTypeDerivesFrom(lookup, given, decl.type)) return type;
  push(ctx, {
    code: 'OCI-XSI-TYPE-INVALID',
    severity: 'error',
    message: `xsi:type '${short(given)}' is not allowed for \`${decl.name}\`: ${type || ctx.model.complexType(given) ? `it is not derived from ${decl.type}` : 'no such type'}. Remove xsi:type (the element is a ${decl.type}).`,
    span: node.xsiType!.span,
    fix: { kind: 'replaceValue', candidates: [decl.type] },
  });
  return undefined;
}

/** The type name of an xsi:type value: XSD built-ins keep their "xs:" spelling, another prefix is dropped. */
function xsiTypeName(text: string): string {
  const name = xsdCollapse(text);
  return name.startsWith('xs:') ? name : name.replace(/^[^:]*:/, '');
}

/** The concrete type of a complex element; undefined when it cannot be determined (already reported). */
function resolveXsiType(node: ElementNode, decl: ElementDecl, declared: ComplexType, ctx: WalkContext): string | undefined {
  // Most elements have a concrete type and no xsi:type: the subtypes (a walk of the derivations) are not needed.
  if (!node.xsiType && !declared.abstract) return declared.name;
  const subtypes = ctx.model.subtypesOf(declared.name);
  if (!node.xsiType) {
    push(ctx, {
      code: 'OCI-XSI-TYPE-MISSING',
      severity: 'error',
      message: `\`${decl.name}\` has the abstract type ${declared.name}: say which concrete type with xsi:type (${subtypes.join(' or ')}).`,
      span: node.nameSpan,
      fix: { kind: 'addXsiType', candidates: subtypes },
    });
    return undefined;
  }
  const given = xsiTypeName(node.xsiType.text);
  if (given === declared.name && !declared.abstract && isNamedType(given)) return given;
  if (subtypes.includes(given)) return given;
  const suggestion = suggestName(given, subtypes);
  push(ctx, {
    code: 'OCI-XSI-TYPE-INVALID',
    severity: 'error',
    message: `xsi:type '${short(given)}' is not allowed for \`${decl.name}\`: use ${(declared.abstract ? subtypes : [declared.name, ...subtypes]).join(' or ')}.${suggestion ? ` Did you mean ${suggestion}?` : ''}`,
    span: node.xsiType.span,
    fix: { kind: 'replaceValue', candidates: suggestion ? [suggestion] : subtypes },
  });
  return undefined;
}
