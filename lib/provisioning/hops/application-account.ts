import { DescribeVpcEndpointServiceConfigurationsCommand } from "@aws-sdk/client-ec2";
import type { StepContext } from "../engine/step-runtime";

// Scenario A's hops in the application account: its clients, the tags EC2 takes at create, and the endpoint service an
// NLB already has.

export function applicationClients(context: StepContext) {
  if (!context.application || context.exposure.source.kind !== "crossAccountNlb")
    throw new Error("scenario A step without an application account");
  return { clients: context.application, source: context.exposure.source };
}

export const ec2Tags = (context: StepContext, resourceType: "vpc-endpoint-service" | "vpc-endpoint") => [
  { ResourceType: resourceType, Tags: Object.entries(context.tags).map(([Key, Value]) => ({ Key, Value })) },
];

/** The Gatehouse-managed endpoint service already in front of `loadBalancerArn`, if any. */
export async function sharedServiceOf(context: StepContext, loadBalancerArn: string) {
  const { clients } = applicationClients(context);
  const { ServiceConfigurations } = await clients.ec2.send(
    new DescribeVpcEndpointServiceConfigurationsCommand({
      Filters: [{ Name: "tag:gatehouse:managed", Values: ["true"] }],
    }),
  );
  return ServiceConfigurations?.find((candidate) => candidate.NetworkLoadBalancerArns?.includes(loadBalancerArn));
}
