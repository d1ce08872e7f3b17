/**
 * Templates: `ocip validate` and `ocip render` of a UserConsolidatedAddRequest22 template (the shape of
 * examples/onboarding-csv, plus address and a device) with 10,000 CSV rows, as processes (target: validate ≤ 2 s);
 * and the CSV reader beside csv-parse on the same file, the measurement behind reading CSV by hand (we need each
 * cell's span, which csv-parse does not give; this shows the reader costs no more).
 *
 * `node esbuild.mjs && node --import tsx bench/template.ts [ROWS]` prints a Markdown section for bench/RESULTS.md.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { loadavg, tmpdir } from 'node:os';
import { parse } from 'csv-parse/sync';
import { parseCsv } from '../core/template/csv';
import { fmt, summarize } from './stats';

const REPO = resolve(__dirname, '..');
const ROWS = Number(process.argv[2] ?? 10000);

const TEMPLATE = `# ocip-data: users.csv
command: UserConsolidatedAddRequest22
serviceProviderId: \${serviceProvider:-northwind}
groupId: \${group:-northwind-chicago}
userId: \${login}@northwind.example.com
lastName: \${lastName}
firstName: \${firstName}
callingLineIdLastName: \${lastName}
callingLineIdFirstName: \${firstName}
extension: \${extension}
password: \${password}
department:
  xsi:type: GroupDepartmentKey
  serviceProviderId: \${serviceProvider:-northwind}
  groupId: \${group:-northwind-chicago}
  name: \${department}
timeZone: America/Chicago
emailAddress: \${login}@northwind.example.com
address:
  addressLine1: \${street}
  city: \${city}
  zipOrPostalCode: "\${zip}"
  country: USA
accessDeviceEndpoint:
  accessDevice:
    deviceLevel: Group
    deviceName: \${device}
  linePort: \${login}@voice.northwind.example.com
userService:
  userServiceName: Authentication
`;

function csv(rows: number): string {
  const lines = ['login,firstName,lastName,extension,password,department,street,city,zip,device'];
  for (let i = 0; i < rows; i++) {
    const last = ['Lopez', 'Okafor', "O'Brien", 'García', 'Nilsson'][i % 5];
    // Every 97th row has a typical mistake (a last name too long), as in the other benchmarks.
    const lastName = i % 97 === 96 ? last + '-'.repeat(30) : last;
    lines.push(
      [
        `user${i}`,
        `First${i}`,
        lastName.includes("'") ? `"${lastName}"` : lastName,
        String(1000 + i),
        `Pass-${i}-x!`,
        i % 2 ? 'Sales' : 'Warehouse',
        `"${i} Main St, Suite ${i % 40}"`,
        'Chicago',
        '60606',
        `desk-${i}`,
      ].join(','),
    );
  }
  return lines.join('\r\n') + '\r\n';
}

/** Wall time, and CPU time (user + system, from /usr/bin/time) which a loaded machine inflates less. */
function wall(
  args: string[],
  runs: number,
): { summary: ReturnType<typeof summarize>; cpu: ReturnType<typeof summarize>; status: number | null } {
  const samples: number[] = [];
  const cpu: number[] = [];
  let status: number | null = null;
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    const r = spawnSync('/usr/bin/time', ['-f', 'CPU %U %S', process.execPath, join(REPO, 'bin', 'ocip.js'), ...args], {
      encoding: 'utf8',
      maxBuffer: 1 << 30,
    });
    samples.push(performance.now() - t);
    const m = /CPU ([\d.]+) ([\d.]+)\s*$/.exec(r.stderr);
    if (m) cpu.push((Number(m[1]) + Number(m[2])) * 1000);
    status = r.status;
  }
  return { summary: summarize(samples), cpu: summarize(cpu), status };
}

const dir = mkdtempSync(join(tmpdir(), 'ocip-bench-template-'));
try {
  const template = join(dir, 'users.ocip.yaml');
  const data = csv(ROWS);
  writeFileSync(template, TEMPLATE);
  writeFileSync(join(dir, 'users.csv'), data);
  const validate = wall(['validate', template], 5);
  const render = wall(['render', template, '--out', join(dir, 'out.ocip.yaml')], 3);
  const ours: number[] = [];
  const theirs: number[] = [];
  for (let i = 0; i < 10; i++) {
    let t = performance.now();
    parseCsv(data);
    ours.push(performance.now() - t);
    t = performance.now();
    parse(data, { relax_column_count: true });
    theirs.push(performance.now() - t);
  }
  const rows = `${ROWS.toLocaleString('en')} rows`;
  process.stdout.write(
    [
      `## Templates (bench/template.ts, ${rows}, ${(data.length / 1e6).toFixed(2)} MB of CSV)`,
      '',
      `Load average at the start: ${loadavg()
        .map((l) => l.toFixed(1))
        .join(' / ')} (2 cores).`,
      '',
      '| measurement | target | wall, median (min–max) ms | CPU (user+sys), median (min–max) ms |',
      '|---|---|---|---|',
      `| \`ocip validate\` template + CSV (process, exit ${validate.status}) | ≤ 2000 | ${fmt(validate.summary)} | ${fmt(validate.cpu)} |`,
      `| \`ocip render\` template + CSV to a file (process) | | ${fmt(render.summary)} | ${fmt(render.cpu)} |`,
      `| CSV reader (core/template/csv.ts, with cell spans), in process | | ${fmt(summarize(ours))} | |`,
      `| csv-parse 7.0.3 sync (values only), in process | | ${fmt(summarize(theirs))} | |`,
      '',
    ].join('\n'),
  );
} finally {
  rmSync(dir, { recursive: true, force: true });
}
