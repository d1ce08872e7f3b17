/**
 * The cursor scanners read only the command around the cursor (not the whole file): the YAML scan of a
 * document inside a file equals the scan of that document alone, and the XML scan equals the reference scan
 * that reads the text from its start. Checked on every offset of generated and mutated files.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { scanYaml } from '../../core/authoring/cursor-yaml';
import { scanXml, scanXmlFromStart } from '../../core/authoring/cursor-xml';
import type { RawCursor } from '../../core/authoring/cursor-raw';
import { generateXml, generateYaml } from '../../bench/generate';
import { documentArb } from './yaml-arbitraries';
import { parseSource } from '../../core/syntax';

function shifted(raw: RawCursor, delta: number): RawCursor {
  const out = { ...raw, word: { start: raw.word.start + delta, end: raw.word.end + delta } };
  if (raw.valueWord) out.valueWord = { start: raw.valueWord.start + delta, end: raw.valueWord.end + delta };
  return out;
}

const SEPARATORS = ['---\n', '--- \n', '...\n---\n', '---\r\n', '...\n'];

test('YAML: the scan inside a file equals the scan of the document alone', () => {
  fc.assert(
    fc.property(
      fc.array(documentArb, { minLength: 1, maxLength: 4 }),
      fc.constantFrom(...SEPARATORS),
      fc.nat(),
      (docs, separator, pick) => {
        // Documents end with a line break so the separator starts a line.
        const bodies = docs.map((d) => (d.endsWith('\n') ? d : d + '\n'));
        const k = pick % bodies.length;
        const start = bodies.slice(0, k).reduce((n, d) => n + d.length + separator.length, 0);
        const text = bodies.join(separator);
        const doc = bodies[k];
        for (let at = 0; at <= doc.length; at++) {
          // The line break ending the document is where the next line (a separator) begins in the file.
          if (at === doc.length && k < bodies.length - 1) continue;
          assert.deepStrictEqual(scanYaml(text, start + at), shifted(scanYaml(doc, at), start), `offset ${at} of document ${k}`);
        }
      },
    ),
    { numRuns: 150, seed: 3 },
  );
});

test('YAML: generated command files, every offset of a middle document', () => {
  const text = generateYaml(5);
  const docs = text.split(/^---\n/m);
  const start = text.indexOf(docs[3]);
  for (let at = 0; at < docs[3].length; at++) assert.deepStrictEqual(scanYaml(text, start + at), shifted(scanYaml(docs[3], at), start));
});

// Not a bare `<command ...>` start tag inside an open command: there the reference takes the outer (unclosed)
// command and the path runs through the inner one, while the scan from the command start reads the inner one
// as the command (which is what someone typing a new command means); a deliberate difference. Likewise an
// unterminated `<` anywhere before the command makes the reference read everything after it as one tag.
const XML_PIECES = [
  '>',
  '</command>',
  '</command><command xsi:type="UserDeleteRequest">',
  '<!-- <command x> -->',
  '<![CDATA[<command>]]>',
  '\n',
  'x',
  '"',
  '/>',
  '<userId>',
  '</userId>',
];

// Broken text before the cursor's command (an unterminated `<`) makes the reference scan stop there, while the
// scan from the command start still reads the command: so the edits go into the last command only.
test('XML: the scan from the command start equals the reference scan from the file start', () => {
  fc.assert(
    fc.property(
      fc.integer({ min: 1, max: 4 }),
      fc.array(fc.tuple(fc.nat(), fc.constantFrom(...XML_PIECES)), { maxLength: 3 }),
      fc.nat(),
      (n, edits, probe) => {
        let text = generateXml(n);
        const lastCommand = text.lastIndexOf('<command');
        for (const [where, insert] of edits) {
          // At a line start of the last command, so no tag before the command is cut open.
          const lines = [...text.slice(lastCommand).matchAll(/\n/g)].map((m) => lastCommand + m.index! + 1);
          const at = lines[where % lines.length];
          text = text.slice(0, at) + insert + text.slice(at);
        }
        const step = 3 + (probe % 7);
        for (let at = probe % step; at <= text.length; at += step) {
          assert.deepStrictEqual(scanXml(text, at), scanXmlFromStart(text, at), `offset ${at}`);
        }
      },
    ),
    { numRuns: 80, seed: 4 },
  );
});

// Completion and hover pass the parsed command's start tag: the scan then searches for comments, CDATA and PIs
// back to that tag only (it read back to the file's start in a file without any). Same answer as without it,
// on files with comments, CDATA and PIs between and inside commands and with the same edits as above.
test('XML: the scan given the parsed command start equals the scan without it', () => {
  const EXTRA = [
    '<!-- a -->\n',
    '<![CDATA[x]]>',
    '<?pi x?>\n',
    '<!-- > <command x="1"> -->\n',
    '<![CDATA[ > <command x="1"> ]]>\n',
    '<?pi > <command x="1"> ?>\n',
  ];
  fc.assert(
    fc.property(
      fc.integer({ min: 1, max: 4 }),
      fc.array(fc.tuple(fc.nat(), fc.constantFrom(...XML_PIECES, ...EXTRA)), { maxLength: 4 }),
      fc.nat(),
      (n, edits, probe) => {
        let text = generateXml(n);
        for (const [where, insert] of edits) {
          const lines = [...text.matchAll(/\n/g)].map((m) => m.index! + 1);
          const at = lines[where % lines.length];
          text = text.slice(0, at) + insert + text.slice(at);
        }
        const commands = parseSource(text, 'xml').commands;
        const step = 3 + (probe % 7);
        let hinted = 0;
        for (let at = probe % step; at <= text.length; at += step) {
          const command = commands.find((c) => c.span.start <= at && at <= c.span.end);
          if (command && command.span.start < at) hinted++;
          assert.deepStrictEqual(scanXml(text, at, command?.span.start), scanXml(text, at), `offset ${at}`);
        }
        assert.ok(hinted > 0 || commands.length === 0);
      },
    ),
    { numRuns: 120, seed: 7 },
  );
});
