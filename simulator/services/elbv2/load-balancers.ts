import { AwsError } from "../../core/aws-error";
import type { CallContext, QueryOperation } from "../../core/service";
import type { LoadBalancer } from "../../model/elb";
import type { NetworkInterface, Subnet } from "../../model/network";
import type { QueryParams } from "../../protocols/query-params";
import { releaseNetworkInterfaces } from "../ec2/network-interfaces";
import { endpointServiceOfLoadBalancer, followLoadBalancerZones } from "../ec2/privatelink-records";
import { catalogue, quotaValue } from "../servicequotas/quota-catalogue";
import { attributeOperations, describedRecords, elbv2Operations, readTags, visibleByArn } from "./elbv2-params";
import { attachNodes, listeners, loadBalancers, loadBalancerState, putLoadBalancer } from "./elbv2-records";

const namePattern = /^[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,30}[a-zA-Z0-9])?$/;

/** The per-Region quota of the type being created (NLBs: Service Quotas L-69A177A2, 50 by default). */
function throwBeyondQuota(context: CallContext, type: string) {
  if (type !== "network") return;
  const quota = quotaValue(context.world, context, catalogue.networkLoadBalancers);
  const existing = loadBalancers(context.world)
    .list({ accountId: context.accountId, region: context.region })
    .filter((loadBalancer) => loadBalancer.type === "network");
  if (existing.length >= quota)
    throw new AwsError(
      "TooManyLoadBalancers",
      `You have reached the maximum number of load balancers (${quota}) for your account`,
    );
}

export function loadBalancerWire(loadBalancer: LoadBalancer, now: number) {
  return {
    LoadBalancerArn: loadBalancer.id,
    DNSName: loadBalancer.dnsName,
    CanonicalHostedZoneId: loadBalancer.canonicalHostedZoneId,
    CreatedTime: new Date(loadBalancer.createdAt),
    LoadBalancerName: loadBalancer.name,
    Scheme: loadBalancer.scheme,
    VpcId: loadBalancer.vpcId,
    State: { Code: loadBalancerState(loadBalancer, now) },
    Type: loadBalancer.type,
    AvailabilityZones: loadBalancer.availabilityZones.map((zone) => ({
      ZoneName: zone.zoneName,
      SubnetId: zone.subnetId,
    })),
    SecurityGroups: loadBalancer.securityGroupIds,
    IpAddressType: loadBalancer.ipAddressType,
  };
}

function subnetsFor(context: CallContext, ids: string[]): Subnet[] {
  if (ids.length === 0) throw new AwsError("ValidationError", "At least one subnet must be specified");
  const subnets = ids.map((id) => {
    const subnet = context.world.collection<Subnet>("ec2.subnet").get(id);
    if (!subnet || subnet.accountId !== context.accountId)
      throw new AwsError("SubnetNotFound", `The subnet ID '${id}' is not valid`);
    return subnet;
  });
  if (new Set(subnets.map((subnet) => subnet.vpcId)).size > 1)
    throw new AwsError("InvalidConfigurationRequest", "All subnets must belong to the same VPC");
  if (new Set(subnets.map((subnet) => subnet.availabilityZone)).size < subnets.length) {
    throw new AwsError(
      "InvalidConfigurationRequest",
      "A load balancer cannot be attached to multiple subnets in the same Availability Zone",
    );
  }
  return subnets;
}

const subnetIdsOf = (params: QueryParams) =>
  params.list("Subnets").length > 0
    ? params.list("Subnets")
    : params.structs("SubnetMappings").map((mapping) => mapping.required("SubnetId"));

function createLoadBalancer(context: CallContext, params: QueryParams) {
  const name = params.required("Name");
  if (!namePattern.test(name) || name.startsWith("internal-")) {
    throw new AwsError(
      "ValidationError",
      `The load balancer name '${name}' is not valid: up to 32 alphanumeric characters or hyphens, not starting or ending with a hyphen or starting with 'internal-'.`,
    );
  }
  const type = (params.string("Type") ?? "application") as LoadBalancer["type"];
  const scheme = (params.string("Scheme") ?? "internet-facing") as LoadBalancer["scheme"];
  const subnetIds = subnetIdsOf(params);
  const securityGroupIds = params.list("SecurityGroups");
  const existing = loadBalancers(context.world)
    .list({ accountId: context.accountId, region: context.region })
    .find((candidate) => candidate.name === name);
  if (existing) {
    const same =
      existing.type === type &&
      existing.scheme === scheme &&
      [...existing.subnetIds].sort().join() === [...subnetIds].sort().join() &&
      [...existing.securityGroupIds].sort().join() === [...securityGroupIds].sort().join();
    if (!same)
      throw new AwsError(
        "DuplicateLoadBalancerName",
        `A load balancer with the same name '${name}' exists, but with different settings`,
      );
    return { LoadBalancers: [loadBalancerWire(existing, context.now)] };
  }
  throwBeyondQuota(context, type);
  const loadBalancer = putLoadBalancer(context.sim, {
    accountId: context.accountId,
    region: context.region,
    name,
    type,
    scheme,
    subnets: subnetsFor(context, subnetIds),
    securityGroupIds,
    tags: readTags(params),
    visibleAt: context.now + context.sim.options.consistencyDelayMs,
  });
  return { LoadBalancers: [loadBalancerWire(loadBalancer, context.now)] };
}

