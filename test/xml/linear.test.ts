/**
 * core/xml's linear reader (compactTables, used for server responses) against the library's path (fast-xml-parser),
 * on generated responses: entities and character references (good and bad), CDATA, comments (also inside an entity
 * reference), processing instructions, attributes with both quotes, tabs and line ends, namespaces (default and
 * prefixed, declared and not), xsi:nil, whitespace, CR / CRLF line ends, names the library refuses, and OCI tables
 * of every shape (ragged rows, empty rows and cells, rows before or without headings, a heading after a row,
 * attributes on a row or cell, an element inside a cell). Both must give the same tree (elements a compact table
 * stands for have no span) or the same error, and every consumer of a response the same result: the client's
 * per-command results and data, the typed tree, its JSON data and its text.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { parseXmlTree, type XmlElement } from '../../core/xml';
import { parseResponseDocument } from '../../core/ocip/envelope';
import { toResult } from '../../core/ocip/messages';
import { renderResponseTree, responseData, responseTree } from '../../core/ocip/response-data';
import { builtinModel } from '../../core/model';

const SEED = Number(process.env.OCIP_PROPERTY_SEED ?? 20261207);
const RUNS = Number(process.env.OCIP_PROPERTY_RUNS ?? 600);
const XSI = 'http://www.w3.org/2001/XMLSchema-instance';

const pick = <T>(...xs: T[]) => fc.constantFrom(...xs);
const rarely = <T>(a: fc.Arbitrary<T>) => fc.oneof({ weight: 6, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: a });

/** Character data: plain, spaces and line ends, references, CDATA, comments, PIs. */
const goodText = pick(
  'x',
  'Jo Smith',
  ' ',
  '\n',
  '\t',
  '\r\n',
  '\r',
  '&amp;',
  '&lt;b&gt;',
  '&quot;&apos;',
  '&#65;',
  '&#xE9;',
  '&#x1F600;',
  'é',
  '<![CDATA[a<b>&amp;]]>',
  '<![CDATA[]]>',
  '<![CDATA[\r\n]]>',
  '<!-- c -->',
  '<?pi data?>',
  '\r<!-- c -->\n',
);
/** Pieces that make the document an error (or need the library's path). */
const badText = pick('&am<!-- split -->p;', '&bogus;', '&#0;', '&#xD800;', '<?pi constructor?>', '&amp');
const textPiece = fc.oneof({ weight: 600, arbitrary: goodText }, { weight: 1, arbitrary: badText });
const text = fc.array(textPiece, { maxLength: 4 }).map((xs) => xs.join(''));
const mostlyPlain = fc.oneof(
  { weight: 6, arbitrary: pick('', 'a', 'user1@example.com', 'Last', 'true', '0') },
  { weight: 2, arbitrary: text },
);

const goodAttribute = pick(
  'xsi:nil="true"',
  "xsi:nil='true'",
  'xsi:nil=" true "',
  'xsi:type="T"',
  'xsi:type="C:OCITable"',
  'xmlns="urn:d"',
  'xmlns=""',
  'xmlns:p="urn:p"',
  'p:a="1"',
  'q:a="1"',
  'a="x&amp;y"',
  "b='tab\there\nnl'",
  'c = "&#x41;"',
  'd="\r\n"',
  'nil="true"',
);
const attribute = fc.oneof(
  { weight: 600, arbitrary: goodAttribute },
  { weight: 1, arbitrary: pick('e="&bogus;"', 'f="a<b"', 'constructor="1"', 'g="&#1;"') },
);
const attributes = fc
  .uniqueArray(attribute, { maxLength: 3, selector: (a) => a.replace(/\s*=.*/, '') })
  .map((as) => as.map((a) => ` ${a}`).join(''));

const space = pick('', '', '', ' ', '\n  ', '\r\n\t');

