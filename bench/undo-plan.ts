/**
 * `node --import tsx bench/undo-plan.ts [N]`: the undo plan of a send of N UserConsolidatedAddRequest22 commands
 * (default 10,000; every one succeeded): reading the sent XML with core/send/command-xml.ts against the general
 * XML front end (core/xml), then planUndo and renderUndoYaml. Prints medians of 5 runs; not part of `npm run bench`.
 */
import { builtinModel } from '../core/model';
import { checkOptionsFromSettings, planUndo, prepareSend, renderUndoYaml } from '../core/send';
import { readCommandXml } from '../core/send/command-xml';
import { parseXmlTree } from '../core/xml';

const n = Number(process.argv[2] ?? 10_000);
const docs: string[] = [];
for (let i = 0; i < n; i++)
  docs.push(
    [
      'command: UserConsolidatedAddRequest22',
      'serviceProviderId: acme',
      'groupId: acme-hq',
      `userId: user${i}@acme.example.com`,
      `lastName: Name ${i}`,
      'firstName: Pat & Co',
      'callingLineIdLastName: Name',
      'callingLineIdFirstName: Pat',
      `password: Pw-Secret-${i}x`,
      `phoneNumber: "+1-21255${String(i).padStart(5, '0')}"`,
      'userService:',
      '  userServiceName: Call Waiting',
    ].join('\n'),
  );
const prepared = prepareSend(docs.join('\n---\n'), 'yaml', builtinModel(), { checks: checkOptionsFromSettings({}) });
if (prepared.errors.length) throw new Error(prepared.errors[0].message);
const results = prepared.commands.map((c) => ({ index: c.index, kind: 'success' as const }));

function median(f: () => void): number {
  const times: number[] = [];
  for (let k = 0; k < 5; k++) {
    const t0 = performance.now();
    f();
    times.push(performance.now() - t0);
  }
  return times.sort((a, b) => a - b)[2];
}

const xmls = prepared.commands.map((c) => c.xml);
const general = median(() => xmls.forEach((x) => parseXmlTree(x, { undeclaredPrefixes: 'no-namespace' })));
const own = median(() => xmls.forEach((x) => readCommandXml(x)));
let plan = planUndo(prepared.commands, results);
const planMs = median(() => (plan = planUndo(prepared.commands, results)));
const renderMs = median(() => renderUndoYaml(plan));
console.log(
  `${n} commands: read XML ${own.toFixed(0)} ms (general parser ${general.toFixed(0)} ms), plan ${planMs.toFixed(0)} ms, render ${renderMs.toFixed(0)} ms`,
);
