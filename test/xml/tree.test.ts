/**
 * core/xml: the one strict, safe whole-document reader behind server responses (core/ocip), simulator requests
 * (sim/xml) and XSD files (core/xsd). Its options, its entity rules, namespaces, spans and error positions.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { attribute, child, parseXmlTree, resolveQName, XmlError, XMLNS_NS, XSI_NS, xsiType, type XmlTreeOptions } from '../../core/xml';
import { parseXml } from '../../core/syntax';

function error(text: string, options?: XmlTreeOptions): XmlError {
  try {
    parseXmlTree(text, options);
  } catch (e) {
    assert.ok(e instanceof XmlError, String(e));
    return e;
  }
  assert.fail(`no error for ${JSON.stringify(text.slice(0, 80))}`);
}

describe('core/xml parseXmlTree', () => {
  it('builds the tree: names, namespaces, attributes, text and CDATA, document order', () => {
    const root = parseXmlTree(
      `\uFEFF<?xml version="1.0"?>\n<!-- c --><C:doc xmlns:C="urn:c" xmlns:xsi="${XSI_NS}" a='1'><x xmlns="urn:d" xsi:type="C:T">t&lt;&#233;&#x41;<![CDATA[<raw>&amp;]]></x><y/></C:doc>\n`,
    );
    assert.deepEqual([root.name, root.local, root.ns], ['C:doc', 'doc', 'urn:c']);
    assert.equal(root.attrs.a, '1');
    assert.equal(root.attributes.find((a) => a.name === 'xmlns:C')?.ns, XMLNS_NS);
    const x = child(root, 'x')!;
    assert.equal(x.ns, 'urn:d');
    assert.equal(x.text, 't<éA<raw>&amp;');
    assert.deepEqual(xsiType(x), { ns: 'urn:c', local: 'T' });
    assert.equal(attribute(x, XSI_NS, 'type'), 'C:T');
    assert.deepEqual(resolveQName(x, 'nope:T'), { prefix: 'nope', ns: undefined, local: 'T' });
    assert.deepEqual(
      root.children.map((c) => [c.local, c.ns]),
      [
        ['x', 'urn:d'],
        ['y', ''],
      ],
    );
    assert.equal(child(root, 'y')!.scope, root.scope, 'an element without declarations shares its parent scope');
  });

  it('normalises line ends in text, and tabs and line ends in attribute values (character references kept)', () => {
    const root = parseXmlTree('<a v="x\ty\r\nz&#9;">l1\r\nl2\rl3</a>');
    assert.equal(root.attrs.v, 'x y z\t');
    assert.equal(root.text, 'l1\nl2\nl3');
  });

  it('spans are source offsets, also after CRLF line ends and a byte-order mark', () => {
    const text = '\uFEFF<?xml version="1.0"?>\r\n<r>\r\n  <a x="1\r\n2">t\r\n</a>\r\n  <b/></r>\r\n';
    const root = parseXmlTree(text, { spans: true });
    assert.deepEqual(
      root.children.map((c) => text.slice(c.span!.start, c.span!.end)),
      ['<a x="1\r\n2">t\r\n</a>', '<b/>'],
    );
    assert.equal(text.slice(root.span!.start, root.span!.end), text.slice(text.indexOf('<r>'), text.lastIndexOf('>') + 1));
    assert.deepEqual([root.children[0].attrs.x, root.children[0].text], ['1 2', 't\n']);
  });

  it('a bad reference is reported where it is: in mixed content after CRLF, comments and CDATA, or in an attribute', () => {
    const inText = error('<a>x\r\n<b/>y<!-- &c; --><![CDATA[&d;]]>&bad;</a>');
    assert.deepEqual([inText.kind, inText.line, inText.column], ['entity', 2, 33]);
    const inAttribute = error('<r q="1"\n v="ok &amp;" w=\'&nope;\'/>');
    assert.deepEqual([inAttribute.kind, inAttribute.line, inAttribute.column], ['entity', 2, 18]);
    assert.match(error('<a>&#0;</a>').message, /Invalid character reference '&#0;'.*line 1, column 4/);
  });

  it('names that are Object properties are read as written', () => {
    const root = parseXmlTree('<toString valueOf="1" hasOwnProperty="2"><__defineGetter__/></toString>');
    assert.deepEqual(
      [root.name, root.attrs.valueOf, root.attrs.hasOwnProperty, root.children[0].name],
      ['toString', '1', '2', '__defineGetter__'],
    );
  });

  it('spans of elements only when asked', () => {
    const text = '<r><a x="1">t</a><b/></r>';
    assert.equal(parseXmlTree(text).children[0].span, undefined);
    const root = parseXmlTree(text, { spans: true });
    assert.deepEqual(
      root.children.map((c) => text.slice(c.span!.start, c.span!.end)),
      ['<a x="1">t</a>', '<b/>'],
    );
    assert.deepEqual(root.span, { start: 0, end: text.length });
  });

  it('only the predefined entities and character references: anything else is an error, never expanded', () => {
    for (const name of ['boom', 'constructor', 'toString', '__proto__', 'nbsp']) {
      const e = error(`<a>x&${name};</a>`);
      assert.equal(e.kind, 'entity', name);
      assert.match(e.message, new RegExp(`&${name};.*line 1, column 5`));
    }
    assert.equal(error('<a>AT&T</a>').kind, 'malformed');
    assert.equal(error('<a>&#0;</a>').kind, 'malformed');
    assert.equal(error('<a v="&bad;"/>').kind, 'entity');
  });

  it('a DOCTYPE is rejected by default and skipped unread with doctype: skip (its entities stay undefined)', () => {
    const text = '<?xml version="1.0"?>\n<!DOCTYPE r [<!ENTITY e "EXPANDED"> <!ENTITY x SYSTEM "file:///etc/passwd">]>\n<r>&e;</r>';
    const rejected = error(text);
    assert.equal(rejected.kind, 'doctype');
    assert.deepEqual([rejected.line, rejected.column], [2, 1]);
    const skipped = error(text, { doctype: 'skip' });
    assert.equal(skipped.kind, 'entity');
    assert.ok(!skipped.message.includes('EXPANDED'));
    assert.equal(parseXmlTree('<!DOCTYPE r [<!ENTITY e "]>">]><r>ok</r>', { doctype: 'skip' }).text, 'ok');
    assert.equal(error('<r><!ENTITY e "x"></r>', { doctype: 'skip' }).kind, 'doctype', 'a declaration outside a DOCTYPE is never skipped');
  });

  it('undeclared prefixes: an error by default, no namespace when asked', () => {
    const e = error('<a>\n  <p:b/></a>');
    assert.equal(e.kind, 'namespace');
    assert.match(e.message, /undeclared namespace prefix 'p' on element <p:b> at line 2, column 3/);
    const root = parseXmlTree('<a xsi:type="T"><p:b q:c="1"/></a>', { undeclaredPrefixes: 'no-namespace' });
    assert.equal(root.children[0].ns, '');
    assert.deepEqual(xsiType(root), { ns: '', local: 'T' }, 'an undeclared xsi: prefix still names the type');
  });

  it('malformed documents: a clear reason and the position', () => {
    const cases: [string, RegExp][] = [
      ['', /no root element at line 1, column 1/],
      ['  junk<a/>', /text outside the root element at line 1, column 3/],
      ['<a/><b/>', /a second root element at line 1, column 5/],
      ['<a>\n<b></a>', /<\/a> does not close <b> at line 2, column 4/],
      ['<a>', /the document ends inside <a> at line 1, column 4/],
      ['<a x="1"y="2"/>', /expected whitespace/],
      ['<a x="1" x="2"/>', /attribute x appears twice/],
      ['<a x=1/>', /must be quoted/],
      ['<a x="<"/>', /'<' in the value of attribute x/],
      ['<a><!-- never closed</a>', /unterminated comment/],
      ['<![CDATA[x]]><a/>', /CDATA section outside the root element/],
      ['<a/><?pi', /unterminated processing instruction at line 1, column 5/],
      ['<a/><![CDATA[x]]>', /CDATA section outside the root element at line 1, column 5/],
      ['<a b/>', /attribute b has no value/],
      ['<a b="1>', /unterminated attribute value in <a>/],
      ['<1a/>', /malformed tag: '1a' is not a name/],
      ['<a></ a>', /malformed tag: no name after/],
      ['<a><b>', /the document ends inside <b> at line 1, column 7/],
      ['<constructor/>', /the name 'constructor' is not supported at line 1, column 2/],
    ];
    for (const [text, message] of cases) {
      const e = error(text);
      assert.match(e.message, message, JSON.stringify(text));
      assert.equal(typeof e.line, 'number');
    }
  });

  it('nesting is bounded (consumers recurse): maxDepth, default 1000, no stack overflow on 100,000 levels', () => {
    assert.equal(parseXmlTree(`${'<a>'.repeat(1000)}${'</a>'.repeat(1000)}`).local, 'a');
    assert.match(error(`${'<a>'.repeat(1001)}${'</a>'.repeat(1001)}`).message, /nested deeper than 1000 levels/);
    assert.match(error(`${'<a>'.repeat(100_000)}`).message, /nested deeper than 1000 levels/);
    assert.match(error('<a><a><a></a></a></a>', { maxDepth: 2 }).message, /nested deeper than 2 levels/);
  });
});

describe('entity names that are Object properties (regression)', () => {
  it('the editor front end reports &constructor; as undefined instead of inserting "function Object()"', () => {
    const file = parseXml('<command xsi:type="UserDeleteRequest" xmlns=""><userId>&constructor;&toString;</userId></command>');
    assert.equal(file.commands[0].children[0].value?.text, '&constructor;&toString;');
    assert.deepEqual(
      file.problems.map((p) => p.code),
      ['OCI-XML-ENTITY', 'OCI-XML-ENTITY'],
    );
  });
});
