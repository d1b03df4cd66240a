import { AwsError } from "../../core/aws-error";
import { dnsSuffixOf } from "../../core/partition";
import type { CallContext, QueryOperation } from "../../core/service";
import type { SecurityGroup, Subnet, Vpc } from "../../model/network";
import type { EndpointState, VpcEndpoint } from "../../model/privatelink";
import type { QueryParams } from "../../protocols/query-params";
import { findConsumableService, type ConsumableService } from "./consumer-services";
import { invalidParameter, notFound } from "./ec2-errors";
import { describe, idempotent, readFilters, tagSet, tagsOnCreate } from "./ec2-queries";
import { allocateNetworkInterface, releaseNetworkInterfaces } from "./network-interfaces";
import { connectedStates, endpointState, vpcEndpoints } from "./privatelink-records";

// Interface endpoints in the consumer's VPC: one ENI per subnet, one subnet per zone the service offers.

export function vpcEndpointWire(endpoint: VpcEndpoint, now: number) {
  return {
    vpcEndpointId: endpoint.id,
    vpcEndpointType: endpoint.vpcEndpointType,
    vpcId: endpoint.vpcId,
    serviceName: endpoint.serviceName,
    state: endpointState(endpoint, now),
    subnetIdSet: endpoint.subnetIds,
    groupSet: endpoint.securityGroupIds.map((groupId) => ({ groupId, groupName: groupId })),
    ipAddressType: "ipv4",
    dnsOptions: { dnsRecordIpType: "ipv4" },
    privateDnsEnabled: endpoint.privateDnsEnabled,
    requesterManaged: false,
    networkInterfaceIdSet: endpoint.networkInterfaceIds,
    dnsEntrySet: endpoint.dnsEntries,
    creationTimestamp: new Date(endpoint.createdAt),
    ownerId: endpoint.accountId,
    tagSet: tagSet(endpoint.tags),
  };
}

/** Endpoints that are gone (deleted after their deleting phase) no longer show. */
function isGone(endpoint: VpcEndpoint, now: number): boolean {
  return endpointState(endpoint, now) === "deleted";
}

function validateSubnets(
  context: CallContext,
  vpcId: string,
  subnetIds: string[],
  service: ConsumableService,
): Subnet[] {
  const subnets = subnetIds.map((id) => {
    const subnet = context.world.collection<Subnet>("ec2.subnet").get(id);
    if (!subnet || subnet.accountId !== context.accountId || subnet.vpcId !== vpcId)
      throw notFound("InvalidSubnetID.NotFound", "subnet ID", id);
    return subnet;
  });
  const zones = new Set<string>();
  for (const subnet of subnets) {
    if (zones.has(subnet.availabilityZoneId)) {
      throw invalidParameter(
        `Found another VPC endpoint subnet in the availability zone of ${subnet.id}. VPC endpoint subnets should be in different availability zones supported by the VPC endpoint service.`,
      );
    }
    zones.add(subnet.availabilityZoneId);
    if (!service.zoneIds.includes(subnet.availabilityZoneId)) {
      throw invalidParameter(
        `The VPC endpoint service ${service.serviceName} does not support the availability zone of the subnet: ${subnet.id}.`,
      );
    }
  }
  return subnets;
}

function validateSecurityGroups(context: CallContext, vpcId: string, ids: string[]): void {
  for (const id of ids) {
    const group = context.world.collection<SecurityGroup>("ec2.securityGroup").get(id);
    if (!group || group.accountId !== context.accountId || group.vpcId !== vpcId)
      throw notFound("InvalidGroup.NotFound", "security group", id);
  }
}

function assertNoConflictingPrivateDns(context: CallContext, vpcId: string, serviceName: string): void {
  const conflict = vpcEndpoints(context.world)
    .list({ accountId: context.accountId, region: context.region })
    .some(
      (endpoint) =>
        endpoint.vpcId === vpcId &&
        endpoint.serviceName === serviceName &&
        endpoint.privateDnsEnabled &&
        connectedStates.includes(endpointState(endpoint, context.now)),
    );
  if (conflict) {
    const domain = `${serviceName.split(".").pop() ?? ""}.${context.region}.${dnsSuffixOf(context.region)}`;
    throw invalidParameter(
      `private-dns-enabled cannot be set because there is already a conflicting DNS domain for ${domain} in the VPC ${vpcId}`,
    );
  }
}

function initialLifecycle(context: CallContext, service: ConsumableService): VpcEndpoint["lifecycle"] {
  const ready = context.now + context.sim.profile.latencyMs.endpointAvailableAfterAccept;
  const needsAcceptance =
    service.kind === "customer" &&
    service.service.acceptanceRequired &&
    service.service.accountId !== context.accountId;
  const steps: { state: EndpointState; at: number }[] = needsAcceptance
    ? [{ state: "pendingAcceptance", at: context.now }]
    : [
        { state: "pending", at: context.now },
        { state: "available", at: ready },
      ];
  return steps;
}

