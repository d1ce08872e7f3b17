import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { XmlParser, parseXml } from '../../core/syntax/xml';
import type { Span } from '../../core/tree/types';

const at = (text: string, span: Span) => text.slice(span.start, span.end);

test('billion laughs: the DTD is reported, nothing is expanded', () => {
  const decls = ['<!ENTITY lol "lol">'];
  for (let i = 1; i <= 9; i++) decls.push(`<!ENTITY lol${i} "${`&lol${i === 1 ? '' : i - 1};`.repeat(10)}">`);
  const doctype = `<!DOCTYPE command [\n${decls.join('\n')}\n]>`;
  const text = `<?xml version="1.0"?>\n${doctype}\n<command xsi:type="A"><a>&lol9;</a></command>`;
  const file = parseXml(text);
  assert.deepEqual(
    file.problems.map((p) => [p.code, at(text, p.span)]),
    [
      ['OCI-XML-DTD', doctype],
      ['OCI-XML-ENTITY', '&lol9;'],
    ],
  );
  assert.equal(file.commands[0].children[0].value!.text, '&lol9;');
  assert.ok(JSON.stringify(file).length < 10000, 'no expansion anywhere in the tree');
});

test('an external entity naming a local file is never read', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ocip-xxe-'));
  try {
    const secretFile = join(dir, 'secret.txt');
    writeFileSync(secretFile, 'TOP-SECRET-MARKER');
    const doctype = `<!DOCTYPE command [ <!ENTITY xxe SYSTEM "file://${secretFile}"> ]>`;
    const text = `${doctype}<command xsi:type="A"><a>&xxe;</a><b>&#x26;xxe;</b></command>`;
    const file = parseXml(text);
    assert.ok(!JSON.stringify(file).includes('TOP-SECRET-MARKER'));
    assert.deepEqual(
      file.problems.map((p) => [p.code, at(text, p.span)]),
      [
        ['OCI-XML-DTD', doctype],
        ['OCI-XML-ENTITY', '&xxe;'],
      ],
    );
    assert.equal(file.commands[0].children[1].value!.text, '&xxe;', 'a character reference yields the text, not a reference');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a stray ENTITY declaration outside a DOCTYPE is an OCI-XML-DTD problem', () => {
  const text = '<command xsi:type="A"><!ENTITY e "x"><a>1</a></command>';
  const file = parseXml(text);
  assert.deepEqual(
    file.problems.map((p) => [p.code, at(text, p.span)]),
    [['OCI-XML-DTD', '<!ENTITY e "x">']],
  );
  assert.equal(file.commands[0].children[0].value!.text, '1');
});

test('a DOCTYPE whose subset mentions <command does not split the document wrongly', () => {
  const text = '<!DOCTYPE x [<!ENTITY e "<command>">]><command xsi:type="A"><a>1</a></command>';
  const file = parseXml(text);
  assert.deepEqual(
    file.commands.map((c) => c.name),
    ['A'],
  );
  assert.deepEqual(
    file.problems.map((p) => p.code),
    ['OCI-XML-DTD'],
  );
});

test('enormous single lines and unterminated constructs finish and report', () => {
  const inputs = [
    '<command xsi:type="A"><a b="' + 'x'.repeat(500000),
    '<command xsi:type="A">' + '<a '.repeat(100000),
    '<command xsi:type="A">' + '&'.repeat(200000),
    '<command xsi:type="A">' + '</'.repeat(100000),
    '<!--' + '-'.repeat(300000),
    '<command xsi:type="A"><a>' + '<![CDATA['.repeat(50000),
    '<command ' + '"'.repeat(300000),
  ];
  for (const text of inputs) {
    const file = parseXml(text);
    assert.ok(file.problems.length > 0, text.slice(0, 40));
    assert.ok(file.problems.length <= 1000);
    for (const p of file.problems) assert.ok(p.span.start >= 0 && p.span.end <= text.length && p.span.start <= p.span.end);
  }
});

test('lone surrogates and control characters do not crash', () => {
  const text = '<command xsi:type="\uD800A"><a>\uDC00x\uD83D</a><b c="\uDFFF"/>\u0000</command>';
  const file = parseXml(text);
  assert.equal(file.commands[0].children[0].value!.text, '\uDC00x\uD83D');
});

