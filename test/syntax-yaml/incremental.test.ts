import { test } from 'node:test';
import assert from 'node:assert/strict';
import { IncrementalYamlParser, parseYaml } from '../../core/syntax/yaml';
import { splitYamlDocuments } from '../../core/syntax/yaml-split';
import { LruCache, shiftFragment } from '../../core/syntax/chunks';
import { USER_ADD, USER_DELETE, seeded } from './helpers';

const FILE = `# run 1\n---\n${USER_ADD}---\n${USER_DELETE}---\n${USER_ADD.replace(/jdoe/g, 'asmith')}...\n---\n${USER_DELETE}`;

test('splitting: chunks cover the text exactly and start at document markers', () => {
  const text = 'a: 1\n---\nb: 2\n--- \nc: 3\n----\nd\n---x\n...\ne: 4\n...\n---';
  const chunks = splitYamlDocuments(text);
  assert.equal(chunks.map((c) => c.text).join(''), text);
  for (const c of chunks) assert.equal(text.slice(c.start, c.start + c.text.length), c.text);
  assert.deepEqual(
    chunks.map((c) => c.text),
    ['a: 1\n', '---\nb: 2\n', '--- \nc: 3\n----\nd\n---x\n...\n', 'e: 4\n...\n', '---'],
  );
  assert.deepEqual(splitYamlDocuments(''), []);
  assert.deepEqual(
    splitYamlDocuments('---\r\na: 1\r\n---\r\n').map((c) => c.text),
    ['---\r\na: 1\r\n', '---\r\n'],
  );
});

test('a document marker inside a block scalar still ends the document, as YAML says', () => {
  const text = 'command: A\nnote: |\n  text\n---\ncommand: B\n';
  assert.deepEqual(
    parseYaml(text).commands.map((c) => c.name),
    ['A', 'B'],
  );
});

test('LRU cache forgets the least recently used entry', () => {
  const cache = new LruCache<number>(2);
  cache.set('a', 1);
  cache.set('b', 2);
  assert.equal(cache.get('a'), 1); // a is now the most recent
  cache.set('c', 3);
  assert.equal(cache.get('b'), undefined);
  assert.equal(cache.get('a'), 1);
  assert.equal(cache.get('c'), 3);
  assert.equal(cache.size, 2);
  const none = new LruCache<number>(0);
  none.set('a', 1);
  assert.equal(none.get('a'), undefined);
});

test('shiftFragment moves every span and renumbers commands', () => {
  const text = 'command: X\nd:\n  xsi:type: T\n  n: ~\nl: [a, b]\n';
  const original = parseYaml(text);
  const padded = parseYaml('\n'.repeat(7) + text);
  const shifted = shiftFragment({ commands: original.commands, problems: original.problems }, 7, 0);
  assert.deepEqual(shifted.commands, padded.commands);
  assert.equal(shiftFragment({ commands: original.commands, problems: [] }, 0, 5).commands[0].index, 5);
});

test('incremental parse equals a fresh parse, and re-parses only the edited document', () => {
  const parser = new IncrementalYamlParser();
  const first = parser.parse(FILE);
  assert.deepEqual(first, parseYaml(FILE));
  // The file holds the same delete command twice: identical documents are parsed once.
  const documents = new Set(splitYamlDocuments(FILE).map((c) => c.text)).size;
  assert.equal(documents, splitYamlDocuments(FILE).length - 1);
  assert.equal(parser.parsedDocuments, documents);

  // Edit the value of the second command's userId: only that document is parsed again.
  const at = FILE.indexOf('old@example.com');
  const edited = FILE.slice(0, at) + 'x' + FILE.slice(at);
  const second = parser.parse(edited);
  assert.equal(parser.parsedDocuments, documents + 1);
  assert.deepEqual(second, parseYaml(edited));
  assert.equal(second.commands[1].children[0].value?.text, 'xold@example.com');
  // Commands before the edit are reused as they are; the ones after were moved by one.
  assert.equal(second.commands[0], first.commands[0]);
  assert.equal(second.commands[2].span.start, first.commands[2].span.start + 1);

  // Parsing the same text again parses nothing.
  parser.parse(edited);
  assert.equal(parser.parsedDocuments, documents + 1);
});

test('property: after random single-character edits the incremental tree deep-equals a fresh parse', () => {
  const random = seeded(7);
  const alphabet = ['a', 'Z', '0', ' ', '\n', ':', '-', '.', '#', '[', ']', '{', '}', ',', '"', "'", '~', '&', '*', '!', '|', '\t'];
  const parser = new IncrementalYamlParser(50);
  let text = FILE;
  for (let step = 0; step < 400; step++) {
    const at = Math.floor(random() * (text.length + 1));
    const kind = random();
    const char = alphabet[Math.floor(random() * alphabet.length)];
    if (kind < 0.45) text = text.slice(0, at) + char + text.slice(at);
    else if (kind < 0.8) text = text.slice(0, at) + text.slice(at + 1);
    else text = text.slice(0, at) + char + text.slice(at + 1);
    // Every so often put a clean file back, so edits keep hitting meaningful YAML.
    if (step % 50 === 49) text = FILE;
    assert.deepEqual(parser.parse(text), parseYaml(text), `differs after step ${step}: ${JSON.stringify(text)}`);
  }
});

test('a document that appears twice is parsed once and placed at both offsets', () => {
  const text = `${USER_DELETE}---\n${USER_DELETE}---\n${USER_DELETE}`;
  const parser = new IncrementalYamlParser();
  const file = parser.parse(text);
  assert.equal(parser.parsedDocuments, 2); // the first one has no '---' line, the other two are identical
  assert.deepEqual(file, parseYaml(text));
  assert.deepEqual(
    file.commands.map((c) => c.index),
    [0, 1, 2],
  );
});
