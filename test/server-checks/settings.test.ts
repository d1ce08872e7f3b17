/** ocip.serverChecks and ocip.serverChecks.cacheSeconds: any case, bounds, and the default for an unusable value. */
import { it } from 'node:test';
import assert from 'node:assert/strict';
import { cacheSeconds, serverCheckMode } from '../../core/server-checks';

it('ocip.serverChecks: off, onDemand, onSave in any spelling; anything else is onDemand', () => {
  assert.equal(serverCheckMode('off'), 'off');
  assert.equal(serverCheckMode('ONSAVE'), 'onSave');
  assert.equal(serverCheckMode('on_demand'), 'onDemand');
  assert.equal(serverCheckMode('always'), 'onDemand');
  assert.equal(serverCheckMode(undefined), 'onDemand');
});

it('ocip.serverChecks.cacheSeconds: whole seconds from 0 to a day; 300 otherwise', () => {
  assert.equal(cacheSeconds(0), 0);
  assert.equal(cacheSeconds(42.9), 42);
  assert.equal(cacheSeconds(10_000_000), 86_400);
  assert.equal(cacheSeconds(-1), 300);
  assert.equal(cacheSeconds('60'), 300);
  assert.equal(cacheSeconds(Number.NaN), 300);
});
