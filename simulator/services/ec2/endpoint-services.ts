import type { CallContext, QueryOperation } from "../../core/service";
import type { LoadBalancer } from "../../model/elb";
import type { EndpointService } from "../../model/privatelink";
import type { QueryParams } from "../../protocols/query-params";
import { invalidParameter, invalidParameterValue, notFound } from "./ec2-errors";
import { describe, idempotent, readFilters, tagSet, tagsOnCreate } from "./ec2-queries";
import {
  baseEndpointDnsName,
  connectedStates,
  createEndpointServiceForLoadBalancer,
  endpointServiceOfLoadBalancer,
  endpointServices,
  endpointState,
  serviceState,
  vpcEndpoints,
} from "./privatelink-records";

// The provider side of PrivateLink: endpoint services on the caller's own NLBs and who may connect to them.

export function serviceConfigurationWire(service: EndpointService, now: number) {
  return {
    serviceType: [{ serviceType: "Interface" }],
    serviceId: service.id,
    serviceName: service.serviceName,
    serviceState: serviceState(service, now),
    availabilityZoneIdSet: service.availabilityZoneIds,
    availabilityZoneSet: service.availabilityZones,
    acceptanceRequired: service.acceptanceRequired,
    managesVpcEndpoints: false,
    networkLoadBalancerArnSet: service.networkLoadBalancerArns,
    supportedIpAddressTypeSet: ["ipv4"],
    baseEndpointDnsNameSet: [baseEndpointDnsName(service)],
    payerResponsibility: "ServiceOwner",
    tagSet: tagSet(service.tags),
  };
}

function ownService(context: CallContext, serviceId: string): EndpointService {
  const service = endpointServices(context.world).get(serviceId);
  if (
    !service ||
    service.accountId !== context.accountId ||
    service.managedByVpcLinkId ||
    service.visibleAt > context.now
  ) {
    throw notFound("InvalidVpcEndpointServiceId.NotFound", "Vpc Endpoint Service Id", serviceId);
  }
  return service;
}

function loadBalancerFor(context: CallContext, arn: string): LoadBalancer {
  const loadBalancer = context.world.collection<LoadBalancer>("elbv2.loadBalancer").get(arn);
  if (!loadBalancer || loadBalancer.accountId !== context.accountId || loadBalancer.region !== context.region) {
    throw invalidParameterValue(`Load balancer ${arn} does not exist in this account and region.`);
  }
  if (loadBalancer.type !== "network") {
    throw invalidParameterValue(
      `Load balancer ${arn} is not a Network Load Balancer; an endpoint service needs a Network or Gateway Load Balancer.`,
    );
  }
  if (endpointServiceOfLoadBalancer(context.world, arn)) {
    throw invalidParameter(`The load balancer ${arn} is already associated with another VPC Endpoint Service.`);
  }
  return loadBalancer;
}

function createServiceConfiguration(context: CallContext, params: QueryParams) {
  const arns = params.list("NetworkLoadBalancerArn");
  if (arns.length !== 1)
    throw invalidParameter("Exactly one Network Load Balancer ARN is supported by this simulator.");
  const tags = tagsOnCreate(params, "vpc-endpoint-service");
  const acceptanceRequired = params.boolean("AcceptanceRequired") ?? true;
  const arn = arns[0] ?? "";
  return idempotent(context, "CreateVpcEndpointServiceConfiguration", params, {
    find: (id) => endpointServices(context.world).get(id),
    create: () =>
      createEndpointServiceForLoadBalancer(context.sim, {
        loadBalancer: loadBalancerFor(context, arn),
        acceptanceRequired,
        tags,
        visibleAt: context.now + context.sim.options.consistencyDelayMs,
      }),
    answer: (service) => ({ serviceConfiguration: serviceConfigurationWire(service, context.now) }),
  });
}

