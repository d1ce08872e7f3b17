/**
 * `ocip validate --severity CODE=LEVEL` (the CLI side of ocip.diagnostics.severity) and the `$ocip` problem matcher
 * of package.json, whose pattern must read the CLI's real text output (as VS Code's task system would).
 */
import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildOnce, ROOT, runOcip as ocip } from '../helpers/ocip-cli';

const INVALID = `command: UserConsolidatedAddRequest22\nserviceProviderId: acme\ngroupId: hq\nuserId: a@acme.example.com\nlast_name: Doe\n`;

describe('ocip validate --severity and the $ocip problem matcher', () => {
  let file: string;
  before(() => {
    buildOnce();
    const dir = mkdtempSync(join(tmpdir(), 'ocip-severity-'));
    file = join(dir, 'bad.ocip.yaml');
    writeFileSync(file, INVALID);
  });

  it('turns a rule into a warning or off; the exit status follows', async () => {
    const plain = await ocip(['validate', file]);
    assert.equal(plain.code, 1);
    assert.match(plain.stdout, /error OCI-UNKNOWN-ELEMENT/);
    assert.match(plain.stdout, /error OCI-MISSING/);

    const softened = await ocip([
      'validate',
      '--severity',
      'OCI-UNKNOWN-ELEMENT=warning',
      '--severity',
      'oci-missing=off',
      '--severity',
      'OCI-PASSWORD-REQUIRED=off',
      file,
    ]);
    assert.equal(softened.code, 0, softened.stdout + softened.stderr);
    assert.match(softened.stdout, /:5:1: warning OCI-UNKNOWN-ELEMENT /);
    assert.doesNotMatch(softened.stdout, /OCI-MISSING/);
    assert.match(softened.stdout, /1 file checked: 0 errors, 1 warning\.\n$/);

    const json = JSON.parse((await ocip(['validate', '--format', 'json', '--severity', 'OCI-UNKNOWN-ELEMENT=hint', file])).stdout);
    assert.equal(json[0].diagnostics.find((d: { code: string }) => d.code === 'OCI-UNKNOWN-ELEMENT').severity, 'hint');
  });

  it('rejects an unknown code or level with exit 2 and says which', async () => {
    const code = await ocip(['validate', '--severity', 'OCI-NOPE=off', file]);
    assert.equal(code.code, 2);
    assert.match(code.stderr, /unknown rule code 'OCI-NOPE'/);
    const level = await ocip(['validate', '--severity', 'OCI-MISSING=loud', file]);
    assert.equal(level.code, 2);
    assert.match(level.stderr, /'OCI-MISSING' must be off, hint, information, warning or error \(got "loud"\)/);
    const shape = await ocip(['validate', '--severity', 'OCI-MISSING', file]);
    assert.equal(shape.code, 2);
    assert.match(shape.stderr, /--severity takes CODE=/);
  });

  it('SARIF rules link to their docs/rules.md anchor', async () => {
    const sarif = JSON.parse((await ocip(['validate', '--format', 'sarif', file])).stdout);
    const rule = sarif.runs[0].tool.driver.rules.find((r: { id: string }) => r.id === 'OCI-MISSING');
    assert.equal(rule.helpUri, 'https://github.com/ocip-tools/ocip-vscode/blob/main/docs/rules.md#oci-missing');
  });

  it("the manifest's $ocip pattern reads every line of the text output (file, position, severity as VS Code knows it, code, message)", async () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
    const matcher = pkg.contributes.problemMatchers.find((m: { name: string }) => m.name === 'ocip');
    assert.ok(matcher, 'contributes.problemMatchers has "ocip"');
    assert.equal(matcher.owner, 'ocip');
    const p = matcher.pattern;
    const regexp = new RegExp(p.regexp);
    const out = (await ocip(['validate', '--severity', 'OCI-UNKNOWN-ELEMENT=information', '--severity', 'OCI-MISSING=hint', file])).stdout
      .trim()
      .split('\n');
    const lines = out.slice(0, -1);
    assert.ok(lines.length >= 2, out.join('\n'));
    assert.equal(regexp.exec(out[out.length - 1]), null, 'the summary line is not a problem');
    for (const line of lines) {
      const m = regexp.exec(line);
      assert.ok(m, line);
      assert.equal(m[p.file], file);
      assert.match(m[p.line], /^\d+$/);
      assert.match(m[p.column], /^\d+$/);
      // VS Code's problem matchers know error, warning, info and hint (shown as info); 'information' is not one of them.
      assert.ok(['error', 'warning', 'info', 'hint'].includes(m[p.severity]), m[p.severity]);
      assert.match(m[p.code], /^OCI-[A-Z-]+$/);
      assert.ok(m[p.message].length > 10);
    }
    const unknown = lines.map((l) => regexp.exec(l)!).find((m) => m[p.code] === 'OCI-UNKNOWN-ELEMENT')!;
    assert.deepEqual([unknown[p.line], unknown[p.column], unknown[p.severity]], ['5', '1', 'info']);
    assert.ok(pkg.contributes.taskDefinitions.some((t: { type: string }) => t.type === 'ocip'));
  });
});
