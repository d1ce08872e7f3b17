// The onboarding example sent from a real VS Code to the simulator (in this test process, with the full R25
// model): every command succeeds, the read-back shows tables and trees in the OCI-P Results view, and the
// "Raw XML" CodeLens of a data response opens that command's request and response XML.
import { after, before } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { startSimulator, type RunningSimulator } from '../../sim/index';
import seed from '../../sim/seed.example.json';
import { FULL_MODEL } from '../helpers/full-model';
import { VSCodeSession, e2eTest } from './harness';
import { REPO_ROOT } from './prerequisites';

const SERVER = 'Onboarding simulator';
const ADMIN = seed.accounts.find((a) => a.level === 'System')!;

let vs: VSCodeSession | undefined;
let sim: RunningSimulator | undefined;

async function send(file: string): Promise<void> {
  await vs!.clearNotifications();
  await vs!.runCommand('View: Focus First Editor Group');
  await vs!.openFile(file);
  await vs!.runCommand('OCI-P: Send to BroadWorks');
}

before(async () => {
  if (FULL_MODEL.skip) return;
  sim = await startSimulator({ tcpPort: 0, schemaDir: FULL_MODEL.schemaDir });
  vs = await VSCodeSession.start({
    workspace: join(REPO_ROOT, 'examples', 'onboarding'),
    settings: {
      'ocip.servers': [{ name: SERVER, host: '127.0.0.1', port: sim.ports.tcp, transport: 'tcp', username: ADMIN.userId }],
      'ocip.activeServer': SERVER,
      ...(FULL_MODEL.schemaDir ? { 'ocip.schemaDirectory': FULL_MODEL.schemaDir } : {}),
    },
  });
});

after(async () => {
  await vs?.close();
  await sim?.close();
});

e2eTest(
  'onboarding: the customer and its users are created, command by command',
  () => vs,
  async (t) => {
    if (FULL_MODEL.skip) return t.skip(FULL_MODEL.skip);
    await send('1-customer.ocip.yaml');
    await vs!.answerInputBox('OCI-P: Password', ADMIN.password);
    await vs!.waitForMessage(/^OCI-P: 13 of 13 commands succeeded\.$/);
    await send('2-users.ocip.xml');
    await vs!.waitForMessage(/^OCI-P: 6 of 6 commands succeeded\.$/);
    assert.equal(sim!.state.users['sam.okafor@northwind.example.com']?.phoneNumber, '+1-3125550105');
  },
  240_000,
);

e2eTest(
  'the read-back shows tables under their headings and lists as trees; Raw XML is one click away',
  () => vs,
  async (t) => {
    if (FULL_MODEL.skip) return t.skip(FULL_MODEL.skip);
    await send('3-check.ocip.yaml');
    await vs!.waitForMessage(/^OCI-P: 10 of 10 commands succeeded\.$/);
    const text = await vs!.waitForEditorText('OCI-P Results', /userTable: 2 rows/);
    assert.match(
      text,
      /#9 UserGetListInGroupResponse \(UserGetListInGroupRequest\)\n {4}userTable: 2 rows\n {6}User Id +\| Last Name \| First Name \| Department \|/,
    );
    assert.match(text, /\n {6}sam\.okafor@northwind\.example\.com +\| Okafor +\| Sam +\| Warehouse +\| \+1-3125550105 \|/);
    assert.match(
      text,
      /#3 GroupDomainGetAssignedListResponse \(GroupDomainGetAssignedListRequest\)\n {4}groupDefaultDomain: northwind\.example\.com\n {4}domain: \(1\)\n {6}- voice\.northwind\.example\.com/,
    );
    // The CodeLens above the first data response.
    await vs!.page.locator('.codelens-decoration a', { hasText: 'Raw XML' }).first().click();
    const xml = await vs!.waitForEditorText('OCI-P Result 1.xml', /ServiceProviderGetResponse22V4/);
    assert.match(xml, /<command xsi:type="ServiceProviderGetRequest22V4" xmlns="">/);
    assert.match(xml, /<serviceProviderName>Northwind Traders<\/serviceProviderName>/);
  },
  240_000,
);
