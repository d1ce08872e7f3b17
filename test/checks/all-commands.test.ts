/**
 * Every command out of the box (issue 11): for a deterministic sample of over 500 request types spread over every
 * family, a generated valid instance and single mistakes of every kind (./all-commands/corpus) get the same verdict
 * from our checks, with the built-in model (no ocip.schemaDirectory), as from the real R25 XSD (JDK validator,
 * test/oracle/XsdOracle.java), in XML and in YAML.
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
import { renderXml as renderCorpusXml, renderYaml, type Doc } from './corpus';

/** A command without elements is written `<command .../>` (as the encoder does), except in the whitespace mistake. */
function renderXml(d: Doc): string {
  const xml = renderCorpusXml(d);
  return d.children.length || d.id.endsWith('/space-in-empty') ? xml : xml.replace(/>\n {2}<\/command>/, '/>');
}
import { familyOf, FAMILIES, sampleWithEveryKind } from './all-commands/corpus';

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

describe('every command: checks agree with the XSD verdict without a schema folder', { skip }, () => {
  const model = builtinModel();
  const KINDS = [
    'valid',
    'missing-required',
    'too-long',
    'bad-enumeration',
    'unknown-element',
    'order',
    'wrong-xsi-type',
    'wrong-xsi-type-on-nil',
    'out-of-range-integer',
    'too-many',
    'bad-date',
    'datetime-no-seconds',
    'bad-base64',
    'float-above',
    'float-near-bound',
    'space-in-empty',
  ];
  const { commands, docs } = sampleWithEveryKind(model, 520, KINDS);
  const verdict = new Map<string, { ok: boolean; message?: string }>();
  const dir = mkdtempSync(join(tmpdir(), 'ocip-all-commands-'));
  const fileOf = (i: number) => join(dir, `doc${i}.xml`);

  before(() => {
    const classes = join(dir, 'classes');
    execFileSync('javac', ['-d', classes, join(REPO, 'test', 'oracle', 'XsdOracle.java')]);
    docs.forEach((d, i) => writeFileSync(fileOf(i), renderXml(d)));
    const out = execFileSync('java', ['-cp', classes, 'XsdOracle', SCHEMA_DIR], {
      input: docs.map((_, i) => fileOf(i)).join('\n'),
      maxBuffer: 256 << 20,
    }).toString();
    for (const line of out.trim().split('\n')) {
      const [status, file, message] = line.split('\t');
      verdict.set(file, { ok: status === 'OK', message });
    }
    assert.equal(verdict.size, docs.length, 'the oracle answered for every document');
  });

  const schemaErrors = (diags: ReturnType<typeof checkFile>) =>
    diags.filter((d) => d.severity === 'error' && (d.kind === 'schema' || d.kind === 'syntax'));

  it('samples at least 500 request types from every family, with every kind of mistake and both verdicts', () => {
    assert.ok(commands.length >= 500, `${commands.length} commands`);
    const perFamily = new Map<string, number>();
    for (const c of commands) perFamily.set(familyOf(c), (perFamily.get(familyOf(c)) ?? 0) + 1);
    for (const f of FAMILIES) assert.ok((perFamily.get(f) ?? 0) >= 5, `family ${f}: ${perFamily.get(f) ?? 0} commands`);
    const kinds = new Map<string, number>();
    for (const d of docs) kinds.set(d.id.split('/')[1], (kinds.get(d.id.split('/')[1]) ?? 0) + 1);
    for (const k of KINDS) {
      assert.ok((kinds.get(k) ?? 0) > 0, `mistake kind ${k} present`);
    }
    const valid = docs.filter((d, i) => d.id.endsWith('/valid') && verdict.get(fileOf(i))!.ok).length;
    console.log(
      `${commands.length} commands, ${docs.length} documents; ${valid} valid instances accepted by the XSD; per family ${JSON.stringify(Object.fromEntries(perFamily))}; kinds ${JSON.stringify(Object.fromEntries(kinds))}`,
    );
    assert.ok(valid > commands.length * 0.9, `${valid} of ${commands.length} generated instances are valid`);
  });

  for (const format of ['XML', 'YAML'] as const) {
    it(`${format}: same verdict as the XSD for every document`, () => {
      const disagreements: string[] = [];
      docs.forEach((d, i) => {
        if (format === 'YAML' && d.xmlOnly) return;
        const v = verdict.get(fileOf(i))!;
        const file = format === 'XML' ? parseXml(renderXml(d)) : parseYaml(renderYaml(d));
        const errors = schemaErrors(checkFile(file, model));
        if (v.ok && errors.length)
          disagreements.push(`${d.id}: XSD accepts, we report ${errors.map((e) => `${e.code} ${e.message}`).join('; ')}`);
        if (!v.ok && !errors.length) disagreements.push(`${d.id}: XSD rejects (${v.message}), we report no error`);
      });
      assert.deepEqual(disagreements, []);
    });
  }
});
