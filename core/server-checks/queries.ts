/**
 * The read queries the checks build, from ids read in the file (escaped, never the file's XML). Each query has a
 * key so that the same question is asked once per check and answered from the cache afterwards.
 */
import { escapeText } from '../encode/escape';
import type { ReadQuery } from './read-only';

export interface KeyedQuery extends ReadQuery {
  key: string;
}

function query(type: string, fields: [string, string][]): KeyedQuery {
  const inner = fields.map(([n, v]) => `<${n}>${escapeText(v, true)}</${n}>`).join('');
  return { type, xml: `<command xsi:type="${type}" xmlns="">${inner}</command>`, key: `${type}\u0000${JSON.stringify(fields)}` };
}

const sp = (spId: string): [string, string] => ['serviceProviderId', spId];
const group = (spId: string, groupId: string): [string, string][] => [sp(spId), ['groupId', groupId]];

export const Q = {
  user: (userId: string) => query('UserGetRequest23V2', [['userId', userId]]),
  provider: (spId: string) => query('ServiceProviderGetRequest22V4', [sp(spId)]),
  group: (spId: string, groupId: string) => query('GroupGetRequest22V5', group(spId, groupId)),
  providerDomains: (spId: string) => query('ServiceProviderDomainGetAssignedListRequest22', [sp(spId)]),
  groupDomains: (spId: string, groupId: string) => query('GroupDomainGetAssignedListRequest', group(spId, groupId)),
  providerAvailableNumbers: (spId: string) => query('ServiceProviderDnGetAvailableListRequest', [sp(spId)]),
  groupNumbers: (spId: string, groupId: string) => query('GroupDnGetAssignmentListRequest18', group(spId, groupId)),
  // This request spells its group element `GroupId`.
  groupUsers: (spId: string, groupId: string) => query('UserGetListInGroupRequest', [sp(spId), ['GroupId', groupId]]),
  providerServices: (spId: string) => query('ServiceProviderServiceGetAuthorizationListRequest', [sp(spId)]),
  groupServices: (spId: string, groupId: string) => query('GroupServiceGetAuthorizationListRequest', group(spId, groupId)),
  providerPacks: (spId: string) => query('ServiceProviderServicePackGetListRequest', [sp(spId)]),
  pack: (spId: string, pack: string) => query('ServiceProviderServicePackGetDetailListRequest', [sp(spId), ['servicePackName', pack]]),
  groupDevices: (spId: string, groupId: string) => query('GroupAccessDeviceGetListRequest', group(spId, groupId)),
  groupDepartments: (spId: string, groupId: string) =>
    query('GroupDepartmentGetListRequest18', [...group(spId, groupId), ['includeEnterpriseDepartments', 'true']]),
  groupTrunkGroups: (spId: string, groupId: string) =>
    query('GroupTrunkGroupGetInstanceListRequest14sp4', [...group(spId, groupId), ['includeEnterpriseTrunkGroups', 'true']]),
  deviceTypes: () => query('SystemAccessDeviceTypeGetListRequest', []),
  groupNcos: (spId: string, groupId: string) => query('GroupNetworkClassOfServiceGetAssignedListRequest', group(spId, groupId)),
};
