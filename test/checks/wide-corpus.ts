/**
 * The generated corpus of the widened XSD-agreement test (issue 9): random valid UserConsolidatedAddRequest22
 * documents built from the model (every element of the command's closure can appear, random branches and
 * counts, valid values for every simple type), each with at most one change from the classes the checks
 * once got wrong: Unicode and XSD spaces in facet-bound values, attributes on any element, xsi:type on any
 * element (declared, derived, unrelated, unknown, built-in), xsi:nil (true and false) on any element including
 * `command`, and the envelope's attributes and facets. Whether a document is valid is for the XSD to say:
 * the generator does not predict verdicts.
 *
 * Deterministic for a seed (mulberry32), so a failing run is replayed with OCIP_AGREEMENT_SEED.
 */
import type { ModelIndex } from '../../core/model';
import type { ElementDecl, Particle, SimpleType } from '../../core/model/types';
import { simpleTypeDerivesFrom } from '../../core/checks/derivation';
import type { Node } from './corpus';

export interface WideNode extends Node {
  children?: WideNode[];
  attrs?: [string, string][];
  /** xsi:nil="false" (allowed only on nillable elements). */
  nilFalse?: boolean;
  /** Text written inside a nil element (never allowed). */
  nilText?: string;
}

export interface WideDoc {
  id: string;
  command: string;
  children: WideNode[];
  /** Only XML can say it (attributes, xsi:type on a simple element, nil command, envelope changes). */
  xmlOnly: boolean;
  commandAttrs?: [string, string][];
  commandNil?: boolean;
  envelopeAttrs?: [string, string][];
  protocol?: string;
  trackingId?: string;
  session?: { attrs?: [string, string][]; nil?: boolean; xsiType?: string; child?: boolean };
}

export type Rng = () => number;

