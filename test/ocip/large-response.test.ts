/**
 * Issue 15: a complete data response near the client's size bound is read within a small multiple of its size.
 * A 24 MiB response (an OCI table of 292,625 distinct rows) goes through the real client (TCP framing, envelope,
 * per-command results) in a child process whose V8 heap is limited to 160 MB: fast-xml-parser's tree and an element
 * per row and cell needed far more (the same child died of heap exhaustion even with 384 MB before the linear reader,
 * core/xml compactTables); now it completes with every row decoded. Not timed: memory is the bound.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const CHILD = join(__dirname, 'large-response-child.ts');

describe('send client on a large data response', () => {
  it('decodes a 24 MiB table response with a 160 MB heap (every row, cells by heading)', { timeout: 300_000 }, () => {
    const r = spawnSync(process.execPath, ['--max-old-space-size=160', '--import', 'tsx', CHILD, '24'], {
      encoding: 'utf8',
      timeout: 280_000,
    });
    assert.equal(r.status, 0, `child failed (signal ${r.signal}): ${r.stderr.slice(-600)}`);
    const out = JSON.parse(r.stdout) as {
      kind: string;
      expectedRows: number;
      rows: number;
      first: Record<string, string>;
      last: Record<string, string>;
      rawXmlBytes: number;
    };
    assert.equal(out.kind, 'data');
    assert.equal(out.rows, out.expectedRows);
    assert.ok(out.rows > 290_000, `${out.rows} rows`);
    assert.deepEqual(out.first, { 'User Id': 'u0000000@ex.com', 'Last Name': 'L0000', 'First Name': 'F000', 'Phone Number': '0000000' });
    const n = String(out.rows - 1).padStart(7, '0');
    assert.deepEqual(out.last, {
      'User Id': `u${n}@ex.com`,
      'Last Name': `L${n.slice(3)}`,
      'First Name': `F${n.slice(4)}`,
      'Phone Number': n,
    });
    assert.ok(out.rawXmlBytes > 24 * 1024 * 1024, 'the raw response element is kept for the Raw XML view');
  });
});
