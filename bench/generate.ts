/**
 * Generated OCI-P command files for the benchmarks: realistic UserConsolidatedAddRequest22 commands (device
 * endpoint, aliases, department, services, service packs), ~32 YAML lines each, mostly valid with a typical
 * mistake every MISTAKE_EVERY commands. XML is the same commands converted by core/encode (bare <command>s).
 * Deterministic: the same count always gives the same text.
 */
import { builtinModel } from '../core/model';
import { toXml } from '../core/encode';
import { parseYaml } from '../core/syntax';

const MISTAKE_EVERY = 97;
const FIRST = ['Ana', 'Bob', 'Chen', 'Dana', 'Eve', 'Femi', 'Gina', 'Hank', 'Ines', 'Jon', 'Kai', 'Lena'];
const LAST = ['Kim', 'Nguyen', 'Rossi', 'Berg', 'Costa', 'Lee', 'Shah', 'Okafor', 'Novak', 'Silva'];
const DEVICES = ['Polycom VVX 450', 'Yealink T54W', 'Cisco 8851'];
const SERVICES = ['Call Forwarding Always', 'Voice Messaging User', 'Shared Call Appearance', 'Authentication', 'Call Waiting'];

/** What goes wrong in every MISTAKE_EVERY-th command, in turn. */
const MISTAKES: ((lines: string[]) => string[])[] = [
  (l) => l.map((x) => x.replace(/^lastName:/, 'lastname:')), // unknown element (misspelt)
  (l) => l.filter((x) => !x.startsWith('callingLineIdFirstName:')), // missing required element
  (l) => l.map((x) => x.replace('deviceLevel: Group', 'deviceLevel: Groups')), // bad enumeration value
  (l) => l.filter((x) => !x.includes('xsi:type: GroupDepartmentKey')), // missing xsi:type
  (l) => l.map((x) => x.replace(/^extension: "(\d+)"/, 'extension: "$1$1$1"')), // facet (too long)
];

function commandLines(i: number): string[] {
  const first = FIRST[i % FIRST.length];
  const last = LAST[(i * 7) % LAST.length];
  const user = `${first.toLowerCase()}.${last.toLowerCase()}${i}`;
  const ext = String(1000 + (i % 9000));
  const lines = [
    `# user ${i}`,
    'command: UserConsolidatedAddRequest22',
    'serviceProviderId: acme',
    `groupId: acme-site${i % 20}`,
    `userId: ${user}@acme.example`,
    `lastName: ${last}`,
    `firstName: ${first}`,
    `callingLineIdLastName: ${last}`,
    `callingLineIdFirstName: ${first}`,
    `phoneNumber: "212555${String(i % 10000).padStart(4, '0')}"`,
    `extension: "${ext}"`,
    `password: Pear-${i}-Sun`,
    'department:',
    '  xsi:type: GroupDepartmentKey',
    '  serviceProviderId: acme',
    `  groupId: acme-site${i % 20}`,
    '  name: Sales',
    'timeZone: America/New_York',
    `alias: [${user}.a@acme.example, '${user}.b@acme.example']`,
    'accessDeviceEndpoint:',
    `  accessDevice: {deviceLevel: Group, deviceName: ${user}-desk}`,
    `  linePort: ${user}_1@acme.example`,
    `  deviceType: ${DEVICES[i % DEVICES.length]}`,
    `  macAddress: 0004F2${i.toString(16).toUpperCase().padStart(6, '0')}`,
    '  useHotline: false',
    `emailAddress: ${user}@acme.example`,
    'userService:',
    `  - userServiceName: ${SERVICES[i % SERVICES.length]}`,
    `  - userServiceName: ${SERVICES[(i + 1) % SERVICES.length]}`,
    '    authorizedQuantity: {unlimited: true}',
    'servicePack:',
    '  - servicePackName: Standard Seat',
  ];
  if (i % MISTAKE_EVERY === MISTAKE_EVERY - 1) return MISTAKES[Math.floor(i / MISTAKE_EVERY) % MISTAKES.length](lines);
  return lines;
}

/** `count` commands as one YAML stream (documents separated by `---`). */
export function generateYaml(count: number): string {
  const docs: string[] = [];
  for (let i = 0; i < count; i++) docs.push(commandLines(i).join('\n') + '\n');
  return docs.join('---\n');
}

/** The same commands as bare XML <command> elements (no envelope: a file of thousands of commands). */
export function generateXml(count: number): string {
  return toXml(parseYaml(generateYaml(count)), builtinModel(), { envelope: false });
}

/** Offset of the middle command's `lastName` value: where the edit and completion/hover benchmarks point. */
export function middleOffsets(text: string, format: 'yaml' | 'xml'): { edit: number; hover: number; complete: number } {
  const middle = Math.floor(text.length / 2);
  if (format === 'yaml') {
    const at = text.indexOf('\nlastName: ', middle) + 1;
    const hover = text.indexOf('\ntimeZone: ', middle) + 1;
    // Completion at the start of an empty line added inside the middle command's top level.
    const complete = text.indexOf('\nemailAddress: ', middle) + 1;
    return { edit: at + 'lastName: '.length, hover, complete };
  }
  const at = text.indexOf('<lastName>', middle);
  return {
    edit: at + '<lastName>'.length,
    hover: text.indexOf('<timeZone>', middle) + 1,
    complete: text.indexOf('<emailAddress>', middle),
  };
}
