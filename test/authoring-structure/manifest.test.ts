/** The manifest contributes our grammars, snippets, language configurations and commands, and every path exists. */
import { it } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO } from '../helpers/lsp-client';

it('package.json contributes grammars, snippets, language configurations and the convert/preview commands', () => {
  const { contributes } = JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8'));
  const paths: string[] = [];
  for (const id of ['ocip-yaml', 'ocip-xml']) {
    const language = contributes.languages.find((l: { id: string }) => l.id === id);
    paths.push(language.configuration);
    const grammar = contributes.grammars.find((g: { language: string }) => g.language === id);
    assert.equal(grammar.scopeName, id === 'ocip-yaml' ? 'source.ocip.yaml' : 'text.ocip.xml');
    assert.equal(JSON.parse(readFileSync(join(REPO, grammar.path), 'utf8')).scopeName, grammar.scopeName);
    paths.push(grammar.path, contributes.snippets.find((s: { language: string }) => s.language === id).path);
  }
  for (const p of paths) assert.ok(existsSync(join(REPO, p)), p);
  const commands = contributes.commands.map((c: { command: string }) => c.command);
  for (const id of ['ocip.convertToXml', 'ocip.convertToYaml', 'ocip.previewRequest']) {
    assert.ok(commands.includes(id), id);
    assert.ok(
      contributes.menus.commandPalette.some((m: { command: string }) => m.command === id),
      id,
    );
  }
  // The commands the client registers are the ones the manifest declares.
  const client =
    readFileSync(join(REPO, 'client', 'convert-commands.ts'), 'utf8') + readFileSync(join(REPO, 'client', 'preview-request.ts'), 'utf8');
  for (const id of ['ocip.convertToXml', 'ocip.convertToYaml', 'ocip.previewRequest']) assert.ok(client.includes(`'${id}'`), id);
});
