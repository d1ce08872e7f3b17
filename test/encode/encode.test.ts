import { test } from 'node:test';
import assert from 'node:assert/strict';
import { encodeCommandXml, encodeDocument, encodeDocumentPretty, toXml } from '../../core/encode';
import type { OcipModel } from '../../core/model/types';
import { builtinModel } from '../../core/model/load';
import { parseXml } from '../../core/syntax/xml';
import type { CommandNode, ElementNode } from '../../core/tree/types';

/** A tiny hand-written model: ordering, a repeating group, an abstract type with two subtypes. */
const MODEL: OcipModel = {
  release: 'test',
  source: 'hand-written test model',
  simpleTypes: {},
  complexTypes: {
    TestRequest: {
      name: 'TestRequest',
      base: 'C:OCIRequest',
      content: {
        kind: 'sequence',
        minOccurs: 1,
        maxOccurs: 1,
        items: [
          { kind: 'element', name: 'first', type: 'xs:token', minOccurs: 1, maxOccurs: 1 },
          { kind: 'element', name: 'second', type: 'xs:token', minOccurs: 0, maxOccurs: 1, nillable: true },
          { kind: 'element', name: 'many', type: 'xs:token', minOccurs: 0, maxOccurs: 'unbounded' },
          {
            kind: 'sequence',
            minOccurs: 0,
            maxOccurs: 'unbounded',
            items: [
              { kind: 'element', name: 'pairKey', type: 'xs:token', minOccurs: 1, maxOccurs: 1 },
              { kind: 'element', name: 'pairValue', type: 'xs:token', minOccurs: 1, maxOccurs: 1 },
            ],
          },
          { kind: 'element', name: 'key', type: 'Key', minOccurs: 0, maxOccurs: 1 },
          { kind: 'element', name: 'last', type: 'xs:token', minOccurs: 0, maxOccurs: 1 },
        ],
      },
    },
    Key: { name: 'Key', abstract: true },
    KeyA: {
      name: 'KeyA',
      base: 'Key',
      content: {
        kind: 'sequence',
        minOccurs: 1,
        maxOccurs: 1,
        items: [
          { kind: 'element', name: 'alpha', type: 'xs:token', minOccurs: 1, maxOccurs: 1 },
          { kind: 'element', name: 'beta', type: 'xs:token', minOccurs: 1, maxOccurs: 1 },
        ],
      },
    },
  },
};

const span = { start: 0, end: 0 };
function el(name: string, value?: string, extra: Partial<ElementNode> = {}): ElementNode {
  const node: ElementNode = { name, nameSpan: span, span, ...extra };
  if (value !== undefined) node.value = { text: value, span };
  return node;
}
function cmd(name: string | null, children: ElementNode[], index = 0): CommandNode {
  return { index, name, headSpan: span, span, children };
}

test('children come out in schema order; repeated elements keep their relative order', () => {
  const command = cmd('TestRequest', [
    el('last', 'z'),
    el('many', 'm1'),
    el('first', 'f'),
    el('pairKey', 'k1'),
    el('pairValue', 'v1'),
    el('pairKey', 'k2'),
    el('pairValue', 'v2'),
    el('many', 'm2'),
    el('key', undefined, { xsiType: { text: 'KeyA', span }, children: [el('beta', 'b'), el('alpha', 'a')] }),
  ]);
  assert.equal(
    encodeCommandXml(command, MODEL),
    '<command xsi:type="TestRequest" xmlns=""><first>f</first><many>m1</many><many>m2</many>' +
      '<pairKey>k1</pairKey><pairValue>v1</pairValue><pairKey>k2</pairKey><pairValue>v2</pairValue>' +
      '<key xsi:type="KeyA"><alpha>a</alpha><beta>b</beta></key><last>z</last></command>',
  );
});

