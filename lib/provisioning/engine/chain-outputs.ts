import { recordedOutputs, type RecordedOutputs } from "../hops/registry";
import type { Db, Tx } from "@/lib/db/client";

// What an active chain is made of: the resources its provisioning run recorded, and the link its integrations use now.
// A migration or a repair that succeeded moved the integrations to the link its `link.ensure` step recorded, so that
// link replaces the one provisioning created; a failed one changed nothing that counts (its rollback put them back).

/** Reads through `db`, or the caller's transaction (the embedded database has one connection). */
export async function chainOutputs(db: Db | Tx, requestId: string): Promise<RecordedOutputs> {
  const provision = await db.provisioningRun.findFirst({
    // A move rebuilt the whole chain on the request's new hub: its run replaces the provisioning run.
    where: { requestId, kind: { in: ["provision", "move"] }, status: "succeeded" },
    orderBy: { createdAt: "desc" },
    include: { steps: true },
  });
  if (!provision) return {};
  const outputs = recordedOutputs(provision.steps);
  const relinked = await db.provisioningStep.findFirst({
    where: {
      stepId: "link.ensure",
      status: "succeeded",
      run: {
        requestId,
        kind: { in: ["migrate", "repair"] },
        status: "succeeded",
        createdAt: { gt: provision.createdAt },
      },
    },
    orderBy: { finishedAt: "desc" },
  });
  // Written by link.ensure (hops/link-ensure.ts), which records the same shape as vpcLink.create.
  const link = relinked?.outputs as RecordedOutputs["vpcLink.create"] | undefined;
  return link ? { ...outputs, "vpcLink.create": { vpcLinkId: link.vpcLinkId, version: link.version } } : outputs;
}
