import { DescribeVpcEndpointsCommand } from "@aws-sdk/client-ec2";
import type { ClientFactory } from "@/lib/aws/client-factory";
import type { Db } from "@/lib/db/client";

// Which registered account owns each VPC endpoint. EC2 describes only the caller's own endpoints, so each registered
// account in the region is asked through its Gatehouse role, and an endpoint counts as that account's when AWS names
// it as the OwnerId. An endpoint no registered account reports (another organisation's, one that does not exist, or an
// account whose role could not answer) has no registered owner: adding it needs a second admin.

/** Endpoint ID → the registered account ID that owns it, for the endpoints a registered account reports. */
export async function findRegisteredOwners(
  db: Db,
  clients: ClientFactory,
  input: { region: string; vpcEndpointIds: readonly string[] },
): Promise<Map<string, string>> {
  const owners = new Map<string, string>();
  if (input.vpcEndpointIds.length === 0) return owners;
  const accounts = await db.awsAccount.findMany({ where: { regions: { has: input.region } } });
  await Promise.all(
    accounts.map(async (account) => {
      const { ec2 } = clients.clientsFor({ ...account, region: input.region }, `consumer-owner-${account.accountId}`);
      try {
        const { VpcEndpoints = [] } = await ec2.send(
          new DescribeVpcEndpointsCommand({
            Filters: [{ Name: "vpc-endpoint-id", Values: [...input.vpcEndpointIds] }],
          }),
        );
        for (const endpoint of VpcEndpoints) {
          if (endpoint.VpcEndpointId && endpoint.OwnerId === account.accountId)
            owners.set(endpoint.VpcEndpointId, account.accountId);
        }
      } catch {
        // Fail closed: an account that cannot answer vouches for nothing, so its endpoints wait for a second admin.
      }
    }),
  );
  return owners;
}
