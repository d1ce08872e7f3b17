import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseSimArgs } from '../../sim/main';
import { RawClient } from './client';

const seed = JSON.parse(readFileSync(join(__dirname, '../../sim/seed.example.json'), 'utf8')) as {
  accounts: { userId: string; password: string }[];
};

describe('ocip sim', () => {
  it('parses options, with 2208/2209/8080 by default', () => {
    assert.deepEqual(parseSimArgs([]), { tcpPort: 2208, tlsPort: 2209, soapPort: 8080, verbose: false });
    const o = parseSimArgs(['--tcp-port', '0', '--tls-port', 'off', '--data-mode', 'xs', '--state', 's.json', '--seed', 'x.json']);
    assert.equal(o.tcpPort, 0);
    assert.equal(o.tlsPort, undefined);
    assert.equal(o.dataMode, 'XS');
    assert.throws(() => parseSimArgs(['--tcp-port', 'abc']), /--tcp-port needs a port number/);
    assert.throws(() => parseSimArgs(['--bogus']), /Unknown option --bogus/);
  });

  it('prints ports, fingerprint and admin names (no passwords), serves, and stops on SIGTERM', async () => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', join(__dirname, 'run-sim-cli.ts'), '--tcp-port', '0', '--tls-port', '0', '--soap-port', '0'],
      {
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let out = '';
    child.stdout.setEncoding('utf8');
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (d: string) => (out += d));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    try {
      await new Promise<void>((resolve, reject) => {
        child.stdout.on('data', (d: string) => {
          out += d;
          if (out.includes('Press Ctrl+C')) resolve();
        });
        child.on('exit', () => reject(new Error(`exited early: ${out}`)));
      });
      const tcp = Number(/OCI-P TCP\s+127\.0\.0\.1:(\d+)/.exec(out)?.[1]);
      assert.ok(tcp > 0, out);
      assert.match(out, /OCI-P TLS\s+127\.0\.0\.1:\d+\s+SHA-256 ([0-9A-F]{2}:){31}[0-9A-F]{2}/);
      assert.match(out, /SOAP\s+http:\/\/127\.0\.0\.1:\d+\/webservice\/services\/ProvisioningService/);
      for (const a of seed.accounts) {
        assert.ok(out.includes(a.userId), `admin ${a.userId} listed`);
        assert.ok(!out.includes(a.password), 'no password printed');
      }
      const c = await RawClient.connect(tcp);
      assert.equal((await c.login22(seed.accounts[0].userId, seed.accounts[0].password)).type, 'LoginResponse22V5');
      c.close();
    } finally {
      child.kill('SIGTERM');
    }
    assert.equal(await exited, 0);
    assert.match(out, /Simulator stopped\./);
  });
});
