import { AcceptVpcEndpointConnectionsCommand, DescribeVpcEndpointConnectionsCommand } from "@aws-sdk/client-ec2";
import { done, PermanentStepError, wait, type NoOutputs } from "../engine/step-runtime";
import { applicationClients } from "./application-account";
import { endpointServiceCreate } from "./endpoint-service-create";
import type { Hop } from "./hop";
import { interfaceEndpointCreate } from "./interface-endpoint-create";
import { vpcEndpointStateOf } from "@/lib/aws/vpc-endpoint-state";

export const interfaceEndpointAccept: Hop<"interfaceEndpoint.accept", NoOutputs> = {
  id: "interfaceEndpoint.accept",
  account: "application",
  calls: ["ec2:DescribeVpcEndpointConnections", "ec2:AcceptVpcEndpointConnections"],
  place: (exposure) =>
    exposure.source.kind === "crossAccountNlb" ? { dependsOn: [interfaceEndpointCreate] } : undefined,
  async run(context) {
    const { clients } = applicationClients(context);
    const serviceId = context.output(endpointServiceCreate, "serviceId");
    const endpointId = context.output(interfaceEndpointCreate, "endpointId");
    const { VpcEndpointConnections } = await clients.ec2.send(
      new DescribeVpcEndpointConnectionsCommand({ Filters: [{ Name: "service-id", Values: [serviceId] }] }),
    );
    const connection = VpcEndpointConnections?.find((candidate) => candidate.VpcEndpointId === endpointId);
    const state = vpcEndpointStateOf(connection?.VpcEndpointState);
    if (!state) return wait(`the connection from ${endpointId} has not reached ${serviceId} yet`);
    if (state === "pending" || state === "available") return done();
    if (state !== "pendingacceptance") {
      throw new PermanentStepError(`The endpoint connection is ${connection?.VpcEndpointState}.`, undefined, {
        key: "failures.fix.connectionRejected",
      });
    }
    const { Unsuccessful } = await clients.ec2.send(
      new AcceptVpcEndpointConnectionsCommand({ ServiceId: serviceId, VpcEndpointIds: [endpointId] }),
    );
    const failure = Unsuccessful?.[0]?.Error;
    if (failure) return wait(`accepting ${endpointId} failed: ${failure.Code ?? ""} ${failure.Message ?? ""}`);
    return done();
  },
};
