/**
 * Templates checked with their data: each kind of value mistake lands on its CSV cell (and once on the placeholder,
 * with the rows counted), structural placeholders are refused with their position, rendering is exact.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { builtinModel } from '../../core/model';
import { DEFAULT_CHECK_OPTIONS } from '../../core/checks/types';
import { checkTemplate } from '../../core/template/check';
import { parseCsv } from '../../core/template/csv';
import { parseSource } from '../../core/syntax';
import { checkFile } from '../../core/checks';
import type { FileFormat } from '../../core/tree/types';

const model = builtinModel();

function check(text: string, format: FileFormat, csv?: string, vars: Record<string, string> = {}) {
  return checkTemplate({
    text,
    format,
    table: csv === undefined ? undefined : parseCsv(csv),
    variables: new Map(Object.entries(vars)),
    model,
    options: DEFAULT_CHECK_OPTIONS,
  });
}

const UCA = `command: UserConsolidatedAddRequest22
serviceProviderId: acme
groupId: acme-hq
userId: \${user}
lastName: \${last}
firstName: \${first}
callingLineIdLastName: Doe
callingLineIdFirstName: Jane
phoneNumber: \${phone}
password: Welcome-2026!
accessDeviceEndpoint:
  accessDevice:
    deviceLevel: \${level}
    deviceName: dev1
  linePort: jane@acme.example.com
  useHotline: \${hotline}
alias: \${alias}
`;
const HEADER = ['user', 'last', 'first', 'phone', 'level', 'hotline', 'alias'];
const GOOD = ['jane@acme.example.com', 'Doe', 'Jane', '+1-2125550100', 'Group', 'false', 'jane@acme.example.com'];
/** One mistake per kind: column, bad value, the code expected on the cell. */
const MISTAKES: [string, string, string][] = [
  ['user', 'jane', 'OCI-USERID-DOMAIN'],
  ['last', 'D'.repeat(31), 'OCI-LENGTH'],
  ['first', '', 'OCI-EMPTY'],
  ['phone', '12-ab', 'OCI-DN-FORMAT'],
  ['level', 'Grp', 'OCI-ENUM'],
  ['hotline', 'maybe', 'OCI-BOOLEAN'],
  ['alias', 'jane', 'OCI-ALIAS-FORMAT'],
  ['alias', 'sip:jane@acme.example.com', 'OCI-ALIAS-FORMAT'],
];

