import { CreateVpcLinkCommand, GetVpcLinksCommand } from "@aws-sdk/client-api-gateway";
import {
  CreateVpcLinkCommand as CreateVpcLinkV2Command,
  GetVpcLinksCommand as GetVpcLinksV2Command,
} from "@aws-sdk/client-apigatewayv2";
import { done, wait, type StepContext } from "../engine/step-runtime";
import { findOrCreate } from "./find-or-create";
import type { Hop, HopPlacement } from "./hop";
import { loadBalancerAwaitActive } from "./load-balancer-await-active";
import { loadBalancerCreate } from "./load-balancer-create";
import { forgetFailedLink, isLiveLinkStatus, isUsableLink, type LinkVersion } from "./vpc-link-status";
import { vpcLinkDelete } from "./vpc-link-delete";

// The VPC link from API Gateway into the hub: in link mode v1 a REST VPC link to this exposure's NLB, in link mode v2
// the hub's one API Gateway v2 link, shared by every exposure (the claim on the hub is engine/hub-vpc-link-claim.ts).

const hubLinkTag = "gatehouse:hub-link";

export type VpcLinkOutputs = { vpcLinkId: string; version: LinkVersion };

async function createV1Link(original: StepContext) {
  const context = await forgetFailedLink(original, "v1");
  const { apiGateway } = context.platform;
  const vpcLinkId = await findOrCreate(
    context,
    "vpcLinkId",
    async () => {
      const { items } = await apiGateway.send(new GetVpcLinksCommand({ limit: 500 }));
      return items?.find(
        (link) => link.tags?.["gatehouse:request-id"] === context.requestId && isLiveLinkStatus(link.status),
      )?.id;
    },
    async () =>
      (
        await context.platform.apiGatewayOnce.send(
          new CreateVpcLinkCommand({
            name: `gatehouse-${context.requestId}`.slice(0, 128),
            targetArns: [context.output(loadBalancerCreate, "loadBalancerArn")],
            tags: context.tags,
          }),
        )
      ).id,
  );
  if (typeof vpcLinkId !== "string") return vpcLinkId;
  await context.recordResource({ kind: "vpc-link", identifier: vpcLinkId, accountId: context.hub.accountId });
  return done<VpcLinkOutputs>({ vpcLinkId, version: "v1" });
}

/** Link mode v2: one link per hub, shared by every exposure; it is the hub's, not the request's, so teardown keeps it. */
export async function ensureSharedV2Link(original: StepContext) {
  // A hub link AWS put in FAILED (or that is gone) is replaced by whichever run claims the hub next.
  const recorded = await original.sharedVpcLink.recorded();
  if (recorded && (await isUsableLink(original, "v2", recorded)))
    return done<VpcLinkOutputs>({ vpcLinkId: recorded, version: "v2" });
  if (recorded) await original.sharedVpcLink.forget(recorded);
  if (!(await original.sharedVpcLink.claim()))
    return wait("another exposure is creating the hub's shared VPC link", 2_000);
  const context = await forgetFailedLink(original, "v2");
  const { apiGatewayV2 } = context.platform;
  const hubKey = `${context.hub.accountId}/${context.hub.vpcId}`;
  const vpcLinkId = await findOrCreate(
    context,
    "vpcLinkId",
    async () => {
      const { Items } = await apiGatewayV2.send(new GetVpcLinksV2Command({}));
      return Items?.find((link) => link.Tags?.[hubLinkTag] === hubKey && isLiveLinkStatus(link.VpcLinkStatus))
        ?.VpcLinkId;
    },
    async () =>
      (
        await context.platform.apiGatewayV2Once.send(
          new CreateVpcLinkV2Command({
            Name: `gatehouse-hub-${context.hub.vpcId}`,
            SubnetIds: context.hub.subnetIds,
            SecurityGroupIds: context.hub.securityGroupIds,
            Tags: { [hubLinkTag]: hubKey, "gatehouse:managed": "true" },
          }),
        )
      ).VpcLinkId,
    "CreateVpcLinkV2",
  );
  if (typeof vpcLinkId !== "string") return vpcLinkId;
  await context.sharedVpcLink.save(vpcLinkId);
  return done<VpcLinkOutputs>({ vpcLinkId, version: "v2" });
}

export const vpcLinkCreate: Hop<"vpcLink.create", VpcLinkOutputs> = {
  id: "vpcLink.create",
  account: "platform",
  calls: ["apigateway:CreateVpcLink"],
  creates: "VPC link",
  place: (_exposure, hub): HopPlacement =>
    hub.linkMode === "v1"
      ? { dependsOn: [loadBalancerAwaitActive], inputs: { version: "v1", targetArn: "the platform NLB" } }
      : {
          dependsOn: [],
          inputs: {
            version: "v2",
            subnetIds: hub.subnetIds,
            securityGroupIds: hub.securityGroupIds,
            shared: "reused when the hub already has one",
          },
        },
  teardown: vpcLinkDelete,
  run: (context) => (context.hub.linkMode === "v1" ? createV1Link(context) : ensureSharedV2Link(context)),
};