/** A cell: usually plain, sometimes with attributes or an element inside. */
const cell = fc.oneof(
  { weight: 8, arbitrary: mostlyPlain.map((t) => (t ? `<col>${t}</col>` : '<col/>')) },
  { weight: 1, arbitrary: fc.tuple(attributes, mostlyPlain).map(([a, t]) => `<col${a}>${t}</col>`) },
  { weight: 1, arbitrary: mostlyPlain.map((t) => `<col>${t}<b>${t}</b></col>`) },
  { weight: 1, arbitrary: pick('<p:col>x</p:col>', '<col >x</col >', '<col\n/>') },
);
const row = fc.oneof(
  {
    weight: 8,
    arbitrary: fc.tuple(fc.array(cell, { maxLength: 5 }), space).map(([cs, s]) => (cs.length ? `<row>${cs.join(s)}</row>` : '<row/>')),
  },
  { weight: 1, arbitrary: fc.tuple(attributes, fc.array(cell, { maxLength: 3 })).map(([a, cs]) => `<row${a}>${cs.join('')}</row>`) },
  { weight: 1, arbitrary: fc.tuple(space, fc.array(cell, { maxLength: 3 })).map(([s, cs]) => `<row>${s}${cs.join('')}${s}</row>`) },
  { weight: 1, arbitrary: pick('<row><a/></row>', '<row>text<col>1</col></row>', '<row><!-- c --><col>1</col><?pi?></row>') },
);
const heading = fc.oneof(
  {
    weight: 8,
    arbitrary: pick('User Id', 'Last Name', 'First Name', 'Phone Number', 'User Id', '', '__proto__', 'x&amp;y').map(
      (h) => `<colHeading>${h}</colHeading>`,
    ),
  },
  { weight: 1, arbitrary: attributes.map((a) => `<colHeading${a}>H</colHeading>`) },
);
const tableName = pick('userTable', 'dnTable', 't', 'p:t');
const table = fc
  .tuple(
    tableName,
    attributes,
    fc.array(heading, { maxLength: 4 }),
    fc.array(row, { maxLength: 6 }),
    space,
    rarely(heading),
    rarely(pick('<other/>', 'tail text')),
  )
  .map(([name, a, hs, rs, s, late, extra]) => `<${name}${a}>${s}${hs.join(s)}${s}${rs.join(s)}${late ?? ''}${extra ?? ''}${s}</${name}>`);

/** Other content: values, nested groups, lists. */
const leafElement = fc
  .tuple(
    fc.oneof(
      { weight: 300, arbitrary: pick('a', 'b', 'userId', 'isEnterprise', 'password', 'p:v') },
      { weight: 1, arbitrary: pick('constructor', 'prototype') },
    ),
    attributes,
    mostlyPlain,
  )
  .map(([n, a, t]) => (t ? `<${n}${a}>${t}</${n}>` : `<${n}${a}/>`));
const group = fc
  .tuple(pick('g', 'department', 'p:g'), attributes, fc.array(fc.oneof(leafElement, table), { maxLength: 3 }), space)
  .map(([n, a, cs, s]) => `<${n}${a}>${s}${cs.join(s)}${s}</${n}>`);
const content = fc.array(
  fc.oneof({ weight: 3, arbitrary: table }, { weight: 2, arbitrary: leafElement }, { weight: 1, arbitrary: group }),
  {
    minLength: 1,
    maxLength: 4,
  },
);

const responseType = pick('UserGetListInGroupResponse', 'XGetResponse', 'GroupDnGetListResponse', 'SuccessResponse', 'c:ErrorResponse');
const command = fc.tuple(responseType, content, space, attributes).map(([t, cs, s, a]) => {
  const own = a.replace(/ xmlns(:\w+)?\s*=\s*"[^"]*"/g, '');
  return `<command echo=""${own.includes('xsi:type') ? '' : ` xsi:type="${t}"`}${own} xmlns="">${s}${cs.join(s)}${s}</command>`;
});
const document = fc
  .tuple(
    fc.array(command, { minLength: 1, maxLength: 3 }),
    pick('', '<?xml version="1.0" encoding="ISO-8859-1"?>\n', '<?xml version="1.0"?>\r\n'),
    space,
  )
  .map(
    ([cs, decl, s]) =>
      `${decl}<BroadsoftDocument protocol="OCI" xmlns="C" xmlns:xsi="${XSI}">${s}<sessionId xmlns="">s1</sessionId>${s}${cs.join(s)}${s}</BroadsoftDocument>${s}`,
  );

type Outcome = { tree: XmlElement } | { error: string };

function read(doc: string, compactTables: boolean): Outcome {
  try {
    return { tree: parseXmlTree(doc, { spans: true, undeclaredPrefixes: 'no-namespace', compactTables }) };
  } catch (e) {
    return { error: e instanceof Error ? `${e.name}: ${e.message}` : String(e) };
  }
}

/** The tree as plain data: every field, children recursively; a span only where the linear tree has one. */
function plain(linear: XmlElement, library: XmlElement): [unknown, unknown] {
  const strip = (e: XmlElement, span: boolean) => ({
    name: e.name,
    local: e.local,
    ns: e.ns,
    attributes: e.attributes,
    attrs: e.attrs,
    text: e.text,
    scope: [...e.scope],
    ...(span ? { span: e.span } : {}),
  });
  const withSpan = linear.span !== undefined;
  assert.equal(linear.children.length, library.children.length, `children of <${library.name}>`);
  const pairs = linear.children.map((c, i) => plain(c, library.children[i]));
  return [
    { ...strip(linear, withSpan), children: pairs.map((p) => p[0]) },
    { ...strip(library, withSpan), children: pairs.map((p) => p[1]) },
  ];
}

