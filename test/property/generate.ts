/**
 * Random OCI-P documents for the property tests: valid commands generated from the model's content models
 * (sequences, choices, occurrences, facets, abstract types), tree mutations (delete, duplicate, rename, corrupt)
 * and text mutations (insert characters or lines, delete a range, truncate).
 * Rendering to XML and YAML reuses the XSD-agreement corpus renderers so both tests speak the same trees.
 */
import fc from 'fast-check';
import type { ModelIndex } from '../../core/model';
import type { ElementDecl, GroupParticle, Particle, SimpleType } from '../../core/model/types';
import type { Node } from '../checks/corpus';

export type { Node } from '../checks/corpus';
export { renderXml, renderYaml } from '../checks/corpus';

export interface GenDoc {
  command: string;
  children: Node[];
}

type Gen = fc.GeneratorValue;

const ID_CHARS = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._-@';
const MAX_DEPTH = 6;

function idString(g: Gen, min: number, max: number): string {
  const length = g(fc.integer, { min, max });
  let s = '';
  for (let i = 0; i < length; i++) s += ID_CHARS[g(fc.nat, { max: ID_CHARS.length - 1 })];
  return s;
}

/** A value the simple type accepts (facets respected; only token, NMTOKEN, int and boolean occur in the model). */
function validValue(g: Gen, st: SimpleType, decl: ElementDecl): string {
  if (decl.fixed !== undefined) return decl.fixed;
  if (st.enumeration?.length) return g(fc.constantFrom, ...st.enumeration);
  if (st.builtin === 'boolean') return g(fc.constantFrom, 'true', 'false', '1', '0');
  if (st.builtin === 'int') {
    const min = Math.max(st.minInclusive ?? -2147483648, st.minExclusive !== undefined ? st.minExclusive + 1 : -Infinity);
    const max = Math.min(st.maxInclusive ?? 2147483647, st.maxExclusive !== undefined ? st.maxExclusive - 1 : Infinity);
    return String(g(fc.integer, { min, max }));
  }
  if (st.length !== undefined) return idString(g, st.length, st.length);
  const min = Math.max(1, st.minLength ?? 1);
  return idString(g, min, Math.max(min, Math.min(st.maxLength ?? 30, 30)));
}

function occurrences(g: Gen, min: number, max: number | 'unbounded', depth: number): number {
  const cap = Math.min(max === 'unbounded' ? 3 : max, 3);
  if (depth >= MAX_DEPTH) return min;
  return g(fc.integer, { min, max: Math.max(min, cap) });
}

function elementNodes(g: Gen, model: ModelIndex, decl: ElementDecl, depth: number): Node[] {
  const out: Node[] = [];
  const count = occurrences(g, decl.minOccurs, decl.maxOccurs, depth);
  for (let i = 0; i < count; i++) out.push(elementNode(g, model, decl, depth));
  return out;
}

function elementNode(g: Gen, model: ModelIndex, decl: ElementDecl, depth: number): Node {
  if (decl.nillable && depth < MAX_DEPTH && g(fc.integer, { min: 0, max: 9 }) === 0) return { name: decl.name, nil: true };
  const st = model.simpleType(decl.type);
  if (st) return { name: decl.name, value: validValue(g, st, decl) };
  let typeName = decl.type;
  let xsiType: string | undefined;
  if (model.complexType(typeName)?.abstract) {
    const concrete: string = g(fc.constantFrom, ...model.subtypesOf(typeName));
    xsiType = typeName = concrete;
  }
  const children = contentNodes(g, model, typeName, depth + 1);
  return xsiType ? { name: decl.name, xsiType, children } : { name: decl.name, children };
}

function particleNodes(g: Gen, model: ModelIndex, p: Particle, depth: number): Node[] {
  if (p.kind === 'element') return elementNodes(g, model, p, depth);
  const repeat = occurrences(g, p.minOccurs, p.maxOccurs, depth);
  const out: Node[] = [];
  for (let r = 0; r < repeat; r++) out.push(...groupNodes(g, model, p, depth));
  return out;
}

function groupNodes(g: Gen, model: ModelIndex, group: GroupParticle, depth: number): Node[] {
  if (group.kind === 'sequence') return group.items.flatMap((item) => particleNodes(g, model, item, depth));
  const branch = group.items[g(fc.nat, { max: group.items.length - 1 })];
  // A branch whose only element is optional may give nothing; a required choice needs something, so force one.
  const nodes = particleNodes(g, model, branch, depth);
  if (nodes.length === 0 && branch.kind === 'element') return [elementNode(g, model, branch, depth)];
  return nodes;
}

function contentNodes(g: Gen, model: ModelIndex, typeName: string, depth: number): Node[] {
  const content = model.complexType(typeName)?.content;
  return content ? groupNodes(g, model, content, depth) : [];
}

/** A schema-valid command of one of the model's request types. */
export function validDocument(model: ModelIndex, commands = model.commandNames()): fc.Arbitrary<GenDoc> {
  return fc.gen().map((g) => {
    const command = g(fc.constantFrom, ...commands);
    return { command, children: contentNodes(g, model, command, 0) };
  });
}

// ---------------------------------------------------------------------------------------------- tree mutations

/** Every node of the tree with the list that holds it. */
function slots(children: Node[]): { list: Node[]; index: number }[] {
  const out: { list: Node[]; index: number }[] = [];
  const walk = (list: Node[]) =>
    list.forEach((n, index) => {
      out.push({ list, index });
      if (n.children) walk(n.children);
    });
  walk(children);
  return out;
}

