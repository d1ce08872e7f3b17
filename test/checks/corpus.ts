/**
 * The corpus for the XSD-agreement test: valid UserConsolidatedAddRequest22 documents and single-mistake
 * mutations of them, as abstract element trees rendered to XML (BroadsoftDocument) and YAML.
 */
import type { ModelIndex } from '../../core/model';
import type { ElementDecl } from '../../core/model/types';

export interface Node {
  name: string;
  value?: string;
  nil?: boolean;
  xsiType?: string;
  children?: Node[];
}

export interface Doc {
  id: string;
  command: string;
  children: Node[];
  /** Order-only mutations exist only in XML: YAML keys have no order. */
  xmlOnly?: boolean;
}

const leaf = (name: string, value: string): Node => ({ name, value });
const el = (name: string, ...children: Node[]): Node => ({ name, children });

export const BASES: Doc[] = [
  {
    id: 'minimal',
    command: 'UserConsolidatedAddRequest22',
    children: [
      leaf('serviceProviderId', 'acme'),
      leaf('groupId', 'hq'),
      leaf('userId', 'alice@acme.example'),
      leaf('lastName', 'Martin'),
      leaf('firstName', 'Alice'),
      leaf('callingLineIdLastName', 'Martin'),
      leaf('callingLineIdFirstName', 'Alice'),
      leaf('password', 'Secret-123'),
    ],
  },
  {
    id: 'rich',
    command: 'UserConsolidatedAddRequest22',
    children: [
      leaf('groupExternalId', 'ext-hq-1'),
      el(
        'groupProperties',
        leaf('defaultDomain', 'acme.example'),
        leaf('userLimit', '25'),
        leaf('groupName', 'HQ'),
        el('contact', { name: 'contactName', nil: true }, leaf('contactNumber', '555')),
        el('address', leaf('city', 'Paris'), leaf('stateOrProvinceDisplayName', 'IDF')),
        el('defaultNetworkClassOfService', leaf('useExisting', 'true')),
        el('groupService', leaf('groupServiceName', 'Hunt Group'), el('authorizedQuantity', leaf('quantity', '3'))),
      ),
      leaf('userId', 'bob@acme.example'),
      leaf('userExternalId', 'u-77'),
      leaf('addPhoneNumberToGroup', 'true'),
      leaf('lastName', 'Nguyen'),
      leaf('firstName', 'Bob'),
      leaf('callingLineIdLastName', 'Nguyen'),
      leaf('callingLineIdFirstName', 'Bob'),
      el('nameDialingName', leaf('nameDialingLastName', 'Nguyen'), leaf('nameDialingFirstName', 'Bob')),
      leaf('phoneNumber', '2125550142'),
      el('alternateUserId', leaf('alternateUserId', 'bob2@acme.example'), leaf('description', 'old id')),
      leaf('extension', '0142'),
      leaf('password', 'Secret-123'),
      {
        name: 'department',
        xsiType: 'GroupDepartmentKey',
        children: [leaf('serviceProviderId', 'acme'), leaf('groupId', 'hq'), leaf('name', 'Sales')],
      },
      leaf('timeZone', 'Europe/Paris'),
      leaf('alias', 'bob@acme.example'),
      leaf('alias', 'b@acme.example'),
      el(
        'accessDeviceEndpoint',
        el('accessDevice', leaf('deviceLevel', 'Group'), leaf('deviceName', 'bob-desk')),
        leaf('linePort', 'bob_1@acme.example'),
        leaf('contact', 'bob@10.0.0.1'),
        leaf('portNumber', '2'),
        leaf('port', '5060'),
        leaf('transportProtocol', 'UDP'),
        el('accessDeviceCredentials', leaf('userName', 'dev'), leaf('password', 'dev-pass')),
        leaf('useHotline', 'false'),
      ),
      el(
        'sharedCallAppearanceAccessDeviceEndpoint',
        el('accessDevice', leaf('deviceLevel', 'System'), leaf('deviceName', 'sca')),
        leaf('linePort', 'bob_sca@acme.example'),
        leaf('isActive', '1'),
        leaf('allowOrigination', 'true'),
        leaf('allowTermination', '0'),
        leaf('useHotline', 'false'),
      ),
      leaf('emailAddress', 'bob@acme.example'),
      el('address', { name: 'addressLine1', nil: true }, leaf('country', 'France')),
      el('userService', leaf('userServiceName', 'Shared Call Appearance')),
      el('userService', leaf('userServiceName', 'Third-Party Voice Mail Support'), el('authorizedQuantity', leaf('unlimited', 'true'))),
      el('userService', leaf('userServiceName', 'Authentication')),
      el('servicePack', leaf('servicePackName', 'Basic')),
      leaf('thirdPartyVoiceMailServerSelection', 'User Specific Mail Server'),
      { name: 'thirdPartyVoiceMailServerUserServer', nil: true },
      leaf('thirdPartyVoiceMailServerMailboxIdType', 'URL'),
      el('sipAuthenticationData', leaf('sipAuthenticationUserName', 'bob'), leaf('sipAuthenticationPassword', 'sip-pass')),
      leaf('isPlace', 'false'),
    ],
  },
  {
    id: 'trunk',
    command: 'UserConsolidatedAddRequest22',
    children: [
      leaf('serviceProviderId', 'acme'),
      leaf('groupId', 'hq'),
      leaf('userId', 'pbx@acme.example'),
      leaf('lastName', 'PBX'),
      leaf('firstName', 'Main'),
      leaf('callingLineIdLastName', 'PBX'),
      leaf('callingLineIdFirstName', 'Main'),
      leaf('password', 'Secret-123'),
      el(
        'trunkAddressing',
        el('trunkGroupDeviceEndpoint', leaf('name', 'tg1'), leaf('linePort', 'pbx_1@acme.example')),
        leaf('enterpriseTrunkName', 'et1'),
      ),
    ],
  },
  { id: 'delete', command: 'UserDeleteRequest', children: [leaf('userId', 'old@acme.example')] },
];

