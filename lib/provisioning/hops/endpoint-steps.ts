import {
  AcceptVpcEndpointConnectionsCommand,
  CreateVpcEndpointCommand,
  CreateVpcEndpointServiceConfigurationCommand,
  DescribeNetworkInterfacesCommand,
  DescribeSubnetsCommand,
  DescribeVpcEndpointConnectionsCommand,
  DescribeVpcEndpointServiceConfigurationsCommand,
  DescribeVpcEndpointServicesCommand,
  DescribeVpcEndpointsCommand,
  ModifyVpcEndpointServicePermissionsCommand,
} from "@aws-sdk/client-ec2";
import { clientToken } from "../plan/plan-chain";
import { done, PermanentStepError, wait, type StepContext, type StepExecutor } from "../engine/step-runtime";
import { accountRootArn } from "@/lib/aws/partition";

// Scenario A's PrivateLink hops: endpoint service in the application account, interface endpoint in the hub VPC,
// acceptance, and the endpoint's ENI IPs.

function applicationClients(context: StepContext) {
  if (!context.application || context.exposure.source.kind !== "crossAccountNlb") throw new Error("scenario A step without an application account");
  return { clients: context.application, source: context.exposure.source };
}

const ec2Tags = (context: StepContext, resourceType: "vpc-endpoint-service" | "vpc-endpoint") => [
  { ResourceType: resourceType, Tags: Object.entries(context.tags).map(([Key, Value]) => ({ Key, Value })) },
];

/** The Gatehouse-managed endpoint service already in front of `loadBalancerArn`, if any. */
export async function sharedServiceOf(context: StepContext, loadBalancerArn: string) {
  const { clients } = applicationClients(context);
  const { ServiceConfigurations } = await clients.ec2.send(
    new DescribeVpcEndpointServiceConfigurationsCommand({ Filters: [{ Name: "tag:gatehouse:managed", Values: ["true"] }] }),
  );
  return ServiceConfigurations?.find((candidate) => candidate.NetworkLoadBalancerArns?.includes(loadBalancerArn));
}

export const createEndpointService: StepExecutor = async (context) => {
  const { clients, source } = applicationClients(context);
  const existing = await clients.ec2.send(
    new DescribeVpcEndpointServiceConfigurationsCommand({ Filters: [{ Name: "tag:gatehouse:request-id", Values: [context.requestId] }] }),
  );
  // An NLB backs at most one endpoint service: a second exposure of the same NLB shares the one Gatehouse made.
  let service = existing.ServiceConfigurations?.[0] ?? (await sharedServiceOf(context, source.loadBalancerArn));
  if (!service) {
    const lostRaces = typeof context.previous.lostRaces === "number" ? context.previous.lostRaces : 0;
    try {
      const created = await clients.ec2.send(
        new CreateVpcEndpointServiceConfigurationCommand({
          NetworkLoadBalancerArns: [source.loadBalancerArn],
          AcceptanceRequired: true,
          ClientToken: clientToken(context.runId, "endpointService.create"),
          TagSpecifications: ec2Tags(context, "vpc-endpoint-service"),
        }),
      );
      service = created.ServiceConfiguration;
    } catch (error) {
      // Another exposure of the same NLB created the service a moment ago: share it once it is listed.
      if (!(error instanceof Error && /already associated/.test(error.message)) || lostRaces >= 5) throw error;
      await context.record({ lostRaces: lostRaces + 1 });
      return wait("another exposure of this NLB is creating its endpoint service", 1_000);
    }
  }
  if (!service?.ServiceId || !service.ServiceName) throw new Error("EC2 returned no endpoint service");
  await context.recordResource({ kind: "vpc-endpoint-service", identifier: service.ServiceId, accountId: source.accountId });
  return done({ serviceId: service.ServiceId, serviceName: service.ServiceName });
};

export const allowPlatform: StepExecutor = async (context) => {
  const { clients } = applicationClients(context);
  await clients.ec2.send(
    new ModifyVpcEndpointServicePermissionsCommand({
      ServiceId: String(context.output("endpointService.create", "serviceId")),
      AddAllowedPrincipals: [accountRootArn(context.hub.region, context.hub.accountId)],
    }),
  );
  return done();
};

async function subnetsInServiceZones(context: StepContext, serviceName: string): Promise<string[] | undefined> {
  const { ec2 } = context.platform;
  const services = await ec2.send(new DescribeVpcEndpointServicesCommand({ ServiceNames: [serviceName] })).catch((error: Error) => {
    if (error.name === "InvalidServiceName") return undefined;
    throw error;
  });
  const service = services?.ServiceDetails?.[0];
  const zones = service?.AvailabilityZones;
  if (!zones) return undefined;
  const { Subnets = [] } = await ec2.send(new DescribeSubnetsCommand({ SubnetIds: context.hub.subnetIds }));
  const chosen = new Map<string, string>();
  for (const subnet of Subnets) {
    if (subnet.SubnetId && subnet.AvailabilityZone && zones.includes(subnet.AvailabilityZone) && !chosen.has(subnet.AvailabilityZone)) chosen.set(subnet.AvailabilityZone, subnet.SubnetId);
  }
  if (chosen.size === 0) {
    // Zone names differ between accounts (the team's eu-west-1b may be our eu-west-1c); zone IDs do not.
    const serviceZones = (service.AvailabilityZoneIds ?? zones).join(", ");
    const hubZones = [...new Set(Subnets.map((subnet) => subnet.AvailabilityZoneId ?? subnet.AvailabilityZone))].join(", ");
    throw new PermanentStepError(
      `The endpoint service is offered only in zone ${serviceZones} (${zones.join(", ")} as the platform account names it), where the hub has no subnet; the hub's subnets are in ${hubZones}.`,
      "InvalidParameter",
      `Enable the application NLB in a zone of the hub (${hubZones}: SetSubnets with its current subnets plus one there), or add a hub subnet in ${serviceZones}; then retry from this step.`,
    );
  }
  return [...chosen.values()];
}