const xmlish = fc
  .array(
    fc.oneof(
      fc.constantFrom(
        '<',
        '>',
        '/',
        '</',
        '/>',
        '<command',
        '<command xsi:type="A">',
        '</command>',
        '<a>',
        '</a>',
        '<b x="1">',
        '"',
        "'",
        '=',
        '&',
        '&amp;',
        '&#',
        ';',
        '<!--',
        '-->',
        '<![CDATA[',
        ']]>',
        '<?',
        '?>',
        '<!DOCTYPE',
        '[',
        ']',
        ' ',
        '\n',
        'xmlns=""',
        'xmlns:p="u"',
        'p:',
        'xsi:nil="true"',
        '<BroadsoftDocument protocol="OCI" xmlns="C">',
        '</BroadsoftDocument>',
      ),
      fc.string({ maxLength: 5 }),
    ),
    { maxLength: 60 },
  )
  .map((parts) => parts.join(''));

function assertWellFormedResult(text: string) {
  const file = parseXml(text);
  const inRange = (s: Span) => s.start >= 0 && s.start <= s.end && s.end <= text.length;
  for (const p of file.problems) assert.ok(inRange(p.span), JSON.stringify(p));
  for (const c of file.commands) {
    assert.ok(inRange(c.span) && inRange(c.headSpan));
    const walk = (els: typeof c.children) => {
      for (const e of els) {
        assert.ok(inRange(e.span) && inRange(e.nameSpan));
        if (e.value) assert.ok(inRange(e.value.span));
        if (e.children) walk(e.children);
      }
    };
    walk(c.children);
  }
}

test('random input never throws and spans stay inside the text', () => {
  fc.assert(
    fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (text) => assertWellFormedResult(text)),
    { numRuns: 500, seed: 11 },
  );
  fc.assert(
    fc.property(xmlish, (text) => assertWellFormedResult(text)),
    { numRuns: 2000, seed: 12 },
  );
});

test('incremental reuse gives the same tree as a fresh parse after random edits', () => {
  const base =
    '<?xml version="1.0"?>\n<BroadsoftDocument protocol="OCI" xmlns="C" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">\n' +
    '<sessionId xmlns="">s</sessionId>\n' +
    Array.from({ length: 6 }, (_, i) => `<command xsi:type="C${i}" xmlns=""><a>${i}&amp;</a><b x="1"><c/></b></command>\n`).join('') +
    '</BroadsoftDocument>\n';
  const edit = fc.record({
    at: fc.nat(),
    remove: fc.nat({ max: 3 }),
    insert: fc.constantFrom('', 'x', '<', '>', '"', '<command xsi:type="N">', '</a>', '&', '\n', '</BroadsoftDocument>'),
  });
  fc.assert(
    fc.property(fc.array(edit, { minLength: 1, maxLength: 8 }), (edits) => {
      const incremental = new XmlParser();
      let text = base;
      incremental.parse(text);
      for (const e of edits) {
        const p = e.at % (text.length + 1);
        text = text.slice(0, p) + e.insert + text.slice(p + e.remove);
        assert.deepEqual(incremental.parse(text), new XmlParser().parse(text));
      }
    }),
    { numRuns: 300, seed: 13 },
  );
});

test('a one-character edit re-scans only the edited command', () => {
  const commands = Array.from({ length: 200 }, (_, i) => `<command xsi:type="C" xmlns=""><userId>u${i}</userId></command>\n`);
  const text = `<BroadsoftDocument protocol="OCI" xmlns="C" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><sessionId xmlns="">s</sessionId>\n${commands.join('')}</BroadsoftDocument>`;
  const parser = new XmlParser();
  const first = parser.parse(text);
  assert.equal(parser.parsedPieces, 201, 'head + one piece per command');
  const pos = text.indexOf('u100<') + 1;
  const edited = text.slice(0, pos) + '7' + text.slice(pos);
  const second = parser.parse(edited);
  assert.equal(parser.parsedPieces, 202);
  assert.equal(second.commands[100].children[0].value!.text, 'u7100');
  assert.equal(second.commands[99].children, first.commands[99].children, 'commands before the edit keep their objects');
  assert.deepEqual(second, new XmlParser().parse(edited));
});