const clone = (n: Node[]): Node[] => JSON.parse(JSON.stringify(n));

type Visit = (node: Node, decl: ElementDecl, typeName: string, path: number[]) => void;

/** Walk a document with the model, giving each node its declaration and resolved type. */
function walk(model: ModelIndex, typeName: string, nodes: Node[], visit: Visit, path: number[] = []): void {
  nodes.forEach((n, i) => {
    const decl = model.childDecl(typeName, n.name);
    if (!decl) return;
    const resolved = n.xsiType ?? decl.type;
    visit(n, decl, resolved, [...path, i]);
    if (n.children) walk(model, resolved, n.children, visit, [...path, i]);
  });
}

function at(children: Node[], path: number[]): { list: Node[]; index: number } {
  let list = children;
  for (const i of path.slice(0, -1)) list = list[i].children!;
  return { list, index: path[path.length - 1] };
}

/** Every single-mistake (or harmless) mutation of a base document. */
export function mutations(model: ModelIndex, base: Doc): Doc[] {
  const out: Doc[] = [];
  const add = (id: string, change: (children: Node[]) => void, xmlOnly = false) => {
    const children = clone(base.children);
    change(children);
    out.push({ id: `${base.id}/${id}`, command: base.command, children, xmlOnly });
  };
  walk(model, base.command, base.children, (node, decl, typeName, path) => {
    const p = path.join('.');
    add(`remove:${p}:${node.name}`, (c) => {
      const { list, index } = at(c, path);
      list.splice(index, 1);
    });
    if (decl.maxOccurs === 1) {
      add(`duplicate:${p}:${node.name}`, (c) => {
        const { list, index } = at(c, path);
        list.splice(index + 1, 0, JSON.parse(JSON.stringify(list[index])));
      });
    }
    add(`nil:${p}:${node.name}`, (c) => {
      const { list, index } = at(c, path);
      list[index] = { name: node.name, nil: true };
    });
    add(`unknown-after:${p}:${node.name}`, (c) => {
      const { list, index } = at(c, path);
      list.splice(index + 1, 0, { name: `${node.name}X`, value: 'x' });
    });
    if (path[path.length - 1] > 0) {
      add(
        `swap:${p}:${node.name}`,
        (c) => {
          const { list, index } = at(c, path);
          [list[index - 1], list[index]] = [list[index], list[index - 1]];
        },
        true,
      );
    }
    const st = model.simpleType(typeName);
    if (st) {
      const set = (id: string, value: string) =>
        add(`${id}:${p}:${node.name}`, (c) => {
          const { list, index } = at(c, path);
          list[index] = { name: node.name, value };
        });
      set('empty', '');
      set('blank', '   ');
      if (node.value) set('padded', `  ${node.value}  `);
      if (st.maxLength !== undefined && st.maxLength < 2000) set('too-long', 'x'.repeat(st.maxLength + 1));
      if (st.minLength !== undefined && st.minLength > 1) set('too-short', 'x'.repeat(st.minLength - 1));
      if (st.builtin === 'int') {
        set('not-int', '12a');
        if (st.maxInclusive !== undefined) set('above', String(st.maxInclusive + 1));
        if (st.minInclusive !== undefined) set('below', String(st.minInclusive - 1));
        set('max-int', '2147483648');
      }
      if (st.builtin === 'boolean') {
        set('yes', 'yes');
        set('false', 'false');
        set('TRUE', 'TRUE');
      }
      if (st.enumeration) {
        set('enum-case', st.enumeration[0].toUpperCase());
        set('enum-last', st.enumeration[st.enumeration.length - 1]);
        set('enum-bad', 'Nope');
      }
    } else {
      add(`text-in-complex:${p}:${node.name}`, (c) => {
        const { list, index } = at(c, path);
        list[index] = { name: node.name, value: 'text' };
      });
      if (node.xsiType) {
        add(`xsi-missing:${p}`, (c) => delete at(c, path).list[at(c, path).index].xsiType);
        add(`xsi-wrong:${p}`, (c) => (at(c, path).list[at(c, path).index].xsiType = 'DepartmentKey'));
        add(`xsi-other:${p}`, (c) => (at(c, path).list[at(c, path).index].xsiType = 'EnterpriseDepartmentKey'));
      }
    }
  });
  if (base.id === 'minimal') {
    add('choice-both', (c) => c.splice(2, 0, leaf('groupExternalId', 'ext')));
    add('endpoint-both', (c) =>
      c.push(
        el(
          'accessDeviceEndpoint',
          el('accessDevice', leaf('deviceLevel', 'Group'), leaf('deviceName', 'd')),
          leaf('linePort', 'a@b'),
          leaf('useHotline', 'false'),
        ),
        el('trunkAddressing', leaf('enterpriseTrunkName', 'et')),
      ),
    );
    add('alias-4', (c) => c.push(...['a@b', 'c@d', 'e@f', 'g@h'].map((v) => leaf('alias', v))));
    add('unicode', (c) => (c[3] = leaf('lastName', 'Dubois-Éléonore ✓')));
    add('escapes', (c) => (c[4] = leaf('firstName', 'A & B <C> "D"')));
    add('unknown-nested-type', (c) =>
      c.push({ name: 'department', xsiType: 'GroupDepartmentKey', children: [leaf('serviceProviderId', 'a'), leaf('name', 'n')] }),
    );
  }
  return out;
}

