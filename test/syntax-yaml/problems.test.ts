import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseYaml } from '../../core/syntax/yaml';
import type { ElementNode, SourceFile, Span } from '../../core/tree/types';
import { USER_ADD, USER_DELETE, child, seeded, spanOf } from './helpers';

const codes = (file: SourceFile) => file.problems.map((p) => p.code);

test('a syntax error in document 2 still yields commands 1 and 3, with the error inside document 2', () => {
  const broken = 'command: UserGetRequest22\nuserId: [a@b.c\nphone: 123\n';
  const text = `${USER_ADD}---\n${broken}---\n${USER_DELETE}`;
  const file = parseYaml(text);
  assert.deepEqual(
    file.commands.map((c) => c.name),
    ['UserConsolidatedAddRequest22', 'UserGetRequest22', 'UserDeleteRequest'],
  );
  assert.deepEqual(
    file.commands.map((c) => c.index),
    [0, 1, 2],
  );
  assert.ok(file.problems.length >= 1);
  const second = spanOf(text, broken);
  for (const p of file.problems) {
    assert.equal(p.code, 'OCI-YAML-SYNTAX');
    assert.ok(p.span.start >= second.start && p.span.end <= second.end, `problem ${JSON.stringify(p)} outside document 2`);
    assert.ok(p.message.length > 0);
  }
  // Commands after the broken one keep exact spans.
  assert.deepEqual(child(file.commands[2], 'userId').value?.span, spanOf(text, 'old@example.com'));
});

test('yaml recovers inside a document: keys before and after a bad line are kept', () => {
  const text = 'command: UserGetRequest22\nuserId: "unclosed\n---\ncommand: UserDeleteRequest\n';
  const file = parseYaml(text);
  assert.deepEqual(codes(file), ['OCI-YAML-SYNTAX']);
  assert.match(file.problems[0].message, /quote/i);
  assert.deepEqual(
    file.commands.map((c) => c.name),
    ['UserGetRequest22', 'UserDeleteRequest'],
  );

  const indent = 'command: X\na: [1\nc: 3\n';
  const recovered = parseYaml(indent);
  assert.ok(recovered.problems.length > 0);
  assert.ok(recovered.problems.every((p) => p.code === 'OCI-YAML-SYNTAX'));
  assert.equal(recovered.commands[0].name, 'X');
  assert.equal(child(recovered.commands[0], 'c').value?.text, '3');
});

test('duplicate keys: reported on the second key with a list hint; the tree keeps the first', () => {
  const text = 'command: X\nalias: a@x.com\nphone: 1\nalias: b@x.com\ndepartment:\n  name: A\n  name: B\n';
  const file = parseYaml(text);
  assert.deepEqual(codes(file), ['OCI-YAML-DUPLICATE-KEY', 'OCI-YAML-DUPLICATE-KEY']);
  assert.deepEqual(file.problems[0].span, spanOf(text, 'alias', 1));
  assert.match(file.problems[0].message, /alias/);
  assert.match(file.problems[0].message, /list/);
  assert.deepEqual(file.problems[1].span, spanOf(text, 'name', 1));
  const command = file.commands[0];
  assert.deepEqual(
    command.children.filter((c) => c.name === 'alias').map((c) => c.value?.text),
    ['a@x.com'],
  );
  assert.equal(child(child(command, 'department'), 'name').value?.text, 'A');
});

test('a second command key is a duplicate too', () => {
  const text = 'command: A\ncommand: B\n';
  const file = parseYaml(text);
  assert.equal(file.commands[0].name, 'A');
  assert.deepEqual(file.commands[0].children, []);
  assert.deepEqual(
    file.problems.map((p) => [p.code, p.span]),
    [['OCI-YAML-DUPLICATE-KEY', spanOf(text, 'command', 1)]],
  );
});

test('a document that is not a mapping is reported and is not a command', () => {
  const text = `${USER_DELETE}---\n- a\n- b\n---\njust words\n---\n${USER_DELETE}`;
  const file = parseYaml(text);
  assert.deepEqual(
    file.commands.map((c) => c.index),
    [0, 1],
  );
  assert.deepEqual(
    file.problems.map((p) => [p.code, p.span]),
    [
      ['OCI-YAML-NOT-MAPPING', spanOf(text, '- a\n- b')],
      ['OCI-YAML-NOT-MAPPING', spanOf(text, 'just words')],
    ],
  );
});

test('non-scalar keys, bad command values, empty xsi:type, nested lists', () => {
  const text = 'command: X\n[a, b]: 1\ndept:\n  xsi:type:\n  name: n\nlist: [[1, 2], 3]\n';
  const file = parseYaml(text);
  const byCode = new Map(file.problems.map((p) => [p.code, p.span] as [string, Span]));
  assert.deepEqual(byCode.get('OCI-YAML-KEY'), spanOf(text, '[a, b]'));
  assert.deepEqual(byCode.get('OCI-YAML-XSI-TYPE'), spanOf(text, 'xsi:type'));
  assert.deepEqual(byCode.get('OCI-YAML-NESTED-LIST'), spanOf(text, '[1, 2]'));
  const command = file.commands[0];
  assert.deepEqual(
    command.children.map((c) => c.name),
    ['dept', 'list'],
  );
  assert.deepEqual(command.children[1].value?.text, '3');
  assert.deepEqual(command.children[1].listIndex, 1);

  const bad = parseYaml('command: {a: 1}\n');
  assert.deepEqual(codes(bad), ['OCI-YAML-COMMAND-NAME']);
  assert.equal(bad.commands[0].name, null);
});

