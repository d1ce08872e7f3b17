/**
 * The widened XSD-agreement property test (issue 9): generated UserConsolidatedAddRequest22 documents over the
 * whole closure of the command, each with one change from the classes the checks once got wrong (spaces that
 * JavaScript trims and XSD does not, attributes, xsi:type and xsi:nil on every element including `command`,
 * the envelope's attributes and facets; see ./wide-corpus.ts). Our verdict (a schema or syntax error, or none)
 * must be the XSD's on every document, from the JDK's validator (test/oracle/XsdOracle.java, all documents
 * of a run in one JVM), for the XML and, where YAML can express the document, for the YAML.
 *
 * Seed policy: OCIP_AGREEMENT_SEED when set (to replay a failure), otherwise a new random seed per run, so
 * every run explores new documents; the seed is printed and named in every failure message.
 * Size: OCIP_AGREEMENT_COUNT documents of each kind (default 3200): that many YAML-expressible documents
 * (checked as XML and as YAML) plus that many XML-only ones.
 */
import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { builtinModel } from '../../core/model';
import { checkFile } from '../../core/checks';
import { parseXml, parseYaml } from '../../core/syntax';
import { renderYaml } from './corpus';
import { mulberry32, renderWideXml, WideGenerator, WideMutator, type WideDoc } from './wide-corpus';

const REPO = join(__dirname, '..', '..');
const SCHEMA_DIR = process.env.OCIP_SCHEMA_DIR ?? join(REPO, '..', 'shared', 'reference', 'ocip-schema-r25');
const haveJava = spawnSync('javac', ['-version']).status === 0;
const haveSchema = existsSync(join(SCHEMA_DIR, 'OCISchemaAS.xsd'));
const skip = !haveSchema
  ? 'no XSD set (set OCIP_SCHEMA_DIR)'
  : !haveJava
    ? process.env.CI
      ? false
      : 'no JDK (javac) on this machine'
    : false;

const SEED = process.env.OCIP_AGREEMENT_SEED !== undefined ? Number(process.env.OCIP_AGREEMENT_SEED) : Math.floor(Math.random() * 2 ** 31);
const COUNT = Number(process.env.OCIP_AGREEMENT_COUNT ?? 3200);
const COMMAND = 'UserConsolidatedAddRequest22';

interface Case {
  doc: WideDoc;
  change: string;
  xml: string;
  yaml?: string;
}

function generate(): Case[] {
  const model = builtinModel();
  const rnd = mulberry32(SEED);
  const named = (names: string[], anonymous: (n: string) => boolean | undefined) => names.filter((n) => !anonymous(n) && !n.includes(':'));
  const simpleNames = named(Object.keys(model.model.simpleTypes), (n) => model.model.simpleTypes[n].anonymous);
  const complexNames = named(Object.keys(model.model.complexTypes), (n) => model.model.complexTypes[n].anonymous);
  const gen = new WideGenerator(model, rnd);
  const mutate = new WideMutator(model, rnd, simpleNames, complexNames);
  const cases: Case[] = [];
  for (let i = 0; i < 2 * COUNT; i++) {
    const xmlOnly = i >= COUNT;
    const doc: WideDoc = { id: `${SEED}#${i}`, command: COMMAND, children: gen.content(COMMAND), xmlOnly };
    const change = xmlOnly ? mutate.xmlChange(doc) : mutate.yamlChange(doc);
    cases.push({ doc, change, xml: renderWideXml(doc), yaml: xmlOnly ? undefined : renderYaml(doc) });
  }
  return cases;
}

describe(`checks agree with the XSD on generated documents (seed ${SEED})`, { skip }, () => {
  const model = builtinModel();
  let cases: Case[] = [];
  const verdict: { ok: boolean; message?: string }[] = [];

  before(() => {
    cases = generate();
    const dir = mkdtempSync(join(tmpdir(), 'ocip-wide-'));
    const classes = join(dir, 'classes');
    execFileSync('javac', ['-d', classes, join(REPO, 'test', 'oracle', 'XsdOracle.java')]);
    const files = cases.map((c, i) => {
      const file = join(dir, `w${i}.xml`);
      writeFileSync(file, c.xml);
      return file;
    });
    // One JVM for the whole run: the schema is compiled once, then every document is validated in turn.
    const out = execFileSync('java', ['-cp', classes, 'XsdOracle', SCHEMA_DIR], {
      input: files.join('\n'),
      maxBuffer: 256 << 20,
    }).toString();
    const byFile = new Map<string, { ok: boolean; message?: string }>();
    for (const line of out.trim().split('\n')) {
      const [status, file, message] = line.split('\t');
      byFile.set(file, { ok: status === 'OK', message });
    }
    files.forEach((f) => verdict.push(byFile.get(f)!));
    assert.equal(byFile.size, cases.length, 'the oracle answered for every document');
  });

  const schemaErrors = (text: string, format: 'xml' | 'yaml') =>
    checkFile(format === 'xml' ? parseXml(text) : parseYaml(text), model).filter(
      (d) => d.severity === 'error' && (d.kind === 'schema' || d.kind === 'syntax'),
    );

  function disagreements(format: 'xml' | 'yaml'): string[] {
    const out: string[] = [];
    cases.forEach((c, i) => {
      const text = format === 'xml' ? c.xml : c.yaml;
      if (text === undefined) return;
      const v = verdict[i];
      const errors = schemaErrors(text, format);
      if (v.ok && errors.length)
        out.push(`${c.doc.id} ${c.change}: XSD accepts, we report ${errors.map((e) => `${e.code} ${e.message}`).join('; ')}`);
      if (!v.ok && !errors.length) out.push(`${c.doc.id} ${c.change}: XSD rejects (${v.message}), we report no error`);
    });
    return out;
  }

  it(`generates at least ${COUNT} documents of each kind, with both verdicts`, () => {
    const yamlCount = cases.filter((c) => c.yaml !== undefined).length;
    const ok = verdict.filter((v) => v.ok).length;
    assert.ok(yamlCount >= COUNT && cases.length - yamlCount >= COUNT, `${yamlCount} YAML, ${cases.length} in all`);
    assert.ok(ok > cases.length / 10 && ok < cases.length * 0.9, `${ok} of ${cases.length} accepted by the XSD`);
  });

  it('XML: the XSD verdict on every generated document', () => {
    const found = disagreements('xml');
    assert.deepEqual(
      found.slice(0, 20),
      [],
      `seed ${SEED} (replay: OCIP_AGREEMENT_SEED=${SEED}); ${found.length} disagreements of ${cases.length}`,
    );
  });

  it('YAML: the XSD verdict on the same document in XML', () => {
    const found = disagreements('yaml');
    assert.deepEqual(found.slice(0, 20), [], `seed ${SEED} (replay: OCIP_AGREEMENT_SEED=${SEED}); ${found.length} disagreements`);
  });
});
