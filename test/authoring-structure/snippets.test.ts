/** Every snippet, its placeholders filled with their defaults, is a file the checks accept without errors. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkFile } from '../../core/checks';
import { builtinModel } from '../../core/model';
import { parseSource } from '../../core/syntax';
import type { FileFormat } from '../../core/tree/types';
import { REPO } from '../helpers/lsp-client';

interface Snippet {
  prefix: string;
  description: string;
  body: string[];
}

/** Expands VS Code snippet syntax the way accepting every default would: ${1:x} → x, ${1|a,b|} → a, $0 → ''. */
export function expandDefaults(body: string): string {
  let text = body;
  // Innermost first, so nested placeholders resolve.
  for (let guard = 0; guard < 20 && /\$\{\d+[:|]/.test(text); guard++) {
    text = text.replace(/\$\{\d+:([^${}]*)\}/g, '$1').replace(/\$\{\d+\|([^,|]*)[^|]*\|\}/g, '$1');
  }
  return text.replace(/\$\{\d+\}|\$\d+/g, '');
}

const EXPECTED = ['ocip-user', 'ocip-user-device', 'ocip-user-new-group', 'ocip-user-services', 'ocip-user-delete'];
const model = builtinModel();

function errorsOf(text: string, format: FileFormat): string[] {
  return checkFile(parseSource(text, format), model)
    .filter((d) => d.severity === 'error')
    .map((d) => `${d.code}: ${d.message}`);
}

for (const [file, format] of [
  ['ocip-yaml.json', 'yaml'],
  ['ocip-xml.json', 'xml'],
] as const) {
  describe(`snippets/${file}`, () => {
    const snippets = JSON.parse(readFileSync(join(REPO, 'snippets', file), 'utf8')) as Record<string, Snippet>;
    const prefixes = Object.values(snippets).map((s) => s.prefix);

    it('has the user snippets (minimal, device, new group, services, delete)', () => {
      for (const p of EXPECTED) assert.ok(prefixes.includes(p), `missing ${p}`);
    });

    for (const [name, snippet] of Object.entries(snippets)) {
      it(`${name}: filled with its defaults, it checks without errors`, () => {
        assert.ok(snippet.description.length > 10);
        const text = expandDefaults(snippet.body.join('\n')) + '\n';
        assert.doesNotMatch(text, /\$\{?\d/, 'every placeholder expanded');
        assert.deepEqual(errorsOf(text, format), [], text);
        if (format === 'xml' && !text.includes('<BroadsoftDocument')) {
          // A command snippet is also valid inside an envelope, where it is normally inserted.
          const wrapped = `<?xml version="1.0" encoding="UTF-8"?>\n<BroadsoftDocument protocol="OCI" xmlns="C" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">\n<sessionId xmlns="">s</sessionId>\n${text}</BroadsoftDocument>\n`;
          assert.deepEqual(errorsOf(wrapped, format), [], wrapped);
        }
      });
    }
  });
}

describe('expandDefaults', () => {
  it('fills defaults, first choices and removes tab stops', () => {
    assert.equal(expandDefaults('a: ${1:x}\nb: ${2|p,q|}\nc: ${3:${4:deep}}\n$0'), 'a: x\nb: p\nc: deep\n');
  });
});
