/**
 * `npx tsx bench/response-data.ts [ROWS...]`: the cost of showing a large data response, as `ocip send` and the
 * results view do: parse the response document once (the client), build the typed tree from that element, the
 * JSON data and the text table. Also the path it replaced (parsing the response's raw XML a second time).
 * Standalone (not yet part of bench/run.ts, to keep merges simple); prints one line per size.
 */
import { mapResponses, parseResponseDocument } from '../core/ocip';
import { renderResponseTree, responseData, responseTree } from '../core/ocip/response-data';
import { responseElement } from '../core/ocip/messages';
import { builtinModel } from '../core/model';

const HEADINGS = [
  'User Id',
  'Last Name',
  'First Name',
  'Department',
  'Phone Number',
  'Phone Number Activated',
  'Email Address',
  'Hiragana Last Name',
  'Hiragana First Name',
  'In Trunk Group',
  'Extension',
  'Country Code',
  'National Prefix',
];

function responseDocument(rows: number): string {
  const row = (i: number) =>
    `<row><col>user${i}@example.com</col><col>Last${i}</col><col>First${i}</col><col/><col>+1-212555${String(i % 10000).padStart(4, '0')}</col><col>true</col><col/><col>Last${i}</col><col>First${i}</col><col>false</col><col>${i}</col><col>1</col><col>1</col></row>`;
  const table = HEADINGS.map((h) => `<colHeading>${h}</colHeading>`).join('') + Array.from({ length: rows }, (_, i) => row(i)).join('');
  return `<?xml version="1.0" encoding="ISO-8859-1"?><BroadsoftDocument protocol="OCI" xmlns="C" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><sessionId xmlns="">s</sessionId><command echo="" xsi:type="UserGetListInGroupResponse" xmlns=""><userTable>${table}</userTable></command></BroadsoftDocument>`;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const model = builtinModel();
for (const rows of process.argv
  .slice(2)
  .map(Number)
  .filter((n) => n > 0).length
  ? process.argv.slice(2).map(Number)
  : [100, 2000, 10000]) {
  const doc = responseDocument(rows);
  const parse: number[] = [];
  const fromElement: number[] = [];
  const reparse: number[] = [];
  for (let k = 0; k < 5; k++) {
    let t = performance.now();
    const [result] = mapResponses([{ index: 0, type: 'UserGetListInGroupRequest' }], parseResponseDocument(doc).commands);
    parse.push(performance.now() - t);
    t = performance.now();
    const tree = responseTree(responseElement(result)!, model)!;
    responseData(tree);
    renderResponseTree(tree);
    fromElement.push(performance.now() - t);
    t = performance.now();
    responseTree(result.rawXml, model);
    reparse.push(performance.now() - t);
  }
  console.log(
    `${rows} rows (${(doc.length / 1e6).toFixed(2)} MB): client parse ${median(parse).toFixed(0)} ms; tree + data + text from the parsed element ${median(fromElement).toFixed(0)} ms; parsing the raw XML again would add ${median(reparse).toFixed(0)} ms`,
  );
}
