/** Per-row send results: the commands of a row folded into one status, and the results CSV. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { foldRowStatus, resultsCsv, rowResults } from '../../core/template/row-results';
import { parseCsv } from '../../core/template/csv';
import type { SendResultRow } from '../../core/send';

const row = (index: number, kind: SendResultRow['kind'], summary?: string, errorCode?: number): SendResultRow => ({
  index,
  type: 'X',
  kind,
  summary,
  errorCode,
  rawXml: '',
});

describe('row results', () => {
  it('a row is as bad as its worst command: failed > unknown > not sent > ok', () => {
    assert.deepEqual(foldRowStatus([row(0, 'success'), row(1, 'success')]), { status: 'ok', message: 'OK' });
    assert.deepEqual(foldRowStatus([row(0, 'success'), row(1, 'error', 'User already exists', 4200)]), {
      status: 'failed',
      message: '[Error 4200] User already exists',
    });
    assert.equal(foldRowStatus([row(0, 'unknown', 'no complete response within 30 s'), row(1, 'not-sent', 'not sent')]).status, 'unknown');
    assert.equal(foldRowStatus([row(0, 'success'), row(1, 'not-sent', 'not sent')]).status, 'not sent');
    assert.equal(foldRowStatus([row(0, 'warning', 'careful')]).status, 'ok');
  });

  it('two commands per row: row results follow the rows; rows left out of a send are listed as not sent', () => {
    const results = [row(0, 'success'), row(1, 'success'), row(2, 'success'), row(3, 'error', 'No such group', 4008)];
    const rows = rowResults([0, 4], 2, results, (i) => [`user${i}`]);
    assert.deepEqual(
      rows.map((r) => [r.row, r.keys, r.status, r.message, r.commands]),
      [
        [2, ['user0'], 'ok', 'OK', [0, 1]],
        [6, ['user4'], 'failed', '[Error 4008] No such group', [2, 3]],
      ],
    );
    const missing = rowResults([0], 1, [], () => ['a']);
    assert.equal(missing[0].status, 'not sent');
  });

  it('the results CSV quotes what needs quoting and reads back as written', () => {
    const rows = rowResults([0], 1, [row(0, 'error', 'Bad value, "x"\nsecond line', 4000)], () => ['a,b']);
    const text = resultsCsv(rows, ['login']);
    const table = parseCsv(text);
    assert.deepEqual(
      table.header!.cells.map((c) => c.text),
      ['row', 'login', 'status', 'message'],
    );
    assert.deepEqual(
      table.rows[0].cells.map((c) => c.text),
      ['2', 'a,b', 'failed', '[Error 4000] Bad value, "x" second line'],
    );
  });
});
