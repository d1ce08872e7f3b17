/**
 * Round trips through core/authoring/format-convert: every example file (YAML→XML→YAML, XML→YAML→XML) and
 * seeded generated commands (random optional elements, lists, nil, non-ASCII and XML-special characters).
 * The formatter is checked on the same documents: idempotent and data-preserving.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { stringify } from 'yaml';
import { convertText } from '../../core/authoring/format-convert';
import { formatDocument } from '../../core/authoring/format';
import { checkFile, DEFAULT_CHECK_OPTIONS } from '../../core/checks';
import { builtinModel } from '../../core/model';
import { parseSource } from '../../core/syntax';
import type { ElementNode, FileFormat, SourceFile } from '../../core/tree/types';
import { REPO } from '../helpers/lsp-client';
import { CommandGenerator } from './generate';

const model = builtinModel();

/**
 * The data of a file without positions or order (children sorted by name; repeated elements keep their order).
 * An empty element is the same whether written `{}` (YAML) or `<a/>` (XML).
 */
function data(file: SourceFile) {
  const element = (e: ElementNode): unknown => ({
    name: e.name,
    xsiType: e.xsiType?.text,
    nil: !!e.nil,
    value: e.children?.length ? undefined : (e.value?.text ?? ''),
    children: e.children?.length ? sorted(e.children) : undefined,
  });
  const sorted = (children: ElementNode[]) => [...children].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)).map(element);
  return file.commands.map((c) => ({ name: c.name, children: sorted(c.children) }));
}

function convert(text: string, from: FileFormat, to: FileFormat): string {
  const result = convertText(text, from, to, model);
  assert.ok(result.ok, result.ok ? '' : result.error);
  return result.text;
}

function roundTrip(text: string, from: FileFormat): void {
  const to: FileFormat = from === 'yaml' ? 'xml' : 'yaml';
  const original = parseSource(text, from);
  const there = convert(text, from, to);
  const thereFile = parseSource(there, to);
  assert.deepEqual(thereFile.problems, [], there);
  assert.deepEqual(data(thereFile), data(original));
  const back = convert(there, to, from);
  assert.deepEqual(data(parseSource(back, from)), data(original));
  // Converting the converted file again is stable.
  assert.equal(convert(back, from, to), there);
}

const EXAMPLES = join(REPO, 'examples');
const exampleFiles = existsSync(EXAMPLES) ? readdirSync(EXAMPLES).filter((f) => /\.ocip\.(ya?ml|xml)$/.test(f)) : [];

describe('round trips of the example files', () => {
  it('there are examples to test', () => assert.ok(exampleFiles.length > 0));
  for (const name of exampleFiles) {
    it(name, () => {
      const text = readFileSync(join(EXAMPLES, name), 'utf8');
      const format: FileFormat = name.endsWith('.xml') ? 'xml' : 'yaml';
      roundTrip(text, format);
      const formatted = formatDocument(text, format, model);
      assert.ok(formatted !== undefined);
      assert.equal(formatDocument(formatted, format, model), formatted, 'formatting twice is a no-op');
      assert.deepEqual(data(parseSource(formatted, format)), data(parseSource(text, format)));
    });
  }
});

describe('round trips of generated commands', () => {
  const generator = new CommandGenerator(model);
  const documents = fc.array(
    fc.oneof(
      { weight: 4, arbitrary: generator.command('UserConsolidatedAddRequest22') },
      { weight: 1, arbitrary: generator.command('UserDeleteRequest') },
    ),
    { minLength: 1, maxLength: 3 },
  );

  it('generated documents pass every check (the generator is honest)', () => {
    // External authentication: a password is then optional, so the generator may leave it out.
    const options = { ...DEFAULT_CHECK_OPTIONS, externalAuthentication: true };
    fc.assert(
      fc.property(documents, (docs) => {
        const text = docs.map((d) => stringify(d, { lineWidth: 0 })).join('---\n');
        const errors = checkFile(parseSource(text, 'yaml'), model, options).filter((d) => d.severity === 'error');
        assert.deepEqual(errors, []);
      }),
      { seed: 20240601, numRuns: 60 },
    );
  });

  it('YAML → XML → YAML and XML → YAML → XML keep the data', () => {
    fc.assert(
      fc.property(documents, (docs) => {
        const yaml = docs.map((d) => stringify(d, { lineWidth: 0 })).join('---\n');
        roundTrip(yaml, 'yaml');
        roundTrip(convert(yaml, 'yaml', 'xml'), 'xml');
      }),
      { seed: 42, numRuns: 150 },
    );
  });

  it('formatting is idempotent and keeps the data, in YAML and XML', () => {
    fc.assert(
      fc.property(documents, fc.boolean(), (docs, reverse) => {
        // Reverse the keys so there is something to reorder.
        const shuffle = (v: unknown): unknown =>
          Array.isArray(v)
            ? v.map(shuffle)
            : v && typeof v === 'object'
              ? Object.fromEntries(
                  Object.entries(v)
                    .reverse()
                    .map(([k, x]) => [k, shuffle(x)]),
                )
              : v;
        const yaml = docs.map((d) => stringify(reverse ? shuffle(d) : d, { lineWidth: 0 })).join('---\n');
        for (const [text, format] of [
          [yaml, 'yaml'],
          [convert(yaml, 'yaml', 'xml'), 'xml'],
        ] as const) {
          const once = formatDocument(text, format, model);
          assert.ok(once !== undefined, text);
          assert.equal(formatDocument(once, format, model), once);
          assert.deepEqual(data(parseSource(once, format)), data(parseSource(text, format)));
        }
      }),
      { seed: 7, numRuns: 100 },
    );
  });
});
