/**
 * The one door every server check goes through. A check may send only the read requests listed here (Get and
 * list requests that change nothing on the server); the login, logout and session requests are sent by the OCI-P
 * client itself (core/ocip/login.ts, client.close). Nothing else can leave through `ReadOnlyGate`: a request of
 * another type, a document of more than one command, or a command whose xsi:type is not the declared type is
 * refused before anything is written. Checks never send the file's own commands: they build their own queries
 * (./queries.ts) from values read in the file.
 */
import { MAX_COMMANDS_PER_DOCUMENT, type CommandResult } from '../ocip';

/** Read requests the checks use (each answered by the simulator: sim/engine/commands/read-*.ts). */
export const CHECK_READ_REQUESTS: ReadonlySet<string> = new Set([
  'UserGetRequest23V2',
  'ServiceProviderGetRequest22V4',
  'GroupGetRequest22V5',
  'ServiceProviderDomainGetAssignedListRequest22',
  'GroupDomainGetAssignedListRequest',
  'ServiceProviderDnGetAvailableListRequest',
  'GroupDnGetAssignmentListRequest18',
  'UserGetListInGroupRequest',
  'ServiceProviderServiceGetAuthorizationListRequest',
  'GroupServiceGetAuthorizationListRequest',
  'ServiceProviderServicePackGetListRequest',
  'ServiceProviderServicePackGetDetailListRequest',
  'GroupAccessDeviceGetListRequest',
  'GroupDepartmentGetListRequest18',
  'GroupTrunkGroupGetInstanceListRequest14sp4',
  'GroupNetworkClassOfServiceGetAssignedListRequest',
  'SystemAccessDeviceTypeGetListRequest',
]);

/** Sent by the OCI-P client around the checks' reads: login (both methods), logout. */
export const CHECK_SESSION_REQUESTS: ReadonlySet<string> = new Set([
  'AuthenticationRequest',
  'LoginRequest14sp4',
  'LoginRequest22V5',
  'LogoutRequest',
]);

/** Every request type a server check may put on the wire. */
export function isCheckRequest(type: string): boolean {
  return CHECK_READ_REQUESTS.has(type) || CHECK_SESSION_REQUESTS.has(type);
}

export interface ReadQuery {
  type: string;
  /** `<command xsi:type="…" xmlns="">…</command>` */
  xml: string;
}

/** What the gate needs of a logged-in OCI-P client (OcipClient.send). */
export interface ReadSender {
  send(commands: readonly ReadQuery[]): Promise<CommandResult[]>;
}

export class ReadOnlyRefusal extends Error {}

const COMMAND_START = /<command\b/g;

/** Throws ReadOnlyRefusal unless the query is one read command of an allowed type. */
export function assertReadOnly(q: ReadQuery): void {
  if (!CHECK_READ_REQUESTS.has(q.type)) throw new ReadOnlyRefusal(`a server check may not send ${q.type}: it is not a listed read request`);
  const starts = q.xml.match(COMMAND_START)?.length ?? 0;
  const declared = /^<command xsi:type="([A-Za-z0-9]+)" xmlns="">/.exec(q.xml)?.[1];
  if (starts !== 1 || declared !== q.type || !q.xml.endsWith('</command>')) {
    throw new ReadOnlyRefusal(`a server check refused a malformed ${q.type} query`);
  }
}

/** Sends read queries in documents of at most 15, after checking every one of them. */
export class ReadOnlyGate {
  /** Read requests written to the server so far (for reports and the bench). */
  sent = 0;

  constructor(
    private readonly sender: ReadSender,
    private readonly batchSize = MAX_COMMANDS_PER_DOCUMENT,
  ) {}

  async read(queries: readonly ReadQuery[]): Promise<CommandResult[]> {
    queries.forEach(assertReadOnly);
    const out: CommandResult[] = [];
    for (let i = 0; i < queries.length; i += this.batchSize) {
      const batch = queries.slice(i, i + this.batchSize);
      this.sent += batch.length;
      out.push(...(await this.sender.send(batch)));
    }
    return out;
  }
}
