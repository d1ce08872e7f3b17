/**
 * Random and mutated documents never make the front ends, the checks or the encoder throw, and every diagnostic
 * they produce has a sane span (inside the text) and a message. Documents: valid commands generated from the model,
 * then tree mutations (delete, duplicate, rename, corrupt), rendered as YAML and XML, then text mutations.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { builtinModel } from '../../core/model';
import { checkFile, type CheckOptions, DEFAULT_CHECK_OPTIONS } from '../../core/checks';
import { encodeCommandXml, encodeDocument, encodeDocumentPretty, MAX_COMMANDS_PER_DOCUMENT, toXml, toYaml } from '../../core/encode';
import { IncrementalYamlParser, parseXml, parseYaml } from '../../core/syntax';
import type { SourceFile } from '../../core/tree/types';
import { applyText, mutatedDocument, renderXml, renderYaml, textMutation } from './generate';

const model = builtinModel();
const RUNS = { seed: 20240611, numRuns: 150, interruptAfterTimeLimit: 40_000 };
const OPTIONS: CheckOptions[] = [
  DEFAULT_CHECK_OPTIONS,
  { ...DEFAULT_CHECK_OPTIONS, dataMode: 'XS', adminLevel: 'Group', externalAuthentication: true },
];

function assertSaneFile(file: SourceFile, text: string): void {
  for (const p of file.problems) assertSpan(p.span, text, p.code);
  for (const c of file.commands) {
    assertSpan(c.span, text, 'command span');
    assertSpan(c.headSpan, text, 'command head');
  }
}

function assertSpan(span: { start: number; end: number }, text: string, what: string): void {
  assert.ok(Number.isInteger(span.start) && Number.isInteger(span.end), `${what}: integer span`);
  assert.ok(
    span.start >= 0 && span.start <= span.end && span.end <= text.length,
    `${what}: span ${span.start}..${span.end} inside 0..${text.length}`,
  );
}

/** Everything downstream of a parse: checks in two settings, the wire encoder, both conversions. */
function exercise(file: SourceFile, text: string): void {
  assertSaneFile(file, text);
  for (const options of OPTIONS) {
    for (const d of checkFile(file, model, options)) {
      assertSpan(d.span, text, d.code);
      assert.ok(d.message.length > 0 && /^OCI-[A-Z0-9-]+$/.test(d.code), `diagnostic ${d.code}: ${d.message}`);
    }
  }
  for (const command of file.commands) {
    assert.equal(typeof encodeCommandXml(command, model), 'string');
    assert.equal(typeof encodeCommandXml(command, model, 'ISO-8859-1'), 'string');
  }
  const batch = file.commands.slice(0, MAX_COMMANDS_PER_DOCUMENT);
  if (batch.length > 0) {
    assert.match(encodeDocument(batch, model, { sessionId: 's' }), /<\/BroadsoftDocument>$/);
    assert.match(encodeDocumentPretty(batch, model, { sessionId: 's', encoding: 'UTF-8' }), /<\/BroadsoftDocument>\n$/);
  }
  assert.equal(typeof toYaml(file, model), 'string');
  assert.equal(typeof toXml(file, model), 'string');
  assert.equal(typeof toXml(file, model, { envelope: true }), 'string');
}

describe('front ends, checks and encoder never throw', () => {
  it('on mutated YAML documents', { timeout: 120_000 }, () => {
    fc.assert(
      fc.property(
        fc.array(mutatedDocument(model), { minLength: 1, maxLength: 3 }),
        fc.array(textMutation(), { maxLength: 5 }),
        (docs, edits) => {
          const text = applyText(docs.map((d) => renderYaml({ id: '', ...d })).join('---\n'), edits);
          exercise(parseYaml(text), text);
        },
      ),
      RUNS,
    );
  });

  it('on mutated XML documents', { timeout: 120_000 }, () => {
    fc.assert(
      fc.property(mutatedDocument(model), fc.array(textMutation(), { maxLength: 5 }), (doc, edits) => {
        const text = applyText(renderXml({ id: '', ...doc }), edits);
        exercise(parseXml(text), text);
      }),
      RUNS,
    );
  });

  it('on YAML text converted from XML and back, whatever it holds', { timeout: 120_000 }, () => {
    fc.assert(
      fc.property(mutatedDocument(model), fc.array(textMutation(), { maxLength: 3 }), (doc, edits) => {
        const xml = applyText(renderXml({ id: '', ...doc }), edits);
        const yaml = toYaml(parseXml(xml), model);
        exercise(parseYaml(yaml), yaml);
        const back = toXml(parseYaml(yaml), model);
        exercise(parseXml(back), back);
      }),
      RUNS,
    );
  });

  it('the incremental YAML parser gives the same tree as a fresh parse along a random edit sequence', { timeout: 120_000 }, () => {
    fc.assert(
      fc.property(
        fc.array(mutatedDocument(model), { minLength: 2, maxLength: 4 }),
        fc.array(textMutation(), { minLength: 1, maxLength: 12 }),
        (docs, edits) => {
          const parser = new IncrementalYamlParser();
          let text = docs.map((d) => renderYaml({ id: '', ...d })).join('---\n');
          parser.parse(text);
          for (const edit of edits) {
            text = edit(text);
            assert.deepEqual(parser.parse(text), parseYaml(text));
          }
        },
      ),
      { ...RUNS, numRuns: 100 },
    );
  });
});