export function mulberry32(seed: number): Rng {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = <T>(rnd: Rng, list: readonly T[]): T => list[Math.floor(rnd() * list.length)];
const int = (rnd: Rng, lo: number, hi: number) => lo + Math.floor(rnd() * (hi - lo + 1));

/** Characters JavaScript calls whitespace and XSD does not. */
export const UNICODE_SPACES = ['\u00a0', '\u1680', '\u2000', '\u2003', '\u2007', '\u200a', '\u202f', '\u205f', '\u3000', '\ufeff'];
const XSD_SPACES = [' ', '\t', '\n', '\r'];
const LETTERS = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._@';

function randomText(rnd: Rng, len: number): string {
  let s = '';
  for (let i = 0; i < len; i++) s += LETTERS[int(rnd, 0, LETTERS.length - 1)];
  return s;
}

/** A valid value of a simple type (the model's facets; the closure has no patterns). */
function validValue(rnd: Rng, st: SimpleType, decl: ElementDecl, model: ModelIndex): string {
  if (decl.fixed !== undefined) return rnd() < 0.2 ? '' : decl.fixed;
  if (st.enumeration) return pick(rnd, st.enumeration);
  if (st.builtin === 'boolean') return pick(rnd, ['true', 'false', '1', '0']);
  if (st.builtin === 'union' && st.memberTypes?.length) {
    const m = model.simpleType(pick(rnd, st.memberTypes));
    if (m) return validValue(rnd, m, { ...decl, fixed: undefined }, model);
  }
  if (/int|integer|long|short|byte/i.test(st.builtin)) {
    const lo = st.minInclusive ?? (st.minExclusive !== undefined ? st.minExclusive + 1 : 0);
    const hi = st.maxInclusive ?? (st.maxExclusive !== undefined ? st.maxExclusive - 1 : lo + 1000);
    return String(int(rnd, lo, Math.min(hi, lo + 100000)));
  }
  const lo = st.length ?? st.minLength ?? 1;
  const hi = st.length ?? Math.min(st.maxLength ?? 30, lo + 20);
  return randomText(rnd, int(rnd, Math.max(lo, 1), Math.max(hi, 1)));
}

function times(rnd: Rng, p: Particle): number {
  const max = p.maxOccurs === 'unbounded' ? p.minOccurs + 2 : p.maxOccurs;
  if (p.minOccurs === 0) return rnd() < 0.45 ? int(rnd, 1, Math.max(1, Math.min(max, 2))) : 0;
  return int(rnd, p.minOccurs, Math.min(max, p.minOccurs + 1));
}

export class WideGenerator {
  constructor(
    private readonly model: ModelIndex,
    private readonly rnd: Rng,
  ) {}

  /** A valid instance of a complex type's content. */
  content(typeName: string, depth = 0): WideNode[] {
    const ct = this.model.complexType(typeName);
    if (!ct?.content || depth > 8) return [];
    return this.particle(ct.content, depth);
  }

  private particle(p: Particle, depth: number): WideNode[] {
    const out: WideNode[] = [];
    const n = times(this.rnd, p);
    for (let i = 0; i < n; i++) {
      if (p.kind === 'element') out.push(this.element(p, depth));
      else if (p.kind === 'sequence') for (const item of p.items) out.push(...this.particle(item, depth));
      else if (p.items.length) out.push(...this.particle(pick(this.rnd, p.items), depth));
    }
    return out;
  }

  element(decl: ElementDecl, depth: number): WideNode {
    const st = this.model.simpleType(decl.type);
    if (st) return { name: decl.name, value: validValue(this.rnd, st, decl, this.model) };
    const ct = this.model.complexType(decl.type);
    if (ct?.abstract) {
      const sub = pick(this.rnd, this.model.subtypesOf(ct.name));
      return { name: decl.name, xsiType: sub, children: this.content(sub, depth + 1) };
    }
    if (ct?.simpleContent) return { name: decl.name, value: 'x' };
    return { name: decl.name, children: this.content(decl.type, depth + 1) };
  }
}

interface Site {
  node: WideNode;
  decl: ElementDecl;
}

/** Every element of a document with its declaration. */
function sites(model: ModelIndex, typeName: string, nodes: WideNode[], out: Site[] = []): Site[] {
  for (const n of nodes) {
    const decl = model.childDecl(typeName, n.name);
    if (!decl) continue;
    out.push({ node: n, decl });
    if (n.children) sites(model, n.xsiType ?? decl.type, n.children, out);
  }
  return out;
}

/** Values around a simple type's facets, made with XSD spaces and with spaces XSD does not know. */
function spaceValues(rnd: Rng, st: SimpleType, valid: string): string[] {
  const u = pick(rnd, UNICODE_SPACES);
  const x = pick(rnd, XSD_SPACES);
  const out = [
    u,
    u + u,
    `${x}${u}${x}`,
    `${x}${valid}${x}${x}`,
    `${u}${valid}`,
    `${valid}${u}`,
    `${x}${x}`,
    '',
    valid.replace(/ /g, '  '),
    `${valid.slice(0, 1)}${x}${x}${valid.slice(1)}`,
  ];
  const max = st.length ?? st.maxLength;
  if (max !== undefined && max < 300)
    out.push(
      u.repeat(max),
      u.repeat(max + 1),
      `${x}${u.repeat(max)}${x}`,
      `a${x}${x}${x}${'b'.repeat(Math.max(0, max - 2))}`,
      'a'.repeat(max) + x,
      x.repeat(3) + 'a'.repeat(max + 1),
    );
  const min = st.length ?? st.minLength;
  if (min !== undefined && min > 1) out.push(u.repeat(min), u.repeat(min - 1), `${x}${'a'.repeat(min - 1)}${x}`);
  if (st.enumeration) {
    const e = pick(rnd, st.enumeration);
    out.push(`${x}${e}${x}`, `${e}${u}`, e.replace(/ /g, `${x}${x}`), e.replace(/ /g, u));
  }
  if (st.builtin === 'boolean') out.push(`${x}true${x}`, `${u}true`, `false${u}`);
  if (/int/i.test(st.builtin)) out.push(`${x}${valid}${x}`, `${u}${valid}`, `+${valid}`, `0${valid}`, `${valid}${u}`);
  return out;
}

const ATTRS_ANY: [string, string][][] = [
  [['foo', '1']],
  [['lang', 'en']],
  [['xml:lang', 'en']],
  [['xmlns:x', 'urn:x']],
  [
    ['xmlns:x', 'urn:x'],
    ['x:foo', '1'],
  ],
  [['xsi:foo', '1']],
  [['echo', 'e']],
  [['xmlns', '']],
];
const ATTRS_COMMAND: [string, string][][] = [
  [['echo', 'e']],
  [['requestLocale', ' en_US ']],
  [['foo', '1']],
  [['debugInfo', 'd']],
  [['xsi:foo', '1']],
  [
    ['echo', 'a'],
    ['requestLocale', 'fr'],
    ['debugInfo', 'd'],
  ],
  [['protocol', 'OCI']],
  [['xml:lang', 'en']],
];

export class WideMutator {
  private readonly simpleNames: string[];
  private readonly complexNames: string[];

  constructor(
    private readonly model: ModelIndex,
    private readonly rnd: Rng,
    simpleNames: string[],
    complexNames: string[],
  ) {
    this.simpleNames = simpleNames;
    this.complexNames = complexNames;
  }

  /** A change YAML can express too: values, nil on an element, xsi:type on a complex element. */
  yamlChange(doc: WideDoc): string {
    const all = sites(this.model, doc.command, doc.children);
    if (!all.length || this.rnd() < 0.08) return 'valid';
    const site = pick(this.rnd, all);
    const st = this.model.simpleType(site.decl.type);
    const kind = st ? pick(this.rnd, ['space', 'space', 'space', 'nil']) : pick(this.rnd, ['nil', 'type', 'type']);
    if (kind === 'space') {
      const v = pick(this.rnd, spaceValues(this.rnd, st!, site.node.value ?? 'a'));
      site.node.value = v;
      return `space:${site.decl.name}:${JSON.stringify(v)}`;
    }
    if (kind === 'nil') {
      setNil(site.node);
      return `nil:${site.decl.name}`;
    }
    const t = this.complexXsiType(site.decl);
    site.node.xsiType = t;
    return `type:${site.decl.name}:${t}`;
  }

  /** A change only XML can express. */
  xmlChange(doc: WideDoc): string {
    const all = sites(this.model, doc.command, doc.children);
    const kind = pick(this.rnd, [
      'attr',
      'attr',
      'command-attr',
      'simple-type',
      'simple-type',
      'command-nil',
      'nil-false',
      'nil-text',
      'envelope',
      'envelope',
    ]);
    if (kind === 'command-attr' || !all.length) {
      doc.commandAttrs = pick(this.rnd, ATTRS_COMMAND);
      return `command-attr:${JSON.stringify(doc.commandAttrs)}`;
    }
    if (kind === 'command-nil') {
      doc.commandNil = true;
      if (this.rnd() < 0.7) doc.children = [];
      return `command-nil:${doc.children.length}`;
    }
    if (kind === 'envelope') return this.envelopeChange(doc);
    const site = pick(this.rnd, all);
    if (kind === 'attr') {
      site.node.attrs = pick(this.rnd, ATTRS_ANY);
      return `attr:${site.decl.name}:${JSON.stringify(site.node.attrs)}`;
    }
    if (kind === 'nil-false') {
      site.node.nilFalse = true;
      return `nil-false:${site.decl.name}`;
    }
    if (kind === 'nil-text') {
      const text = pick(this.rnd, ['x', ' ', '\u00a0', '']);
      setNil(site.node);
      site.node.nilText = text;
      return `nil-text:${site.decl.name}:${JSON.stringify(text)}`;
    }
    // xsi:type on any element (simple ones included)
    const st = this.model.simpleType(site.decl.type);
    const t = st ? this.simpleXsiType(site.decl) : this.complexXsiType(site.decl);
    site.node.xsiType = t;
    return `type:${site.decl.name}:${t}`;
  }

  private simpleXsiType(decl: ElementDecl): string {
    const lookup = (n: string) => this.model.simpleType(n);
    const derived = this.simpleNames.filter((n) => n !== decl.type && simpleTypeDerivesFrom(lookup, n, decl.type));
    return pick(this.rnd, [
      decl.type,
      ...(derived.length ? [pick(this.rnd, derived), pick(this.rnd, derived)] : []),
      pick(this.rnd, this.simpleNames),
      pick(this.rnd, this.complexNames),
      'NoSuchType',
      pick(this.rnd, ['xs:token', 'xs:string', 'xs:normalizedString', 'xs:int', 'xs:anySimpleType']),
    ]);
  }

  private complexXsiType(decl: ElementDecl): string {
    const subs = this.model.subtypesOf(decl.type);
    return pick(this.rnd, [
      decl.type,
      ...(subs.length ? [pick(this.rnd, subs)] : []),
      pick(this.rnd, this.complexNames),
      pick(this.rnd, this.simpleNames),
      'NoSuchType',
    ]);
  }

  private envelopeChange(doc: WideDoc): string {
    switch (
      pick(this.rnd, ['tracking', 'tracking', 'protocol', 'env-attr', 'session-nil', 'session-type', 'session-attr', 'session-child'])
    ) {
      case 'tracking':
        doc.trackingId = pick(this.rnd, ['', ' ', '\t\n', pick(this.rnd, UNICODE_SPACES), 'abc', ' a  b ', 'x'.repeat(300)]);
        return `tracking:${JSON.stringify(doc.trackingId)}`;
      case 'protocol':
        doc.protocol = pick(this.rnd, [' OCI ', 'NSOCI', 'oci', '', 'OCI\u00a0', '\tNSOCI\n', 'OCI X']);
        return `protocol:${JSON.stringify(doc.protocol)}`;
      case 'env-attr':
        doc.envelopeAttrs = pick(this.rnd, [[['version', '1']], [['xmlns:x', 'urn:x']], [['xsi:foo', '1']], [['echo', 'e']]] as [
          string,
          string,
        ][][]);
        return `env-attr:${JSON.stringify(doc.envelopeAttrs)}`;
      case 'session-nil':
        doc.session = { nil: true };
        return 'session-nil';
      case 'session-type':
        doc.session = {
          xsiType: pick(this.rnd, [
            'UserId',
            'GroupUserLimit',
            'NoSuchType',
            'xs:normalizedString',
            'xs:string',
            'xs:token',
            'xs:int',
            'NonEmptyToken',
            'GroupDepartmentKey',
          ]),
        };
        return `session-type:${doc.session.xsiType}`;
      case 'session-attr':
        doc.session = { attrs: pick(this.rnd, [[['id', '1']], [['xmlns:y', 'urn:y']]] as [string, string][][]) };
        return `session-attr:${JSON.stringify(doc.session.attrs)}`;
      default:
        doc.session = { child: true };
        return 'session-child';
    }
  }
}

function setNil(node: WideNode): void {
  node.nil = true;
  delete node.value;
  delete node.children;
}

function escapeText(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\r/g, '&#13;');
}

