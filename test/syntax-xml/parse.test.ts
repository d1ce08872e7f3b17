import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseXml } from '../../core/syntax/xml';
import type { Span } from '../../core/tree/types';

/** The text a span covers, so expectations read as source text instead of numbers. */
const at = (text: string, span: Span | undefined) => (span ? text.slice(span.start, span.end) : undefined);

const XSI = 'http://www.w3.org/2001/XMLSchema-instance';

const DOC = `<?xml version="1.0" encoding="ISO-8859-1"?>
<BroadsoftDocument protocol="OCI" xmlns="C" xmlns:xsi="${XSI}">
  <sessionId xmlns="">abc-1</sessionId>
  <command xsi:type="UserConsolidatedAddRequest22" xmlns="" echo="e1">
    <userId>a&amp;b&lt;c&#233;&#x20AC;</userId>
    <phoneNumber xsi:nil="true"/>
    <empty/>
    <empty2></empty2>
    <department xsi:type="GroupDepartmentKey">
      <name><![CDATA[<R&D>]]></name>
    </department>
  </command>
</BroadsoftDocument>
`;

test('envelope, command, elements and values carry exact spans', () => {
  const file = parseXml(DOC);
  assert.deepEqual(file.problems, []);
  assert.equal(file.format, 'xml');
  const env = file.envelope!;
  assert.equal(at(DOC, env.nameSpan), 'BroadsoftDocument');
  assert.ok(at(DOC, env.span)!.startsWith('<BroadsoftDocument protocol'));
  assert.ok(at(DOC, env.span)!.endsWith('</BroadsoftDocument>'));
  assert.equal(env.namespace, 'C');
  assert.deepEqual(
    env.attributes.map((a) => [a.name, a.value.text, at(DOC, a.value.span)]),
    [
      ['protocol', 'OCI', 'OCI'],
      ['xmlns', 'C', 'C'],
      ['xmlns:xsi', XSI, XSI],
    ],
  );
  assert.deepEqual(
    env.children.map((c) => [c.name, c.value?.text, c.namespace]),
    [['sessionId', 'abc-1', '']],
  );

  assert.equal(file.commands.length, 1);
  const cmd = file.commands[0];
  assert.equal(cmd.index, 0);
  assert.equal(cmd.name, 'UserConsolidatedAddRequest22');
  assert.equal(at(DOC, cmd.nameSpan), 'UserConsolidatedAddRequest22');
  assert.equal(at(DOC, cmd.headSpan), 'command');
  assert.ok(at(DOC, cmd.span)!.startsWith('<command xsi:type'));
  assert.ok(at(DOC, cmd.span)!.endsWith('</command>'));
  assert.deepEqual(
    cmd.attributes!.map((a) => [a.name, a.value.text]),
    [
      ['xmlns', ''],
      ['echo', 'e1'],
    ],
  );
  assert.deepEqual(
    cmd.children.map((c) => c.name),
    ['userId', 'phoneNumber', 'empty', 'empty2', 'department'],
  );

  const [userId, phone, empty, empty2, dept] = cmd.children;
  assert.equal(at(DOC, userId.nameSpan), 'userId');
  assert.equal(at(DOC, userId.span), '<userId>a&amp;b&lt;c&#233;&#x20AC;</userId>');
  assert.equal(userId.value!.text, 'a&b<cé€');
  assert.equal(at(DOC, userId.value!.span), 'a&amp;b&lt;c&#233;&#x20AC;');
  assert.equal(userId.namespace, '');

  assert.equal(at(DOC, phone.nil), 'xsi:nil="true"');
  assert.equal(phone.value, undefined);
  assert.equal(phone.attributes, undefined, 'xsi:nil is not repeated in attributes');

  assert.equal(empty.value!.text, '');
  assert.equal(empty.value!.span.start, empty.value!.span.end);
  assert.equal(DOC.slice(empty.value!.span.start, empty.value!.span.start + 2), '/>');
  assert.equal(empty2.value!.text, '');
  assert.equal(DOC.slice(empty2.value!.span.start, empty2.value!.span.start + 2), '</');
  assert.equal(empty2.value!.span.start, empty2.value!.span.end);

  assert.equal(dept.xsiType!.text, 'GroupDepartmentKey');
  assert.equal(at(DOC, dept.xsiType!.span), 'GroupDepartmentKey');
  assert.equal(dept.value, undefined);
  assert.equal(dept.children![0].value!.text, '<R&D>');
  assert.equal(at(DOC, dept.children![0].value!.span), '<![CDATA[<R&D>]]>');
});