function describeLoadBalancers(context: CallContext, params: QueryParams) {
  const selected = describedRecords(context, params, "LoadBalancer", loadBalancers(context.world), (lb) => lb.name);
  return { LoadBalancers: selected.map((loadBalancer) => loadBalancerWire(loadBalancer, context.now)) };
}

function deleteLoadBalancer(context: CallContext, params: QueryParams) {
  const arn = params.required("LoadBalancerArn");
  const loadBalancer = loadBalancers(context.world).get(arn);
  if (!loadBalancer || loadBalancer.accountId !== context.accountId) return {};
  const service = endpointServiceOfLoadBalancer(context.world, arn);
  if (service) {
    throw new AwsError(
      "ResourceInUse",
      `Load balancer '${arn}' cannot be deleted because it is currently associated with another service (${service.managedByVpcLinkId ? `VPC link ${service.managedByVpcLinkId}` : service.id})`,
    );
  }
  for (const listener of listeners(context.world)
    .all()
    .filter((candidate) => candidate.loadBalancerArn === arn))
    listeners(context.world).delete(listener.id);
  const enis = context.world.collection<NetworkInterface>("ec2.networkInterface").all();
  releaseNetworkInterfaces(
    context.sim,
    enis.filter((eni) => eni.attachedTo === arn).map((eni) => eni.id),
  );
  loadBalancers(context.world).delete(arn);
  return {};
}

function loadBalancerOf(context: CallContext, arn: string): LoadBalancer {
  return visibleByArn(
    context,
    loadBalancers(context.world),
    [arn],
    () => new AwsError("LoadBalancerNotFound", `Load balancer '${arn}' not found`),
  )[0] as LoadBalancer;
}

/** Enables (or, without a PrivateLink association, disables) zones of an NLB: the new subnets replace the old. */
function setSubnets(context: CallContext, params: QueryParams) {
  const loadBalancer = loadBalancerOf(context, params.required("LoadBalancerArn"));
  const subnets = subnetsFor(context, subnetIdsOf(params));
  if (subnets.some((subnet) => subnet.vpcId !== loadBalancer.vpcId))
    throw new AwsError(
      "InvalidConfigurationRequest",
      `The subnets must belong to the VPC of the load balancer (${loadBalancer.vpcId})`,
    );
  const kept = new Set(subnets.map((subnet) => subnet.id));
  const removed = loadBalancer.subnetIds.filter((id) => !kept.has(id));
  if (removed.length > 0 && endpointServiceOfLoadBalancer(context.world, loadBalancer.id)) {
    throw new AwsError(
      "InvalidConfigurationRequest",
      `Subnets cannot be removed from load balancer '${loadBalancer.id}' while it has an active VPC endpoint service association`,
    );
  }
  const enis = context.world.collection<NetworkInterface>("ec2.networkInterface").all();
  releaseNetworkInterfaces(
    context.sim,
    enis.filter((eni) => eni.attachedTo === loadBalancer.id && removed.includes(eni.subnetId)).map((eni) => eni.id),
  );
  attachNodes(
    context.sim,
    loadBalancer,
    subnets.filter((subnet) => !loadBalancer.subnetIds.includes(subnet.id)),
  );
  loadBalancer.subnetIds = subnets.map((subnet) => subnet.id);
  loadBalancer.availabilityZones = subnets.map((subnet) => ({
    zoneName: subnet.availabilityZone,
    subnetId: subnet.id,
  }));
  followLoadBalancerZones(context.world, loadBalancer);
  return {
    AvailabilityZones: loadBalancerWire(loadBalancer, context.now).AvailabilityZones,
    IpAddressType: loadBalancer.ipAddressType,
  };
}

export const loadBalancerOperations: Record<string, QueryOperation> = {
  ...elbv2Operations({
    CreateLoadBalancer: createLoadBalancer,
    DescribeLoadBalancers: describeLoadBalancers,
    DeleteLoadBalancer: deleteLoadBalancer,
    SetSubnets: setSubnets,
  }),
  ...attributeOperations("LoadBalancer", loadBalancerOf),
};
