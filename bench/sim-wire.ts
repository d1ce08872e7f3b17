/**
 * The wire under load (issue 15): the simulator's cost per UserConsolidatedAddRequest22 with 100 and with 10,000
 * users already stored (persisted to a state file, as `ocip sim --state` runs), and the send client's peak memory
 * on a response of the client's size bound. Run alone with `node --expose-gc --import tsx bench/sim-wire.ts`.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { OcipClient } from '../core/ocip/client';
import { DEFAULTS } from '../core/ocip/transport/types';
import { startSimulator } from '../sim';

const ADMIN = { username: 'sysadmin', password: 'sim-System-1' };

function addCommand(i: number): { type: string; xml: string } {
  const inner =
    '<serviceProviderId>acme</serviceProviderId><groupId>acme-hq</groupId>' +
    `<userId>bench${i}@acme.example.com</userId><lastName>Bench</lastName><firstName>User${i}</firstName>` +
    `<callingLineIdLastName>Bench</callingLineIdLastName><callingLineIdFirstName>User${i}</callingLineIdFirstName><password>Bench-Pass-${i}</password>`;
  return { type: 'UserConsolidatedAddRequest22', xml: `<command xsi:type="UserConsolidatedAddRequest22" xmlns="">${inner}</command>` };
}

export interface AddCost {
  users: number;
  adds: number;
  msPerAdd: number;
}

/** Per-add cost with `existing` users in the state: they are written to the state file, then `adds` more are added. */
export async function benchAddCost(existing: number, adds: number): Promise<AddCost> {
  const dir = mkdtempSync(join(tmpdir(), 'ocip-sim-bench-'));
  const stateFile = join(dir, 'state.json');
  try {
    // The seed's state, plus `existing` users in acme/acme-hq, as the state file the simulator starts from.
    const seeded = await startSimulator({});
    const state = structuredClone(seeded.state);
    await seeded.close();
    const group = state.serviceProviders.acme.groups['acme-hq'];
    group.userLimit = existing + adds + 10;
    for (let i = 0; i < existing; i++) {
      const userId = `old${i}@acme.example.com`;
      state.users[userId] = {
        userId,
        serviceProviderId: 'acme',
        groupId: 'acme-hq',
        lastName: 'Old',
        firstName: `User${i}`,
        callingLineIdLastName: 'Old',
        callingLineIdFirstName: `User${i}`,
        aliases: [],
        alternateUserIds: [],
        sharedCallAppearanceEndpoints: [],
        services: [],
        servicePacks: [],
        hasPassword: true,
        hasPasscode: false,
      };
    }
    writeFileSync(stateFile, JSON.stringify(state));
    const sim = await startSimulator({ tcpPort: 0, stateFile });
    const client = new OcipClient({ host: '127.0.0.1', port: sim.ports.tcp, transport: 'tcp', ...ADMIN, batchSize: 1 });
    try {
      await client.connect();
      await client.login();
      for (let i = 0; i < 20; i++) await client.send([addCommand(existing + 1_000_000 + i)]); // warm-up
      const start = performance.now();
      for (let i = 0; i < adds; i++) {
        const [r] = await client.send([addCommand(existing + i)]);
        if (r.kind !== 'success') throw new Error(`add ${i} failed: ${r.summary}`);
      }
      return { users: existing, adds, msPerAdd: (performance.now() - start) / adds };
    } finally {
      await client.close();
      await sim.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export interface ResponseMemory {
  /** 'repeated': every row the same; 'distinct': every row's cells differ (user ids, names, numbers), as real tables. */
  shape: ResponseShape;
  responseBytes: number;
  rows: number;
  seconds: number;
  peakRssMiB: number;
  baseRssMiB: number;
  result: string;
}

export type ResponseShape = 'repeated' | 'distinct';

/** One row of the response table: the same row every time, or cells that differ per row. */
function tableRow(shape: ResponseShape, i: number): string {
  if (shape === 'repeated') return '<row><col>user@example.com</col><col>Last</col><col>First</col><col/></row>';
  const n = String(i % 10_000_000).padStart(7, '0');
  return `<row><col>u${n}@ex.com</col><col>L${n.slice(3)}</col><col>F${n.slice(4)}</col><col>${n}</col></row>`;
}

/**
 * The send client's peak memory on a data response just under its size bound (64 MiB): an OCI table of small rows,
 * the shape that costs a reader most per byte. The peak is the kernel's (getrusage maxrss), so it includes what
 * happens while the parse runs without yielding, which a timer cannot sample.
 */
export async function benchResponseMemory(
  bytes = DEFAULTS.maxResponseBytes - 1024 * 1024,
  shape: ResponseShape = 'repeated',
): Promise<ResponseMemory> {
  const row = tableRow(shape, 0);
  const rows = Math.floor((bytes - 400) / row.length);
  const sids: string[] = [];
  const server = createServer((socket: Socket) => {
    let buf = '';
    socket.on('data', (d) => {
      buf += d.toString('latin1');
      for (let end = buf.indexOf('</BroadsoftDocument>'); end >= 0; end = buf.indexOf('</BroadsoftDocument>')) {
        const doc = buf.slice(0, end);
        buf = buf.slice(end + 20).replace(/^\s+/, '');
        const sid = /<sessionId[^>]*>([^<]*)</.exec(doc)?.[1] ?? '';
        sids.push(sid);
        const type = /xsi:type="([^"]+)"/.exec(doc)?.[1] ?? '';
        const head = `<?xml version="1.0" encoding="ISO-8859-1"?><BroadsoftDocument protocol="OCI" xmlns="C" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><sessionId xmlns="">${sid}</sessionId>`;
        if (type === 'LoginRequest22V5') {
          socket.write(
            `${head}<command echo="" xsi:type="LoginResponse22V5" xmlns=""><loginType>System</loginType><locale>en_US</locale><encoding>ISO-8859-1</encoding><isEnterprise>false</isEnterprise><passwordExpiresDays>2147483647</passwordExpiresDays><userDomain>x</userDomain></command></BroadsoftDocument>\n`,
          );
        } else if (type === 'UserGetListInGroupRequest') {
          socket.write(
            `${head}<command echo="" xsi:type="UserGetListInGroupResponse" xmlns=""><userTable><colHeading>User Id</colHeading><colHeading>Last Name</colHeading><colHeading>First Name</colHeading><colHeading>Phone Number</colHeading>`,
          );
          // Written as the client reads (backpressure): the server shares the process, and a queue of 63 MiB of
          // unsent blocks would be counted as the client's memory.
          void (async () => {
            for (let i = 0; i < rows; i += 10_000) {
              let block = '';
              for (let k = i; k < Math.min(rows, i + 10_000); k++) block += tableRow(shape, k);
              if (!socket.write(block)) await new Promise((r) => socket.once('drain', r));
            }
            socket.write('</userTable></command></BroadsoftDocument>\n');
          })();
        } else socket.end();
      }
    });
    socket.on('error', () => undefined);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  const port = (server.address() as { port: number }).port;
  global.gc?.();
  const baseRss = process.memoryUsage().rss;
  let peak = baseRss;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
  const client = new OcipClient({
    host: '127.0.0.1',
    port,
    transport: 'tcp',
    username: 'admin',
    password: 'pw',
    loginMethod: 'plain',
    allowPlainPasswordOnInsecureTransport: true,
    timeoutMs: 300_000,
  });
  const start = performance.now();
  let result = '';
  try {
    await client.connect();
    await client.login();
    const [r] = await client.send([
      {
        type: 'UserGetListInGroupRequest',
        xml: '<command xsi:type="UserGetListInGroupRequest" xmlns=""><serviceProviderId>s</serviceProviderId><GroupId>g</GroupId></command>',
      },
    ]);
    result = `${r.kind}${r.kind === 'data' ? ` (${(r.data as { userTable: unknown[] }).userTable.length} rows)` : `: ${r.summary?.slice(0, 100)}`}`;
  } finally {
    clearInterval(sampler);
    peak = Math.max(peak, process.memoryUsage().rss, process.resourceUsage().maxRSS * 1024);
    await client.close();
    server.close();
  }
  return {
    shape,
    responseBytes: bytes,
    rows,
    seconds: (performance.now() - start) / 1000,
    peakRssMiB: Math.round(peak / 2 ** 20),
    baseRssMiB: Math.round(baseRss / 2 ** 20),
    result,
  };
}

if (require.main === module) {
  void (async () => {
    const which = process.argv[2] ?? 'all';
    if (which === 'all' || which === 'adds') {
      for (const n of [100, 10_000]) console.log(JSON.stringify(await benchAddCost(n, Number(process.argv[3] ?? 200))));
    }
    if (which === 'all' || which === 'memory')
      console.log(
        JSON.stringify(
          await benchResponseMemory(
            process.argv[3] ? Number(process.argv[3]) : undefined,
            process.argv[4] === 'distinct' ? 'distinct' : 'repeated',
          ),
        ),
      );
  })();
}
