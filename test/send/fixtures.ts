/** A simulator with a known seed for the send tests, and YAML files of UserConsolidatedAddRequest22 commands. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startSimulator, type RunningSimulator, type SeedData, type SimulatorOptions } from '../../sim/index';

/** A password that must never show up anywhere but where it has to be. */
export const ADMIN_PASSWORD = 'Zq7!send-Secret-4471';
export const ADMIN = 'sysadmin';

export function seed(): SeedData {
  return {
    accounts: [{ userId: ADMIN, password: ADMIN_PASSWORD, level: 'System' }],
    state: {
      serviceProviders: {
        sp1: {
          defaultDomain: 'sp1.example.com',
          domains: ['sp1.example.com'],
          groups: { g1: { userLimit: 100, newUserTemplateServices: [] } },
        },
      },
    },
  } as SeedData;
}

export async function startTestSimulator(extra: Partial<SimulatorOptions> = {}): Promise<RunningSimulator & { logLines: string[] }> {
  const logLines: string[] = [];
  const sim = await startSimulator({ tcpPort: 0, tlsPort: 0, soapPort: 0, seed: seed(), log: (l) => logLines.push(l), ...extra });
  return Object.assign(sim, { logLines });
}

/** One UCA22 command as YAML; `userPassword` is the new user's own password (a secret too). */
export function uca22Yaml(userId: string, userPassword = 'User-Pass-9931'): string {
  return [
    'command: UserConsolidatedAddRequest22',
    'serviceProviderId: sp1',
    'groupId: g1',
    `userId: ${userId}`,
    'lastName: Doe',
    'firstName: Jane',
    'callingLineIdLastName: Doe',
    'callingLineIdFirstName: Jane',
    `password: ${userPassword}`,
  ].join('\n');
}

export function usersYaml(userIds: string[]): string {
  return userIds.map((u) => uca22Yaml(u)).join('\n---\n') + '\n';
}

export function tempDir(): { dir: string; write(name: string, text: string): string; cleanup(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'ocip-send-test-'));
  return {
    dir,
    write(name, text) {
      const p = join(dir, name);
      writeFileSync(p, text);
      return p;
    },
    cleanup: () => rmSync(dir, { recursive: true, force: true }),
  };
}
