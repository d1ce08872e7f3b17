/** The CSV reader: cell values equal csv-parse's on generated tables, every cell's span is exact, decoding and delimiters. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { parse } from 'csv-parse/sync';
import { csvField, decodeCsv, detectDelimiter, parseCsv } from '../../core/template/csv';

const fieldChars = fc.constantFrom('a', 'Z', '1', ' ', ',', ';', '"', '\n', '\r\n', 'é', 'ß', '€', '😀', '\t', "'", '#');
const field = fc.array(fieldChars, { maxLength: 6 }).map((a) => a.join(''));

/** A table written the way spreadsheets write it: quoted only when needed (or always, by choice). */
function write(rows: string[][], delimiter: ',' | ';', quoteAll: boolean, eol: string): string {
  return rows
    .map((r) => r.map((v) => (quoteAll || v === '' ? `"${v.replace(/"/g, '""')}"` : csvField(v, delimiter))).join(delimiter))
    .join(eol);
}

describe('CSV reader', () => {
  it('reads what csv-parse reads, with exact cell spans (generated tables)', () => {
    fc.assert(
      fc.property(
        fc
          .integer({ min: 1, max: 4 })
          .chain((width) => fc.array(fc.array(field, { minLength: width, maxLength: width }), { minLength: 1, maxLength: 6 })),
        fc.constantFrom(',', ';') as fc.Arbitrary<',' | ';'>,
        fc.boolean(),
        fc.constantFrom('\n', '\r\n'),
        fc.boolean(),
        (rows, delimiter, quoteAll, eol, trailing) => {
          // A row of one empty field would be a blank line: spreadsheets write it quoted.
          const text = write(rows, delimiter, quoteAll || rows.some((r) => r.length === 1), eol) + (trailing ? eol : '');
          const ours = parseCsv(text, delimiter);
          const theirs = parse(text, {
            delimiter,
            relax_column_count: true,
            skip_empty_lines: false,
            record_delimiter: eol === '\n' ? '\n' : '\r\n',
          }) as string[][];
          assert.deepEqual(ours.problems, []);
          const values = [ours.header!, ...ours.rows].map((r) => r.cells.map((c) => c.text));
          assert.deepEqual(values, theirs);
          for (const r of [ours.header!, ...ours.rows])
            for (const c of r.cells) {
              const raw = text.slice(c.span.start, c.span.end);
              assert.equal(raw.startsWith('"') ? raw.slice(1, -1).replace(/""/g, '"') : raw, c.text);
            }
        },
      ),
      { numRuns: 400, seed: 1407 },
    );
  });

  it('keeps commas, quotes and line breaks inside quoted fields; spans include the quotes', () => {
    const text = 'a,b,c\r\n"x, y","say ""hi""","line1\nline2"\r\nplain,,last\n';
    const t = parseCsv(text);
    assert.deepEqual(
      t.rows.map((r) => r.cells.map((c) => c.text)),
      [
        ['x, y', 'say "hi"', 'line1\nline2'],
        ['plain', '', 'last'],
      ],
    );
    const cell = t.rows[0].cells[2];
    assert.equal(text.slice(cell.span.start, cell.span.end), '"line1\nline2"');
    assert.deepEqual(t.rows[1].cells[1].span, { start: text.indexOf(',,') + 1, end: text.indexOf(',,') + 1 });
  });

  it('detects ; when the header has more semicolons than commas', () => {
    assert.equal(detectDelimiter('login;name;city\nx;"a, b";c'), ';');
    assert.equal(detectDelimiter('login,name\n'), ',');
    assert.equal(detectDelimiter('"a;b;c",d\n'), ',');
    assert.deepEqual(
      parseCsv('login;city\nana;Lyon, FR\n').rows[0].cells.map((c) => c.text),
      ['ana', 'Lyon, FR'],
    );
  });

  it('decodes UTF-8 with and without a BOM, and ISO-8859-1 when the bytes are not UTF-8', () => {
    const withBom = decodeCsv(Buffer.from([0xef, 0xbb, 0xbf, ...Buffer.from('name\nZoë\n', 'utf8')]));
    assert.deepEqual(withBom, { text: 'name\nZoë\n', encoding: 'UTF-8' });
    assert.equal(parseCsv(withBom.text).header!.cells[0].text, 'name');
    assert.equal(decodeCsv(Buffer.from('name\nZoë\n', 'utf8')).encoding, 'UTF-8');
    const latin1 = decodeCsv(Buffer.from('name\nZo\xeb M\xfcller\n', 'latin1'));
    assert.deepEqual(latin1, { text: 'name\nZoë Müller\n', encoding: 'ISO-8859-1' });
    // A BOM left in decoded text (an editor's buffer) is not part of the first header.
    assert.equal(parseCsv('\uFEFFlogin,x\n1,2').header!.cells[0].text, 'login');
  });

  it('reports an unterminated quote, text after a closing quote and a stray quote at their positions', () => {
    const t = parseCsv('a,b\n"open,x\n');
    assert.equal(t.problems.length, 1);
    assert.deepEqual(t.problems[0].span, { start: 4, end: 5 });
    assert.match(t.problems[0].message, /no closing quote/);
    const after = parseCsv('a,b\n"x"y,z\n');
    assert.deepEqual(after.problems[0].span, { start: 7, end: 8 });
    const stray = parseCsv('a,b\nO"Neil,z\n');
    assert.deepEqual(stray.problems[0].span, { start: 5, end: 6 });
  });
});
