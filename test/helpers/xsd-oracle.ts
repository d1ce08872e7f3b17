/**
 * The real XSD's verdict on whole OCI-P documents (requests or responses), from the JDK validator
 * (test/oracle/XsdOracle.java) run against the R25 folder. `skip` explains when no JDK or no XSD folder is here.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { HAVE_R25, R25_DIR } from './full-model';

const HAVE_JAVA = spawnSync('javac', ['-version']).status === 0;
export const ORACLE_SKIP: string | false = !HAVE_R25
  ? 'no R25 XSD folder (set OCIP_SCHEMA_DIR)'
  : !HAVE_JAVA
    ? 'no JDK (javac) on this machine'
    : false;

export interface Verdict {
  ok: boolean;
  message?: string;
}

/** One verdict per document, in order. */
export function xsdVerdicts(documents: string[]): Verdict[] {
  const dir = mkdtempSync(join(tmpdir(), 'ocip-oracle-'));
  try {
    const classes = join(dir, 'classes');
    execFileSync('javac', ['-d', classes, join(__dirname, '..', 'oracle', 'XsdOracle.java')]);
    const files = documents.map((d, i) => {
      const f = join(dir, `doc${i}.xml`);
      writeFileSync(f, d, 'latin1');
      return f;
    });
    const out = execFileSync('java', ['-cp', classes, 'XsdOracle', R25_DIR], { input: files.join('\n'), maxBuffer: 64 << 20 }).toString();
    const byFile = new Map<string, Verdict>();
    for (const line of out.trim().split('\n')) {
      const [status, file, message] = line.split('\t');
      byFile.set(file, { ok: status === 'OK', message });
    }
    return files.map((f) => byFile.get(f) ?? { ok: false, message: 'no verdict from the oracle' });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
