import type { EC2Client } from "@aws-sdk/client-ec2";
import { describe, expect, it } from "vitest";
import { checkConsumerEndpoint } from "./consumer-endpoint-discovery";
import type { ClientFactory } from "@/lib/aws/client-factory";
import type { AwsAccount } from "@/lib/generated/prisma/client";

// The endpoint a request names, as EC2 describes it per region through the consumer account's role: each refusal is
// a 422 on vpcEndpointId saying what is wrong with it.

const account = {
  accountId: "333333333333",
  alias: "logistics-prod",
  regions: ["eu-west-1", "eu-central-1"],
} as AwsAccount;
const id = "vpce-0123456789abcdef0";

/** EC2 answering DescribeVpcEndpoints with `byRegion[region]`, or InvalidVpcEndpointId.NotFound. */
function ec2Answering(byRegion: Record<string, object>): ClientFactory {
  return {
    clientsFor: (access: { region: string }) => ({
      ec2: {
        send: async () => {
          const endpoint = byRegion[access.region];
          if (endpoint) return { VpcEndpoints: [endpoint] };
          throw Object.assign(new Error("not found"), { name: "InvalidVpcEndpointId.NotFound" });
        },
      } as unknown as EC2Client,
    }),
  } as unknown as ClientFactory;
}

const refusal = (clients: ClientFactory) =>
  checkConsumerEndpoint(clients, account, "eu-west-1", id).catch(
    (error: { fieldErrors?: unknown }) => error.fieldErrors,
  );

describe("checkConsumerEndpoint", () => {
  it("accepts an execute-api interface endpoint of the account in the API's region", async () => {
    const endpoint = {
      VpcEndpointId: id,
      VpcId: "vpc-0aaa",
      VpcEndpointType: "Interface",
      ServiceName: "com.amazonaws.eu-west-1.execute-api",
      PrivateDnsEnabled: false,
      State: "available",
      OwnerId: "333333333333",
    };
    expect(await checkConsumerEndpoint(ec2Answering({ "eu-west-1": endpoint }), account, "eu-west-1", id)).toEqual({
      vpcEndpointId: id,
      vpcId: "vpc-0aaa",
      privateDnsEnabled: false,
      state: "available",
      ownerId: "333333333333",
    });
  });

  it("refuses an endpoint of another service or type, in another region, or not in the account", async () => {
    const s3 = { VpcEndpointId: id, VpcEndpointType: "Gateway", ServiceName: "com.amazonaws.eu-west-1.s3" };
    expect(await refusal(ec2Answering({ "eu-west-1": s3 }))).toEqual({
      vpcEndpointId: [
        `${id} is a Gateway endpoint of com.amazonaws.eu-west-1.s3, not an execute-api interface endpoint (com.amazonaws.eu-west-1.execute-api).`,
      ],
    });
    expect(await refusal(ec2Answering({ "eu-central-1": { VpcEndpointId: id } }))).toEqual({
      vpcEndpointId: [`${id} is in eu-central-1; the API is in eu-west-1.`],
    });
    expect(await refusal(ec2Answering({}))).toEqual({
      vpcEndpointId: [`${id} does not exist in logistics-prod (333333333333).`],
    });
  });
});
