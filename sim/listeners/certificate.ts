/**
 * A fresh self-signed certificate for the TLS listener. Node cannot create X.509 certificates, so the
 * openssl CLI makes one in a temporary directory (removed right after); the key never leaves memory otherwise.
 */
import { execFile } from 'node:child_process';
import { X509Certificate } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface SelfSignedCertificate {
  key: string;
  cert: string;
  /** SHA-256 fingerprint, "AA:BB:..". */
  fingerprint: string;
}

export class CertificateError extends Error {}

function run(cmd: string, args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    execFile(cmd, args, { timeout: 30_000 }, (err, _stdout, stderr) => {
      if (!err) return resolve();
      const code = (err as NodeJS.ErrnoException).code;
      if (code === 'ENOENT')
        reject(
          new CertificateError(
            'the TLS listener needs the `openssl` command to make its certificate, and it is not on PATH (Debian: apt-get install openssl)',
          ),
        );
      else reject(new CertificateError(`openssl failed to make the certificate: ${String(stderr).trim() || err.message}`));
    });
  });
}

export async function makeSelfSignedCertificate(host: string): Promise<SelfSignedCertificate> {
  const dir = await mkdtemp(join(tmpdir(), 'ocip-sim-tls-'));
  try {
    const keyFile = join(dir, 'key.pem');
    const certFile = join(dir, 'cert.pem');
    const isIp = /^[\d.]+$|:/.test(host);
    const san = ['DNS:localhost', 'IP:127.0.0.1', isIp ? `IP:${host}` : `DNS:${host}`].filter((v, i, a) => a.indexOf(v) === i).join(',');
    await run('openssl', [
      'req',
      '-x509',
      '-newkey',
      'ec',
      '-pkeyopt',
      'ec_paramgen_curve:prime256v1',
      '-nodes',
      '-keyout',
      keyFile,
      '-out',
      certFile,
      '-days',
      '825',
      '-subj',
      '/CN=BroadWorks simulator',
      '-addext',
      `subjectAltName=${san}`,
    ]);
    const [key, cert] = await Promise.all([readFile(keyFile, 'utf8'), readFile(certFile, 'utf8')]);
    return { key, cert, fingerprint: new X509Certificate(cert).fingerprint256 };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
