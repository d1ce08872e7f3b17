/** core/settings: the one reading of ocip.* settings; what the server, the send path and the CLI all use. */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { normalizeSettings } from '../../core/settings';
import { DEFAULT_SETTINGS } from '../../core/protocol/messages';

describe('normalizeSettings', () => {
  test('nothing set: the documented defaults, no problem', () => {
    assert.deepEqual(normalizeSettings(undefined), { settings: DEFAULT_SETTINGS, problems: [] });
    assert.deepEqual(normalizeSettings({ dataMode: null, adminLevel: null }), { settings: DEFAULT_SETTINGS, problems: [] });
  });

  test('enum values in any case and spelling', () => {
    const { settings, problems } = normalizeSettings({ dataMode: 'xs', adminLevel: 'service_provider' });
    assert.equal(settings.dataMode, 'XS');
    assert.equal(settings.adminLevel, 'Service Provider');
    assert.deepEqual(problems, []);
    assert.equal(normalizeSettings({ adminLevel: 'GROUP department' }).settings.adminLevel, 'Group Department');
  });

  test('an unknown or non-administrator level is the least privileged one, never System', () => {
    for (const level of ['King', 'User', '', 7, 'SystemX']) {
      const { settings, problems } = normalizeSettings({ adminLevel: level });
      assert.equal(settings.adminLevel, 'Group Department', String(level));
      assert.equal(problems.length, 1);
      assert.equal(problems[0].setting, 'ocip.adminLevel');
      assert.match(problems[0].message, /using Group Department \(the least privileged level\) instead\.$/);
    }
  });

  test('bounds: clamped with a problem naming the value used', () => {
    const { settings, problems } = normalizeSettings({ diagnostics: { debounceMs: -5 }, send: { batchSize: 100 } });
    assert.equal(settings.diagnostics.debounceMs, 0);
    assert.equal(settings.send.batchSize, 15);
    assert.deepEqual(
      problems.map((p) => p.message),
      [
        'ocip.diagnostics.debounceMs: -5 is outside 0–5000; using 0 instead.',
        'ocip.send.batchSize: 100 is outside 1–15 or not a whole number; using 15 instead.',
      ],
    );
    assert.equal(normalizeSettings({ send: { batchSize: 'ten' } }).settings.send.batchSize, 15);
    assert.equal(normalizeSettings({ diagnostics: { debounceMs: Number.NaN } }).settings.diagnostics.debounceMs, 200);
  });

  test('ocip.send.sessions: 1 by default, 1–8, a warning and the bound or 1 for anything else', () => {
    assert.equal(normalizeSettings({}).settings.send.sessions, 1);
    assert.equal(normalizeSettings({ send: { sessions: 4 } }).settings.send.sessions, 4);
    const high = normalizeSettings({ send: { sessions: 64 } });
    assert.equal(high.settings.send.sessions, 8);
    assert.deepEqual(
      high.problems.map((p) => p.message),
      ['ocip.send.sessions: 64 is outside 1–8 or not a whole number; using 8 instead.'],
    );
    assert.equal(normalizeSettings({ send: { sessions: 0 } }).settings.send.sessions, 1);
    const text = normalizeSettings({ send: { sessions: 'many' } });
    assert.equal(text.settings.send.sessions, 1);
    assert.deepEqual(
      text.problems.map((p) => [p.setting, p.message]),
      [['ocip.send.sessions', 'ocip.send.sessions: "many" is not a number; using 1 instead.']],
    );
  });

  test('wrong types fall back to the safe value with a problem', () => {
    const { settings, problems } = normalizeSettings({
      externalAuthentication: 'yes',
      servicePacks: { P: ['A', 1], Q: 'B' },
      newUserTemplateServices: 'Voice Messaging',
    });
    assert.equal(settings.externalAuthentication, false, 'a password stays required');
    assert.deepEqual(settings.servicePacks, { P: ['A'] });
    assert.equal(settings.newUserTemplateServices, null, 'unknown template: prerequisites cannot be verified');
    assert.deepEqual(
      problems.map((p) => p.setting),
      ['ocip.externalAuthentication', 'ocip.servicePacks.P', 'ocip.servicePacks.Q', 'ocip.newUserTemplateServices'],
    );
  });

  test('schema folders: absolute kept, relative and ${workspaceFolder} against the workspace folder, never the working directory', () => {
    const ws = join('/', 'home', 'me', 'project');
    assert.equal(normalizeSettings({ schemaDirectory: '/opt/xsd' }).settings.schemaDirectory, join('/', 'opt', 'xsd'));
    assert.equal(
      normalizeSettings({ schemaDirectory: 'xsd/r25' }, { workspaceFolder: ws }).settings.schemaDirectory,
      join(ws, 'xsd', 'r25'),
    );
    assert.equal(
      normalizeSettings({ schemaDirectory: '${workspaceFolder}/../shared/xsd' }, { workspaceFolder: ws }).settings.schemaDirectory,
      join('/', 'home', 'me', 'shared', 'xsd'),
    );
    const outside = normalizeSettings({ schemaDirectory: 'xsd' });
    assert.equal(outside.settings.schemaDirectory, '');
    assert.equal(outside.problems[0].setting, 'ocip.schemaDirectory');
  });
});
