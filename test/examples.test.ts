/**
 * The shipped examples do what the README says: the valid ones check clean and are executed by the simulator
 * (each file in a fresh simulator, over TCP, through the same send path as the extension and the CLI);
 * each document of the mistakes file gets the codes its `# expect:` comment names.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { checkFile } from '../core/checks';
import { DEFAULT_CHECK_OPTIONS } from '../core/checks/types';
import { builtinModel } from '../core/model';
import { detectFormat, parseSource } from '../core/syntax';
import { prepareSend, runSend } from '../core/send';
import { startSimulator, type RunningSimulator } from '../sim';
import defaultSeed from '../sim/seed.example.json';

const EXAMPLES = join(__dirname, '..', 'examples');
const valid = readdirSync(EXAMPLES).filter((f) => /\.ocip\.(ya?ml|xml)$/.test(f));
const model = builtinModel();

describe('examples', () => {
  it('there are YAML and XML examples', () => {
    assert.ok(valid.some((f) => f.endsWith('.yaml')) && valid.some((f) => f.endsWith('.xml')));
  });

  for (const name of valid) {
    it(`${name} has no errors or warnings`, () => {
      const text = readFileSync(join(EXAMPLES, name), 'utf8');
      const diags = checkFile(parseSource(text, detectFormat(name, text)!), model);
      assert.deepEqual(
        diags.filter((d) => d.severity === 'error' || d.severity === 'warning').map((d) => d.message),
        [],
      );
    });
  }

  it('each document of mistakes/typical-mistakes.ocip.yaml gets the codes it expects', () => {
    const text = readFileSync(join(EXAMPLES, 'mistakes', 'typical-mistakes.ocip.yaml'), 'utf8');
    const file = parseSource(text, 'yaml');
    const diags = checkFile(file, model, { ...DEFAULT_CHECK_OPTIONS, newUserTemplateServices: [] });
    const docs = text.split(/^---$/m);
    assert.equal(docs.length, file.commands.length);
    docs.forEach((doc, i) => {
      const expected = /# expect: (.*)/
        .exec(doc)![1]
        .split(',')
        .map((s) => s.trim());
      const got = new Set(diags.filter((d) => d.command === i && d.severity === 'error').map((d) => d.code));
      for (const code of expected) assert.ok(got.has(code), `document ${i + 1}: expected ${code}, got ${[...got].join(', ')}`);
    });
  });

  describe('sent to the simulator', () => {
    const admin = defaultSeed.accounts.find((a) => a.level === 'System')!;
    let sim: RunningSimulator;
    before(async () => {
      sim = await startSimulator({ tcpPort: 0 });
    });
    after(() => sim.close());

    // In file order, as a user would send them: the XML file's user is deleted by bare-commands.ocip.xml.
    for (const name of valid.sort()) {
      it(`${name}: every command succeeds`, async () => {
        const text = readFileSync(join(EXAMPLES, name), 'utf8');
        const prepared = prepareSend(text, detectFormat(name, text)!, model, { checks: DEFAULT_CHECK_OPTIONS });
        assert.deepEqual(prepared.errors, []);
        const outcome = await runSend({
          server: { name: 'sim', host: '127.0.0.1', port: sim.ports.tcp, transport: 'tcp', username: admin.userId, production: false },
          password: admin.password,
          commands: prepared.commands,
        });
        assert.equal(outcome.failure, undefined);
        assert.deepEqual(
          outcome.results.filter((r) => !['success', 'data'].includes(r.kind)).map((r) => `${r.requestType}: ${r.summary}`),
          [],
        );
      });
    }

    it('the simulator holds the users the examples added', () => {
      const users = Object.keys(sim.state.users);
      for (const u of [
        'alice.martin@acme.example.com',
        'bob.nguyen@acme.example.com',
        'chloe.dubois@acme.example.com',
        'eve.shah@acme.example.com',
      ])
        assert.ok(users.includes(u), u);
      assert.ok(!users.includes('dana.kim@acme.example.com'), 'deleted by the last command of bulk-users');
      assert.ok(!users.includes('frank.ortiz@acme.example.com'), 'deleted by bare-commands.ocip.xml');
    });
  });
});
