/**
 * The file shapes the benchmarks run on: what users write, not only what bench/generate.ts writes.
 *   - `mistakes`: the share of documents (0, 1 %, 5 %, 20 %) carrying exactly one mistake, spread pseudo-randomly
 *     (seeded, so the same shape always gives the same text);
 *   - `kinds`: 'issue' = the four kinds of issue 12 (missing required element, too-long value, unknown key, bad
 *     enumeration value); 'all' = every kind the checks report on a UserConsolidatedAddRequest22 document;
 *   - `deep`: deep optional content (shared call appearance endpoints with credentials, long services and service
 *     pack lists, address, alternate user ids) instead of the 30–35-line user;
 *   - XML is the same commands converted by core/encode (bare <command>s).
 * Files of many other commands: `otherCommands` is the hook for them. It is empty until the model has every R25
 * command (another branch); a shape naming it then mixes those commands in, one in every `otherEvery` documents.
 */
import { builtinModel } from '../core/model';
import { toXml } from '../core/encode';
import { parseYaml } from '../core/syntax';

export type MistakeKinds = 'issue' | 'all';

export interface Shape {
  /** Short name used in the report ("5% issue"). */
  name: string;
  /** Share of documents with one mistake (0 … 1). */
  mistakes: number;
  kinds: MistakeKinds;
  deep: boolean;
  /** Mix in other commands (see OTHER_COMMANDS): one every `otherEvery` documents; 0 = none. */
  otherEvery?: number;
}

export const SHAPES = {
  clean: { name: 'clean', mistakes: 0, kinds: 'issue', deep: false },
  issue1: { name: '1% mistakes', mistakes: 0.01, kinds: 'all', deep: false },
  /** The shape of issue 12: 30–35-line users, 5 % with one of four mistakes. The targets are measured on it. */
  issue5: { name: '5% mistakes (issue 12)', mistakes: 0.05, kinds: 'issue', deep: false },
  all5: { name: '5% mistakes, every kind', mistakes: 0.05, kinds: 'all', deep: false },
  all20: { name: '20% mistakes, every kind', mistakes: 0.2, kinds: 'all', deep: false },
  deep5: { name: 'deep optional content, 5% mistakes', mistakes: 0.05, kinds: 'all', deep: true },
} satisfies Record<string, Shape>;

/**
 * Hook for files of many commands other than UserConsolidatedAddRequest22: YAML documents (without `---`) of
 * commands the built-in model knows. Only commands of the current built-in model are listed; when every R25
 * command is in the model, add typical ones here (e.g. GroupAddRequest, UserServiceAssignListRequest) and
 * give a shape an `otherEvery`.
 */
export const OTHER_COMMANDS: ((i: number) => string[])[] = [
  (i) => ['command: UserDeleteRequest', `userId: old.user${i}@acme.example`],
  (i) => ['command: UserGetRequest23V2', `userId: user${i}@acme.example`],
];

const FIRST = ['Ana', 'Bob', 'Chen', 'Dana', 'Eve', 'Femi', 'Gina', 'Hank', 'Ines', 'Jon', 'Kai', 'Lena', 'Marta', 'Olu'];
const LAST = ['Kim', 'Nguyen', 'Rossi', 'Berg', 'Costa', 'Lee', 'Shah', 'Okafor', 'Novak', 'Silva', 'Haddad'];
const DEVICES = ['Polycom VVX 450', 'Yealink T54W', 'Cisco 8851'];
const SERVICES = [
  'Call Forwarding Always',
  'Voice Messaging User',
  'Shared Call Appearance',
  'Authentication',
  'Call Waiting',
  'Three-Way Call',
  'Call Forwarding Busy',
  'Do Not Disturb',
];
const TRANSPORT = ['UDP', 'TCP', 'TLS'];