test('custom tags are reported on the tag; unknown and recursive aliases are reported, not followed forever', () => {
  const text = 'command: X\ne: !custom bar\nd: *nope\nloop: &r {again: *r}\n';
  const file = parseYaml(text);
  assert.deepEqual(
    file.problems.map((p) => [p.code, p.span]),
    [
      ['OCI-YAML-TAG', spanOf(text, '!custom')],
      ['OCI-YAML-ALIAS', spanOf(text, '*nope')],
      ['OCI-YAML-ALIAS', spanOf(text, '*r', 0, text.indexOf('again'))],
    ],
  );
  assert.equal(child(file.commands[0], 'e').value?.text, 'bar');
});

test('alias explosion ("billion laughs") is cut off with a problem', () => {
  const lines = ['command: X', 'l0: &a0 [x, x, x, x, x, x, x, x, x, x]'];
  for (let i = 1; i < 9; i++) lines.push(`l${i}: &a${i} {${Array.from({ length: 10 }, (_, k) => `k${k}: *a${i - 1}`).join(', ')}}`);
  const file = parseYaml(lines.join('\n') + '\n');
  assert.deepEqual(
    file.problems.map((p) => p.code),
    ['OCI-YAML-ALIAS'],
  );
  assert.match(file.problems[0].message, /expand/);
  assert.equal(file.commands.length, 1);
});

test('problems of one document are capped, with a note saying how many were left out', () => {
  const text = 'command: X\n' + 'k: v\n'.repeat(151) + '---\ncommand: Y\nk: 1\nk: 2\n';
  const file = parseYaml(text);
  assert.equal(file.problems.length, 100 + 1 + 1);
  assert.equal(file.problems[100].code, 'OCI-YAML-TOO-MANY-PROBLEMS');
  assert.match(file.problems[100].message, /^50 more/);
  assert.equal(file.problems[101].code, 'OCI-YAML-DUPLICATE-KEY');
  assert.deepEqual(
    file.commands.map((c) => c.name),
    ['X', 'Y'],
  );
});

function allSpans(file: SourceFile): Span[] {
  const spans: Span[] = file.problems.map((p) => p.span);
  const walk = (e: ElementNode) => {
    spans.push(e.span, e.nameSpan);
    if (e.value) spans.push(e.value.span);
    if (e.xsiType) spans.push(e.xsiType.span);
    if (e.nil) spans.push(e.nil);
    e.children?.forEach(walk);
  };
  for (const c of file.commands) {
    spans.push(c.span, c.headSpan);
    if (c.nameSpan) spans.push(c.nameSpan);
    c.children.forEach(walk);
  }
  return spans;
}

test('fuzz: random text and random mutations never throw and keep spans inside the text', () => {
  const random = seeded(20240611);
  const alphabet = [
    'a',
    'b',
    ' ',
    ' ',
    '\n',
    '\n',
    ':',
    '-',
    '---\n',
    '...\n',
    '[',
    ']',
    '{',
    '}',
    ',',
    '"',
    "'",
    '#',
    '&x',
    '*x',
    '!',
    '!!str ',
    '|',
    '>',
    '?',
    '%',
    '\t',
    '\r\n',
    '~',
    'xsi:type: T',
    'command: X\n',
    '\\',
    'é',
    '\uFEFF',
  ];
  const base = `${USER_ADD}---\n${USER_DELETE}`;
  for (let round = 0; round < 1500; round++) {
    let text: string;
    if (round % 2 === 0) {
      const length = Math.floor(random() * 60);
      text = Array.from({ length }, () => alphabet[Math.floor(random() * alphabet.length)]).join('');
    } else {
      text = base;
      for (let k = 0; k < 4; k++) {
        const at = Math.floor(random() * text.length);
        const cut = Math.floor(random() * 5);
        text = text.slice(0, at) + alphabet[Math.floor(random() * alphabet.length)] + text.slice(at + cut);
      }
    }
    let file: SourceFile;
    try {
      file = parseYaml(text);
    } catch (error) {
      assert.fail(`parseYaml threw on ${JSON.stringify(text)}: ${error}`);
    }
    for (const span of allSpans(file)) {
      assert.ok(
        span.start >= 0 && span.start <= span.end && span.end <= text.length,
        `bad span ${JSON.stringify(span)} in ${JSON.stringify(text)}`,
      );
    }
    assert.deepEqual(
      file.commands.map((c) => c.index),
      file.commands.map((_, i) => i),
    );
  }
});

test('deeply nested input does not crash', () => {
  const text = 'command: X\na: ' + '['.repeat(5000) + ']'.repeat(5000) + '\nb: ' + '{c: '.repeat(3000) + '1' + '}'.repeat(3000) + '\n';
  const file = parseYaml(text);
  assert.ok(file.problems.length > 0);
});