describe('core/xml linear reader (compactTables) = the library path', () => {
  it(`same tree or same error on ${RUNS} generated responses (seed ${SEED})`, () => {
    let tables = 0;
    let errors = 0;
    fc.assert(
      fc.property(document, (doc) => {
        const library = read(doc, false);
        const linear = read(doc, true);
        if ('error' in library) {
          errors++;
          assert.deepEqual(linear, library);
          return;
        }
        assert.ok('tree' in linear, `linear failed: ${'error' in linear ? linear.error : ''}`);
        const [a, b] = plain(linear.tree, library.tree);
        assert.deepEqual(a, b);
        const walk = (e: XmlElement): void => {
          if (e.table) tables++;
          else e.children.forEach(walk);
        };
        walk(linear.tree);
      }),
      { seed: SEED, numRuns: RUNS },
    );
    // The generator must reach both sides: compact tables and errors.
    assert.ok(tables > RUNS / 4, `${tables} compact tables`);
    assert.ok(errors > RUNS / 40 && errors < RUNS / 2, `${errors} errors`);
  });

  it('every consumer gets the same result: client results and data, typed tree, JSON data and text', () => {
    const model = builtinModel();
    let compared = 0;
    fc.assert(
      fc.property(document, (doc) => {
        const library = read(doc, false);
        if ('error' in library) {
          assert.throws(() => parseResponseDocument(doc));
          return;
        }
        const response = parseResponseDocument(doc);
        const expected = library.tree.children.filter((c) => c.local === 'command');
        assert.equal(response.commands.length, expected.length);
        response.commands.forEach((c, i) => {
          const old = { node: expected[i], rawXml: doc.slice(expected[i].span!.start, expected[i].span!.end) };
          assert.equal(c.rawXml, old.rawXml);
          for (const requestType of ['UserGetListInGroupRequest', 'XGetRequest', 'GroupDnGetListRequest', 'UserAddRequest']) {
            assert.deepEqual(toResult(0, requestType, c), toResult(0, requestType, old));
          }
          for (const m of [model, undefined]) {
            const now = responseTree(c.node, m)!;
            const before = responseTree(old.node, m)!;
            assert.deepEqual(now, before);
            assert.deepEqual(responseTree(c.rawXml, m), before, 'from the raw XML (read with compactTables too)');
            assert.deepEqual(responseData(now), responseData(before));
            assert.deepEqual(renderResponseTree(now), renderResponseTree(before));
          }
          compared++;
        });
      }),
      { seed: SEED + 1, numRuns: Math.ceil(RUNS / 2) },
    );
    assert.ok(compared > RUNS / 4, `${compared} commands compared`);
  });

  it('found by the property: a CR and a LF on either side of a comment are two line ends', () => {
    for (const doc of ['<a><b><t><row><col>\r<!-- c -->\n</col></row></t></b></a>', '<a><b>\r<!-- c -->\n</b></a>']) {
      const [a, b] = plain(parseXmlTree(doc, { compactTables: true }), parseXmlTree(doc));
      assert.deepEqual(a, b);
    }
  });

  it('a table of plain rows is held as cells, shared, with no element per row until one is asked for', () => {
    const rows = Array.from({ length: 1000 }, (_, i) => `<row><col>user${i}@example.com</col><col>Last</col><col/></row>`).join('');
    const doc = `<BroadsoftDocument xmlns="C"><command xmlns=""><userTable><colHeading>User Id</colHeading><colHeading>Last Name</colHeading><colHeading>Phone</colHeading>${rows}</userTable></command></BroadsoftDocument>`;
    const root = parseXmlTree(doc, { compactTables: true });
    const t = root.children[0].children[0];
    assert.ok(t.table);
    assert.equal(t.table.rows, 1000);
    assert.deepEqual(t.table.headings, ['User Id', 'Last Name', 'Phone']);
    assert.equal(t.table.cells.length, 3000);
    assert.equal(t.table.cells[3 * 7], 'user7@example.com');
    assert.equal(Object.getOwnPropertyDescriptor(t, 'children')?.get !== undefined, true, 'children are made on demand');
    assert.equal(t.children.length, 1003);
    assert.equal(t.children[10].children[0].text, 'user7@example.com');
    assert.equal(t.children, t.children, 'made once');
  });
});
