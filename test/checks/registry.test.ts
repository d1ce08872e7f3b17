/** The rules table is current, and every diagnostic code the code base can emit is listed in it. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { renderRulesDoc } from '../../core/checks/rules-doc';
import { RULES, RULES_BY_CODE } from '../../core/checks/registry';

const REPO = join(__dirname, '..', '..');

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? sources(p) : p.endsWith('.ts') ? [p] : [];
  });
}

describe('rules registry', () => {
  it('docs/rules.md is generated from the registry (run npm run gen:rules)', () => {
    assert.equal(readFileSync(join(REPO, 'docs', 'rules.md'), 'utf8'), renderRulesDoc());
  });

  it('has unique codes', () => {
    assert.equal(new Set(RULES.map((r) => r.code)).size, RULES.length);
  });

  it('lists every code used in core/, client/, cli/ and server/', () => {
    const used = new Set<string>();
    for (const f of ['core', 'client', 'cli', 'server'].flatMap((d) => sources(join(REPO, d)))) {
      for (const m of readFileSync(f, 'utf8').matchAll(/['"`](OCI-[A-Z0-9]{2,}(?:-[A-Z0-9]+)*)['"`]/g)) used.add(m[1]);
    }
    const missing = [...used].filter((c) => !RULES_BY_CODE.has(c));
    assert.deepEqual(missing, []);
  });
});
