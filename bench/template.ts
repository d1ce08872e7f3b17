/**
 * Templates: `ocip validate` and `ocip render` of a UserConsolidatedAddRequest22 template (the shape of
 * examples/onboarding-csv, plus address and a device) with 10,000 CSV rows, as processes (target: validate ≤ 2 s);
 * and the CSV reader beside csv-parse on the same file, the measurement behind reading CSV by hand (we need each
 * cell's span, which csv-parse does not give; this shows the reader costs no more).
 *
 * `node esbuild.mjs && node --import tsx bench/template.ts [ROWS] [--send]` prints a Markdown section for bench/RESULTS.md
 * (--send adds `ocip send` of 2,000 rows to the simulator with 1, 2 and 4 sessions, core/send/sessions).
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { loadavg, tmpdir } from 'node:os';
import { parse } from 'csv-parse/sync';
import { parseCsv } from '../core/template/csv';
import { fmt, summarize } from './stats';
import { startSimulator, type SeedData } from '../sim';

const REPO = resolve(__dirname, '..');
const ROWS = Number(process.argv.slice(2).find((a) => /^\d+$/.test(a)) ?? 10000);

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

/** `ocip send` of `rows` rows of a small template to the simulator over TCP, with 1, 2 and 4 sessions: rows per second. */
async function sendThroughput(dir: string, rows: number): Promise<string[]> {
  const seed = {
    accounts: [{ userId: 'bench', password: 'Bench-Pass-4471', level: 'System' }],
    state: {
      serviceProviders: {
        sp1: {
          defaultDomain: 'sp1.example.com',
          domains: ['sp1.example.com'],
          groups: { g1: { userLimit: 1e9, newUserTemplateServices: [] } },
        },
      },
    },
  } as unknown as SeedData;
  const out: string[] = [];
  for (const sessions of [1, 2, 4]) {
    const sim = await startSimulator({ tcpPort: 0, seed });
    try {
      const t = join(dir, `send-${sessions}.ocip.yaml`);
      writeFileSync(
        t,
        `command: UserConsolidatedAddRequest22\nserviceProviderId: sp1\ngroupId: g1\nuserId: \${login}@sp1.example.com\nlastName: \${last}\nfirstName: F\ncallingLineIdLastName: \${last}\ncallingLineIdFirstName: F\npassword: User-Pass-9931\n`,
      );
      const data = join(dir, `send-${sessions}.csv`);
      writeFileSync(data, 'login,last\n' + Array.from({ length: rows }, (_, i) => `u${i},L${i}`).join('\n') + '\n');
      const started = performance.now();
      const r = await new Promise<{ status: number | null }>((done) => {
        const child = spawn(
          process.execPath,
          [
            join(REPO, 'bin', 'ocip.js'),
            'send',
            t,
            '--data',
            data,
            '--host',
            '127.0.0.1',
            '--port',
            String(sim.ports.tcp),
            '--user',
            'bench',
            '--sessions',
            String(sessions),
          ],
          { env: { ...process.env, OCIP_PASSWORD: 'Bench-Pass-4471' }, stdio: 'ignore' },
        );
        child.on('exit', (status: number | null) => done({ status }));
      });
      const seconds = (performance.now() - started) / 1000;
      out.push(
        `| \`ocip send\` ${rows} rows to \`ocip sim\` (TCP, 15 per document), --sessions ${sessions} (exit ${r.status}) | | ${(seconds * 1000).toFixed(0)} ms, ${(rows / seconds).toFixed(0)} rows/s | |`,
      );
    } finally {
      await sim.close();
    }
  }
  return out;
}

const dir = mkdtempSync(join(tmpdir(), 'ocip-bench-template-'));
(async () => {
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
    const sends = process.argv.includes('--send') ? await sendThroughput(dir, 2000) : [];
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
        ...sends,
        '',
      ].join('\n'),
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
})();