test('bare commands at the top level need no xsi declaration', () => {
  const text = '<command xsi:type="A" xmlns="">\n  <x>1</x>\n</command>\n<command xsi:type="B"><y> 2 </y></command>\n';
  const file = parseXml(text);
  assert.deepEqual(file.problems, []);
  assert.equal(file.envelope, undefined);
  assert.deepEqual(
    file.commands.map((c) => [c.index, c.name]),
    [
      [0, 'A'],
      [1, 'B'],
    ],
  );
  assert.equal(file.commands[1].children[0].value!.text, ' 2 ', 'values keep their whitespace');
  assert.equal(at(text, file.commands[1].span), '<command xsi:type="B"><y> 2 </y></command>');
});

test('namespace resolution: other prefixes for xsi, xmlns="" reset, prefixed xsi:type values', () => {
  const text =
    `<BroadsoftDocument protocol="OCI" xmlns="C" xmlns:i="${XSI}"><sessionId>s</sessionId>` +
    `<command i:type="c:SuccessResponse" xmlns:c="C" xmlns=""><a i:type="T"/></command>` +
    `<command xmlns="" xmlns:C="${XSI}" C:type="Other"/></BroadsoftDocument>`;
  const file = parseXml(text);
  assert.deepEqual(file.problems, []);
  assert.equal(file.envelope!.children[0].namespace, 'C', 'sessionId without xmlns="" stays in namespace C');
  assert.equal(file.commands[0].name, 'SuccessResponse');
  assert.equal(at(text, file.commands[0].nameSpan), 'c:SuccessResponse');
  assert.equal(file.commands[0].children[0].xsiType!.text, 'T');
  assert.equal(file.commands[0].children[0].namespace, '');
  assert.equal(file.commands[1].name, 'Other');
});

test('a prefix that is not bound to XSI does not make an xsi:type', () => {
  const text = `<command xmlns="" xmlns:x="urn:other" x:type="A"/>`;
  const file = parseXml(text);
  assert.equal(file.commands[0].name, null);
  assert.deepEqual(
    file.commands[0].attributes!.map((a) => a.name),
    ['xmlns', 'xmlns:x', 'x:type'],
  );
});

test('undefined namespace prefixes: element, attribute and xsi:type value', () => {
  const text =
    `<BroadsoftDocument protocol="OCI" xmlns="C"><sessionId xmlns="">s</sessionId>` +
    `<command xsi:type="A" xmlns=""><p:el>1</p:el><b q:attr="1"/><c xmlns:xsi="${XSI}" xsi:type="z:T"/></command></BroadsoftDocument>`;
  const file = parseXml(text);
  assert.deepEqual(
    file.problems.map((p) => [p.code, at(text, p.span)]),
    [
      ['OCI-XML-NAMESPACE', 'xsi'],
      ['OCI-XML-NAMESPACE', 'p'],
      ['OCI-XML-NAMESPACE', 'q'],
      ['OCI-XML-NAMESPACE', 'z:T'],
    ],
  );
  assert.match(file.problems[0].message, /xmlns:xsi/);
  assert.equal(file.commands[0].children[0].name, 'el');
});