function escapeAttr(s: string): string {
  return escapeText(s).replace(/"/g, '&quot;').replace(/\t/g, '&#9;').replace(/\n/g, '&#10;');
}

const attrText = (attrs: [string, string][] | undefined) => (attrs ?? []).map(([k, v]) => ` ${k}="${escapeAttr(v)}"`).join('');

function renderNode(n: WideNode, indent: string): string {
  const attrs =
    (n.xsiType !== undefined ? ` xsi:type="${escapeAttr(n.xsiType)}"` : '') +
    (n.nil ? ' xsi:nil="true"' : n.nilFalse ? ' xsi:nil="false"' : '') +
    attrText(n.attrs);
  if (n.nil) return n.nilText ? `${indent}<${n.name}${attrs}>${escapeText(n.nilText)}</${n.name}>` : `${indent}<${n.name}${attrs}/>`;
  if (n.children) {
    if (n.children.length === 0) return `${indent}<${n.name}${attrs}/>`;
    return `${indent}<${n.name}${attrs}>\n${n.children.map((c) => renderNode(c, indent + '  ')).join('\n')}\n${indent}</${n.name}>`;
  }
  return `${indent}<${n.name}${attrs}>${escapeText(n.value ?? '')}</${n.name}>`;
}

export function renderWideXml(doc: WideDoc): string {
  const s = doc.session ?? {};
  const sessionAttrs = (s.xsiType ? ` xsi:type="${s.xsiType}"` : '') + (s.nil ? ' xsi:nil="true"' : '') + attrText(s.attrs);
  const session = s.nil
    ? `  <sessionId xmlns=""${sessionAttrs}/>`
    : `  <sessionId xmlns=""${sessionAttrs}>${s.child ? '<a/>' : 'wide'}</sessionId>`;
  const command = `  <command xsi:type="${doc.command}" xmlns=""${doc.commandNil ? ' xsi:nil="true"' : ''}${attrText(doc.commandAttrs)}`;
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<BroadsoftDocument protocol="${escapeAttr(doc.protocol ?? 'OCI')}" xmlns="C" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:xs="http://www.w3.org/2001/XMLSchema"${attrText(doc.envelopeAttrs)}>`,
    session,
    ...(doc.trackingId !== undefined ? [`  <trackingId xmlns="">${escapeText(doc.trackingId)}</trackingId>`] : []),
    doc.children.length ? `${command}>\n${doc.children.map((c) => renderNode(c, '    ')).join('\n')}\n  </command>` : `${command}/>`,
    '</BroadsoftDocument>',
    '',
  ].join('\n');
}
