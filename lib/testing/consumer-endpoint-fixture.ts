import { CreateVpcEndpointCommand, DescribeSubnetsCommand, DescribeVpcsCommand } from "@aws-sdk/client-ec2";
import type { ProvisioningFixture } from "./provisioning-fixture";
import { demoRoles } from "@/simulator/testing/demo-roles";
import { invokePrivateApi } from "@/simulator/testing/invoke-private-api";
import { clientsFor } from "@/simulator/testing/sim-fixture";

// A consumer of an exposure in another VPC (the payments team's EKS VPC, another account), for the consumer-endpoint
// tests: its execute-api endpoint, and a call through it.

/**
 * An execute-api interface endpoint in a consumer VPC (the payments VPC unless told), as the consuming team creates
 * it; returns its ID and DNS name.
 */
export async function consumerEndpoint(
  fixture: ProvisioningFixture,
  where: { accountId: string; vpcName: string } = {
    accountId: demoRoles.application.accountId,
    vpcName: "payments-eks",
  },
): Promise<{ id: string; dnsName: string }> {
  const consumer = clientsFor(fixture.sim, where.accountId);
  const { Vpcs } = await consumer.ec2.send(
    new DescribeVpcsCommand({ Filters: [{ Name: "tag:Name", Values: [where.vpcName] }] }),
  );
  const { Subnets = [] } = await consumer.ec2.send(
    new DescribeSubnetsCommand({ Filters: [{ Name: "vpc-id", Values: [Vpcs?.[0]?.VpcId ?? ""] }] }),
  );
  const { VpcEndpoint } = await consumer.ec2.send(
    new CreateVpcEndpointCommand({
      VpcEndpointType: "Interface",
      VpcId: Vpcs?.[0]?.VpcId,
      ServiceName: "com.amazonaws.eu-west-1.execute-api",
      SubnetIds: Subnets.slice(0, 2).map((subnet) => subnet.SubnetId ?? ""),
      PrivateDnsEnabled: false,
    }),
  );
  return { id: VpcEndpoint?.VpcEndpointId ?? "", dnsName: VpcEndpoint?.DnsEntries?.[0]?.DnsName ?? "" };
}

/** A call from the consumer VPC through `endpoint`, by the endpoint's own DNS name and the API's ID in x-apigw-api-id. */
export const callThrough = (fixture: ProvisioningFixture, endpoint: { dnsName: string }, restApiId: string) =>
  invokePrivateApi(fixture.sim, {
    path: "/prod/orders/42",
    host: endpoint.dnsName,
    headers: { "x-apigw-api-id": restApiId },
  });
