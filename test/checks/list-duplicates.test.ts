/**
 * A YAML list under one key is one tree node per item, all sharing the key's name span: a problem with the name
 * itself (unknown element, conflicting choice branch) is reported once per key, not once per item.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { checkFile } from '../../core/checks';
import { DEFAULT_CHECK_OPTIONS, type Diagnostic } from '../../core/checks/types';
import { builtinModel } from '../../core/model';
import { parseXml, parseYaml } from '../../core/syntax';
import { UCA_ALICE_YAML as BASE } from '../helpers/uca22';

const check = (text: string) => checkFile(parseYaml(text), builtinModel(), DEFAULT_CHECK_OPTIONS);
const only = (diags: Diagnostic[], code: string) => diags.filter((d) => d.code === code);
const items = (n: number, item: (i: number) => string) => Array.from({ length: n }, (_, i) => item(i)).join('');

describe('per-item duplicates of a YAML list', () => {
  it('an unknown element written as a list of 10 items: one OCI-UNKNOWN-ELEMENT, on the key', () => {
    const text = `${BASE}bogusList:\n${items(10, (i) => `  - x${i}\n`)}`;
    const unknown = only(check(text), 'OCI-UNKNOWN-ELEMENT');
    assert.equal(unknown.length, 1, JSON.stringify(unknown));
    assert.equal(text.slice(unknown[0].span.start, unknown[0].span.end), 'bogusList');
  });

  it('a flow list and a misspelt name: once each, the rename fix kept', () => {
    const text = `${BASE}aliass: [a1@acme.example, a2@acme.example, a3@acme.example]\nother: [1, 2, 3]\n`;
    const unknown = only(check(text), 'OCI-UNKNOWN-ELEMENT');
    assert.deepEqual(
      unknown.map((d) => text.slice(d.span.start, d.span.end)),
      ['aliass', 'other'],
    );
    assert.deepEqual(unknown[0].fix, { kind: 'rename', to: 'alias' });
  });

  it('a choice branch written as a list of 3 next to another branch: one OCI-CHOICE-CONFLICT; OCI-TOO-MANY stays per extra item', () => {
    const text = `${BASE}accessDeviceEndpoint:\n  accessDevice:\n    deviceName: d\n  linePort: a@b\ntrunkAddressing:\n${items(3, (i) => `  - enterpriseTrunkName: t${i}\n`)}`;
    const diags = check(text);
    const conflicts = only(diags, 'OCI-CHOICE-CONFLICT');
    assert.equal(conflicts.length, 1, JSON.stringify(conflicts));
    assert.equal(text.slice(conflicts[0].span.start, conflicts[0].span.end), 'trunkAddressing');
    // Extra items have spans of their own: each is still reported.
    assert.equal(only(diags, 'OCI-TOO-MANY').length, 2);
  });

  it('separate XML elements with the same unknown name are separate problems', () => {
    const xml = `<command xsi:type="UserDeleteRequest" xmlns="" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><userId>a@b</userId><bogus/><bogus/><bogus/></command>`;
    const diags = checkFile(parseXml(xml), builtinModel(), DEFAULT_CHECK_OPTIONS);
    assert.equal(only(diags, 'OCI-UNKNOWN-ELEMENT').length, 3);
  });
});
