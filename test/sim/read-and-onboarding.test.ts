/**
 * The simulator beyond UserConsolidatedAddRequest22, over a real TCP socket: the onboarding add requests with their
 * rules, every read request it implements (answers checked against the response types by the JDK validator on the
 * real R25 XSD), an ErrorResponse naming any valid request it has no handler for, and persistence across a restart.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startSimulator, type RunningSimulator } from '../../sim/index';
import defaultSeed from '../../sim/seed.example.json';
import { FULL_MODEL } from '../helpers/full-model';
import { ORACLE_SKIP, xsdVerdicts } from '../helpers/xsd-oracle';
import { command, ociDocument, RawClient, responseCommands, type ResponseCommand } from './client';

const ONBOARDING = join(__dirname, '..', '..', 'examples', 'onboarding');
const password = (userId: string) => defaultSeed.accounts.find((a) => a.userId === userId)!.password;

/** The <command> elements of an example XML file, as written. */
function exampleCommands(name: string): string[] {
  return [...readFileSync(join(ONBOARDING, name), 'utf8').matchAll(/<command\b[\s\S]*?<\/command>/g)].map((m) => m[0]);
}

const el = (name: string, value: string) => `<${name}>${value}</${name}>`;
const sp = (id: string) => el('serviceProviderId', id);
const grp = (s: string, g: string) => sp(s) + el('groupId', g);

/** [request type, inner XML, expected response type] for every read request the simulator answers. */
const READS: [string, string, string][] = [
  ['ServiceProviderGetListRequest', '', 'ServiceProviderGetListResponse'],
  [
    'ServiceProviderGetListRequest',
    `${el('isEnterprise', 'true')}<searchCriteriaServiceProviderId><mode>Starts With</mode><value>north</value><isCaseInsensitive>true</isCaseInsensitive></searchCriteriaServiceProviderId>`,
    'ServiceProviderGetListResponse',
  ],
  ['ServiceProviderGetRequest22V4', sp('northwind'), 'ServiceProviderGetResponse22V4'],
  ['ServiceProviderGetRequest22V4', sp('acme'), 'ServiceProviderGetResponse22V4'],
  ['GroupGetListInServiceProviderRequest', sp('acme'), 'GroupGetListInServiceProviderResponse'],
  ['GroupGetRequest22V5', grp('northwind', 'northwind-chicago'), 'GroupGetResponse22V5'],
  ['GroupGetRequest22V5', el('groupExternalId', 'acme-hq-ext'), 'GroupGetResponse22V5'],
  ['ServiceProviderDomainGetAssignedListRequest', sp('northwind'), 'ServiceProviderDomainGetAssignedListResponse'],
  ['ServiceProviderDomainGetAssignedListRequest22', sp('acme'), 'ServiceProviderDomainGetAssignedListResponse22'],
  ['GroupDomainGetAssignedListRequest', grp('northwind', 'northwind-chicago'), 'GroupDomainGetAssignedListResponse'],
  ['ServiceProviderDnGetAvailableListRequest', sp('northwind'), 'ServiceProviderDnGetAvailableListResponse'],
  ['GroupDnGetListRequest', grp('northwind', 'northwind-chicago'), 'GroupDnGetListResponse'],
  ['GroupDnGetAvailableListRequest', grp('acme', 'acme-hq'), 'GroupDnGetAvailableListResponse'],
  ['GroupDnGetAssignmentListRequest18', grp('northwind', 'northwind-chicago'), 'GroupDnGetAssignmentListResponse18'],
  ['ServiceProviderServiceGetAuthorizationListRequest', sp('northwind'), 'ServiceProviderServiceGetAuthorizationListResponse'],
  ['GroupServiceGetAuthorizationListRequest', grp('northwind', 'northwind-chicago'), 'GroupServiceGetAuthorizationListResponse'],
  ['GroupServiceGetAuthorizedListRequest', grp('northwind', 'northwind-chicago'), 'GroupServiceGetAuthorizedListResponse'],
  ['ServiceProviderServicePackGetListRequest', sp('acme'), 'ServiceProviderServicePackGetListResponse'],
  [
    'ServiceProviderServicePackGetDetailListRequest',
    sp('northwind') + el('servicePackName', 'Standard Seat'),
    'ServiceProviderServicePackGetDetailListResponse',
  ],
  ['UserServiceGetAssignmentListRequest', el('userId', 'maria.lopez@northwind.example.com'), 'UserServiceGetAssignmentListResponse'],
  ['UserGetListInGroupRequest', sp('northwind') + el('GroupId', 'northwind-chicago'), 'UserGetListInGroupResponse'],
  ['UserGetListInServiceProviderRequest', sp('northwind'), 'UserGetListInServiceProviderResponse'],
  ['GroupAccessDeviceGetListRequest', grp('northwind', 'northwind-chicago'), 'GroupAccessDeviceGetListResponse'],
  [
    'GroupAccessDeviceGetRequest18sp1',
    grp('northwind', 'northwind-chicago') + el('deviceName', 'chi-desk-101'),
    'GroupAccessDeviceGetResponse18sp1',
  ],
  [
    'GroupDepartmentGetListRequest18',
    grp('acme', 'acme-hq') + el('includeEnterpriseDepartments', 'false'),
    'GroupDepartmentGetListResponse18',
  ],
  ['GroupDepartmentGetRequest', grp('northwind', 'northwind-chicago') + el('departmentName', 'Sales'), 'GroupDepartmentGetResponse'],
  [
    'GroupDepartmentGetListRequest18',
    grp('acme', 'acme-hq') + el('includeEnterpriseDepartments', 'true'),
    'GroupDepartmentGetListResponse18',
  ],
  [
    'GroupTrunkGroupGetInstanceListRequest14sp4',
    grp('acme', 'acme-hq') + el('includeEnterpriseTrunkGroups', 'true'),
    'GroupTrunkGroupGetInstanceListResponse14sp4',
  ],
  ['SystemAccessDeviceTypeGetListRequest', '', 'SystemAccessDeviceTypeGetListResponse'],
  ['GroupNetworkClassOfServiceGetAssignedListRequest', grp('acme', 'acme-hq'), 'GroupNetworkClassOfServiceGetAssignedListResponse'],
  ['UserGetRequest23V2', el('userId', 'sam.okafor@northwind.example.com'), 'UserGetResponse23V2'],
  ['GroupGetListInSystemRequest', '', 'GroupGetListInSystemResponse'],
  [
    'UserGetListInSystemRequest',
    '<searchCriteriaExactServiceProvider><serviceProviderId>northwind</serviceProviderId></searchCriteriaExactServiceProvider>',
    'UserGetListInSystemResponse',
  ],
];

