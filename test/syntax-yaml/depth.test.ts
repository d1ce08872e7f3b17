/**
 * The nesting-depth guard in front of the `yaml` package: a document nested deeper than 64 levels gets one
 * OCI-YAML-TOO-DEEP where the limit is crossed and is not parsed; the other documents of the file still are.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { parseYaml } from '../../core/syntax/yaml';
import { MAX_YAML_DEPTH, yamlTooDeepAt } from '../../core/syntax/yaml-depth';

const DELETE = 'command: UserDeleteRequest\nuserId: a@b\n';
const codes = (text: string) => parseYaml(text).problems.map((p) => p.code);

/** `userId: ` followed by `levels` flow sequences: root mapping + levels = the depth. */
const flow = (levels: number, open = '[', close = ']') =>
  `command: UserDeleteRequest\nuserId: ${open.repeat(levels)}${close.repeat(levels)}\n`;

describe('YAML nesting depth guard', () => {
  it('thousands of flow levels: one TOO-DEEP at the bracket that crosses 64, no stack overflow, next document read', () => {
    for (const levels of [1000, 20000]) {
      const text = `${flow(levels)}---\n${DELETE}`;
      const file = parseYaml(text);
      assert.deepEqual(
        file.problems.map((p) => p.code),
        ['OCI-YAML-TOO-DEEP'],
      );
      const { span, message } = file.problems[0];
      // Level 1 is the root mapping, so the 64th bracket opens level 65.
      const expected = text.indexOf('[') + MAX_YAML_DEPTH - 1;
      assert.deepEqual(span, { start: expected, end: expected + 1 });
      assert.doesNotMatch(message, /call stack/);
      assert.equal(file.commands.length, 1);
      assert.equal(file.commands[0].children[0].value?.text, 'a@b');
    }
  });

  it('flow mappings count like sequences; exactly 64 levels are still read', () => {
    assert.deepEqual(codes(flow(200, '{a: ', '}')), ['OCI-YAML-TOO-DEEP']);
    assert.ok(!codes(flow(MAX_YAML_DEPTH - 1)).includes('OCI-YAML-TOO-DEEP'));
    assert.equal(parseYaml(flow(MAX_YAML_DEPTH - 1)).commands.length, 1);
    assert.deepEqual(codes(flow(MAX_YAML_DEPTH)), ['OCI-YAML-TOO-DEEP']);
  });

  it('block indentation and compact "- - -" items count', () => {
    let block = 'command: UserDeleteRequest\n';
    for (let i = 0; i < 100; i++) block += `${' '.repeat(i)}k${i}:\n`;
    const problems = parseYaml(block).problems;
    assert.deepEqual(
      problems.map((p) => p.code),
      ['OCI-YAML-TOO-DEEP'],
    );
    assert.equal(block.slice(problems[0].span.start, problems[0].span.end + 3), 'k64:');
    assert.deepEqual(codes(`command: UserDeleteRequest\nuserId:\n${'- '.repeat(5000)}x\n`), ['OCI-YAML-TOO-DEEP']);
  });

  it('siblings, list items and mapping values at the same indentation do not add levels', () => {
    const items = Array.from({ length: 200 }, (_, i) => `- a${i}: 1\n  b${i}:\n  - x\n  - y\n`).join('');
    assert.equal(yamlTooDeepAt(`command: X\nlist:\n${items}other: 1\n`), -1);
  });

  it('brackets in quoted scalars, plain scalars, block scalars and comments are not levels', () => {
    const many = '['.repeat(500);
    const text = [
      'command: UserDeleteRequest',
      `a: "${many}`,
      `  ${many}\\" ${many}"`,
      `b: '${many}'' ${many}'`,
      `c: x${many}`,
      `  ${many}`,
      `d: |`,
      `  ${many}`,
      `    ${many}`,
      `# ${many}`,
      `e: [x, "${many}", '${many}'] # ${many}`,
      'userId: a@b',
      '',
    ].join('\n');
    assert.equal(yamlTooDeepAt(text), -1);
    assert.ok(!codes(text).includes('OCI-YAML-TOO-DEEP'));
  });
});
