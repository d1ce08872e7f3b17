/**
 * A YAML template is checked row by row on trees built from its one parse (core/template/row-trees) instead of
 * rendering every row as text and parsing it: the diagnostics on the template and on the CSV cells must be exactly
 * those of the text path, for any cell values (generated), any template shape we accept, and the rows asked for.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { builtinModel } from '../../core/model';
import { DEFAULT_CHECK_OPTIONS, type CheckOptions } from '../../core/checks/types';
import { checkTemplate, prepareTemplate } from '../../core/template/check';
import { parseCsv } from '../../core/template/csv';
import { slotValuesOf } from '../../core/template/render';
import { rowTreesOf } from '../../core/template/row-trees';

const model = builtinModel();

const UCA = `# ocip-data: users.csv
command: UserConsolidatedAddRequest22
serviceProviderId: \${sp:-acme}
groupId: "\${group}"
userId: \${user}@acme.example.com
lastName: \${last}
firstName: '\${first}'
callingLineIdLastName: \${last}
callingLineIdFirstName: Jane $\${literal}
phoneNumber: \${phone}
extension: \${ext}
password: Welcome-2026!
department:
  xsi:type: GroupDepartmentKey
  serviceProviderId: acme
  groupId: \${group}
  name: \${dept}
accessDeviceEndpoint:
  accessDevice:
    deviceLevel: \${level}
    deviceName: \${device}
  linePort: \${user}@voice.acme.example.com
  useHotline: \${hotline}
alias:
  - \${user}-a@acme.example.com
  - "\${user}-b@acme.example.com"
userService:
  - userServiceName: \${service}
  - userServiceName: Authentication
`;

/** Two commands per row, the template opening with `---` and a comment between (row separators without `---\n`). */
const TWO = `---
# users and their read-back
command: UserConsolidatedAddRequest22
serviceProviderId: acme
groupId: \${group}
userId: \${user}@acme.example.com
lastName: \${last}
firstName: F
callingLineIdLastName: \${last}
callingLineIdFirstName: F
password: Welcome-2026!
---
command: UserGetRequest23V2
userId: \${user}@acme.example.com
`;

/** A placeholder in a block scalar: the slot spans lines, its value keeps its line break. */
const BLOCK = `command: UserConsolidatedAddRequest22
serviceProviderId: acme
groupId: acme-hq
userId: \${user}@acme.example.com
lastName: |
  \${last}
firstName: F
callingLineIdLastName: L
callingLineIdFirstName: F
`;

/** Flow collections, a comment after a value, CRLF line ends. */
const FLOW = [
  'command: UserConsolidatedAddRequest22',
  'serviceProviderId: acme   # the enterprise',
  'groupId: acme-hq',
  'userId: "${user}@acme.example.com"',
  'lastName: ${last}',
  'firstName: F',
  'callingLineIdLastName: L',
  'callingLineIdFirstName: F',
  'accessDeviceEndpoint: {accessDevice: {deviceLevel: "${level}", deviceName: dev1}, linePort: "${user}@voice.acme.example.com"}',
  'alias: ["${user}-a@acme.example.com", "${user}-b@acme.example.com"]',
  '',
].join('\r\n');

/** A YAML syntax problem besides the slots: the rendered text is checked (the row trees are not used). */
const BROKEN = `command: UserConsolidatedAddRequest22
serviceProviderId: acme
groupId: [acme-hq
userId: \${user}@acme.example.com
lastName: \${last}
`;

const COLUMNS = ['user', 'last', 'first', 'group', 'phone', 'ext', 'dept', 'level', 'device', 'hotline', 'service', 'sp', 'literal'];

