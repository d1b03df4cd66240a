import { AwsError } from "../../core/aws-error";
import { dnsSuffixOf, serviceNamePrefix } from "../../core/partition";
import type { CallContext, QueryOperation } from "../../core/service";
import type { EndpointService } from "../../model/privatelink";
import type { QueryParams } from "../../protocols/query-params";
import { principalArnsOf } from "../sts/sts-service";
import { readFilters, matchesFilters, tagSet } from "./ec2-queries";
import { baseEndpointDnsName, endpointServices, serviceState } from "./privatelink-records";

// The consumer side: which services a caller may connect to, with the zones offered in the caller's own AZ names.

export type ConsumableService =
  | { kind: "aws"; serviceName: string; zoneIds: string[] }
  | { kind: "customer"; serviceName: string; zoneIds: string[]; service: EndpointService };

/** AWS services the simulator offers interface endpoints for. */
const awsServiceSuffixes = ["execute-api"];

function consumerZones(context: CallContext) {
  return context.world.account(context.accountId)?.availabilityZones[context.region] ?? [];
}

export function consumableServices(context: CallContext): ConsumableService[] {
  const allZoneIds = consumerZones(context).map((zone) => zone.zoneId);
  const awsServices: ConsumableService[] = awsServiceSuffixes.map((suffix) => ({
    kind: "aws",
    serviceName: `${serviceNamePrefix(context.region)}.${context.region}.${suffix}`,
    zoneIds: allZoneIds,
  }));
  const callerPrincipals = principalArnsOf(context.caller.arn, context.accountId);
  const customer: ConsumableService[] = endpointServices(context.world)
    .all()
    .filter(
      (service) =>
        service.region === context.region &&
        !service.managedByVpcLinkId &&
        service.visibleAt <= context.now &&
        serviceState(service, context.now) === "Available" &&
        (service.accountId === context.accountId ||
          service.allowedPrincipals.some((principal) => principal === "*" || callerPrincipals.includes(principal))),
    )
    .map((service) => ({
      kind: "customer",
      serviceName: service.serviceName,
      zoneIds: service.availabilityZoneIds,
      service,
    }));
  return [...awsServices, ...customer];
}

export function findConsumableService(context: CallContext, serviceName: string): ConsumableService {
  const found = consumableServices(context).find((service) => service.serviceName === serviceName);
  if (!found) throw new AwsError("InvalidServiceName", `The Vpc Endpoint Service '${serviceName}' does not exist`, 400);
  return found;
}

/** Zone ids mapped to the caller's zone names; zones the caller does not have are left out. */
export function zoneNamesFor(context: CallContext, zoneIds: readonly string[]): string[] {
  return consumerZones(context)
    .filter((zone) => zoneIds.includes(zone.zoneId))
    .map((zone) => zone.zoneName);
}

function describeVpcEndpointServices(context: CallContext, params: QueryParams) {
  const names = params.list("ServiceName");
  const all = consumableServices(context);
  for (const name of names)
    if (!all.some((service) => service.serviceName === name)) findConsumableService(context, name);
  const filters = readFilters(params);
  const selected = all
    .filter((service) => names.length === 0 || names.includes(service.serviceName))
    .filter((service) =>
      matchesFilters(
        filters,
        { "service-name": service.serviceName, "service-type": "Interface" },
        service.kind === "customer" ? service.service.tags : {},
      ),
    );
  return {
    serviceNameSet: selected.map((service) => service.serviceName),
    serviceDetailSet: selected.map((service) => ({
      serviceName: service.serviceName,
      serviceId: service.kind === "customer" ? service.service.id : undefined,
      serviceType: [{ serviceType: "Interface" }],
      availabilityZoneIdSet: service.zoneIds,
      availabilityZoneSet: zoneNamesFor(context, service.zoneIds),
      owner: service.kind === "customer" ? service.service.accountId : "amazon",
      baseEndpointDnsNameSet:
        service.kind === "customer"
          ? [baseEndpointDnsName(service.service)]
          : [`${context.region}.${service.serviceName.split(".").pop() ?? ""}.vpce`],
      privateDnsName:
        service.kind === "aws"
          ? `*.${service.serviceName.split(".").pop() ?? ""}.${context.region}.${dnsSuffixOf(context.region)}`
          : undefined,
      vpcEndpointPolicySupported: true,
      acceptanceRequired: service.kind === "customer" ? service.service.acceptanceRequired : false,
      managesVpcEndpoints: false,
      supportedIpAddressTypeSet: ["ipv4"],
      tagSet: service.kind === "customer" ? tagSet(service.service.tags) : [],
    })),
  };
}

export const consumerServiceOperations: Record<string, QueryOperation> = {
  DescribeVpcEndpointServices: { action: "ec2:DescribeVpcEndpointServices", handle: describeVpcEndpointServices },
};
