/**
 * Child process of large-response.test.ts: a server that streams one data response of argv[2] MiB (an OCI table of
 * distinct small rows, written in blocks so the server never holds it), and an OcipClient over TCP that logs in,
 * sends the request and prints what it decoded. Run with a small --max-old-space-size: a reader that needs many
 * times the response's size dies here (exit code 134, heap out of memory), not in the test runner.
 */
import { createServer, type Socket } from 'node:net';
import { OcipClient } from '../../core/ocip/client';

const bytes = Number(process.argv[2]) * 1024 * 1024;
const row = (i: number) => {
  const n = String(i).padStart(7, '0');
  return `<row><col>u${n}@ex.com</col><col>L${n.slice(3)}</col><col>F${n.slice(4)}</col><col>${n}</col></row>`;
};
const rows = Math.floor(bytes / row(0).length);

const server = createServer((socket: Socket) => {
  let buf = '';
  socket.on('data', (d) => {
    buf += d.toString('latin1');
    for (let end = buf.indexOf('</BroadsoftDocument>'); end >= 0; end = buf.indexOf('</BroadsoftDocument>')) {
      const doc = buf.slice(0, end);
      buf = buf.slice(end + 20);
      const sid = /<sessionId[^>]*>([^<]*)</.exec(doc)?.[1] ?? '';
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
        for (let i = 0; i < rows; i += 10_000) {
          let block = '';
          for (let k = i; k < Math.min(rows, i + 10_000); k++) block += row(k);
          socket.write(block);
        }
        socket.write('</userTable></command></BroadsoftDocument>\n');
      } else socket.end();
    }
  });
  socket.on('error', () => undefined);
});

void (async () => {
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  const client = new OcipClient({
    host: '127.0.0.1',
    port: (server.address() as { port: number }).port,
    transport: 'tcp',
    username: 'admin',
    password: 'pw',
    loginMethod: 'plain',
    allowPlainPasswordOnInsecureTransport: true,
    timeoutMs: 600_000,
  });
  await client.connect();
  await client.login();
  const [r] = await client.send([
    {
      type: 'UserGetListInGroupRequest',
      xml: '<command xsi:type="UserGetListInGroupRequest" xmlns=""><serviceProviderId>s</serviceProviderId><groupId>g</groupId></command>',
    },
  ]);
  const table = (r.data as { userTable?: Record<string, string>[] } | undefined)?.userTable ?? [];
  process.stdout.write(
    JSON.stringify({
      kind: r.kind,
      summary: r.summary,
      expectedRows: rows,
      rows: table.length,
      first: table[0],
      last: table[table.length - 1],
      rawXmlBytes: r.rawXml.length,
    }),
  );
  await client.close();
  server.close();
})();
