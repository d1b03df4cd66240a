import {
  DeleteVpcEndpointServiceConfigurationsCommand,
  DescribeVpcEndpointConnectionsCommand,
  DescribeVpcEndpointServiceConfigurationsCommand,
} from "@aws-sdk/client-ec2";
import { done, wait, type StepContext } from "../engine/step-runtime";
import { sharedServiceOf } from "./application-account";
import type { TeardownHop } from "./hop";
import { interfaceEndpointDelete } from "./interface-endpoint-delete";
import { requestTag } from "./resource-names";
import { isEndpointDead, isEndpointGone, vpcEndpointStateOf } from "@/lib/aws/vpc-endpoint-state";

async function othersConnected(context: StepContext, serviceId: string): Promise<string[]> {
  const application = context.application;
  if (!application) return [];
  const { VpcEndpointConnections } = await application.ec2.send(
    new DescribeVpcEndpointConnectionsCommand({ Filters: [{ Name: "service-id", Values: [serviceId] }] }),
  );
  return (VpcEndpointConnections ?? [])
    .filter((connection) => {
      const state = vpcEndpointStateOf(connection.VpcEndpointState);
      return !isEndpointGone(state) && !isEndpointDead(state);
    })
    .map((connection) => `${connection.VpcEndpointId ?? "?"} (${connection.VpcEndpointOwner ?? "?"})`);
}

/** The endpoint service goes only when no one else is connected to it; otherwise it stays and the run says why. */
export const endpointServiceDelete: TeardownHop<"endpointService.delete"> = {
  id: "endpointService.delete",
  // The interface endpoint's connection pins the endpoint service.
  place: (scenario) => (scenario === "crossAccountNlb" ? { dependsOn: [interfaceEndpointDelete] } : undefined),
  async run(context) {
    const application = context.application;
    if (!application) return done();
    const { ServiceConfigurations } = await application.ec2.send(
      new DescribeVpcEndpointServiceConfigurationsCommand({
        Filters: [{ Name: `tag:${requestTag}`, Values: [context.requestId] }],
      }),
    );
    // A service another exposure created and this one shared is ours to remove too once nobody uses it.
    const source = context.exposure.source;
    const shared =
      source.kind === "crossAccountNlb" ? await sharedServiceOf(context, source.loadBalancerArn) : undefined;
    const services = [
      ...(ServiceConfigurations ?? []),
      ...(shared && !ServiceConfigurations?.some((service) => service.ServiceId === shared.ServiceId) ? [shared] : []),
    ];
    const kept: string[] = [];
    for (const service of services) {
      const serviceId = service.ServiceId ?? "";
      const others = await othersConnected(context, serviceId);
      if (others.length > 0) {
        kept.push(`${serviceId} is still used by ${others.join(", ")}`);
        continue;
      }
      const { Unsuccessful } = await application.ec2.send(
        new DeleteVpcEndpointServiceConfigurationsCommand({ ServiceIds: [serviceId] }),
      );
      const failure = Unsuccessful?.[0]?.Error;
      if (failure && failure.Code !== "InvalidVpcEndpointService.NotFound")
        return wait(`endpoint service ${serviceId}: ${failure.Code ?? ""} ${failure.Message ?? ""}`, 5_000);
    }
    return kept.length > 0 ? done({ kept }) : done();
  },
};
