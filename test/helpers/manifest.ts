/** package.json as VS Code shows it: every `%key%` placeholder replaced by its English text from package.nls.json. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the manifest is untyped JSON, read by many tests
export function localizedManifest(): any {
  const nls = JSON.parse(readFileSync(join(ROOT, 'package.nls.json'), 'utf8')) as Record<string, string>;
  const missing: string[] = [];
  const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'), (_key, value) => {
    if (typeof value !== 'string') return value;
    const m = /^%(.+)%$/.exec(value);
    if (!m) return value;
    if (!(m[1] in nls)) missing.push(m[1]);
    return nls[m[1]] ?? value;
  });
  if (missing.length) throw new Error(`package.nls.json has no text for ${missing.join(', ')}`);
  return manifest;
}
