/** The read and onboarding handlers by request type (registered in ../dispatch.ts). */
import type { CommandHandler } from '../context';
import * as onboarding from './onboarding';
import * as group from './read-group';
import * as provider from './read-provider';
import * as services from './read-services';
import * as undo from './undo';
import { userModifyRequest22 } from './user-modify';

export const READ_HANDLERS: Record<string, CommandHandler> = {
  ServiceProviderGetListRequest: provider.serviceProviderGetListRequest,
  ServiceProviderGetRequest22V4: provider.serviceProviderGetRequest22V4,
  GroupGetListInServiceProviderRequest: provider.groupGetListInServiceProviderRequest,
  GroupGetRequest22V5: provider.groupGetRequest22V5,
  ServiceProviderDomainGetAssignedListRequest: provider.serviceProviderDomainGetAssignedListRequest,
  ServiceProviderDomainGetAssignedListRequest22: provider.serviceProviderDomainGetAssignedListRequest22,
  GroupDomainGetAssignedListRequest: provider.groupDomainGetAssignedListRequest,
  ServiceProviderDnGetAvailableListRequest: provider.serviceProviderDnGetAvailableListRequest,
  GroupDnGetListRequest: provider.groupDnGetListRequest,
  GroupDnGetAvailableListRequest: provider.groupDnGetAvailableListRequest,
  GroupDnGetAssignmentListRequest18: provider.groupDnGetAssignmentListRequest18,
  ServiceProviderServiceGetAuthorizationListRequest: services.serviceProviderServiceGetAuthorizationListRequest,
  GroupServiceGetAuthorizationListRequest: services.groupServiceGetAuthorizationListRequest,
  GroupServiceGetAuthorizedListRequest: services.groupServiceGetAuthorizedListRequest,
  ServiceProviderServicePackGetListRequest: services.serviceProviderServicePackGetListRequest,
  ServiceProviderServicePackGetDetailListRequest: services.serviceProviderServicePackGetDetailListRequest,
  UserServiceGetAssignmentListRequest: services.userServiceGetAssignmentListRequest,
  UserGetListInGroupRequest: group.userGetListInGroupRequest,
  UserGetListInServiceProviderRequest: group.userGetListInServiceProviderRequest,
  UserGetListInSystemRequest: group.userGetListInSystemRequest,
  GroupGetListInSystemRequest: group.groupGetListInSystemRequest,
  GroupAccessDeviceGetListRequest: group.groupAccessDeviceGetListRequest,
  GroupAccessDeviceGetRequest18sp1: group.groupAccessDeviceGetRequest18sp1,
  GroupDepartmentGetListRequest18: group.groupDepartmentGetListRequest18,
  GroupDepartmentGetRequest: group.groupDepartmentGetRequest,
  SystemAccessDeviceTypeGetListRequest: group.systemAccessDeviceTypeGetListRequest,
  GroupTrunkGroupGetInstanceListRequest14sp4: group.groupTrunkGroupGetInstanceListRequest14sp4,
  GroupNetworkClassOfServiceGetAssignedListRequest: group.groupNetworkClassOfServiceGetAssignedListRequest,
};

export const ONBOARDING_HANDLERS: Record<string, CommandHandler> = {
  ServiceProviderAddRequest13mp2: onboarding.serviceProviderAddRequest13mp2,
  ServiceProviderDomainAssignListRequest: onboarding.serviceProviderDomainAssignListRequest,
  ServiceProviderDnAddListRequest: onboarding.serviceProviderDnAddListRequest,
  ServiceProviderServiceModifyAuthorizationListRequest: onboarding.serviceProviderServiceModifyAuthorizationListRequest,
  ServiceProviderServicePackAddRequest: onboarding.serviceProviderServicePackAddRequest,
  GroupAddRequest: onboarding.groupAddRequest,
  GroupDomainAssignListRequest: onboarding.groupDomainAssignListRequest,
  GroupDnAssignListRequest: onboarding.groupDnAssignListRequest,
  GroupServiceModifyAuthorizationListRequest: onboarding.groupServiceModifyAuthorizationListRequest,
  GroupDepartmentAddRequest: onboarding.groupDepartmentAddRequest,
  GroupAccessDeviceAddRequest14: onboarding.groupAccessDeviceAddRequest,
  GroupAccessDeviceAddRequest22V2: onboarding.groupAccessDeviceAddRequest,
  UserServiceAssignListRequest: onboarding.userServiceAssignListRequest,
  UserModifyRequest22: userModifyRequest22,
};

/** The deletes an undo file sends (core/send/undo.ts): the inverse of each add above. */
export const UNDO_HANDLERS: Record<string, CommandHandler> = {
  UserServiceUnassignListRequest: undo.userServiceUnassignListRequest,
  GroupAccessDeviceDeleteRequest: undo.groupAccessDeviceDeleteRequest,
  ServiceProviderAccessDeviceDeleteRequest: undo.serviceProviderAccessDeviceDeleteRequest,
  GroupDepartmentDeleteRequest: undo.groupDepartmentDeleteRequest,
  GroupDnUnassignListRequest: undo.groupDnUnassignListRequest,
  GroupDomainUnassignListRequest: undo.groupDomainUnassignListRequest,
  GroupDeleteRequest: undo.groupDeleteRequest,
  ServiceProviderServicePackDeleteRequest: undo.serviceProviderServicePackDeleteRequest,
  ServiceProviderDnDeleteListRequest: undo.serviceProviderDnDeleteListRequest,
  ServiceProviderDomainUnassignListRequest: undo.serviceProviderDomainUnassignListRequest,
  ServiceProviderDeleteRequest: undo.serviceProviderDeleteRequest,
};
