/**
 * YAML → XML → YAML keeps the data: parse a generated (and tree-mutated) YAML file, convert it to XML, parse that,
 * convert back to YAML; the final YAML holds the same data as the original. Compared as element trees (names, values,
 * nil, xsi:type), not as text: key order, quoting style and one item vs a one-item list are spelling, not data.
 * Values include XML specials, quotes, YAML indicators, unicode and whitespace.
 * One loss is inherent to XML and accepted: an empty mapping (`a: {}`) and an empty value (`a: ""`) both become `<a/>`.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { builtinModel } from '../../core/model';
import { toXml, toYaml } from '../../core/encode';
import { parseXml, parseYaml } from '../../core/syntax';
import type { ElementNode } from '../../core/tree/types';
import { mutatedDocument, renderYaml, validDocument, type GenDoc } from './generate';

const model = builtinModel();
const RUNS = { seed: 424242, numRuns: 200, interruptAfterTimeLimit: 40_000 };

interface Data {
  name: string;
  value?: string;
  nil?: true;
  xsiType?: string;
  children?: Data[];
}

function elementData(e: ElementNode): Data {
  const out: Data = { name: e.name };
  if (e.nil) out.nil = true;
  if (e.xsiType) out.xsiType = e.xsiType.text;
  if (e.children?.length) out.children = sortedData(e.children);
  else if (!e.nil && (e.value !== undefined || e.children)) out.value = e.value?.text ?? '';
  return out;
}

/** Stable sort by name: the order of different names is the encoder's business, the order of repeats is data. */
const sortedData = (elements: ElementNode[]) => elements.map(elementData).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));

/** The data of a YAML text: per command, its name and element trees. */
function yamlData(text: string): unknown[] {
  const file = parseYaml(text);
  assert.deepEqual(file.problems, [], `YAML problems in\n${text}`);
  return file.commands.map((c) => ({ command: c.name, children: sortedData(c.children) }));
}

function roundTrip(yaml: string, envelope: boolean): { xml: string; back: string } {
  const xml = toXml(parseYaml(yaml), model, { envelope });
  const xmlFile = parseXml(xml);
  assert.deepEqual(xmlFile.problems, [], `the converted XML is well-formed:\n${xml}`);
  return { xml, back: toYaml(xmlFile, model) };
}

const render = (docs: GenDoc[]) => docs.map((d) => renderYaml({ id: '', ...d })).join('---\n');

describe('YAML → XML → YAML round trip', () => {
  it('valid documents come back with the same data, bare and in an envelope', { timeout: 120_000 }, () => {
    fc.assert(
      fc.property(fc.array(validDocument(model), { minLength: 1, maxLength: 3 }), fc.boolean(), (docs, envelope) => {
        const yaml = render(docs);
        const { xml, back } = roundTrip(yaml, envelope);
        assert.deepEqual(yamlData(back), yamlData(yaml), `via\n${xml}`);
        assert.equal(toYaml(parseYaml(back), model), back, 'the converted YAML is a fixed point');
      }),
      RUNS,
    );
  });

  it('mutated documents (unknown, duplicated, nil, odd values) keep their data too', { timeout: 120_000 }, () => {
    fc.assert(
      fc.property(mutatedDocument(model), (doc) => {
        const yaml = render([doc]);
        const { xml, back } = roundTrip(yaml, false);
        assert.deepEqual(yamlData(back), yamlData(yaml), `via\n${xml}`);
      }),
      RUNS,
    );
  });
});
