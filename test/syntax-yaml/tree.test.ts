import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseYaml } from '../../core/syntax/yaml';
import { USER_ADD, USER_DELETE, child, children, spanOf } from './helpers';

test('a realistic command: command name, keys, values and spans', () => {
  const text = USER_ADD;
  const file = parseYaml(text);
  assert.equal(file.format, 'yaml');
  assert.deepEqual(file.problems, []);
  assert.equal(file.commands.length, 1);
  const command = file.commands[0];
  assert.equal(command.index, 0);
  assert.equal(command.name, 'UserConsolidatedAddRequest22');
  assert.deepEqual(command.nameSpan, spanOf(text, 'UserConsolidatedAddRequest22'));
  assert.deepEqual(command.headSpan, spanOf(text, 'command'));
  assert.deepEqual(command.span, { start: 0, end: text.trimEnd().length });
  assert.deepEqual(
    command.children.map((c) => c.name),
    [
      'serviceProviderId',
      'groupId',
      'userId',
      'lastName',
      'firstName',
      'callingLineIdLastName',
      'callingLineIdFirstName',
      'alias',
      'alias',
      'department',
      'userService',
      'userService',
      'thirdPartyVoiceMailMailboxURL',
    ],
  );

  const userId = child(command, 'userId');
  assert.deepEqual(userId.nameSpan, spanOf(text, 'userId'));
  assert.deepEqual(userId.span, spanOf(text, 'userId: jdoe@example.com'));
  assert.deepEqual(userId.value, { text: 'jdoe@example.com', span: spanOf(text, 'jdoe@example.com') });
  assert.equal(userId.namespace, '');
  assert.equal(userId.listIndex, undefined);
  assert.equal(userId.children, undefined);
  assert.equal(userId.nil, undefined);
});

test('flow list: one element per item, sharing the key as name', () => {
  const text = USER_ADD;
  const aliases = children(parseYaml(text).commands[0], 'alias');
  assert.equal(aliases.length, 2);
  assert.deepEqual(
    aliases.map((a) => [a.listIndex, a.value?.text, a.span, a.value?.span, a.nameSpan]),
    [
      [0, 'jd@example.com', spanOf(text, 'jd@example.com'), spanOf(text, 'jd@example.com'), spanOf(text, 'alias')],
      [1, 'john@example.com', spanOf(text, 'john@example.com'), spanOf(text, 'john@example.com'), spanOf(text, 'alias')],
    ],
  );
});

test('nested mapping with xsi:type: children, and the type on the parent instead of a child', () => {
  const text = USER_ADD;
  const department = child(parseYaml(text).commands[0], 'department');
  assert.deepEqual(department.nameSpan, spanOf(text, 'department'));
  assert.deepEqual(
    department.span,
    spanOf(text, 'department:\n  xsi:type: GroupDepartmentKey\n  serviceProviderId: ent1\n  groupId: grp1\n  name: Sales'),
  );
  assert.deepEqual(department.xsiType, { text: 'GroupDepartmentKey', span: spanOf(text, 'GroupDepartmentKey') });
  assert.deepEqual(
    department.children?.map((c) => c.name),
    ['serviceProviderId', 'groupId', 'name'],
  );
  const name = child(department, 'name');
  assert.deepEqual(name.span, spanOf(text, 'name: Sales'));
  assert.deepEqual(name.value, { text: 'Sales', span: spanOf(text, 'Sales') });
  assert.equal(department.value, undefined);
});

