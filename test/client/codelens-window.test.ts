/** Which commands of a large file get a CodeLens (client/send/codelens-window.ts): those near what the editors show. */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { commandsIn, coveredLines, needsRefetch } from '../../client/send/codelens-window';

/** 10,000 commands of 35 lines: command i at line 35 i. */
const lines = Array.from({ length: 10000 }, (_, i) => 35 * i);
const lastLine = 35 * 10000;

describe('CodeLens window', () => {
  test('a 50-line view in the middle covers a few screens on each side, not the file', () => {
    const covered = coveredLines([{ start: 175000, end: 175049 }]);
    assert.equal(covered.length, 1);
    assert.ok(covered[0].start <= 175000 - 200 && covered[0].end >= 175049 + 200);
    const shown = commandsIn(lines, covered);
    assert.ok(shown.length > 10 && shown.length < 100, `${shown.length} commands`);
    // Every command whose head is in the view or the margin, in order, none outside.
    assert.deepEqual(
      shown,
      lines
        .map((l, i) => [l, i])
        .filter(([l]) => l >= covered[0].start && l <= covered[0].end)
        .map(([, i]) => i),
    );
    assert.ok(shown.includes(5000) && shown.includes(5001));
  });

  test('two editors far apart: two intervals; overlapping ones merge', () => {
    const two = coveredLines([
      { start: 300000, end: 300040 },
      { start: 0, end: 40 },
    ]);
    assert.equal(two.length, 2);
    assert.equal(two[0].start, 0);
    const shown = commandsIn(lines, two);
    assert.ok(shown.includes(0) && shown.includes(Math.floor(300000 / 35)));
    assert.deepEqual(
      shown,
      [...shown].sort((a, b) => a - b),
    );
    assert.equal(
      coveredLines([
        { start: 1000, end: 1040 },
        { start: 1100, end: 1140 },
      ]).length,
      1,
    );
  });

  test('no editor shows the document: the first lines', () => {
    assert.deepEqual(commandsIn(lines, coveredLines([])).slice(0, 3), [0, 1, 2]);
  });

  test('scrolling asks again only near the edge of what was covered; the ends of the file are no edge', () => {
    const covered = coveredLines([{ start: 175000, end: 175049 }]);
    assert.equal(needsRefetch([{ start: 175010, end: 175059 }], covered, lastLine), false);
    assert.equal(needsRefetch([{ start: covered[0].end - 60, end: covered[0].end - 10 }], covered, lastLine), true);
    assert.equal(needsRefetch([{ start: 200000, end: 200049 }], covered, lastLine), true);
    const top = coveredLines([{ start: 0, end: 49 }]);
    assert.equal(needsRefetch([{ start: 0, end: 49 }], top, lastLine), false);
    const bottom = coveredLines([{ start: lastLine - 49, end: lastLine }]);
    assert.equal(needsRefetch([{ start: lastLine - 49, end: lastLine }], bottom, lastLine), false);
  });
});