/** Cell values: good ones, typical mistakes, and characters that test the quoting (CSV-quoted when written). */
const cell = fc.oneof(
  fc.constantFrom('jane', 'Doe', 'acme-hq', '+1-2125550100', '1234', 'Sales', 'Group', 'dev1', 'false', 'Authentication', ''),
  fc.constantFrom('D'.repeat(31), '12-ab', 'Grp', 'maybe', 'Call Forwarding Alway', 'x@y', 'a b', '-1', '007', '~', 'null', 'true'),
  fc.string({
    unit: fc.constantFrom('a', 'é', ' ', '"', ',', ';', '\n', '\r\n', '#', ':', '\\', '\t', '${', '<', '&', '😀'),
    maxLength: 8,
  }),
);
const csvField = (v: string) => (/[",\n\r;]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
const rows = fc.array(fc.array(cell, { minLength: COLUMNS.length - 1, maxLength: COLUMNS.length + 1 }), { minLength: 1, maxLength: 6 });

function both(text: string, csv: string, options: CheckOptions, only?: number[], vars: Record<string, string> = {}) {
  const input = {
    text,
    format: 'yaml' as const,
    table: parseCsv(csv),
    variables: new Map(Object.entries(vars)),
    model,
    options,
    rows: only,
  };
  const fast = checkTemplate(input);
  const slow = checkTemplate({ ...input, viaRenderedText: true });
  return { fast, slow };
}

function usesRowTrees(text: string, csv: string): boolean {
  const prepared = prepareTemplate({ text, format: 'yaml', table: parseCsv(csv), variables: new Map() });
  return rowTreesOf(prepared.templateInput, 0, slotValuesOf(prepared.templateInput)) !== undefined;
}

describe('template checks on row trees equal the rendered text path', () => {
  it('the templates below use row trees; one with a syntax problem is checked as rendered text', () => {
    const csv = COLUMNS.join(',') + '\n' + COLUMNS.map(() => 'x').join(',') + '\n';
    assert.equal(usesRowTrees(UCA, csv), true);
    assert.equal(usesRowTrees(TWO, csv), true);
    assert.equal(usesRowTrees(BLOCK, csv), true);
    assert.equal(usesRowTrees(FLOW, csv), true);
    assert.equal(usesRowTrees(BROKEN, csv), false);
  });

  for (const [name, template] of [
    ['UserConsolidatedAddRequest22 with nested, list, quoted, default and literal slots', UCA],
    ['two commands per row, template opening with ---', TWO],
    ['a block scalar slot', BLOCK],
    ['flow collections, comments, CRLF', FLOW],
    ['a syntax problem (text path both ways)', BROKEN],
  ] as const)
    it(`${name}: same diagnostics on the template and the cells, for generated rows`, () => {
      fc.assert(
        fc.property(rows, fc.boolean(), fc.boolean(), (data, xs, some) => {
          const csv = COLUMNS.join(',') + '\r\n' + data.map((r) => r.map(csvField).join(',')).join('\r\n') + '\r\n';
          const options: CheckOptions = { ...DEFAULT_CHECK_OPTIONS, dataMode: xs ? 'XS' : 'AS' };
          const only = some && data.length > 1 ? [data.length - 1, 0].sort() : undefined;
          const { fast, slow } = both(template, csv, options, only, xs ? { sp: 'other' } : {});
          assert.deepEqual(fast.template, slow.template);
          assert.deepEqual(fast.data, slow.data);
          assert.equal(fast.rendered?.text, slow.rendered?.text);
        }),
        { numRuns: 60 },
      );
    });

  it('1,000 rows with a mistake every 7th: every cell diagnostic and placeholder count agree', () => {
    const lines = [COLUMNS.join(',')];
    for (let i = 0; i < 1000; i++)
      lines.push(
        [
          `u${i}`,
          i % 7 === 6 ? 'L'.repeat(31) : `Last${i}`,
          `First${i}`,
          'acme-hq',
          i % 11 === 3 ? '12-ab' : '',
          String(1000 + i),
          'Sales',
          i % 13 === 5 ? 'Grp' : 'Group',
          `dev${i}`,
          'false',
          'Authentication',
          '',
          '',
        ].join(','),
      );
    const { fast, slow } = both(UCA, lines.join('\n') + '\n', DEFAULT_CHECK_OPTIONS);
    assert.ok(fast.data.length > 200, `expected many cell diagnostics, got ${fast.data.length}`);
    assert.deepEqual(fast.template, slow.template);
    assert.deepEqual(fast.data, slow.data);
  });
});
