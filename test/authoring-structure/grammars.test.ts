/**
 * The TextMate grammars tokenized with vscode-textmate + vscode-oniguruma (the engine VS Code uses).
 * source.yaml and text.xml ship with VS Code, not with us: small stand-ins provide them here, so the test checks
 * our own scopes and that the includes resolve.
 */
import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as oniguruma from 'vscode-oniguruma';
import { INITIAL, Registry, parseRawGrammar, type IGrammar } from 'vscode-textmate';
import { REPO } from '../helpers/lsp-client';

const STAND_INS: Record<string, object> = {
  'source.yaml': {
    scopeName: 'source.yaml',
    patterns: [
      { match: '#.*$', name: 'comment.line.number-sign.yaml' },
      { match: '"[^"]*"', name: 'string.quoted.double.yaml' },
    ],
  },
  'text.xml': {
    scopeName: 'text.xml',
    patterns: [{ begin: '<!--', end: '-->', name: 'comment.block.xml' }, { include: '#entity' }],
    repository: { entity: { match: '&[A-Za-z]+;', name: 'constant.character.entity.xml' } },
  },
};

const GRAMMAR_FILES: Record<string, string> = {
  'source.ocip.yaml': join(REPO, 'syntaxes', 'ocip-yaml.tmLanguage.json'),
  'text.ocip.xml': join(REPO, 'syntaxes', 'ocip-xml.tmLanguage.json'),
};

let registry: Registry;

before(async () => {
  const wasm = readFileSync(join(REPO, 'node_modules', 'vscode-oniguruma', 'release', 'onig.wasm'));
  await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
  registry = new Registry({
    onigLib: Promise.resolve({
      createOnigScanner: (p) => new oniguruma.OnigScanner(p),
      createOnigString: (s) => new oniguruma.OnigString(s),
    }),
    loadGrammar: async (scopeName) => {
      const file = GRAMMAR_FILES[scopeName];
      if (file) return parseRawGrammar(readFileSync(file, 'utf8'), file);
      const standIn = STAND_INS[scopeName];
      return standIn ? parseRawGrammar(JSON.stringify(standIn), `${scopeName}.json`) : null;
    },
  });
});

/** token text → its scopes, for every token of every line. */
async function tokenize(scopeName: string, text: string): Promise<{ text: string; scopes: string[] }[]> {
  const grammar = (await registry.loadGrammar(scopeName)) as IGrammar;
  assert.ok(grammar, scopeName);
  const out: { text: string; scopes: string[] }[] = [];
  let state = INITIAL;
  for (const line of text.split('\n')) {
    const result = grammar.tokenizeLine(line, state);
    for (const t of result.tokens) out.push({ text: line.slice(t.startIndex, t.endIndex), scopes: t.scopes });
    state = result.ruleStack;
  }
  return out;
}

function scopesOf(tokens: { text: string; scopes: string[] }[], text: string): string[] {
  const token = tokens.find((t) => t.text === text);
  assert.ok(token, `no token '${text}' in ${JSON.stringify(tokens.map((t) => t.text))}`);
  return token.scopes;
}