function createVpcEndpoint(context: CallContext, params: QueryParams) {
  const type = params.string("VpcEndpointType") ?? "Gateway";
  if (type !== "Interface") throw invalidParameter(`This simulator supports Interface endpoints only (got ${type}).`);
  const vpcId = params.required("VpcId");
  const vpc = context.world.collection<Vpc>("ec2.vpc").get(vpcId);
  if (!vpc || vpc.accountId !== context.accountId)
    throw new AwsError("InvalidVpcId.NotFound", `The Vpc Id '${vpcId}' does not exist`);
  const service = findConsumableService(context, params.required("ServiceName"));
  const subnetIds = params.list("SubnetId");
  if (subnetIds.length === 0) throw invalidParameter("An Interface endpoint needs at least one subnet.");
  const securityGroupIds = params.list("SecurityGroupId");
  const privateDnsEnabled = params.boolean("PrivateDnsEnabled") ?? service.kind === "aws";
  const tags = tagsOnCreate(params, "vpc-endpoint");
  return idempotent(context, "CreateVpcEndpoint", params, {
    find: (id) => vpcEndpoints(context.world).get(id),
    answer: (endpoint) => ({ vpcEndpoint: vpcEndpointWire(endpoint, context.now) }),
    create: () => {
      const subnets = validateSubnets(context, vpcId, subnetIds, service);
      validateSecurityGroups(context, vpcId, securityGroupIds);
      if (privateDnsEnabled && service.kind === "customer") {
        throw invalidParameter(
          `Private DNS can't be enabled because the service ${service.serviceName} does not provide a private DNS name.`,
        );
      }
      if (privateDnsEnabled) assertNoConflictingPrivateDns(context, vpcId, service.serviceName);
      const id = `vpce-${context.sim.random.hex(17)}`;
      const enis = subnets.map((subnet) =>
        allocateNetworkInterface(context.sim, {
          accountId: context.accountId,
          region: context.region,
          subnetId: subnet.id,
          description: `VPC Endpoint Interface ${id}`,
          interfaceType: "vpc_endpoint",
          attachedTo: id,
          securityGroupIds,
        }),
      );
      const suffix = `${service.serviceName.split(".").pop() ?? "service"}.${context.region}.vpce.${dnsSuffixOf(context.region)}`;
      const label = `${id}-${context.sim.random.hex(8)}`;
      return vpcEndpoints(context.world).put({
        ...context.newResource(id, tags),
        vpcEndpointType: "Interface",
        serviceName: service.serviceName,
        serviceId: service.kind === "customer" ? service.service.id : undefined,
        vpcId,
        subnetIds,
        securityGroupIds,
        networkInterfaceIds: enis.map((eni) => eni.id),
        privateDnsEnabled,
        lifecycle: initialLifecycle(context, service),
        dnsEntries: [
          { dnsName: `${label}.${suffix}`, hostedZoneId: "Z7HUB22UULQXV" },
          ...subnets.map((subnet) => ({
            dnsName: `${label}-${subnet.availabilityZone}.${suffix}`,
            hostedZoneId: "Z7HUB22UULQXV",
          })),
        ],
        clientToken: params.string("ClientToken"),
      });
    },
  });
}

function describeVpcEndpoints(context: CallContext, params: QueryParams) {
  const endpoints = describe(context, vpcEndpoints(context.world), {
    ids: params.list("VpcEndpointId"),
    filters: readFilters(params),
    fields: (endpoint) => ({
      "vpc-endpoint-id": endpoint.id,
      "vpc-id": endpoint.vpcId,
      "service-name": endpoint.serviceName,
      "vpc-endpoint-state": endpointState(endpoint, context.now),
      "vpc-endpoint-type": endpoint.vpcEndpointType,
    }),
    notFound: (id) => notFound("InvalidVpcEndpointId.NotFound", "Vpc Endpoint Id", id),
  }).filter((endpoint) => !isGone(endpoint, context.now));
  return { vpcEndpointSet: endpoints.map((endpoint) => vpcEndpointWire(endpoint, context.now)) };
}

function deleteVpcEndpoints(context: CallContext, params: QueryParams) {
  const unsuccessful = [];
  for (const id of params.list("VpcEndpointId")) {
    const endpoint = vpcEndpoints(context.world).get(id);
    if (!endpoint || endpoint.accountId !== context.accountId || isGone(endpoint, context.now)) {
      unsuccessful.push({
        error: { code: "InvalidVpcEndpoint.NotFound", message: `The VpcEndpoint Id '${id}' does not exist` },
        resourceId: id,
      });
      continue;
    }
    if (endpointState(endpoint, context.now) === "deleting") continue;
    endpoint.lifecycle.push(
      { state: "deleting", at: context.now },
      { state: "deleted", at: context.now + context.sim.profile.latencyMs.endpointDeleted },
    );
    releaseNetworkInterfaces(context.sim, endpoint.networkInterfaceIds);
  }
  return { unsuccessful };
}

export const endpointOperations: Record<string, QueryOperation> = {
  CreateVpcEndpoint: { action: "ec2:CreateVpcEndpoint", handle: createVpcEndpoint },
  DescribeVpcEndpoints: { action: "ec2:DescribeVpcEndpoints", handle: describeVpcEndpoints },
  DeleteVpcEndpoints: { action: "ec2:DeleteVpcEndpoints", handle: deleteVpcEndpoints },
};