describe('template checks: value mistakes land on their cells', () => {
  const rows = MISTAKES.map(([column, value]) => GOOD.map((g, j) => (HEADER[j] === column ? value : g)));
  const csv = [HEADER.join(','), GOOD.join(','), ...rows.map((r) => r.join(','))].join('\r\n') + '\r\n';
  const table = parseCsv(csv);
  const result = check(UCA, 'yaml', csv);

  it('the good row has no diagnostic on any cell', () => {
    const goodRow = table.rows[0].span;
    assert.deepEqual(
      result.data.filter((d) => d.span.start >= goodRow.start && d.span.end <= goodRow.end),
      [],
    );
  });

  MISTAKES.forEach(([column, value, code], i) => {
    it(`${code} (${column} = ${JSON.stringify(value)}) is on row ${i + 3}, column ${column}, and on \${${column}}`, () => {
      const cell = table.rows[i + 1].cells[HEADER.indexOf(column)];
      const onRow = result.data.filter((d) => d.span.start >= table.rows[i + 1].span.start && d.span.end <= table.rows[i + 1].span.end);
      assert.deepEqual(
        onRow.map((d) => [d.code, d.span]),
        [[code, cell.span]],
      );
      assert.match(onRow[0].message, new RegExp(`^Row ${i + 3}, column '${column}' \\(`));
      const placeholder = UCA.indexOf(`\${${column}}`);
      const onTemplate = result.template.filter((d) => d.code === code && d.span.start === placeholder);
      assert.equal(onTemplate.length, 1, JSON.stringify(result.template));
      assert.match(onTemplate[0].message, /^\d+ rows? \(/);
      assert.match(onTemplate[0].message, new RegExp(`\\b${i + 3}\\b`));
    });
  });

  it('a problem of the template itself stays in the template, once for all rows', () => {
    const own = check(UCA.replace('callingLineIdLastName: Doe', 'callingLineIdLastName: ' + 'X'.repeat(31)), 'yaml', csv);
    const onTemplate = own.template.filter((d) => d.code === 'OCI-LENGTH' && UCA.includes('callingLineIdLastName'));
    assert.equal(onTemplate.filter((d) => d.message.includes('CallingLineIdLastName')).length, 1);
    assert.ok(own.data.every((d) => !d.message.includes('CallingLineIdLastName')));
  });
});

describe('template checks: data against the template', () => {
  const T =
    'command: UserConsolidatedAddRequest22\nserviceProviderId: ${sp}\ngroupId: g1\nuserId: ${user}\nlastName: ${last}\nfirstName: F\ncallingLineIdLastName: L\ncallingLineIdFirstName: F\npassword: ${pw:-Welcome-2026!}\n';

  it('a missing column is reported on the placeholder; an unused column on its header cell', () => {
    const csv = 'user,last,note\nu@x.example.com,Doe,hello\n';
    const r = check(T, 'yaml', csv);
    const missing = r.template.filter((d) => d.code === 'OCI-DATA-COLUMN-MISSING');
    assert.deepEqual(
      missing.map((d) => T.slice(d.span.start, d.span.end)),
      ['${sp}'],
    );
    const unused = r.data.filter((d) => d.code === 'OCI-DATA-COLUMN-UNUSED');
    assert.deepEqual(
      unused.map((d) => csv.slice(d.span.start, d.span.end)),
      ['note'],
    );
  });

  it('a variable fills a placeholder and wins over a column of the same name; a default fills an empty cell', () => {
    const csv = 'sp,user,last,pw\nwrong,u@x.example.com,Doe,\n';
    const r = check(T, 'yaml', csv, { sp: 'acme' });
    assert.match(r.rendered!.text, /serviceProviderId: "acme"/);
    assert.match(r.rendered!.text, /password: "Welcome-2026!"/);
    assert.deepEqual(
      r.data.filter((d) => d.code === 'OCI-DATA-COLUMN-UNUSED').map((d) => csv.slice(d.span.start, d.span.end)),
      ['sp'],
    );
  });

  it('rows with too many or too few fields are reported on the row', () => {
    const csv = 'sp,user,last\nacme,u@x.example.com,Doe,extra\nacme,v@x.example.com\n';
    const r = check(T, 'yaml', csv);
    const rows = r.data.filter((d) => d.code === 'OCI-DATA-ROW-FIELDS');
    assert.deepEqual(
      rows.map((d) => csv.slice(d.span.start, d.span.end)),
      ['extra', 'acme,v@x.example.com'],
    );
    assert.match(rows[0].message, /Row 2 has 4 fields, the header 3/);
    assert.match(rows[1].message, /Row 3 has 2 fields, the header 3/);
  });

  it('without data, a placeholder with no variable and no default is reported', () => {
    const r = check(T, 'yaml', undefined, { sp: 'acme', user: 'u@x.example.com' });
    assert.deepEqual(
      r.template.filter((d) => d.code === 'OCI-DATA-COLUMN-MISSING').map((d) => T.slice(d.span.start, d.span.end)),
      ['${last}'],
    );
  });
});

describe('template checks: placeholders outside values are refused with their position', () => {
  const cases: [string, FileFormat, string, string][] = [
    ['a YAML key', 'yaml', 'command: UserGetRequest22\n${field}: x\n', '${field}'],
    ['the YAML command name', 'yaml', 'command: ${cmd}\nuserId: u\n', '${cmd}'],
    ['a YAML xsi:type', 'yaml', 'command: UserConsolidatedAddRequest22\ndepartment:\n  xsi:type: ${kind}\n  name: x\n', '${kind}'],
    [
      'an XML element name',
      'xml',
      '<BroadsoftDocument protocol="OCI" xmlns="C" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><sessionId xmlns="">s</sessionId><command xsi:type="UserGetRequest22" xmlns=""><${el}>u</${el}></command></BroadsoftDocument>',
      '${el}',
    ],
    [
      'the XML command type',
      'xml',
      '<BroadsoftDocument protocol="OCI" xmlns="C" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><sessionId xmlns="">s</sessionId><command xsi:type="${cmd}" xmlns=""><userId>u</userId></command></BroadsoftDocument>',
      '${cmd}',
    ],
    [
      'the XML envelope',
      'xml',
      '<BroadsoftDocument protocol="OCI" xmlns="C" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><sessionId xmlns="">${s}</sessionId><command xsi:type="UserGetRequest22" xmlns=""><userId>u</userId></command></BroadsoftDocument>',
      '${s}',
    ],
  ];
  for (const [where, format, text, placeholder] of cases)
    it(`in ${where}`, () => {
      const r = check(text, format, `${placeholder.slice(2, -1)}\nx\n`);
      assert.equal(r.rendered, undefined);
      const refused = r.template.filter((d) => d.code === 'OCI-TEMPLATE-PLACE');
      assert.equal(refused.length, format === 'xml' && where.includes('element') ? 2 : 1);
      assert.equal(text.slice(refused[0].span.start, refused[0].span.end), placeholder);
      assert.match(refused[0].message, /not in a value/);
    });

  it('a malformed placeholder is a syntax error at its position; a comment may say ${anything}', () => {
    const text = '# uses ${x} from the data\ncommand: UserGetRequest22\nuserId: ${user\n';
    const r = check(text, 'yaml', 'user\nu\n');
    assert.deepEqual(
      r.template.filter((d) => d.code.startsWith('OCI-TEMPLATE')).map((d) => [d.code, d.span.start]),
      [['OCI-TEMPLATE-SYNTAX', text.indexOf('${user')]],
    );
  });
});

describe('rendering is exact', () => {
  const VALUES = [
    'a, b',
    'say "hi"',
    'two\nlines',
    "it's #1: yes",
    '<b>&amp;</b>',
    'Zoë Müller',
    ' padded ',
    'C:\\path',
    '~',
    'null',
    '${not}',
    'x\ty',
  ];

  it('YAML: every value reaches the tree exactly as in the cell', () => {
    const csv = 'v\n' + VALUES.map((v) => `"${v.replace(/"/g, '""')}"`).join('\n') + '\n';
    const r = check('command: UserGetRequest22\nuserId: ${v}\n', 'yaml', csv);
    const file = parseSource(r.rendered!.text, 'yaml');
    assert.deepEqual(
      file.commands.map((c) => c.children[0].value?.text),
      VALUES,
    );
  });

  it('XML: every value reaches the tree exactly as in the cell, in text and attributes', () => {
    const csv = 'v\n' + VALUES.map((v) => `"${v.replace(/"/g, '""')}"`).join('\n') + '\n';
    const text =
      '<?xml version="1.0" encoding="ISO-8859-1"?>\n<BroadsoftDocument protocol="OCI" xmlns="C" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">\n  <sessionId xmlns="">s</sessionId>\n  <command xsi:type="UserGetRequest22" xmlns="">\n    <userId>${v}</userId>\n  </command>\n</BroadsoftDocument>\n';
    const r = check(text, 'xml', csv);
    const file = parseSource(r.rendered!.text, 'xml');
    assert.deepEqual(
      file.commands.map((c) => c.children[0].value?.text),
      VALUES,
    );
    assert.deepEqual(
      checkFile(file, model).filter((d) => d.kind === 'syntax'),
      [],
    );
  });

  it('$${ writes a literal ${; text around placeholders is kept; a default applies to an empty cell', () => {
    const r = check('command: UserGetRequest22\nuserId: "$${id} ${a}.${b:-none}@x"\n', 'yaml', 'a,b\nann,\n');
    assert.equal(parseSource(r.rendered!.text, 'yaml').commands[0].children[0].value?.text, '${id} ann.none@x');
  });

  it('a diagnostic in an XML cell maps back through escaping to the cell', () => {
    const text =
      '<BroadsoftDocument protocol="OCI" xmlns="C" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><sessionId xmlns="">s</sessionId><command xsi:type="UserConsolidatedAddRequest22" xmlns=""><serviceProviderId>acme</serviceProviderId><groupId>g</groupId><userId>u@acme.example.com</userId><lastName>${last}</lastName><firstName>F</firstName><callingLineIdLastName>L</callingLineIdLastName><callingLineIdFirstName>F</callingLineIdFirstName><password>Welcome-2026!</password></command></BroadsoftDocument>';
    const csv = 'last\n"<&>"\n' + '"' + '&'.repeat(31) + '"\n';
    const r = check(text, 'xml', csv);
    const long = r.data.filter((d) => d.code === 'OCI-LENGTH');
    assert.equal(long.length, 1);
    assert.equal(csv.slice(long[0].span.start, long[0].span.end), '"' + '&'.repeat(31) + '"');
    assert.match(long[0].message, /^Row 3, column 'last' \(lastName\)/);
  });
});
