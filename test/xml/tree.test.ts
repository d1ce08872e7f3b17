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
    assert.deepEqual(root.children.map((c) => [c.local, c.ns]), [['x', 'urn:d'], ['y', '']]);
    assert.equal(child(root, 'y')!.scope, root.scope, 'an element without declarations shares its parent scope');
  });

  it('normalises line ends in text, and tabs and line ends in attribute values (character references kept)', () => {
    const root = parseXmlTree('<a v="x\ty\r\nz&#9;">l1\r\nl2\rl3</a>');
    assert.equal(root.attrs.v, 'x y z\t');
    assert.equal(root.text, 'l1\nl2\nl3');
  });

  it('spans of elements only when asked', () => {
    const text = '<r><a x="1">t</a><b/></r>';
    assert.equal(parseXmlTree(text).children[0].span, undefined);
    const root = parseXmlTree(text, { spans: true });
    assert.deepEqual(root.children.map((c) => text.slice(c.span!.start, c.span!.end)), ['<a x="1">t</a>', '<b/>']);
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
      ['<1a/>', /malformed start tag/],
      ['<a></ a>', /malformed end tag/],
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
    assert.deepEqual(file.problems.map((p) => p.code), ['OCI-XML-ENTITY', 'OCI-XML-ENTITY']);
  });
});