function describeServiceConfigurations(context: CallContext, params: QueryParams) {
  const services = describe(context, endpointServices(context.world), {
    ids: params.list("ServiceId"),
    filters: readFilters(params),
    fields: (service) => ({
      "service-name": service.serviceName,
      "service-id": service.id,
      "service-state": serviceState(service, context.now),
    }),
    notFound: (id) => notFound("InvalidVpcEndpointServiceId.NotFound", "Vpc Endpoint Service Id", id),
  }).filter((service) => !service.managedByVpcLinkId);
  return { serviceConfigurationSet: services.map((service) => serviceConfigurationWire(service, context.now)) };
}

function deleteServiceConfigurations(context: CallContext, params: QueryParams) {
  const unsuccessful = [];
  for (const id of params.list("ServiceId")) {
    const service = endpointServices(context.world).get(id);
    if (!service || service.accountId !== context.accountId || service.managedByVpcLinkId) {
      unsuccessful.push({
        error: { code: "InvalidVpcEndpointService.NotFound", message: `The VPC endpoint service ${id} does not exist` },
        resourceId: id,
      });
      continue;
    }
    const connected = vpcEndpoints(context.world)
      .all()
      .some((endpoint) => endpoint.serviceId === id && connectedStates.includes(endpointState(endpoint, context.now)));
    if (connected) {
      unsuccessful.push({
        error: {
          code: "ExistingVpcEndpointConnections",
          message: "Service has existing active VPC Endpoint connections!",
        },
        resourceId: id,
      });
      continue;
    }
    endpointServices(context.world).delete(id);
  }
  return { unsuccessful };
}

const principalPattern = /^(\*|arn:aws(-cn)?:iam::\d{12}:(root|role\/[\w+=,.@-]+|user\/[\w+=,.@-]+))$/;

function modifyPermissions(context: CallContext, params: QueryParams) {
  const service = ownService(context, params.required("ServiceId"));
  const added = params.list("AddAllowedPrincipals");
  const removed = params.list("RemoveAllowedPrincipals");
  for (const principal of [...added, ...removed]) {
    if (!principalPattern.test(principal))
      throw invalidParameterValue(
        `Invalid principal ${principal}; principals are account roots, IAM roles or users (no paths), or *.`,
      );
  }
  service.allowedPrincipals = [
    ...new Set([...service.allowedPrincipals.filter((principal) => !removed.includes(principal)), ...added]),
  ];
  return {
    addedPrincipalSet: added.map((principal) => ({
      principalType: principalType(principal),
      principal,
      servicePermissionId: `vpce-svc-perm-${context.sim.random.hex(17)}`,
      serviceId: service.id,
    })),
    return: true,
  };
}

function principalType(principal: string): string {
  if (principal === "*") return "All";
  if (principal.endsWith(":root")) return "Account";
  return principal.includes(":role/") ? "Role" : "User";
}

function describePermissions(context: CallContext, params: QueryParams) {
  const service = ownService(context, params.required("ServiceId"));
  return {
    allowedPrincipals: service.allowedPrincipals.map((principal) => ({
      principalType: principalType(principal),
      principal,
      serviceId: service.id,
    })),
  };
}

export const endpointServiceOperations: Record<string, QueryOperation> = {
  CreateVpcEndpointServiceConfiguration: {
    action: "ec2:CreateVpcEndpointServiceConfiguration",
    handle: createServiceConfiguration,
  },
  DescribeVpcEndpointServiceConfigurations: {
    action: "ec2:DescribeVpcEndpointServiceConfigurations",
    handle: describeServiceConfigurations,
  },
  DeleteVpcEndpointServiceConfigurations: {
    action: "ec2:DeleteVpcEndpointServiceConfigurations",
    handle: deleteServiceConfigurations,
  },
  ModifyVpcEndpointServicePermissions: { action: "ec2:ModifyVpcEndpointServicePermissions", handle: modifyPermissions },
  DescribeVpcEndpointServicePermissions: {
    action: "ec2:DescribeVpcEndpointServicePermissions",
    handle: describePermissions,
  },
};
