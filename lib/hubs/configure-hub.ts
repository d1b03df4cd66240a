import { createHash } from "node:crypto";
import { CreateVpcEndpointCommand } from "@aws-sdk/client-ec2";
import { platformAccountAccess } from "./hub-access";
import { describeVpcNetwork, hubNetworkProblems, type EndpointOption } from "./hub-network";
import { defaultLinkMode, type ConfigureHub, type HubNetwork } from "./hub-schemas";
import { hubSettingsOf } from "./hub-settings";
import { recordAuditEvent, type AuditActor } from "@/lib/audit/record-audit-event";
import type { ClientFactory } from "@/lib/aws/client-factory";
import { executeApiServiceName } from "@/lib/aws/partition";
import type { Db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import type { Translatable } from "@/lib/i18n/translatable";
import type { PlatformHub, RequestStatus } from "@/lib/generated/prisma/client";

// Saving the hub (one per platform account and region) after re-reading the VPC live, and creating the hub's
// execute-api interface endpoint when the VPC has none.

// Only exposures with a chain in AWS, built or being built, pin the hub: a request waiting for approval, or approved
// again after its failed run was rolled back, has nothing in AWS yet and is built on the hub as it is when it runs.
const chainStatuses: RequestStatus[] = ["provisioning", "active", "decommission_pending", "decommissioning", "failed"];

/**
 * The platform account and its EC2 client, once the picked subnets, security groups (and endpoint) are found in the
 * VPC as it is now; a mismatch is a 422 naming each field, with `mismatch` as its message.
 */
async function checkAgainstLiveVpc(
  db: Db,
  input: HubNetwork & { executeApiEndpointId?: string },
  factory: ClientFactory,
  mismatch: Translatable,
) {
  const access = await platformAccountAccess(db, input);
  const { ec2 } = factory.clientsFor(access, `hub-${access.accountId}`);
  const problems = hubNetworkProblems(await describeVpcNetwork(ec2, input.region, input.vpcId), input);
  if (Object.keys(problems).length > 0) throw new AppError("VALIDATION_FAILED", mismatch, { fieldErrors: problems });
  return { access, ec2 };
}

export async function configureHub(
  db: Db,
  actor: AuditActor,
  input: ConfigureHub,
  factory: ClientFactory,
): Promise<PlatformHub> {
  const { access } = await checkAgainstLiveVpc(db, input, factory, { key: "errors.hubs.hubMismatch" });
  return db.$transaction(async (tx) => {
    const existing = await tx.platformHub.findUnique({
      where: { accountId_region: { accountId: access.id, region: input.region } },
    });
    const data = hubSettingsOf({ ...input, linkMode: input.linkMode ?? existing?.linkMode ?? defaultLinkMode });
    if (existing) {
      const inUse = await tx.exposureRequest.count({
        where: { hubId: existing.id, status: { in: chainStatuses } },
      });
      const changesChain =
        existing.vpcId !== data.vpcId ||
        existing.executeApiEndpointId !== data.executeApiEndpointId ||
        existing.linkMode !== data.linkMode;
      if (inUse > 0 && changesChain) {
        throw new AppError("CONFLICT", { key: "errors.hubs.exposuresInFlight", values: { count: inUse } });
      }
    }
    const hub = existing
      ? await tx.platformHub.update({
          where: { id: existing.id },
          data: { ...data, sharedVpcLinkId: existing.vpcId === data.vpcId ? existing.sharedVpcLinkId : null },
        })
      : await tx.platformHub.create({ data: { ...data, accountId: access.id, region: input.region } });
    await recordAuditEvent(tx, {
      actor,
      action: "hub.configured",
      targetType: "platform_hub",
      targetId: hub.id,
      details: {
        account: access.accountId,
        ...data,
        region: input.region,
        previous: existing ? { vpcId: existing.vpcId, linkMode: existing.linkMode } : null,
      },
    });
    return hub;
  });
}

/** Creates the hub VPC's execute-api interface endpoint with private DNS; a repeated click gets the same endpoint. */
export async function createExecuteApiEndpoint(
  db: Db,
  actor: AuditActor,
  input: HubNetwork,
  factory: ClientFactory,
): Promise<EndpointOption> {
  const { access, ec2 } = await checkAgainstLiveVpc(db, input, factory, { key: "errors.hubs.endpointMismatch" });
  const clientToken = `gatehouse-hub-${createHash("sha256")
    .update(
      JSON.stringify([
        access.accountId,
        input.region,
        input.vpcId,
        [...input.subnetIds].sort(),
        [...input.securityGroupIds].sort(),
      ]),
    )
    .digest("hex")
    .slice(0, 40)}`;
  const { VpcEndpoint } = await ec2.send(
    new CreateVpcEndpointCommand({
      VpcEndpointType: "Interface",
      VpcId: input.vpcId,
      ServiceName: executeApiServiceName(input.region),
      SubnetIds: input.subnetIds,
      SecurityGroupIds: input.securityGroupIds,
      PrivateDnsEnabled: true,
      ClientToken: clientToken,
      TagSpecifications: [
        {
          ResourceType: "vpc-endpoint",
          Tags: [
            { Key: "Name", Value: "gatehouse-execute-api" },
            { Key: "gatehouse:managed", Value: "true" },
          ],
        },
      ],
    }),
  );
  if (!VpcEndpoint?.VpcEndpointId) throw new Error("CreateVpcEndpoint returned no endpoint");
  const endpoint: EndpointOption = {
    id: VpcEndpoint.VpcEndpointId,
    state: (VpcEndpoint.State ?? "pending").toLowerCase(),
    privateDns: VpcEndpoint.PrivateDnsEnabled ?? true,
    subnetIds: VpcEndpoint.SubnetIds ?? input.subnetIds,
  };
  await db.$transaction((tx) =>
    recordAuditEvent(tx, {
      actor,
      action: "hub.endpoint_created",
      targetType: "vpc_endpoint",
      targetId: endpoint.id,
      details: { account: access.accountId, region: input.region, vpcId: input.vpcId, subnetIds: input.subnetIds },
    }),
  );
  return endpoint;
}