test('elements the model does not know are dropped on the wire but kept by conversion', () => {
  const command = cmd('TestRequest', [el('bogus', '1'), el('first', 'f')]);
  assert.equal(encodeCommandXml(command, MODEL), '<command xsi:type="TestRequest" xmlns=""><first>f</first></command>');
  const xml = toXml({ format: 'yaml', commands: [command], problems: [] }, MODEL);
  assert.equal(xml, '<command xsi:type="TestRequest" xmlns="">\n  <first>f</first>\n  <bogus>1</bogus>\n</command>\n');
});

test('a command type the model does not know keeps its children as written', () => {
  const command = cmd('UnknownRequest', [el('b', '2'), el('a', '1')]);
  assert.equal(encodeCommandXml(command, MODEL), '<command xsi:type="UnknownRequest" xmlns=""><b>2</b><a>1</a></command>');
});

test('nil elements, empty values and empty complex elements', () => {
  const command = cmd('TestRequest', [
    el('second', undefined, { nil: span }),
    el('first', ''),
    el('key', undefined, { xsiType: { text: 'KeyA', span }, children: [] }),
  ]);
  assert.equal(
    encodeCommandXml(command, MODEL),
    '<command xsi:type="TestRequest" xmlns=""><first/><second xsi:nil="true"/><key xsi:type="KeyA"/></command>',
  );
});

test('escaping: markup characters in text and attributes, non-ASCII per encoding', () => {
  const command: CommandNode = {
    ...cmd('TestRequest', [el('first', 'a & b < c > d "q" \'s\' é € 😀'), el('last', 'cr\r\nlf')]),
    attributes: [
      { name: 'echo', nameSpan: span, value: { text: 'x"y&<z>\té', span } },
      { name: 'xmlns', nameSpan: span, value: { text: 'C', span } },
    ],
  };
  assert.equal(
    encodeCommandXml(command, MODEL),
    '<command xsi:type="TestRequest" xmlns="" echo="x&quot;y&amp;&lt;z&gt;&#9;é">' +
      '<first>a &amp; b &lt; c &gt; d "q" \'s\' é € 😀</first><last>cr&#13;\nlf</last></command>',
  );
  const latin1 = encodeDocument([command], MODEL, { sessionId: 'sé€' });
  assert.ok(latin1.includes('<first>a &amp; b &lt; c &gt; d "q" \'s\' é &#8364; &#128512;</first>'));
  assert.ok(latin1.includes('<sessionId xmlns="">sé&#8364;</sessionId>'));
  assert.ok(!/[^\u0000-\u00ff]/.test(latin1), 'nothing above U+00FF is left in an ISO-8859-1 document');
  const lone = encodeDocument([cmd('TestRequest', [el('first', 'x\uD800y')])], MODEL, { sessionId: 's' });
  assert.ok(lone.includes('<first>x&#65533;y</first>'));
});

test('apostrophes in attribute values stay as written (XMLBuilder writes &apos;, put back exactly)', () => {
  const command: CommandNode = {
    ...cmd('TestRequest', [el('first', "it's &apos; literally")]),
    attributes: [
      { name: 'echo', nameSpan: span, value: { text: "it's &apos;", span } },
      { name: '__proto__', nameSpan: span, value: { text: 'p', span } },
    ],
  };
  assert.equal(
    encodeCommandXml(command, MODEL),
    '<command xsi:type="TestRequest" xmlns="" echo="it\'s &amp;apos;" __proto__="p"><first>it\'s &amp;apos; literally</first></command>',
  );
});

