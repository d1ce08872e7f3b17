/** Regressions found outside the front end's own tests. */
import { it } from 'node:test';
import assert from 'node:assert/strict';
import { parseXml } from '../../core/syntax/xml';

it('a bare command may redeclare the xsi prefix that bare files get implicitly', () => {
  const file = parseXml(
    '<command xsi:type="UserDeleteRequest" xmlns="" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><userId>a@b</userId></command>',
  );
  assert.deepEqual(file.problems, []);
  assert.equal(file.commands[0].name, 'UserDeleteRequest');
  assert.equal(file.commands[0].children[0].value?.text, 'a@b');
});
