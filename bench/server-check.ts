/**
 * Server checks (issue 13): `ocip check`'s core on a 100-command file against the simulator over TCP. Cold: a new
 * cache, so every question is asked (deduplicated, batched up to 15 per document); warm: the same file again with
 * the answers cached. Run alone with `node --import tsx bench/server-check.ts`.
 */
import { parseSource } from '../core/syntax';
import { runServerCheck, ServerStateCache } from '../core/server-checks';
import { startSimulator } from '../sim';

export interface ServerCheckResult {
  commands: number;
  requests: number;
  documents: number;
  diagnostics: number;
  coldMs: number[];
  warmMs: number[];
}

/** A provisioning file as engineers write it: users of two groups with numbers, services, packs, devices, departments. */
export function checkBenchFile(n: number): string {
  const docs: string[] = [];
  for (let i = 0; i < n; i++) {
    const group = i % 4 === 3 ? 'acme-new' : 'acme-hq';
    const lines = [
      'command: UserConsolidatedAddRequest22',
      'serviceProviderId: acme',
      `groupId: ${group}`,
      ...(group === 'acme-new' ? ['groupProperties:', '  defaultDomain: acme.example.com', '  userLimit: 100'] : []),
      `userId: user${i}@acme.example.com`,
      ...(i % 10 === 0 ? ['addPhoneNumberToGroup: true'] : []),
      'lastName: Bench',
      `firstName: User${i}`,
      'callingLineIdLastName: Bench',
      `callingLineIdFirstName: User${i}`,
      ...(i % 10 === 0 ? [`phoneNumber: "+1-21255501${String(i / 10).padStart(2, '0')}"`] : []),
      `extension: "${1000 + i}"`,
      'password: Bench-Pass-1234!',
      ...(group === 'acme-hq' && i % 3 === 0
        ? ['department:', '  xsi:type: GroupDepartmentKey', '  serviceProviderId: acme', '  groupId: acme-hq', '  name: Sales']
        : []),
      `alias: alias${i}@acme.example.com`,
      'accessDeviceEndpoint:',
      '  accessDevice:',
      '    deviceLevel: Group',
      `    deviceName: desk-${i}`,
      `  linePort: user${i}-line@acme.example.com`,
      '  deviceType: Polycom VVX 450',
      '  useHotline: false',
      'userService:',
      '  - userServiceName: Call Waiting',
      'servicePack:',
      '  - servicePackName: Basic',
    ];
    docs.push(lines.join('\n'));
  }
  return docs.join('\n---\n') + '\n';
}

export async function benchServerCheck(n = 100, runs = 5): Promise<ServerCheckResult> {
  const file = parseSource(checkBenchFile(n), 'yaml');
  const sim = await startSimulator({ tcpPort: 0 });
  try {
    const server = {
      name: 'bench',
      host: '127.0.0.1',
      port: sim.ports.tcp,
      transport: 'tcp' as const,
      username: 'sysadmin',
      production: false,
    };
    const once = (cache: ServerStateCache) =>
      runServerCheck({ server, password: 'sim-System-1', file, dataMode: 'AS', adminLevel: 'System', cache });
    const coldMs: number[] = [];
    const warmMs: number[] = [];
    let requests = 0;
    let diagnostics = 0;
    for (let r = 0; r < runs; r++) {
      const cache = new ServerStateCache({ ttlSeconds: 300 });
      let t = performance.now();
      const cold = await once(cache);
      coldMs.push(performance.now() - t);
      if (cold.failure) throw new Error(cold.failure.message);
      requests = cold.requestsSent;
      diagnostics = cold.diagnostics.length;
      t = performance.now();
      const warm = await once(cache);
      warmMs.push(performance.now() - t);
      if (warm.requestsSent !== 0) throw new Error(`a warm check sent ${warm.requestsSent} requests`);
    }
    return { commands: n, requests, documents: Math.ceil(requests / 15), diagnostics, coldMs, warmMs };
  } finally {
    await sim.close();
  }
}

export const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

if (require.main === module) {
  benchServerCheck().then(
    (r) => {
      process.stdout.write(
        `${r.commands} commands: ${r.requests} read requests in ${r.documents} documents (+ login, logout), ${r.diagnostics} diagnostics; ` +
          `cold ${median(r.coldMs).toFixed(0)} ms (median of ${r.coldMs.length}), warm (all cached) ${median(r.warmMs).toFixed(1)} ms\n`,
      );
    },
    (e) => {
      process.stderr.write(`${(e as Error).stack}\n`);
      process.exitCode = 1;
    },
  );
}
