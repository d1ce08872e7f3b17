/** The manifest and the code agree: every contributed command is registered, every reference resolves, every file exists. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { localizedManifest } from '../helpers/manifest';

const ROOT = join(__dirname, '..', '..');
const pkg = localizedManifest();
const c = pkg.contributes;

function sources(dir: string): string {
  return readdirSync(dir)
    .map((n) => join(dir, n))
    .map((p) => (statSync(p).isDirectory() ? sources(p) : p.endsWith('.ts') ? readFileSync(p, 'utf8') : ''))
    .join('\n');
}

describe('extension manifest', () => {
  const clientCode = sources(join(ROOT, 'client'));
  const contributed = new Set<string>(c.commands.map((x: { command: string }) => x.command));

  it('every %placeholder% of package.json has its English text in package.nls.json, and every text is used', () => {
    const raw = readFileSync(join(ROOT, 'package.json'), 'utf8');
    const nls = JSON.parse(readFileSync(join(ROOT, 'package.nls.json'), 'utf8')) as Record<string, string>;
    const used = new Set([...raw.matchAll(/"%([^"%]+)%"/g)].map((m) => m[1]));
    assert.ok(used.size > 0);
    for (const key of used) assert.ok(typeof nls[key] === 'string' && nls[key].length > 0, key);
    for (const key of Object.keys(nls)) assert.ok(used.has(key), `${key} is not used in package.json`);
    assert.equal(pkg.displayName, 'OCI-P for BroadWorks');
  });

  it('every contributed command is registered by the client, with category OCI-P', () => {
    for (const cmd of c.commands) {
      assert.ok(clientCode.includes(`'${cmd.command}'`), `${cmd.command} is registered in client/`);
      assert.equal(cmd.category, 'OCI-P', cmd.command);
    }
  });

  it('menus, keybindings and walkthrough links name contributed commands', () => {
    const used = [
      ...Object.values(c.menus as Record<string, { command: string }[]>)
        .flat()
        .map((m) => m.command),
      ...c.keybindings.map((k: { command: string }) => k.command),
      ...JSON.stringify(c.walkthroughs).matchAll(/command:(ocip\.[A-Za-z]+)/g),
    ].map((x) => (typeof x === 'string' ? x : x[1]));
    for (const id of used) assert.ok(contributed.has(id), `${id} is contributed`);
  });

  it('every file the manifest names exists', () => {
    const files = [
      pkg.main.replace(/^\.\//, ''),
      pkg.icon,
      ...c.grammars.map((g: { path: string }) => g.path),
      ...c.snippets.map((s: { path: string }) => s.path),
      ...c.languages.filter((l: { configuration?: string }) => l.configuration).map((l: { configuration: string }) => l.configuration),
      ...c.walkthroughs.flatMap((w: { steps: { media: { markdown?: string; image?: string } }[] }) =>
        w.steps.map((s) => s.media.markdown ?? s.media.image),
      ),
    ].map((f: string) => f.replace(/^\.\//, ''));
    for (const f of files) assert.ok(existsSync(join(ROOT, f)) || f.startsWith('dist/'), `${f} exists`);
  });

  it('languages, activation and engine', () => {
    assert.deepEqual(c.languages.map((l: { id: string }) => l.id).sort(), ['ocip-xml', 'ocip-yaml']);
    assert.ok(pkg.activationEvents.includes('onLanguage:ocip-yaml') && pkg.activationEvents.includes('onLanguage:ocip-xml'));
    assert.match(pkg.engines.vscode, /^\^1\.(\d+)\./);
    assert.ok(Number(/^\^1\.(\d+)/.exec(pkg.engines.vscode)![1]) <= 100, 'engines.vscode no newer than ^1.100.0');
  });

  it('where a password goes is a user setting only, restricted in untrusted workspaces; Restricted Mode and virtual workspaces are declared', () => {
    const props = c.configuration.properties;
    for (const key of ['ocip.servers', 'ocip.activeServer'])
      assert.ok(['application', 'machine'].includes(props[key].scope), `${key} scope ${props[key].scope}`);
    assert.equal(pkg.capabilities.untrustedWorkspaces.supported, 'limited');
    assert.deepEqual([...pkg.capabilities.untrustedWorkspaces.restrictedConfigurations].sort(), [
      'ocip.activeServer',
      'ocip.schemaDirectory',
      'ocip.servers',
    ]);
    assert.ok(pkg.capabilities.virtualWorkspaces.supported === 'limited' && pkg.capabilities.virtualWorkspaces.description);
    assert.equal(props['ocip.detectXml'].default, true);
  });

  it('every setting has a markdown description and a default', () => {
    for (const [key, p] of Object.entries(
      c.configuration.properties as Record<string, { markdownDescription?: string; default?: unknown }>,
    )) {
      assert.ok(p.markdownDescription, `${key} has a markdownDescription`);
      assert.ok('default' in p, `${key} has a default`);
    }
  });
});
