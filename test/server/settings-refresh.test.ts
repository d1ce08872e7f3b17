/**
 * Two configuration changes in a row: the second refresh sees what the first stored. Before, both compared the
 * client's answer with the same cached settings, both reported a change, and every open document was checked twice
 * (test/server/native.test.ts saw two "re-checking" lines about half the time).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Connection } from 'vscode-languageserver';
import { SettingsCache } from '../../server/settings';

test('refreshes at the same time: one reports the change, the other sees it already stored', async () => {
  let current: unknown = { diagnostics: { debounceMs: 0 } };
  const connection = {
    workspace: {
      // Answers on a later turn, as a client over a pipe does.
      getConfiguration: () => new Promise((resolve) => setImmediate(() => resolve(current))),
    },
  } as unknown as Connection;
  const cache = new SettingsCache(connection);
  cache.supportsConfiguration = true;
  await cache.get('file:///w/a.ocip.yaml');
  current = { diagnostics: { debounceMs: 0, severity: { 'OCI-MISSING': 'hint' } } };
  const results = await Promise.all([cache.refresh(), cache.refresh()]);
  assert.deepEqual(results, [true, false]);
  assert.equal((await cache.get('file:///w/a.ocip.yaml')).diagnostics.severity['OCI-MISSING'], 'hint');
});