function escapeXml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function renderXmlNode(n: Node, indent: string): string {
  const attrs = (n.xsiType ? ` xsi:type="${n.xsiType}"` : '') + (n.nil ? ' xsi:nil="true"' : '');
  if (n.nil) return `${indent}<${n.name}${attrs}/>`;
  if (n.children) {
    if (n.children.length === 0) return `${indent}<${n.name}${attrs}/>`;
    return `${indent}<${n.name}${attrs}>\n${n.children.map((c) => renderXmlNode(c, indent + '  ')).join('\n')}\n${indent}</${n.name}>`;
  }
  return `${indent}<${n.name}${attrs}>${escapeXml(n.value ?? '')}</${n.name}>`;
}

export function renderXml(doc: Doc): string {
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<BroadsoftDocument protocol="OCI" xmlns="C" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">',
    '  <sessionId xmlns="">corpus</sessionId>',
    // A command without elements is an empty element: whitespace inside is refused for types of empty content.
    ...(doc.children.length
      ? [`  <command xsi:type="${doc.command}" xmlns="">`, ...doc.children.map((c) => renderXmlNode(c, '    ')), '  </command>']
      : [`  <command xsi:type="${doc.command}" xmlns=""/>`]),
    '</BroadsoftDocument>',
    '',
  ].join('\n');
}

/** YAML: repeated names become one list (at the first occurrence's place), nil is ~, xsi:type a key. */
function renderYamlMapping(nodes: Node[], indent: string): string[] {
  const lines: string[] = [];
  const groups = new Map<string, Node[]>();
  for (const n of nodes) groups.set(n.name, [...(groups.get(n.name) ?? []), n]);
  for (const [name, group] of groups) {
    if (group.length === 1) lines.push(...renderYamlEntry(name, group[0], indent));
    else {
      lines.push(`${indent}${name}:`);
      for (const n of group) {
        const body = renderYamlValue(n, indent + '    ');
        if (typeof body === 'string') lines.push(`${indent}  - ${body}`);
        else if (body.length === 0) lines.push(`${indent}  - {}`);
        else lines.push(`${indent}  - ${body[0].trimStart()}`, ...body.slice(1));
      }
    }
  }
  return lines;
}

function renderYamlValue(n: Node, indent: string): string | string[] {
  if (n.nil) return '~';
  if (n.children || n.xsiType)
    return [...(n.xsiType ? [`${indent}xsi:type: ${n.xsiType}`] : []), ...renderYamlMapping(n.children ?? [], indent)];
  return JSON.stringify(n.value ?? '');
}

function renderYamlEntry(name: string, n: Node, indent: string): string[] {
  const body = renderYamlValue(n, indent + '  ');
  if (typeof body === 'string') return [`${indent}${name}: ${body}`];
  if (body.length === 0) return [`${indent}${name}: {}`];
  return [`${indent}${name}:`, ...body];
}

export function renderYaml(doc: Doc): string {
  return [`command: ${doc.command}`, ...renderYamlMapping(doc.children, ''), ''].join('\n');
}