test('block list of mappings: items are elements with children; flow mapping inside', () => {
  const text = USER_ADD;
  const services = children(parseYaml(text).commands[0], 'userService');
  assert.deepEqual(
    services.map((s) => s.listIndex),
    [0, 1],
  );
  assert.deepEqual(services[0].span, spanOf(text, 'userServiceName: Shared Call Appearance'));
  assert.deepEqual(services[1].span, spanOf(text, 'userServiceName: Authentication\n    authorizedQuantity: {unlimited: true}'));
  assert.deepEqual(services[1].nameSpan, spanOf(text, 'userService'));
  const quantity = child(services[1], 'authorizedQuantity');
  assert.deepEqual(quantity.span, spanOf(text, 'authorizedQuantity: {unlimited: true}'));
  const unlimited = child(quantity, 'unlimited');
  const trueAt = spanOf(text, 'true}').start;
  assert.deepEqual(unlimited.value, { text: 'true', span: { start: trueAt, end: trueAt + 'true'.length } });
  assert.deepEqual(unlimited.nameSpan, spanOf(text, 'unlimited'));
});

test('nil: ~, null and an empty value (zero-length span right after the colon)', () => {
  const text = 'command: X\na: ~\nb: null\nc:\nd: ""\ne: !!str\nf: [~, x]\n';
  const command = parseYaml(text).commands[0];
  assert.deepEqual(child(command, 'a').nil, spanOf(text, '~'));
  assert.deepEqual(child(command, 'a').span, spanOf(text, 'a: ~'));
  assert.deepEqual(child(command, 'b').nil, spanOf(text, 'null'));
  const colonOfC = spanOf(text, 'c:').end;
  assert.deepEqual(child(command, 'c').nil, { start: colonOfC, end: colonOfC });
  assert.deepEqual(child(command, 'c').span, spanOf(text, 'c:'));
  assert.equal(child(command, 'c').value, undefined);
  // Quoted empty strings and explicitly tagged strings are values, not nil.
  assert.deepEqual(child(command, 'd').value, { text: '', span: spanOf(text, '""') });
  assert.equal(child(command, 'd').nil, undefined);
  assert.equal(child(command, 'e').value?.text, '');
  const f = children(command, 'f');
  assert.deepEqual(f[0].nil, spanOf(text, '~', 1));
  assert.deepEqual(f[1].value?.text, 'x');
});

test('plain scalars keep their source text; quoted and block scalars are decoded', () => {
  const text = [
    'command: X',
    'zero: 007',
    'flag: true',
    'exp: 1e3',
    'hex: 0x1F',
    'multi: first',
    '  second',
    'double: "tab\\there \\u00e9"',
    "single: 'it''s'",
    'literal: |',
    '  line one',
    '  line two',
    'folded: >-',
    '  folded',
    '  text',
    'after: x',
    '',
  ].join('\n');
  const command = parseYaml(text).commands[0];
  const value = (name: string) => child(command, name).value;
  assert.deepEqual(value('zero'), { text: '007', span: spanOf(text, '007') });
  assert.equal(value('flag')?.text, 'true');
  assert.equal(value('exp')?.text, '1e3');
  assert.equal(value('hex')?.text, '0x1F');
  assert.deepEqual(value('multi'), { text: 'first second', span: spanOf(text, 'first\n  second') });
  assert.deepEqual(value('double'), { text: 'tab\there \u00e9', span: spanOf(text, '"tab\\there \\u00e9"') });
  assert.deepEqual(value('single'), { text: "it's", span: spanOf(text, "'it''s'") });
  assert.deepEqual(value('literal'), { text: 'line one\nline two\n', span: spanOf(text, '|\n  line one\n  line two') });
  assert.deepEqual(value('folded'), { text: 'folded text', span: spanOf(text, '>-\n  folded\n  text') });
  assert.deepEqual(child(command, 'literal').span, spanOf(text, 'literal: |\n  line one\n  line two'));
});

test('quoted keys are decoded; the name span covers the key as written', () => {
  const text = 'command: X\n"userId": a\n';
  const userId = child(parseYaml(text).commands[0], 'userId');
  assert.deepEqual(userId.nameSpan, spanOf(text, '"userId"'));
});