test('a command left in the envelope namespace is reported', () => {
  const text = `<BroadsoftDocument protocol="OCI" xmlns="C" xmlns:xsi="${XSI}"><sessionId xmlns="">s</sessionId><command xsi:type="A"><a>1</a></command></BroadsoftDocument>`;
  const file = parseXml(text);
  assert.deepEqual(
    file.problems.map((p) => [p.code, at(text, p.span)]),
    [['OCI-XML-NAMESPACE', 'command']],
  );
  assert.match(file.problems[0].message, /xmlns=""/);
  assert.equal(file.commands[0].children[0].namespace, 'C');
});

test('recovery: a broken command 2 still yields commands 1 and 3', () => {
  const text = `<BroadsoftDocument protocol="OCI" xmlns="C" xmlns:xsi="${XSI}">
<sessionId xmlns="">s</sessionId>
<command xsi:type="One" xmlns=""><a>1</a></command>
<command xsi:type="Two" xmlns=""><a>2</b><c attr=oops>x</c><d>
<command xsi:type="Three" xmlns=""><a>3</a></command>
</BroadsoftDocument>`;
  const file = parseXml(text);
  assert.deepEqual(
    file.commands.map((c) => c.name),
    ['One', 'Two', 'Three'],
  );
  assert.equal(file.commands[2].children[0].value!.text, '3');
  assert.deepEqual(
    file.commands[1].children.map((c) => c.name),
    ['a', 'c', 'd'],
  );
  assert.deepEqual(
    file.problems.map((p) => [p.code, at(text, p.span)]),
    [
      ['OCI-XML-SYNTAX', 'command'],
      ['OCI-XML-SYNTAX', '</b>'],
      ['OCI-XML-SYNTAX', 'oops'],
      ['OCI-XML-SYNTAX', 'd'],
    ],
  );
  assert.equal(file.problems[0].span.start, text.indexOf('<command xsi:type="Two"') + 1);
  const messages = file.problems.map((p) => p.message).join('\n');
  assert.match(messages, /Unexpected end tag <\/b>: expected <\/a>/);
  assert.match(messages, /must be in quotes/);
  assert.match(messages, /Element <command> is not closed/);
  assert.ok(file.envelope!.span.end === text.length);
});