/** Text that may break a value: XML specials, quotes, YAML indicators, unicode, whitespace; no XML-illegal characters. */
export const nastyText = fc.oneof(
  fc.string({ maxLength: 12 }),
  fc
    .string({ unit: 'binary', maxLength: 8 })
    .map((s) => s.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\r\ufffe\uffff]|[\ud800-\udfff]/g, '')),
  fc.constantFrom(
    '',
    ' ',
    '  x  ',
    '&amp;',
    '<',
    '&',
    ']]>',
    '"\'',
    '- a',
    ': b',
    '#c',
    '~',
    'null',
    'true',
    '0x1F',
    '1e3',
    '-0',
    '2147483648',
    'é✓😀',
    '\t',
    'a\nb',
    'a\r\nb',
    ' \r ',
  ),
);

export type TreeMutation = (doc: GenDoc) => void;

export function treeMutation(): fc.Arbitrary<TreeMutation> {
  return fc
    .tuple(
      fc.nat(),
      fc.constantFrom('delete', 'duplicate', 'rename', 'value', 'nil', 'children', 'empty-children', 'xsi-type'),
      nastyText,
      fc.nat(),
    )
    .map(([pick, kind, text, extra]) => (doc: GenDoc) => {
      const all = slots(doc.children);
      if (all.length === 0) return;
      const { list, index } = all[pick % all.length];
      const node = list[index];
      switch (kind) {
        case 'delete':
          list.splice(index, 1);
          break;
        case 'duplicate':
          list.splice(index + 1, 0, structuredClone(node));
          break;
        case 'rename': {
          const renames = [
            `${node.name}X`,
            node.name.toUpperCase(),
            node.name.slice(1),
            node.name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`),
            all[extra % all.length].list[0].name,
          ];
          node.name = renames[extra % renames.length] || 'x';
          break;
        }
        case 'value':
          list[index] = { name: node.name, value: text };
          break;
        case 'nil':
          list[index] = { name: node.name, nil: true };
          break;
        case 'children':
          list[index] = { name: node.name, children: [{ name: text.replace(/[^A-Za-z]/g, '') || 'child', value: 'v' }] };
          break;
        case 'empty-children':
          list[index] = { name: node.name, children: [] };
          break;
        case 'xsi-type':
          node.xsiType = ['GroupDepartmentKey', 'EnterpriseDepartmentKey', 'DepartmentKey', 'Nope'][extra % 4];
          if (!node.children) node.children = [];
          delete node.value;
          // YAML cannot write xsi:type on a nil element (null has no keys): the mapping with xsi:type is the same document in both.
          delete node.nil;
          break;
      }
    });
}

export function mutatedDocument(model: ModelIndex): fc.Arbitrary<GenDoc> {
  return fc.tuple(validDocument(model), fc.array(treeMutation(), { maxLength: 4 })).map(([doc, mutations]) => {
    for (const m of mutations) m(doc);
    return doc;
  });
}

// ---------------------------------------------------------------------------------------------- text mutations

export type TextMutation = (text: string) => string;

const JUNK = fc.oneof(
  fc.string({ maxLength: 6 }),
  fc.constantFrom(
    '<',
    '>',
    '</',
    '/>',
    '<!--',
    '-->',
    '<![CDATA[',
    ']]>',
    '&',
    '&lt;',
    '&#x0;',
    '&#xD800;',
    '&foo;',
    '"',
    "'",
    '=',
    ':',
    ': ',
    '- ',
    '---',
    '...',
    '{',
    '}',
    '[',
    ']',
    '*a',
    '&a',
    '!!binary',
    '%TAG',
    '\t',
    '\n',
    '\r\n',
    '\u0000',
    '\ufeff',
    '\ud800',
    '😀',
    'xsi:type',
    '<!DOCTYPE x [<!ENTITY e "e">]>',
    '<command xsi:type="UserDeleteRequest">',
    'command: UserGetRequest23V2\n',
  ),
);

export function textMutation(): fc.Arbitrary<TextMutation> {
  return fc.oneof(
    fc.tuple(fc.nat(), JUNK).map(
      ([at, junk]) =>
        (t: string) =>
          t.slice(0, at % (t.length + 1)) + junk + t.slice(at % (t.length + 1)),
    ),
    fc.tuple(fc.nat(), fc.array(JUNK, { minLength: 1, maxLength: 3 })).map(([at, parts]) => (t: string) => {
      const lines = t.split('\n');
      lines.splice(at % (lines.length + 1), 0, parts.join(''));
      return lines.join('\n');
    }),
    fc.tuple(fc.nat(), fc.nat({ max: 40 })).map(([at, length]) => (t: string) => {
      const from = at % (t.length + 1);
      return t.slice(0, from) + t.slice(from + length);
    }),
    fc.nat().map((at) => (t: string) => t.slice(0, at % (t.length + 1))),
    fc.tuple(fc.nat(), fc.nat({ max: 8 })).map(([at, spaces]) => (t: string) => {
      // Re-indent one line: the mutation most specific to YAML.
      const lines = t.split('\n');
      const i = at % lines.length;
      lines[i] = ' '.repeat(spaces) + lines[i].trimStart();
      return lines.join('\n');
    }),
  );
}

export function applyText(text: string, mutations: TextMutation[]): string {
  return mutations.reduce((t, m) => m(t), text);
}
