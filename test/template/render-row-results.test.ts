/** The per-row results text and the results CSV of Send All Rows: nothing secret written, the path beside the data. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { renderRowResults, resultsPathFor, safeResultsCsv } from '../../client/send/render-row-results';
import type { RowResult } from '../../core/template/row-results';

const rows: RowResult[] = [
  { row: 2, dataIndex: 0, keys: ['ann', 'p1'], status: 'ok', message: 'OK', commands: [0] },
  { row: 3, dataIndex: 1, keys: ['bo', 'p2'], status: 'failed', message: 'bad login Secret-9 refused\nagain', commands: [1] },
];
const server = { name: 'Lab', transport: 'tcp' as const, host: '127.0.0.1', port: 2208, username: 'admin' };

describe('Send All Rows results', () => {
  it('the CSV drops a password-like key column and masks the login password in messages', () => {
    const csv = safeResultsCsv(rows, ['login', 'password'], 'Secret-9');
    assert.equal(csv, 'row,login,status,message\r\n2,ann,ok,OK\r\n3,bo,failed,bad login ******** refused again\r\n');
  });

  it('the results file goes beside the data, never onto the data or the template', () => {
    assert.equal(resultsPathFor('/w/users.csv', '/w/t.ocip.yaml'), '/w/users.results.csv');
    assert.equal(resultsPathFor('/w/USERS.CSV', '/w/t.ocip.yaml'), '/w/USERS.results.csv');
    assert.equal(resultsPathFor(undefined, '/w/t.ocip.xml'), '/w/t.results.csv');
  });

  it('the view lists every row, or the failed ones only', () => {
    const view = { time: new Date(0), server, templateLabel: 't.ocip.yaml', dataLabel: 'users.csv', keys: ['login'], rows };
    const all = renderRowResults({ ...view, rows: rows.map((r) => ({ ...r, keys: [r.keys[0]] })) });
    assert.match(all, /Summary: {2}2 rows: 1 ok, 1 failed, 0 unknown, 0 not sent/);
    assert.match(all, /^2 +ann +ok +OK$/m);
    assert.match(all, /^3 +bo +failed +bad login Secret-9 refused again$/m);
    const failed = renderRowResults({ ...view, rows: rows.map((r) => ({ ...r, keys: [r.keys[0]] })), failedOnly: true });
    assert.doesNotMatch(failed, /^2 +ann/m);
    assert.match(failed, /^Per-row results \(failed/m);
  });
});