test('well-formedness problems have exact spans and say what was expected', () => {
  const cases: [string, string, RegExp][] = [
    ['<command xsi:type="A"><a>1</a>', 'command', /<command> is not closed: expected <\/command>/],
    ['<command xsi:type="A"><a b="1" b="2"/></command>', 'b', /given twice/],
    ['<command xsi:type="A"><a b/></command>', 'b', /has no value/],
    ['<command xsi:type="A"><a b="1"c="2"/></command>', 'c', /whitespace between attributes/],
    ['<command xsi:type="A"><a b="1></a></command>', '"1>', /not closed: expected "/],
    ['<command xsi:type="A"><a>x & y</a></command>', '&', /entity reference/],
    ['<command xsi:type="A"><a>&#0;</a></command>', '&#0;', /Invalid character reference/],
    ['<command xsi:type="A"><a>1</b></command>', '</b>', /Unexpected end tag <\/b>: expected <\/a>/],
    ['</b><command xsi:type="A"/>', '</b>', /no element is open/],
    ['stray<command xsi:type="A"/>', 'stray', /Text outside of any element/],
    ['<command xsi:type="A"><a>1 < 2</a></command>', '<', /element name after '<'/],
    ['<command xsi:type="A"><!-- open', '<!--', /Comment is not closed/],
    ['<command xsi:type="A"><a><![CDATA[x</a>', '<![CDATA[', /CDATA section is not closed/],
    [' <?xml version="1.0"?><command xsi:type="A"/>', '<?xml', /very start/],
    ['<command xsi:type="A"><a xsi:nil="maybe"/></command>', 'maybe', /xsi:nil must be/],
    ['<command xsi:type="A">text</command>', 'text', /not allowed directly in <command>/],
    ['<other/>', 'other', /expected <command> or <BroadsoftDocument>/],
  ];
  for (const [text, covered, message] of cases) {
    const file = parseXml(text);
    const hit = file.problems.find((p) => p.code === 'OCI-XML-SYNTAX' && at(text, p.span) === covered && message.test(p.message));
    assert.ok(hit, `${text}: expected a problem on ${JSON.stringify(covered)} matching ${message}, got ${JSON.stringify(file.problems)}`);
  }
});

test('mixed text and child elements', () => {
  const text = '<command xsi:type="A"><a>hello<b>1</b></a></command>';
  const file = parseXml(text);
  assert.deepEqual(
    file.problems.map((p) => [p.code, at(text, p.span)]),
    [['OCI-XML-MIXED', 'hello']],
  );
  assert.deepEqual(
    file.commands[0].children[0].children!.map((c) => c.name),
    ['b'],
  );
});

test('undefined entity references are reported with their span and kept as written', () => {
  const text = '<command xsi:type="A"><a>x&nbsp;y</a><b c="&foo;"/></command>';
  const file = parseXml(text);
  assert.deepEqual(
    file.problems.map((p) => [p.code, at(text, p.span)]),
    [
      ['OCI-XML-ENTITY', '&nbsp;'],
      ['OCI-XML-ENTITY', '&foo;'],
    ],
  );
  assert.equal(file.commands[0].children[0].value!.text, 'x&nbsp;y');
});

test('attribute values are normalised and decoded like an XML processor does', () => {
  const text = '<command xsi:type="A" echo="a\tb\r\nc &quot;q&quot; &apos;"><a>l1\r\nl2\rl3</a></command>';
  const file = parseXml(text);
  assert.deepEqual(file.problems, []);
  assert.equal(file.commands[0].attributes![0].value.text, 'a b c "q" \'');
  assert.equal(file.commands[0].children[0].value!.text, 'l1\nl2\nl3');
});

test('envelope problems: unclosed root, content after the root, second end tag', () => {
  const unclosed = `<BroadsoftDocument protocol="OCI" xmlns="C" xmlns:xsi="${XSI}"><sessionId xmlns="">s</sessionId><command xsi:type="A" xmlns=""/>`;
  const f1 = parseXml(unclosed);
  assert.deepEqual(
    f1.problems.map((p) => [p.code, at(unclosed, p.span)]),
    [['OCI-XML-SYNTAX', 'BroadsoftDocument']],
  );
  assert.equal(f1.commands.length, 1);

  const after = `<BroadsoftDocument protocol="OCI" xmlns="C" xmlns:xsi="${XSI}"><sessionId xmlns="">s</sessionId><command xsi:type="A" xmlns=""/></BroadsoftDocument><command xsi:type="B"/></BroadsoftDocument>`;
  const f2 = parseXml(after);
  assert.deepEqual(
    f2.commands.map((c) => c.name),
    ['A', 'B'],
  );
  const syntax = f2.problems.filter((p) => p.code === 'OCI-XML-SYNTAX');
  assert.deepEqual(
    syntax.map((p) => at(after, p.span)),
    ['command', '</BroadsoftDocument>'],
  );
  assert.match(syntax[0].message, /after the end of <BroadsoftDocument>/);
  assert.match(syntax[1].message, /already closed/);
});

test('an empty or blank file has no commands and no problems', () => {
  for (const text of ['', '   \n', '<?xml version="1.0"?>\n<!-- nothing -->\n']) {
    assert.deepEqual(parseXml(text), { format: 'xml', commands: [], problems: [] });
  }
});

test('nesting deeper than the limit is reported once and never overflows the stack', () => {
  const depth = 100000;
  const text = '<command xsi:type="A">' + '<a>'.repeat(depth) + 'x' + '</a>'.repeat(depth) + '</command>';
  const file = parseXml(text);
  assert.equal(file.commands.length, 1);
  assert.equal(file.problems.filter((p) => /nested deeper/.test(p.message)).length, 1);
});
