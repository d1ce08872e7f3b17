/**
 * examples/onboarding/ end to end, through the real interfaces: `ocip validate` finds no error or warning in any
 * file (YAML and XML), and `ocip send` sends each format, in order, to an `ocip sim` child process over TCP:
 * every command succeeds, the read-back prints tables, and `--format json` gives typed data.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import defaultSeed from '../../sim/seed.example.json';
import { FULL_MODEL, SCHEMA_DIR_ARGS } from '../helpers/full-model';
import { buildOnce, ROOT, runOcip } from '../helpers/ocip-cli';

const DIR = join(ROOT, 'examples', 'onboarding');
const PARTS = ['1-customer', '2-users', '3-check'];
const admin = defaultSeed.accounts.find((a) => a.level === 'System')!;

/** `ocip sim` on a free TCP port; resolves with the port once the banner is printed. */
async function startSimProcess(): Promise<{ child: ChildProcess; port: number }> {
  const child = spawn(
    process.execPath,
    [join(ROOT, 'bin', 'ocip.js'), 'sim', '--tcp-port', '0', '--tls-port', 'off', '--soap-port', 'off', ...SCHEMA_DIR_ARGS],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let out = '';
  await new Promise<void>((resolve, reject) => {
    child.stdout!.on('data', (d) => {
      out += d;
      if (out.includes('Press Ctrl+C')) resolve();
    });
    child.on('exit', () => reject(new Error(`ocip sim exited early: ${out}`)));
  });
  return { child, port: Number(/OCI-P TCP +127\.0\.0\.1:(\d+)/.exec(out)![1]) };
}

function stop(child: ChildProcess | undefined): Promise<void> {
  if (!child || child.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

const send = (port: number, file: string, extra: string[] = []) =>
  runOcip(
    [
      'send',
      '--host',
      '127.0.0.1',
      '--port',
      String(port),
      '--transport',
      'tcp',
      '--user',
      admin.userId,
      ...SCHEMA_DIR_ARGS,
      ...extra,
      join(DIR, file),
    ],
    { env: { OCIP_PASSWORD: admin.password } },
  );

describe('examples/onboarding', { skip: FULL_MODEL.skip }, () => {
  before(() => buildOnce());

  it('has the same three parts in YAML and XML', () => {
    assert.deepEqual(readdirSync(DIR).sort(), PARTS.flatMap((p) => [`${p}.ocip.xml`, `${p}.ocip.yaml`]).sort());
  });

  it('validates clean: no errors, no warnings', async () => {
    const r = await runOcip(['validate', ...SCHEMA_DIR_ARGS, '--format', 'json', ...readdirSync(DIR).map((f) => join(DIR, f))]);
    assert.equal(r.code, 0, r.stdout + r.stderr);
    const report = JSON.parse(r.stdout) as { file: string; diagnostics: { severity: string; message: string }[] }[];
    assert.equal(report.length, PARTS.length * 2);
    const diags = report.flatMap((f) => f.diagnostics);
    assert.deepEqual(
      diags.filter((d) => d.severity === 'error' || d.severity === 'warning').map((d) => d.message),
      [],
    );
  });

  for (const format of ['yaml', 'xml']) {
    describe(`sent as ${format} to ocip sim`, () => {
      let sim: { child: ChildProcess; port: number } | undefined;
      before(async () => {
        sim = await startSimProcess();
      });
      after(() => stop(sim?.child));

      it('1-customer and 2-users: every command succeeds', async () => {
        for (const part of PARTS.slice(0, 2)) {
          const r = await send(sim!.port, `${part}.ocip.${format}`);
          assert.equal(r.code, 0, `${part}: ${r.stdout}${r.stderr}`);
          assert.match(r.stdout, /(\d+) of \1 commands succeeded\./);
          assert.doesNotMatch(r.stdout + r.stderr, new RegExp(admin.password));
        }
      });

      it('3-check reads it back: tables with their headings and rows', async () => {
        const r = await send(sim!.port, `3-check.ocip.${format}`);
        assert.equal(r.code, 0, r.stdout + r.stderr);
        assert.match(
          r.stdout,
          /#9 UserGetListInGroupRequest: OK \(UserGetListInGroupResponse\)\n {4}userTable: 2 rows\n {6}User Id +\| Last Name \| First Name \| Department \|/,
        );
        assert.match(r.stdout, /\n {6}maria\.lopez@northwind\.example\.com \| Lopez +\| Maria +\| Sales +\| \+1-3125550101 \|/);
        assert.match(
          r.stdout,
          /#3 GroupDomainGetAssignedListRequest: OK \(GroupDomainGetAssignedListResponse\)\n {4}groupDefaultDomain: northwind\.example\.com\n {4}domain: \(1\)\n {6}- voice\.northwind\.example\.com/,
        );
      });

      it('--format json: typed data (lists as arrays, tables as objects by heading, numbers, booleans)', async () => {
        const r = await send(sim!.port, `3-check.ocip.${format}`, ['--format', 'json']);
        assert.equal(r.code, 0, r.stdout + r.stderr);
        const rows = JSON.parse(r.stdout) as { type: string; data: Record<string, unknown> }[];
        const data = (type: string) => rows.find((x) => x.type === type)!.data;
        assert.deepEqual(data('GroupDomainGetAssignedListRequest'), {
          groupDefaultDomain: 'northwind.example.com',
          domain: ['voice.northwind.example.com'],
        });
        const group = data('GroupGetRequest22V5');
        assert.equal(group.userLimit, 50);
        assert.equal(group.userCount, 2);
        assert.equal(data('ServiceProviderGetRequest22V4').isEnterprise, true);
        const users = data('UserGetListInGroupRequest').userTable as Record<string, string>[];
        assert.deepEqual(
          users.map((u) => [u['User Id'], u['Phone Number'], u.Extension]),
          [
            ['maria.lopez@northwind.example.com', '+1-3125550101', '101'],
            ['sam.okafor@northwind.example.com', '+1-3125550105', '105'],
          ],
        );
        assert.deepEqual(data('GroupServiceGetAuthorizedListRequest').groupServiceName, ['Hunt Group']);
      });

      it('sending 1-customer again fails by the rules (the enterprise exists)', async () => {
        const r = await send(sim!.port, `1-customer.ocip.${format}`);
        assert.equal(r.code, 1);
        assert.match(r.stdout, /#1 ServiceProviderAddRequest13mp2: \[Error 4011\] Service Provider already exists: northwind/);
      });
    });
  }
});