describe('simulator: onboarding and read requests', { skip: FULL_MODEL.skip }, () => {
  const dir = mkdtempSync(join(tmpdir(), 'ocip-sim-reads-'));
  const stateFile = join(dir, 'state.json');
  let sim: RunningSimulator;
  let client: RawClient;
  /** Every response document received, for the XSD check. */
  const documents: string[] = [];

  async function exchange(commands: string[]): Promise<ResponseCommand[]> {
    await client.write(ociDocument(commands.join('')) + '\n');
    const doc = await client.nextDocument();
    documents.push(doc);
    return responseCommands(doc);
  }
  const one = async (type: string, inner: string) => (await exchange([command(type, inner)]))[0];

  before(async () => {
    sim = await startSimulator({ tcpPort: 0, stateFile, schemaDir: FULL_MODEL.schemaDir });
    client = await RawClient.connect(sim.ports.tcp!);
    assert.equal((await client.login22('sysadmin', password('sysadmin'))).type, 'LoginResponse22V5');
  });
  after(async () => {
    client?.close();
    await sim?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('runs the onboarding example (XML) command by command: every one succeeds', async () => {
    for (const file of ['1-customer.ocip.xml', '2-users.ocip.xml']) {
      const cmds = exampleCommands(file);
      assert.ok(cmds.length > 3 && cmds.length <= 15);
      const replies = await exchange(cmds);
      assert.deepEqual(
        replies.map((r) => `${r.type} ${r.summary ?? ''}`.trim()),
        cmds.map(() => 'c:SuccessResponse'),
        file,
      );
    }
    const state = sim.state;
    const chicago = state.serviceProviders.northwind.groups['northwind-chicago'];
    assert.equal(state.serviceProviders.northwind.isEnterprise, true);
    assert.equal(state.serviceProviders.northwind.phoneNumbers.length, 20);
    assert.deepEqual(chicago.domains, ['northwind.example.com', 'voice.northwind.example.com']);
    assert.equal(chicago.phoneNumbers.length, 10);
    assert.deepEqual(Object.keys(chicago.accessDevices), ['chi-desk-101', 'chi-desk-102']);
    assert.deepEqual(chicago.departments, ['Sales', 'Warehouse']);
    const maria = state.users['maria.lopez@northwind.example.com'];
    assert.deepEqual(
      [maria.title, maria.mobilePhoneNumber, maria.servicePacks, maria.services.includes('Shared Call Appearance')],
      ['Sales Manager', '+1-3125557788', ['Standard Seat'], true],
    );
    assert.deepEqual(
      [state.users['sam.okafor@northwind.example.com'].phoneNumber, state.users['sam.okafor@northwind.example.com'].extension],
      ['+1-3125550105', '105'],
    );
  });

  it('answers every read request with its data response', async () => {
    for (const [type, inner, expected] of READS) {
      const r = await one(type, inner);
      assert.equal(r.type, expected, `${type}: ${r.summary ?? r.xml}`);
    }
  });

  it('reads show the state: tables by heading, lists, filters', async () => {
    const users = await one('UserGetListInGroupRequest', sp('northwind') + el('GroupId', 'northwind-chicago'));
    assert.match(users.xml, /<colHeading>User Id<\/colHeading>/);
    assert.match(
      users.xml,
      /<col>maria\.lopez@northwind\.example\.com<\/col><col>Lopez<\/col><col>Maria<\/col><col>Sales<\/col><col>\+1-3125550101<\/col>/,
    );
    const available = await one('GroupDnGetAvailableListRequest', grp('northwind', 'northwind-chicago'));
    assert.equal([...available.xml.matchAll(/<phoneNumber>/g)].length, 8, 'ten numbers, two held by users');
    assert.doesNotMatch(available.xml, /\+1-3125550105/);
    const spAvailable = await one('ServiceProviderDnGetAvailableListRequest', sp('northwind'));
    assert.equal([...spAvailable.xml.matchAll(/<availableDn>/g)].length, 10);
    const filtered = await one(
      'ServiceProviderGetListRequest',
      `<searchCriteriaServiceProviderId><mode>Equal To</mode><value>ACME</value><isCaseInsensitive>true</isCaseInsensitive></searchCriteriaServiceProviderId>`,
    );
    assert.equal([...filtered.xml.matchAll(/<row>/g)].length, 1);
    const authorized = await one('GroupServiceGetAuthorizedListRequest', grp('northwind', 'northwind-chicago'));
    assert.match(authorized.xml, /<groupServiceName>Hunt Group<\/groupServiceName>/);
    assert.match(authorized.xml, /<userServiceName>Voice Messaging User<\/userServiceName>/);
  });

  it('refuses by the rules, and a refused request changes nothing', async () => {
    const before = JSON.stringify(sim.state);
    const cases: [string, string, RegExp][] = [
      [
        'ServiceProviderAddRequest13mp2',
        el('isEnterprise', 'true') + sp('northwind') + el('defaultDomain', 'x.example.com'),
        /\[Error 4011\] Service Provider already exists: northwind/,
      ],
      [
        'GroupAddRequest',
        grp('northwind', 'northwind-dallas') + el('defaultDomain', 'unassigned.example.com') + el('userLimit', '5'),
        /\[Error 4316\] Domain not assigned to the service provider/,
      ],
      [
        'GroupAddRequest',
        grp('northwind', 'northwind-chicago') + el('defaultDomain', 'northwind.example.com') + el('userLimit', '5'),
        /\[Error 4153\] Group already exists/,
      ],
      ['GroupDomainAssignListRequest', grp('northwind', 'northwind-chicago') + el('domain', 'acme.example.com'), /\[Error 4316\]/],
      [
        'ServiceProviderDnAddListRequest',
        sp('northwind') + el('phoneNumber', '+1-2125550100'),
        /\[Error 4463\] Phone number already exists: \+1-2125550100/,
      ],
      ['GroupDnAssignListRequest', grp('acme', 'acme-hq') + el('phoneNumber', '+1-3125550111'), /\[Error 4461\]/],
      [
        'GroupServiceModifyAuthorizationListRequest',
        grp('acme', 'acme-hq') +
          '<userServiceAuthorization><serviceName>Call Center - Basic</serviceName><authorizedQuantity><unlimited>true</unlimited></authorizedQuantity></userServiceAuthorization>',
        /\[Error 4410\] Service not authorized to the service provider: Call Center - Basic/,
      ],
      [
        'GroupAccessDeviceAddRequest14',
        grp('northwind', 'northwind-chicago') + el('deviceName', 'chi-desk-101') + el('deviceType', 'Polycom VVX 450'),
        /\[Error 4500\] Access Device already exists: chi-desk-101/,
      ],
      [
        'UserModifyRequest22',
        el('userId', 'sam.okafor@northwind.example.com') + el('phoneNumber', '+1-3125550101'),
        /\[Error 4462\] Phone number already assigned to a user/,
      ],
      [
        'UserModifyRequest22',
        el('userId', 'sam.okafor@northwind.example.com') + el('phoneNumber', '+1-3125550115'),
        /\[Error 4460\] Phone number not assigned to the group/,
      ],
      [
        'UserServiceAssignListRequest',
        el('userId', 'sam.okafor@northwind.example.com') + el('serviceName', 'Call Center - Basic'),
        /\[Error 4411\] Service not authorized to the group: Call Center - Basic/,
      ],
      [
        'GroupDnAssignListRequest',
        grp('northwind', 'northwind-chicago') +
          '<dnRange><minPhoneNumber>+1-3125550119</minPhoneNumber><maxPhoneNumber>+1-3125550110</maxPhoneNumber></dnRange>',
        /\[Error 4465\] Invalid phone number range/,
      ],
    ];
    for (const [type, inner, expected] of cases) {
      const r = await one(type, inner);
      assert.equal(r.type, 'c:ErrorResponse', `${type} should fail`);
      assert.match(r.summary ?? '', expected, type);
    }
    assert.equal(JSON.stringify(sim.state), before);
  });

  it('UserServiceAssignListRequest: partial success is a Warning, and what could be assigned is', async () => {
    const r = await one(
      'UserServiceAssignListRequest',
      el('userId', 'sam.okafor@northwind.example.com') + el('serviceName', 'Call Waiting') + el('serviceName', 'Call Center - Basic'),
    );
    assert.equal(r.type, 'c:ErrorResponse');
    assert.match(r.xml, /type="Warning"/);
    assert.match(r.summary ?? '', /^\[Warning 4411\] Service not authorized to the group: Call Center - Basic/);
    assert.ok(sim.state.users['sam.okafor@northwind.example.com'].services.includes('Call Waiting'));
  });

  it('GroupAccessDeviceAddRequest22V2 adds a device too', async () => {
    const r = await one(
      'GroupAccessDeviceAddRequest22V2',
      grp('northwind', 'northwind-chicago') +
        el('deviceName', 'chi-conf-1') +
        el('deviceType', 'Polycom Trio 8800') +
        el('macAddress', '0004F2C0A1FF'),
    );
    assert.equal(r.type, 'c:SuccessResponse', r.summary);
    const list = await one('GroupAccessDeviceGetListRequest', grp('northwind', 'northwind-chicago'));
    assert.match(list.xml, /<col>chi-conf-1<\/col><col>Polycom Trio 8800<\/col>/);
    const users = await one(
      'UserGetListInSystemRequest',
      '<searchCriteriaExactServiceProvider><serviceProviderId>northwind</serviceProviderId></searchCriteriaExactServiceProvider>',
    );
    assert.equal([...users.xml.matchAll(/<row>/g)].length, 2);
  });

  it('a valid request without a handler gets an ErrorResponse naming it; an unknown type is a validation error', async () => {
    const r = await one('SystemDomainGetListRequest', '');
    assert.equal(r.type, 'c:ErrorResponse');
    assert.equal(r.summary, '[Error 9999] Command not supported by the simulator: SystemDomainGetListRequest');
    const bad = await one('NoSuchThingRequest', '');
    assert.match(bad.summary ?? '', /\[Error 6004\]/);
  });

  it('levels: a group administrator cannot add numbers to a service provider', async () => {
    const c = await RawClient.connect(sim.ports.tcp!);
    try {
      assert.equal((await c.login22('groupadmin@acme.example.com', password('groupadmin@acme.example.com'))).type, 'LoginResponse22V5');
      const [r] = await c.request(command('ServiceProviderDnAddListRequest', sp('acme') + el('phoneNumber', '+1-2125550199')));
      assert.equal(r.summary, '[Error 5404] Unauthorized transaction.');
      const [list] = await c.request(command('GroupGetListInServiceProviderRequest', sp('acme')));
      assert.equal(list.type, 'GroupGetListInServiceProviderResponse');
    } finally {
      c.close();
    }
  });

  it('every response document is valid against the real R25 XSD (JDK validator)', { skip: ORACLE_SKIP }, () => {
    assert.ok(documents.length > READS.length);
    const verdicts = xsdVerdicts(documents);
    const bad = verdicts.map((v, i) => ({ v, doc: documents[i] })).filter((x) => !x.v.ok);
    assert.deepEqual(
      bad.map((x) => `${x.v.message}\n${x.doc.slice(0, 600)}`),
      [],
    );
  });

  it('the state survives a restart (state file)', async () => {
    client.close();
    await sim.close();
    sim = await startSimulator({ tcpPort: 0, stateFile, schemaDir: FULL_MODEL.schemaDir });
    client = await RawClient.connect(sim.ports.tcp!);
    await client.login22('sysadmin', password('sysadmin'));
    const r = await one('GroupGetRequest22V5', grp('northwind', 'northwind-chicago'));
    assert.equal(r.type, 'GroupGetResponse22V5');
    assert.match(r.xml, /<userCount>2<\/userCount>/);
  });
});
