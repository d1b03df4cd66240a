import { done, PermanentStepError, wait, type StepContext, type StepOutcome } from "../engine/step-runtime";
import type { RelinkHop } from "./hop";
import { ensureSharedV2Link, type VpcLinkOutputs } from "./vpc-link-create";
import { isUsableLink, linkApi } from "./vpc-link-status";

// The link a relinked chain goes through, AVAILABLE. A migration goes to the hub's shared V2 link (created or found by
// the same claim provisioning uses, so a hundred migrations make one link); a repair keeps the chain's kind of link:
// the hub's current V2 link (a FAILED one is deleted and replaced, AWS's remedy), or the chain's own V1 link (the
// rollback of a failed migration). Records what vpcLink.create records, which then stands for the chain's link.

function chainLink(context: StepContext): VpcLinkOutputs {
  const link = context.chain["vpcLink.create"];
  if (!link)
    throw new PermanentStepError("The chain has no recorded VPC link.", undefined, {
      key: "failures.fix.verifyExposure",
    });
  return link;
}

async function whenAvailable(context: StepContext, link: VpcLinkOutputs): Promise<StepOutcome<VpcLinkOutputs>> {
  const status = await linkApi(context, link.version).status(link.vpcLinkId);
  if (status === "AVAILABLE") return done(link);
  if (link.version === "v2" && !(await isUsableLink(context, "v2", link.vpcLinkId))) {
    // FAILED (now being deleted) or gone: the next attempt ensures the hub's next link.
    await context.sharedVpcLink.forget(link.vpcLinkId);
    return wait(`the hub's VPC link ${link.vpcLinkId} is ${status ?? "gone"}; replacing it`, 2_000);
  }
  if (status === undefined || status === "FAILED" || status === "DELETING")
    throw new PermanentStepError(`VPC link ${link.vpcLinkId} is ${status ?? "gone"}`, "VpcLinkUnusable", {
      key: "failures.fix.v1LinkUnusable",
    });
  return wait(`VPC link ${link.vpcLinkId} is ${status}`, 5_000);
}

export const linkEnsure: RelinkHop<"link.ensure", VpcLinkOutputs> = {
  id: "link.ensure",
  calls: ["apigateway:GetVpcLinks (v2)", "apigateway:CreateVpcLink (v2, once per hub)", "apigateway:GetVpcLink"],
  place: () => ({ dependsOn: [] }),
  async run(context) {
    const current = chainLink(context);
    if (context.runKind !== "migrate" && current.version === "v1") return whenAvailable(context, current);
    // A link this step recorded and then found FAILED is dropped by the ensure itself (forgetFailedLink).
    const ensured = await ensureSharedV2Link(context);
    if (ensured.kind !== "done" || !ensured.outputs) return ensured;
    return whenAvailable(context, ensured.outputs);
  },
};