test('multiple documents, comments and comment-only documents', () => {
  const text = `# Provisioning run for ent1
---
${USER_ADD}---
# nothing here yet
---
${USER_DELETE}...
# trailing comment
`;
  const file = parseYaml(text);
  assert.deepEqual(file.problems, []);
  assert.deepEqual(
    file.commands.map((c) => [c.index, c.name]),
    [
      [0, 'UserConsolidatedAddRequest22'],
      [1, 'UserDeleteRequest'],
    ],
  );
  const del = file.commands[1];
  assert.deepEqual(del.nameSpan, spanOf(text, 'UserDeleteRequest'));
  assert.deepEqual(del.headSpan, spanOf(text, 'command', 0, text.indexOf('UserDeleteRequest') - 20));
  assert.deepEqual(del.span, spanOf(text, USER_DELETE.trimEnd()));
  assert.deepEqual(child(del, 'userId').value?.span, spanOf(text, 'old@example.com'));
});

test('comments between and after keys do not end up in spans', () => {
  const text = 'command: X # the command\ndepartment:\n  name: Sales # inline\n  # a comment line\nnext: 1\n';
  const command = parseYaml(text).commands[0];
  assert.deepEqual(command.nameSpan, spanOf(text, 'X'));
  assert.deepEqual(child(command, 'department').span, spanOf(text, 'department:\n  name: Sales'));
  assert.deepEqual(child(child(command, 'department'), 'name').value?.span, spanOf(text, 'Sales'));
});

test('missing command key: name null, head span is the first line', () => {
  const text = '---\nuserId: a@b.c\nx: 1\n';
  const command = parseYaml(text).commands[0];
  assert.equal(command.name, null);
  assert.equal(command.nameSpan, undefined);
  assert.deepEqual(command.headSpan, spanOf(text, 'userId: a@b.c'));
  assert.deepEqual(
    command.children.map((c) => c.name),
    ['userId', 'x'],
  );
});

test('empty command value: name null, head span on the key', () => {
  const text = 'command:\nuserId: a\n';
  const command = parseYaml(text).commands[0];
  assert.equal(command.name, null);
  assert.deepEqual(command.headSpan, spanOf(text, 'command'));
  assert.deepEqual(parseYaml(text).problems, []);
});

test('aliases resolve to the anchored content, with the alias span', () => {
  const text = 'command: X\nfirst: &dep {name: Sales, groupId: g1}\nsecond: *dep\nuser: &u bob\ncopy: *u\n';
  const file = parseYaml(text);
  assert.deepEqual(file.problems, []);
  const command = file.commands[0];
  const second = child(command, 'second');
  const aliasSpan = spanOf(text, '*dep');
  assert.deepEqual(second.span, spanOf(text, 'second: *dep'));
  assert.deepEqual(
    second.children?.map((c) => [c.name, c.value?.text, c.span, c.value?.span]),
    [
      ['name', 'Sales', aliasSpan, aliasSpan],
      ['groupId', 'g1', aliasSpan, aliasSpan],
    ],
  );
  assert.deepEqual(child(command, 'copy').value, { text: 'bob', span: spanOf(text, '*u') });
  assert.deepEqual(child(command, 'user').value, { text: 'bob', span: spanOf(text, 'bob') });
});

test('harmless core tags are accepted silently', () => {
  const text = 'command: X\nphone: !!str 2345\n';
  const file = parseYaml(text);
  assert.deepEqual(file.problems, []);
  assert.deepEqual(child(file.commands[0], 'phone').value, { text: '2345', span: spanOf(text, '2345') });
});

test('CRLF line endings give the same structure with spans on the CRLF text', () => {
  const text = USER_ADD.replace(/\n/g, '\r\n') + '---\r\n' + USER_DELETE.replace(/\n/g, '\r\n');
  const file = parseYaml(text);
  assert.deepEqual(file.problems, []);
  assert.equal(file.commands.length, 2);
  assert.deepEqual(child(file.commands[1], 'userId').span, spanOf(text, 'userId: old@example.com'));
  assert.deepEqual(child(file.commands[0], 'department').span.end, spanOf(text, 'name: Sales').end);
});