export const createInterfaceEndpoint: StepExecutor = async (context) => {
  const { ec2 } = context.platform;
  const existing = await ec2.send(new DescribeVpcEndpointsCommand({ Filters: [{ Name: "tag:gatehouse:request-id", Values: [context.requestId] }] }));
  const found = existing.VpcEndpoints?.find((endpoint) => !["deleting", "deleted"].includes((endpoint.State ?? "").toLowerCase()));
  let endpointId = found?.VpcEndpointId;
  if (!endpointId) {
    const serviceName = String(context.output("endpointService.create", "serviceName"));
    const subnetIds = await subnetsInServiceZones(context, serviceName);
    // Right after the provider allows us, the service can take a moment to become visible to our account.
    if (!subnetIds) return wait(`endpoint service ${serviceName} is not visible to the platform account yet`, 5_000);
    const created = await ec2.send(
      new CreateVpcEndpointCommand({
        VpcEndpointType: "Interface",
        VpcId: context.hub.vpcId,
        ServiceName: serviceName,
        SubnetIds: subnetIds,
        SecurityGroupIds: context.hub.securityGroupIds,
        PrivateDnsEnabled: false,
        ClientToken: clientToken(context.runId, "interfaceEndpoint.create"),
        TagSpecifications: ec2Tags(context, "vpc-endpoint"),
      }),
    );
    endpointId = created.VpcEndpoint?.VpcEndpointId;
  }
  if (!endpointId) throw new Error("EC2 returned no VPC endpoint");
  await context.recordResource({ kind: "vpc-endpoint", identifier: endpointId, accountId: context.hub.accountId });
  return done({ endpointId });
};

export const acceptConnection: StepExecutor = async (context) => {
  const { clients } = applicationClients(context);
  const serviceId = String(context.output("endpointService.create", "serviceId"));
  const endpointId = String(context.output("interfaceEndpoint.create", "endpointId"));
  const { VpcEndpointConnections } = await clients.ec2.send(new DescribeVpcEndpointConnectionsCommand({ Filters: [{ Name: "service-id", Values: [serviceId] }] }));
  const connection = VpcEndpointConnections?.find((candidate) => candidate.VpcEndpointId === endpointId);
  // VPC endpoint states arrive camelCase ("pendingAcceptance"), unlike the SDK's enum: compare lower-cased.
  const state = connection?.VpcEndpointState?.toLowerCase();
  if (!state) return wait(`the connection from ${endpointId} has not reached ${serviceId} yet`);
  if (state === "pending" || state === "available") return done();
  if (state !== "pendingacceptance") {
    throw new PermanentStepError(`The endpoint connection is ${connection?.VpcEndpointState}.`, undefined, "Roll back and provision again; a rejected or expired connection cannot be accepted.");
  }
  const { Unsuccessful } = await clients.ec2.send(new AcceptVpcEndpointConnectionsCommand({ ServiceId: serviceId, VpcEndpointIds: [endpointId] }));
  const failure = Unsuccessful?.[0]?.Error;
  if (failure) return wait(`accepting ${endpointId} failed: ${failure.Code ?? ""} ${failure.Message ?? ""}`);
  return done();
};

export const awaitEndpointAvailable: StepExecutor = async (context) => {
  const { ec2 } = context.platform;
  const endpointId = String(context.output("interfaceEndpoint.create", "endpointId"));
  const { VpcEndpoints } = await ec2.send(new DescribeVpcEndpointsCommand({ VpcEndpointIds: [endpointId] })).catch((error: Error) => {
    if (error.name === "InvalidVpcEndpointId.NotFound") return { VpcEndpoints: [] };
    throw error;
  });
  const endpoint = VpcEndpoints?.[0];
  const state = endpoint?.State?.toLowerCase();
  if (state === "rejected" || state === "failed" || state === "expired" || state === "deleted") {
    throw new PermanentStepError(`Interface endpoint ${endpointId} is ${endpoint?.State}.`, undefined, "Roll back, check the endpoint service's acceptance and zones, and provision again.");
  }
  if (state !== "available" || !endpoint?.NetworkInterfaceIds?.length) return wait(`interface endpoint ${endpointId} is ${endpoint?.State ?? "not visible yet"}`, 15_000);
  const { NetworkInterfaces } = await ec2.send(new DescribeNetworkInterfacesCommand({ NetworkInterfaceIds: endpoint.NetworkInterfaceIds }));
  const enis = (NetworkInterfaces ?? [])
    .filter((eni) => eni.PrivateIpAddress)
    .sort((a, b) => ((a.PrivateIpAddress ?? "") < (b.PrivateIpAddress ?? "") ? -1 : 1));
  // Zones and subnets line up with the IPs, for the topology's ENIs per zone.
  return done({
    ips: enis.map((eni) => eni.PrivateIpAddress ?? ""),
    eniZones: enis.map((eni) => eni.AvailabilityZone ?? ""),
    eniSubnets: enis.map((eni) => eni.SubnetId ?? ""),
  });
};
