import { DeleteRestApiCommand, DeleteVpcLinkCommand, GetRestApisCommand, GetVpcLinksCommand } from "@aws-sdk/client-api-gateway";
import {
  DeleteVpcEndpointServiceConfigurationsCommand,
  DeleteVpcEndpointsCommand,
  DescribeVpcEndpointConnectionsCommand,
  DescribeVpcEndpointServiceConfigurationsCommand,
  DescribeVpcEndpointsCommand,
} from "@aws-sdk/client-ec2";
import { DeleteLoadBalancerCommand, DeleteTargetGroupCommand, DescribeLoadBalancersCommand, DescribeTargetGroupsCommand } from "@aws-sdk/client-elastic-load-balancing-v2";
import { loadBalancerResourceName } from "../plan/plan-chain";
import { done, wait, type StepContext, type StepExecutor } from "../engine/step-runtime";
import { sharedServiceOf } from "./endpoint-steps";

// Teardown finds what the request created by its tag or deterministic name, not only by what the run recorded, so a
// crash between AWS's answer and our write still leaves nothing behind. Already gone is success.

const requestTag = "gatehouse:request-id";
const gone = (error: Error, ...names: string[]) => names.includes(error.name);

export const deleteRestApi: StepExecutor = async (context) => {
  const { apiGateway } = context.platform;
  const { items } = await apiGateway.send(new GetRestApisCommand({ limit: 500 }));
  const ours = (items ?? []).filter((api) => api.tags?.[requestTag] === context.requestId);
  for (const api of ours) {
    await apiGateway.send(new DeleteRestApiCommand({ restApiId: api.id })).catch((error: Error) => {
      if (!gone(error, "NotFoundException")) throw error;
    });
  }
  return done({ deleted: ours.map((api) => api.id ?? "") });
};

export const deleteVpcLink: StepExecutor = async (context) => {
  // Link mode v2 shares one link per hub: it outlives every exposure.
  if (context.hub.linkMode === "v2") return done({ kept: "the hub's shared API Gateway v2 VPC link" });
  const { apiGateway } = context.platform;
  const { items } = await apiGateway.send(new GetVpcLinksCommand({ limit: 500 }));
  const ours = (items ?? []).filter((link) => link.tags?.[requestTag] === context.requestId);
  if (ours.length === 0) return done();
  for (const link of ours.filter((candidate) => candidate.status !== "DELETING")) {
    await apiGateway.send(new DeleteVpcLinkCommand({ vpcLinkId: link.id })).catch((error: Error) => {
      if (!gone(error, "NotFoundException")) throw error;
    });
  }
  return wait(`VPC link ${ours.map((link) => link.id).join(", ")} is being deleted`, 5_000);
};

export const deleteLoadBalancer: StepExecutor = async (context) => {
  const { elb } = context.platform;
  const name = loadBalancerResourceName(context.requestId, "nlb");
  const found = await elb.send(new DescribeLoadBalancersCommand({ Names: [name] })).catch((error: Error) => {
    if (gone(error, "LoadBalancerNotFoundException", "LoadBalancerNotFound")) return undefined;
    throw error;
  });
  const balancer = found?.LoadBalancers?.[0];
  if (!balancer?.LoadBalancerArn) return done();
  try {
    await elb.send(new DeleteLoadBalancerCommand({ LoadBalancerArn: balancer.LoadBalancerArn }));
  } catch (error) {
    // The V1 link that pins the NLB is still being deleted.
    if (error instanceof Error && gone(error, "ResourceInUse", "ResourceInUseException")) return wait(error.message, 5_000);
    throw error;
  }
  return wait(`load balancer ${name} is being deleted`, 2_000);
};

