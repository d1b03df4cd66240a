import { DescribeVpcEndpointsCommand, type VpcEndpoint } from "@aws-sdk/client-ec2";
import { z } from "zod";
import { mayRequestAccessFor } from "./access-rules";
import { accountAccessOf } from "@/lib/accounts/account-access";
import type { CurrentUser } from "@/lib/auth/permissions";
import type { ClientFactory } from "@/lib/aws/client-factory";
import { executeApiServiceName } from "@/lib/aws/partition";
import type { Db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { translate } from "@/lib/i18n/translate";
import type { MessageKey, Translatable } from "@/lib/i18n/translatable";
import type { AwsAccount } from "@/lib/generated/prisma/client";

// A consumer's execute-api interface endpoints, read live through the consumer account's Gatehouse role: the list the
// access-request form offers, and the check of the endpoint a request names (EC2 DescribeVpcEndpoints; an ID the
// account does not own is InvalidVpcEndpointId.NotFound, EC2 API reference, "DescribeVpcEndpoints").

export type ConsumerEndpoint = { vpcEndpointId: string; vpcId: string; privateDnsEnabled: boolean; state: string };

export const endpointDiscoverySchema = z.object({
  requestId: z.string().trim().min(1, "validation.access.nameExposure").max(64, "validation.access.unknownExposure"),
  accountId: z.string().trim().min(1, "validation.access.chooseAccount").max(64, "validation.access.unknownAccount"),
});

/** A refusal in Gatehouse's own words, on one field. */
function fieldError(field: string, key: MessageKey & `validation.access.${string}`): AppError {
  return new AppError("VALIDATION_FAILED", { key }, { fieldErrors: { [field]: [key] } });
}

/**
 * A refusal that names what AWS reported: the answer's message is in the caller's language; the field's copy is in
 * English, as field errors carry no values yet (lib/errors.ts).
 */
function endpointError(message: Translatable): AppError {
  return new AppError("VALIDATION_FAILED", message, { fieldErrors: { vpcEndpointId: [translate(message, "en")] } });
}

/** The exposure's region, and the consumer account if `user` may request access through it. */
export async function consumerAccountFor(
  db: Db,
  user: CurrentUser,
  input: { requestId: string; accountId: string },
): Promise<{ account: AwsAccount; region: string }> {
  const exposure = await db.exposureRequest.findUnique({ where: { id: input.requestId }, include: { hub: true } });
  if (!exposure || exposure.status !== "active")
    throw new AppError("NOT_FOUND", { key: "errors.access.noActiveExposure", values: { requestId: input.requestId } });
  const account = await db.awsAccount.findUnique({ where: { id: input.accountId } });
  if (!account || !mayRequestAccessFor(user, account.owningTeamId))
    throw fieldError("accountId", "validation.access.notAccountRequester");
  return { account, region: exposure.hub.region };
}

const toConsumerEndpoint = (endpoint: VpcEndpoint): ConsumerEndpoint => ({
  vpcEndpointId: endpoint.VpcEndpointId ?? "",
  vpcId: endpoint.VpcId ?? "",
  privateDnsEnabled: endpoint.PrivateDnsEnabled ?? false,
  state: endpoint.State ?? "unknown",
});

/** The account's execute-api interface endpoints in `region`, across its VPCs. */
export async function discoverConsumerEndpoints(
  clients: ClientFactory,
  account: AwsAccount,
  region: string,
): Promise<ConsumerEndpoint[]> {
  const { ec2 } = clients.clientsFor(accountAccessOf(account, region), `access-${account.accountId}`);
  const { VpcEndpoints = [] } = await ec2.send(
    new DescribeVpcEndpointsCommand({
      Filters: [
        { Name: "service-name", Values: [executeApiServiceName(region)] },
        { Name: "vpc-endpoint-type", Values: ["Interface"] },
      ],
    }),
  );
  return VpcEndpoints.map(toConsumerEndpoint).sort((a, b) => a.vpcEndpointId.localeCompare(b.vpcEndpointId));
}

async function describeOne(clients: ClientFactory, account: AwsAccount, region: string, vpcEndpointId: string) {
  const { ec2 } = clients.clientsFor(accountAccessOf(account, region), `access-${account.accountId}`);
  try {
    const { VpcEndpoints = [] } = await ec2.send(new DescribeVpcEndpointsCommand({ VpcEndpointIds: [vpcEndpointId] }));
    return VpcEndpoints[0];
  } catch (error) {
    if (error instanceof Error && error.name === "InvalidVpcEndpointId.NotFound") return undefined;
    throw error;
  }
}

/**
 * The endpoint a request names, checked in the consumer account: it must exist there, in the exposure's region, and
 * be an execute-api interface endpoint. Each refusal is a 422 on `vpcEndpointId` saying which.
 */
export async function checkConsumerEndpoint(
  clients: ClientFactory,
  account: AwsAccount,
  region: string,
  vpcEndpointId: string,
): Promise<ConsumerEndpoint & { ownerId: string }> {
  const endpoint = await describeOne(clients, account, region, vpcEndpointId);
  if (!endpoint) {
    for (const other of account.regions.filter((candidate) => candidate !== region)) {
      if (await describeOne(clients, account, other, vpcEndpointId))
        throw endpointError({
          key: "errors.access.endpointInOtherRegion",
          values: { endpoint: vpcEndpointId, other, region },
        });
    }
    throw endpointError({
      key: "errors.access.endpointNotFound",
      values: { endpoint: vpcEndpointId, alias: account.alias, accountId: account.accountId },
    });
  }
  const service = endpoint.ServiceName ?? "unknown";
  if (endpoint.VpcEndpointType !== "Interface" || service !== executeApiServiceName(region))
    throw endpointError({
      key: "errors.access.endpointWrongKind",
      values: {
        endpoint: vpcEndpointId,
        type: endpoint.VpcEndpointType ?? "unknown",
        service,
        expected: executeApiServiceName(region),
      },
    });
  return { ...toConsumerEndpoint(endpoint), ownerId: endpoint.OwnerId ?? account.accountId };
}