/** mulberry32: a small deterministic PRNG, so a shape always gives the same file. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function userLines(i: number, deep: boolean, r: () => number): string[] {
  const first = FIRST[i % FIRST.length];
  const last = LAST[(i * 7) % LAST.length];
  const user = `${first.toLowerCase()}.${last.toLowerCase()}${i}`;
  const group = `acme-site${i % 20}`;
  const lines = [
    `# user ${i}`,
    'command: UserConsolidatedAddRequest22',
    'serviceProviderId: acme',
    `groupId: ${group}`,
    `userId: ${user}@acme.example`,
    `lastName: ${last}`,
    `firstName: ${first}`,
    `callingLineIdLastName: ${last}`,
    `callingLineIdFirstName: ${first}`,
    `phoneNumber: "212555${String(i % 10000).padStart(4, '0')}"`,
    `extension: "${1000 + (i % 9000)}"`,
    'department:',
    '  xsi:type: GroupDepartmentKey',
    '  serviceProviderId: acme',
    `  groupId: ${group}`,
    `  name: ${['Sales', 'Support', 'Finance'][i % 3]}`,
    'timeZone: America/New_York',
    'language: English',
    `alias: [${user}.a@acme.example]`,
    'accessDeviceEndpoint:',
    '  accessDevice:',
    '    deviceLevel: Group',
    `    deviceName: ${user}-desk`,
    `  linePort: ${user}_1@acme.example`,
    `  deviceType: ${DEVICES[i % DEVICES.length]}`,
    `  macAddress: 0004F2${i.toString(16).toUpperCase().padStart(6, '0')}`,
    `  transportProtocol: ${TRANSPORT[i % 3]}`,
    '  useHotline: false',
    `emailAddress: ${user}@acme.example`,
    'userService:',
    `  - userServiceName: ${SERVICES[i % SERVICES.length]}`,
  ];
  // 30–35 lines: a varying tail.
  const extra = Math.floor(r() * 5);
  if (extra >= 1) lines.push(`  - userServiceName: ${SERVICES[(i + 1) % SERVICES.length]}`, '    authorizedQuantity: {unlimited: true}');
  if (extra >= 2) lines.push('servicePack:', '  - servicePackName: Standard Seat');
  if (extra >= 4) lines.push(`title: ${['Engineer', 'Agent', 'Manager'][i % 3]}`);
  if (!deep) return lines;
  // Deep optional content: shared call appearances with credentials, more services and packs, an address.
  const more = ['sharedCallAppearanceAccessDeviceEndpoint:'];
  for (let k = 0; k < 2; k++) {
    more.push(
      '  - accessDevice:',
      '      deviceLevel: Group',
      `      deviceName: ${user}-sca${k}`,
      `    linePort: ${user}_sca${k}@acme.example`,
      '    isActive: true',
      '    allowOrigination: true',
      `    allowTermination: ${k === 0}`,
      `    deviceType: ${DEVICES[(i + k) % DEVICES.length]}`,
      `    transportProtocol: ${TRANSPORT[(i + k) % 3]}`,
      '    accessDeviceCredentials:',
      `      userName: ${user}-sca${k}`,
      `      password: Dev-${i}-${k}-Pw`,
      '    useHotline: false',
    );
  }
  more.push(
    'address:',
    `  addressLine1: ${i} Main Street`,
    '  city: New York',
    '  stateOrProvince: NY',
    `  zipOrPostalCode: "${10000 + (i % 900)}"`,
    '  country: USA',
  );
  more.push('alternateUserId:', `  - alternateUserId: ${user}.alt@acme.example`, '    description: Old id');
  // Shared Call Appearance first: the endpoints above need it (assigned here, so no "cannot verify").
  more.push('userService:', '  - userServiceName: Shared Call Appearance');
  for (let k = 0; k < 5; k++)
    more.push(`  - userServiceName: ${SERVICES[(i + k) % SERVICES.length].replace('Shared Call Appearance', 'Call Transfer')}`);
  more.push(
    'servicePack:',
    '  - servicePackName: Standard Seat',
    '    authorizedQuantity:',
    '      quantity: 5',
    '  - servicePackName: Premium',
  );
  // The short user's userService/servicePack lists are replaced by the deep ones.
  const cut = lines.indexOf('userService:');
  return [...lines.slice(0, cut), `emailAddress: ${user}@acme.example`, ...more].filter(
    (l, k, all) => !(l.startsWith('emailAddress:') && all.indexOf(l) !== k),
  );
}

type Mistake = (lines: string[]) => string[];

/** Changes the first line that matches (one mistake per document). */
const replace =
  (from: RegExp | string, to: string): Mistake =>
  (l) => {
    const at = l.findIndex((x) => (typeof from === 'string' ? x.includes(from) : from.test(x)));
    return at < 0 ? l : [...l.slice(0, at), l[at].replace(from, to), ...l.slice(at + 1)];
  };