export const deleteTargetGroup: StepExecutor = async (context) => {
  const { elb } = context.platform;
  const name = loadBalancerResourceName(context.requestId, "tg");
  const found = await elb.send(new DescribeTargetGroupsCommand({ Names: [name] })).catch((error: Error) => {
    if (gone(error, "TargetGroupNotFoundException", "TargetGroupNotFound")) return undefined;
    throw error;
  });
  const group = found?.TargetGroups?.[0];
  if (!group?.TargetGroupArn) return done();
  try {
    await elb.send(new DeleteTargetGroupCommand({ TargetGroupArn: group.TargetGroupArn }));
  } catch (error) {
    if (error instanceof Error && gone(error, "ResourceInUse", "ResourceInUseException")) return wait(error.message, 2_000);
    throw error;
  }
  return done();
};

export const deleteInterfaceEndpoint: StepExecutor = async (context) => {
  const { ec2 } = context.platform;
  const { VpcEndpoints } = await ec2.send(new DescribeVpcEndpointsCommand({ Filters: [{ Name: `tag:${requestTag}`, Values: [context.requestId] }] }));
  const remaining = (VpcEndpoints ?? []).filter((endpoint) => (endpoint.State ?? "").toLowerCase() !== "deleted");
  if (remaining.length === 0) return done();
  const toDelete = remaining.filter((endpoint) => (endpoint.State ?? "").toLowerCase() !== "deleting").map((endpoint) => endpoint.VpcEndpointId ?? "");
  if (toDelete.length > 0) await ec2.send(new DeleteVpcEndpointsCommand({ VpcEndpointIds: toDelete }));
  return wait(`interface endpoint ${remaining.map((endpoint) => endpoint.VpcEndpointId).join(", ")} is being deleted`, 5_000);
};

const finishedConnectionStates = new Set(["deleted", "deleting", "rejected", "failed", "expired"]);

async function othersConnected(context: StepContext, serviceId: string): Promise<string[]> {
  const application = context.application;
  if (!application) return [];
  const { VpcEndpointConnections } = await application.ec2.send(new DescribeVpcEndpointConnectionsCommand({ Filters: [{ Name: "service-id", Values: [serviceId] }] }));
  return (VpcEndpointConnections ?? [])
    .filter((connection) => !finishedConnectionStates.has((connection.VpcEndpointState ?? "").toLowerCase()))
    .map((connection) => `${connection.VpcEndpointId ?? "?"} (${connection.VpcEndpointOwner ?? "?"})`);
}

/** The endpoint service goes only when no one else is connected to it; otherwise it stays and the run says why. */
export const deleteEndpointService: StepExecutor = async (context) => {
  const application = context.application;
  if (!application) return done();
  const { ServiceConfigurations } = await application.ec2.send(
    new DescribeVpcEndpointServiceConfigurationsCommand({ Filters: [{ Name: `tag:${requestTag}`, Values: [context.requestId] }] }),
  );
  // A service another exposure created and this one shared is ours to remove too once nobody uses it.
  const source = context.exposure.source;
  const shared = source.kind === "crossAccountNlb" ? await sharedServiceOf(context, source.loadBalancerArn) : undefined;
  const services = [...(ServiceConfigurations ?? []), ...(shared && !ServiceConfigurations?.some((service) => service.ServiceId === shared.ServiceId) ? [shared] : [])];
  const kept: string[] = [];
  for (const service of services) {
    const serviceId = service.ServiceId ?? "";
    const others = await othersConnected(context, serviceId);
    if (others.length > 0) {
      kept.push(`${serviceId} is still used by ${others.join(", ")}`);
      continue;
    }
    const { Unsuccessful } = await application.ec2.send(new DeleteVpcEndpointServiceConfigurationsCommand({ ServiceIds: [serviceId] }));
    const failure = Unsuccessful?.[0]?.Error;
    if (failure && failure.Code !== "InvalidVpcEndpointService.NotFound") return wait(`endpoint service ${serviceId}: ${failure.Code ?? ""} ${failure.Message ?? ""}`, 5_000);
  }
  return done(kept.length > 0 ? { kept } : undefined);
};
