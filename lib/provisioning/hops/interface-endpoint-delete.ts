import { DeleteVpcEndpointsCommand, DescribeVpcEndpointsCommand } from "@aws-sdk/client-ec2";
import { done, wait } from "../engine/step-runtime";
import type { TeardownHop } from "./hop";
import { requestTag } from "./resource-names";
import { targetGroupDelete } from "./target-group-delete";
import { vpcEndpointStateOf } from "@/lib/aws/vpc-endpoint-state";

export const interfaceEndpointDelete: TeardownHop<"interfaceEndpoint.delete"> = {
  id: "interfaceEndpoint.delete",
  place: (scenario) => (scenario === "crossAccountNlb" ? { dependsOn: [targetGroupDelete] } : undefined),
  async run(context) {
    const { ec2 } = context.platform;
    const { VpcEndpoints } = await ec2.send(
      new DescribeVpcEndpointsCommand({ Filters: [{ Name: `tag:${requestTag}`, Values: [context.requestId] }] }),
    );
    const remaining = (VpcEndpoints ?? []).filter((endpoint) => vpcEndpointStateOf(endpoint.State) !== "deleted");
    if (remaining.length === 0) return done();
    const toDelete = remaining
      .filter((endpoint) => vpcEndpointStateOf(endpoint.State) !== "deleting")
      .map((endpoint) => endpoint.VpcEndpointId ?? "");
    if (toDelete.length > 0) await ec2.send(new DeleteVpcEndpointsCommand({ VpcEndpointIds: toDelete }));
    return wait(
      `interface endpoint ${remaining.map((endpoint) => endpoint.VpcEndpointId).join(", ")} is being deleted`,
      5_000,
    );
  },
};
