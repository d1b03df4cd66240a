import {
  CreateVpcEndpointServiceConfigurationCommand,
  DescribeVpcEndpointServiceConfigurationsCommand,
} from "@aws-sdk/client-ec2";
import { done, wait } from "../engine/step-runtime";
import { applicationClients, ec2Tags, sharedServiceOf } from "./application-account";
import { endpointServiceDelete } from "./endpoint-service-delete";
import type { Hop } from "./hop";
import { clientToken } from "./resource-names";

// Scenario A: the endpoint service on the application NLB, in the application account.

export const endpointServiceCreate: Hop<"endpointService.create", { serviceId: string; serviceName: string }> = {
  id: "endpointService.create",
  account: "application",
  calls: ["ec2:CreateVpcEndpointServiceConfiguration (acceptance required, ClientToken)"],
  creates: "VPC endpoint service",
  place: (exposure) =>
    exposure.source.kind === "crossAccountNlb"
      ? {
          dependsOn: [],
          inputs: {
            loadBalancerArn: exposure.source.loadBalancerArn,
            acceptanceRequired: "true",
            clientToken: "one per run and step",
          },
        }
      : undefined,
  teardown: endpointServiceDelete,
  async run(context) {
    const { clients, source } = applicationClients(context);
    const existing = await clients.ec2.send(
      new DescribeVpcEndpointServiceConfigurationsCommand({
        Filters: [{ Name: "tag:gatehouse:request-id", Values: [context.requestId] }],
      }),
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
    await context.recordResource({
      kind: "vpc-endpoint-service",
      identifier: service.ServiceId,
      accountId: source.accountId,
    });
    return done({ serviceId: service.ServiceId, serviceName: service.ServiceName });
  },
};