test('the indented forms: declaration and every element on its own line, two more spaces per level', () => {
  const commands = [
    cmd('TestRequest', [el('first', 'f'), el('key', undefined, { xsiType: { text: 'KeyA', span }, children: [el('alpha', 'a')] })]),
    cmd('TestRequest', [], 1),
  ];
  assert.equal(
    encodeDocumentPretty(commands, MODEL, { sessionId: 's' }),
    '<?xml version="1.0" encoding="ISO-8859-1"?>\n<BroadsoftDocument protocol="OCI" xmlns="C" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">\n' +
      '  <sessionId xmlns="">s</sessionId>\n  <command xsi:type="TestRequest" xmlns="">\n    <first>f</first>\n    <key xsi:type="KeyA">\n      <alpha>a</alpha>\n    </key>\n  </command>\n' +
      '  <command xsi:type="TestRequest" xmlns=""/>\n</BroadsoftDocument>\n',
  );
  assert.equal(
    toXml({ format: 'yaml', commands, problems: [] }, MODEL),
    '<command xsi:type="TestRequest" xmlns="">\n  <first>f</first>\n  <key xsi:type="KeyA">\n    <alpha>a</alpha>\n  </key>\n</command>\n<command xsi:type="TestRequest" xmlns=""/>\n',
  );
});

test('encodeDocument writes the canonical envelope', () => {
  const doc = encodeDocument([cmd('TestRequest', [el('first', 'f')])], MODEL, { sessionId: 'abc', encoding: 'UTF-8' });
  assert.equal(
    doc,
    '<?xml version="1.0" encoding="UTF-8"?><BroadsoftDocument protocol="OCI" xmlns="C" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
      '<sessionId xmlns="">abc</sessionId><command xsi:type="TestRequest" xmlns=""><first>f</first></command></BroadsoftDocument>',
  );
  assert.ok(encodeDocument([cmd('TestRequest', [])], MODEL, { sessionId: 's' }).startsWith('<?xml version="1.0" encoding="ISO-8859-1"?>'));
});

test('encodeDocument refuses more than 15 commands and none at all', () => {
  const commands = Array.from({ length: 16 }, (_, i) => cmd('TestRequest', [el('first', String(i))], i));
  assert.throws(() => encodeDocument(commands, MODEL, { sessionId: 's' }), /at most 15 commands, got 16/);
  assert.throws(() => encodeDocument([], MODEL, { sessionId: 's' }), /at least one command/);
  assert.doesNotThrow(() => encodeDocument(commands.slice(0, 15), MODEL, { sessionId: 's' }));
});

test('wire and pretty documents parse back to the same values, character references included', () => {
  const source = `<command xsi:type="UserConsolidatedAddRequest22" xmlns="">
  <lastName>Dö &amp; €😀</lastName><userId>u&lt;1&gt;</userId><groupId>g</groupId><serviceProviderId>s</serviceProviderId>
  <department xsi:type="GroupDepartmentKey"><name>R&amp;D</name><groupId>g</groupId><serviceProviderId>s</serviceProviderId></department>
  <thirdPartyVoiceMailServerUserServer xsi:nil="true"/><firstName>  spaced  </firstName>
</command>`;
  const model = builtinModel();
  const parsed = parseXml(source);
  assert.deepEqual(parsed.problems, []);
  for (const text of [
    encodeDocument(parsed.commands, model, { sessionId: 'S' }),
    encodeDocumentPretty(parsed.commands, model, { sessionId: 'S', encoding: 'UTF-8' }),
  ]) {
    const back = parseXml(text);
    assert.deepEqual(back.problems, []);
    assert.equal(back.envelope!.children[0].value!.text, 'S');
    const values = (c: CommandNode) =>
      Object.fromEntries(
        c.children.map((e) => [
          e.name,
          e.value?.text ??
            (e.nil
              ? null
              : e
                  .children!.map((x) => `${x.name}=${x.value!.text}`)
                  .sort()
                  .join('|')),
        ]),
      );
    assert.deepEqual(values(back.commands[0]), values(parsed.commands[0]));
    assert.deepEqual(
      back.commands[0].children.map((c) => c.name),
      ['serviceProviderId', 'groupId', 'userId', 'lastName', 'firstName', 'department', 'thirdPartyVoiceMailServerUserServer'],
    );
    assert.deepEqual(
      back.commands[0].children[5].children!.map((c) => c.name),
      ['serviceProviderId', 'groupId', 'name'],
    );
  }
});