describe('TextMate grammars', () => {
  it('YAML: the command name, element keys and xsi:type values get OCI-P scopes; the rest is YAML', async () => {
    const tokens = await tokenize(
      'source.ocip.yaml',
      [
        '# a user',
        'command: UserConsolidatedAddRequest22',
        'userId: "jdoe@example.com"',
        'department:',
        '  xsi:type: GroupDepartmentKey',
        '  name: Sales',
        'userService:',
        '  - userServiceName: Call Forwarding Always',
      ].join('\n'),
    );
    assert.ok(scopesOf(tokens, 'UserConsolidatedAddRequest22').includes('entity.name.type.command.ocip'));
    assert.ok(scopesOf(tokens, 'command').includes('keyword.other.command.ocip'));
    assert.ok(scopesOf(tokens, 'userId').includes('support.type.property-name.ocip'));
    assert.ok(scopesOf(tokens, 'name').includes('support.type.property-name.ocip'));
    assert.ok(scopesOf(tokens, 'userServiceName').includes('support.type.property-name.ocip'));
    assert.ok(scopesOf(tokens, 'GroupDepartmentKey').includes('entity.name.type.xsi-type.ocip'));
    assert.ok(scopesOf(tokens, '"jdoe@example.com"').includes('string.quoted.double.yaml'), 'values are left to source.yaml');
    assert.ok(scopesOf(tokens, '# a user').includes('comment.line.number-sign.yaml'));
    for (const t of tokens) assert.equal(t.scopes[0], 'source.ocip.yaml');
  });

  it('XML: the xsi:type of <command> is the command name; element names and other xsi:types get OCI-P scopes', async () => {
    const tokens = await tokenize(
      'text.ocip.xml',
      [
        '<!-- c -->',
        '<BroadsoftDocument protocol="OCI" xmlns="C">',
        '<command xsi:type="UserConsolidatedAddRequest22" xmlns="">',
        '  <userId>a&amp;b</userId>',
        '  <department xsi:type="GroupDepartmentKey"><name>x</name></department>',
        '</command>',
      ].join('\n'),
    );
    assert.ok(scopesOf(tokens, 'UserConsolidatedAddRequest22').includes('entity.name.type.command.ocip'));
    assert.ok(scopesOf(tokens, 'command').includes('keyword.other.command.ocip'));
    assert.ok(scopesOf(tokens, 'userId').includes('support.type.property-name.ocip'));
    assert.ok(scopesOf(tokens, 'GroupDepartmentKey').includes('entity.name.type.xsi-type.ocip'));
    assert.ok(scopesOf(tokens, 'BroadsoftDocument').includes('entity.name.tag.localname.xml'));
    assert.ok(scopesOf(tokens, '&amp;').includes('constant.character.entity.xml'), 'text.xml is included');
    assert.ok(scopesOf(tokens, '<!--').includes('comment.block.xml'));
  });
});

describe('language configurations', () => {
  for (const name of ['ocip-yaml', 'ocip-xml']) {
    it(`${name}: valid JSON with comments, brackets, auto-closing pairs, indentation and onEnter rules whose regexes compile`, () => {
      const config = JSON.parse(readFileSync(join(REPO, `${name}.language-configuration.json`), 'utf8'));
      assert.ok(config.comments.lineComment === '#' || config.comments.blockComment?.[0] === '<!--');
      assert.ok(config.brackets.length > 0 && config.autoClosingPairs.length > 0);
      for (const pattern of [config.indentationRules.increaseIndentPattern, config.indentationRules.decreaseIndentPattern])
        new RegExp(pattern);
      for (const rule of config.onEnterRules) {
        new RegExp(rule.beforeText);
        if (rule.afterText) new RegExp(rule.afterText);
      }
    });
  }

  it('YAML onEnter: a list item mapping continues at the key column; a plain item starts a new item', () => {
    const config = JSON.parse(readFileSync(join(REPO, 'ocip-yaml.language-configuration.json'), 'utf8'));
    const firstRule = (line: string) => config.onEnterRules.find((r: { beforeText: string }) => new RegExp(r.beforeText).test(line));
    assert.equal(firstRule('  - userServiceName: Call Forwarding Always').action.appendText, '  ');
    assert.equal(firstRule('  - authorizedQuantity:').action.indent, 'indent');
    assert.equal(firstRule('  - bob@acme.example').action.appendText, '- ');
    assert.equal(firstRule('lastName: Doe'), undefined);
    assert.match('department:', new RegExp(config.indentationRules.increaseIndentPattern));
    assert.doesNotMatch('lastName: Doe', new RegExp(config.indentationRules.increaseIndentPattern));
  });

  it('XML indentation: a start tag opens a level, its end tag closes it', () => {
    const config = JSON.parse(readFileSync(join(REPO, 'ocip-xml.language-configuration.json'), 'utf8'));
    const increase = new RegExp(config.indentationRules.increaseIndentPattern);
    assert.match('  <accessDevice>', increase);
    assert.doesNotMatch('  <userId>u</userId>', increase);
    assert.doesNotMatch('  <alias/>', increase);
    assert.match('  </accessDevice>', new RegExp(config.indentationRules.decreaseIndentPattern));
  });
});
