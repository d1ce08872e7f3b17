/**
 * The checks agree with the XSD: every corpus document the real R25 schema rejects gets at least one
 * schema or syntax error from us, and no document the schema accepts gets one (rule errors — mode and
 * authority — may still apply). The schema's verdict comes from the JDK's validator (test/oracle/XsdOracle.java)
 * run on the real XSD set in OCIP_SCHEMA_DIR (default ../shared/reference/ocip-schema-r25).
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
import { BASES, mutations, renderXml, renderYaml, type Doc } from './corpus';

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

describe('checks agree with the XSD verdict', { skip }, () => {
  const model = builtinModel();
  const docs: Doc[] = [...BASES, ...BASES.flatMap((b) => mutations(model, b))];
  const verdict = new Map<string, { ok: boolean; message?: string }>();
  const dir = mkdtempSync(join(tmpdir(), 'ocip-corpus-'));
  const fileOf = (i: number) => join(dir, `doc${i}.xml`);

  before(() => {
    const classes = join(dir, 'classes');
    execFileSync('javac', ['-d', classes, join(REPO, 'test', 'oracle', 'XsdOracle.java')]);
    docs.forEach((d, i) => writeFileSync(fileOf(i), renderXml(d)));
    const out = execFileSync('java', ['-cp', classes, 'XsdOracle', SCHEMA_DIR], {
      input: docs.map((_, i) => fileOf(i)).join('\n'),
      maxBuffer: 64 << 20,
    }).toString();
    for (const line of out.trim().split('\n')) {
      const [status, file, message] = line.split('\t');
      verdict.set(file, { ok: status === 'OK', message });
    }
    assert.equal(verdict.size, docs.length, 'the oracle answered for every document');
  });

  const schemaErrors = (diags: ReturnType<typeof checkFile>) =>
    diags.filter((d) => d.severity === 'error' && (d.kind === 'schema' || d.kind === 'syntax'));

  it('has a corpus with both verdicts', () => {
    const ok = [...verdict.values()].filter((v) => v.ok).length;
    assert.ok(docs.length > 300, `corpus size ${docs.length}`);
    assert.ok(ok > 50 && ok < docs.length - 100, `${ok} accepted of ${docs.length}`);
  });

  it('XML: same verdict as the XSD for every document', () => {
    const disagreements: string[] = [];
    docs.forEach((d, i) => {
      const v = verdict.get(fileOf(i))!;
      const errors = schemaErrors(checkFile(parseXml(renderXml(d)), model));
      if (v.ok && errors.length)
        disagreements.push(`${d.id}: XSD accepts, we report ${errors.map((e) => `${e.code} ${e.message}`).join('; ')}`);
      if (!v.ok && !errors.length) disagreements.push(`${d.id}: XSD rejects (${v.message}), we report no error`);
    });
    assert.deepEqual(disagreements, []);
  });

  it('YAML: same verdict as the XSD gives the same document in XML', () => {
    const disagreements: string[] = [];
    docs.forEach((d, i) => {
      if (d.xmlOnly) return;
      const v = verdict.get(fileOf(i))!;
      const errors = schemaErrors(checkFile(parseYaml(renderYaml(d)), model));
      if (v.ok && errors.length)
        disagreements.push(`${d.id}: XSD accepts, we report ${errors.map((e) => `${e.code} ${e.message}`).join('; ')}`);
      if (!v.ok && !errors.length) disagreements.push(`${d.id}: XSD rejects (${v.message}), we report no error`);
    });
    assert.deepEqual(disagreements, []);
  });
});
