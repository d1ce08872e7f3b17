/**
 * Send throughput to the simulator over TCP (OcipClient, batched 15 per document and unbatched), and the
 * full R25 XSD compile.
 */
import { existsSync } from 'node:fs';
import { encodeCommandXml } from '../core/encode';
import { builtinModel } from '../core/model';
import { OcipClient } from '../core/ocip/client';
import { parseYaml } from '../core/syntax';
import { compileSchemaDir } from '../core/xsd/compile';
import { startSimulator } from '../sim';
import { generateYaml } from './generate';
import { summarize, type Summary } from './stats';

export interface SendResult {
  commands: number;
  batchSize: number;
  seconds: number;
  perSecond: number;
  results: Record<string, number>;
}

/**
 * Commands the simulator accepts: the generated users moved into the seed's group acme / acme-hq, without
 * phone numbers (none is assigned to that group) and with the seed's service pack.
 */
function commandsToSend(count: number, offset: number): { type: string; xml: string }[] {
  const text = generateYaml(count + offset)
    .replace(/acme-site\d+/g, 'acme-hq')
    .replace(/^phoneNumber: .*\n/gm, '')
    .replace(/Standard Seat/g, 'Basic');
  const file = parseYaml(text);
  const model = builtinModel();
  return file.commands.slice(offset).map((c) => ({ type: c.name ?? '', xml: encodeCommandXml(c, model) }));
}

export async function benchSend(count: number, batchSize: number, offset: number): Promise<SendResult> {
  const sim = await startSimulator({ tcpPort: 0 });
  try {
    const commands = commandsToSend(count, offset);
    const client = new OcipClient({
      host: '127.0.0.1',
      port: sim.ports.tcp,
      transport: 'tcp',
      username: 'sysadmin',
      password: 'sim-System-1',
      batchSize,
    });
    await client.connect();
    await client.login();
    const start = performance.now();
    const results = await client.send(commands);
    const seconds = (performance.now() - start) / 1000;
    await client.close();
    const kinds: Record<string, number> = {};
    for (const r of results) kinds[r.kind] = (kinds[r.kind] ?? 0) + 1;
    return { commands: commands.length, batchSize, seconds, perSecond: commands.length / seconds, results: kinds };
  } finally {
    await sim.close();
  }
}

export function benchXsd(dir: string, times: number): { summary: Summary; types: number } | undefined {
  if (!existsSync(dir)) return undefined;
  const samples: number[] = [];
  let types = 0;
  for (let i = 0; i < times; i++) {
    const start = performance.now();
    const result = compileSchemaDir(dir);
    samples.push(performance.now() - start);
    types = Object.keys(result.model.complexTypes).length + Object.keys(result.model.simpleTypes).length;
  }
  return { summary: summarize(samples), types };
}
