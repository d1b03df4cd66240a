import {
  CreateTagsCommand,
  CreateVpcEndpointCommand,
  type CreateVpcEndpointCommandInput,
  DeleteVpcEndpointsCommand,
  DescribeTagsCommand,
  DescribeVpcEndpointsCommand,
} from "@aws-sdk/client-ec2";
import { describe, expect, it } from "vitest";
import { buildNetwork, platformAccount, region } from "../../testing/sim-fixture";
import { sharedTestSimulator } from "../../testing/shared-test-simulator";

const fixture = sharedTestSimulator();

/** Creates an execute-api interface endpoint in the given subnets of the network, without private DNS. */
function executeApiEndpoint(
  network: ReturnType<typeof buildNetwork>,
  subnets: { id: string }[],
  extra: Partial<CreateVpcEndpointCommandInput> = {},
) {
  return new CreateVpcEndpointCommand({
    VpcEndpointType: "Interface",
    VpcId: network.vpc.id,
    ServiceName: `com.amazonaws.${region}.execute-api`,
    SubnetIds: subnets.map((subnet) => subnet.id),
    PrivateDnsEnabled: false,
    ...extra,
  });
}

describe("EC2 tags and deletes", () => {
  it("tags resources at creation and later, and finds them by tag", async () => {
    const network = buildNetwork(fixture.sim, platformAccount, "10.40");
    const { ec2 } = fixture.clientsFor(platformAccount);
    const { VpcEndpoint } = await ec2.send(
      executeApiEndpoint(network, network.subnets, {
        TagSpecifications: [{ ResourceType: "vpc-endpoint", Tags: [{ Key: "gatehouse:request-id", Value: "r-42" }] }],
      }),
    );
    await ec2.send(
      new CreateTagsCommand({
        Resources: [VpcEndpoint?.VpcEndpointId ?? ""],
        Tags: [{ Key: "gatehouse:step", Value: "interfaceEndpoint.create" }],
      }),
    );
    const { Tags } = await ec2.send(
      new DescribeTagsCommand({ Filters: [{ Name: "resource-id", Values: [VpcEndpoint?.VpcEndpointId ?? ""] }] }),
    );
    expect(Tags?.map((tag) => `${tag.Key}=${tag.Value}`).sort()).toEqual([
      "gatehouse:request-id=r-42",
      "gatehouse:step=interfaceEndpoint.create",
    ]);
    const { VpcEndpoints } = await ec2.send(
      new DescribeVpcEndpointsCommand({ Filters: [{ Name: "tag:gatehouse:request-id", Values: ["r-42"] }] }),
    );
    expect(VpcEndpoints?.map((endpoint) => endpoint.VpcEndpointId)).toEqual([VpcEndpoint?.VpcEndpointId]);
  });

  it("deletes an endpoint through the deleting state, then it is gone; an unknown id is reported unsuccessful", async () => {
    const network = buildNetwork(fixture.sim, platformAccount, "10.41");
    const { ec2 } = fixture.clientsFor(platformAccount);
    const { VpcEndpoint } = await ec2.send(executeApiEndpoint(network, network.subnets.slice(0, 1)));
    const id = VpcEndpoint?.VpcEndpointId ?? "";
    fixture.sim.runtime.profile.latencyMs.endpointDeleted = 100;
    const deleted = await ec2.send(new DeleteVpcEndpointsCommand({ VpcEndpointIds: [id, "vpce-0000000000000000a"] }));
    expect(deleted.Unsuccessful?.map((item) => item.ResourceId)).toEqual(["vpce-0000000000000000a"]);
    expect((await ec2.send(new DescribeVpcEndpointsCommand({ VpcEndpointIds: [id] }))).VpcEndpoints?.[0]?.State).toBe(
      "deleting",
    );
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(
      (await ec2.send(new DescribeVpcEndpointsCommand({ Filters: [{ Name: "vpc-id", Values: [network.vpc.id] }] })))
        .VpcEndpoints,
    ).toEqual([]);
    fixture.sim.runtime.profile.latencyMs.endpointDeleted = 0;
  });
});