const drop =
  (test: (line: string) => boolean): Mistake =>
  (l) =>
    l.filter((x) => !test(x));

/** The four kinds of issue 12. */
const ISSUE_MISTAKES: Mistake[] = [
  drop((x) => x.startsWith('callingLineIdFirstName:')), // missing required element
  replace(/^lastName: (.*)$/, 'lastName: $1-Featherstonehaugh-Worthington'), // too long (LastName: at most 30)
  replace(/^timeZone:/, 'timezone:'), // unknown key (misspelt)
  replace('deviceLevel: Group', 'deviceLevel: Groups'), // bad enumeration value
];

/** Every kind the checks report on a user document: schema, facets, YAML structure, rules. */
const ALL_MISTAKES: Mistake[] = [
  ...ISSUE_MISTAKES,
  replace(/^firstName:/, 'first_name:'), // snake_case name (unknown, with the camelCase suggestion)
  drop((x) => x.includes('xsi:type: GroupDepartmentKey')), // missing xsi:type
  replace('xsi:type: GroupDepartmentKey', 'xsi:type: GroupDepartmentKy'), // bad xsi:type
  replace('useHotline: false', 'useHotline: nope'), // boolean
  replace(/^extension: "(\d+)"/, 'extension: "1"'), // too short
  replace(/^language: .*/, 'language: ""'), // empty value
  replace(/^title: .*|^language: .*/, 'language:\n  name: English'), // expected a value, got a mapping
  replace(/^emailAddress: .*/, 'emailAddress: [a@b.example, c@d.example]'), // too many
  replace(/^alias: \[(.*)\]/, 'alias: [$1, b@acme.example, c@acme.example, d@acme.example]'), // too many aliases
  replace('  useHotline: false', '  useHotline: false\n  hotlineContact: sip:hl@acme.example\n  portNumber: 0'), // range
  replace(/^phoneNumber: .*/, 'phoneNumber: "+1 (212) 555 x"'), // DN format rule
  replace(/^alias: \[([^@]*)@[^,\]]*/, 'alias: [$1'), // alias without a domain (rule)
  replace(/^ {2}linePort: ([^@]*)@.*/, '  linePort: $1'), // line port without a domain (rule)
  replace('userServiceName: Call Waiting', 'userServiceName: Call Wating'), // service name enumeration
  replace('{unlimited: true}', '{unlimited: true, quantity: 4}'), // choice conflict
  replace(/^groupId: (.*)$/, 'groupId: $1\ngroupExternalId: ext-1'), // choice conflict at the top
  replace(/^userId: (.*)$/, 'userId: $1\nuserId: again@acme.example'), // duplicate key
  replace(/^serviceProviderId: acme$/, 'serviceProviderId: [acme'), // YAML syntax error
  replace(/^command: UserConsolidatedAddRequest22$/, 'command: UserConsolidatedAddRequest2'), // unknown command
];

function documentLines(i: number, shape: Shape, r: () => number): string[] {
  if (shape.otherEvery && OTHER_COMMANDS.length && i % shape.otherEvery === shape.otherEvery - 1)
    return OTHER_COMMANDS[i % OTHER_COMMANDS.length](i);
  const lines = userLines(i, shape.deep, r);
  if (shape.mistakes > 0 && r() < shape.mistakes) {
    const kinds = shape.kinds === 'issue' ? ISSUE_MISTAKES : ALL_MISTAKES;
    const pick = kinds[Math.floor(r() * kinds.length)];
    return pick(lines).join('\n').split('\n');
  }
  return lines;
}

/** `count` documents of `shape` as one YAML stream. Deterministic. */
export function shapedYaml(count: number, shape: Shape): string {
  const r = rng(0x0c1b + count);
  const docs: string[] = [];
  for (let i = 0; i < count; i++) docs.push(documentLines(i, shape, r).join('\n') + '\n');
  return docs.join('---\n');
}

/** The same commands as bare XML <command> elements; documents that do not parse as YAML are left out. */
export function shapedXml(count: number, shape: Shape): string {
  return toXml(parseYaml(shapedYaml(count, shape)), builtinModel(), { envelope: false });
}
