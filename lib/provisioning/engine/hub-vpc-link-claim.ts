import type { Db } from "@/lib/db/client";

// Link mode v2 shares one VPC link per hub. Every run's vpcLink.create step may be the first, in any worker: the step
// that claims the hub creates the link (or finds it by tag) and records it on the hub; the others wait for it.

export type SharedVpcLinkAccess = {
  /** The hub's link, once recorded. */
  recorded(): Promise<string | undefined>;
  /** True when this step may create the link: nobody else holds a live claim on the hub. */
  claim(): Promise<boolean>;
  /** Records the link on the hub and releases the claim. */
  save(vpcLinkId: string): Promise<void>;
  /** Drops the recorded link (AWS put it in FAILED, or it is gone), unless another run already replaced it. */
  forget(vpcLinkId: string): Promise<void>;
};

/**
 * A claim lasts longer than API Gateway's lists take to show a create (`createSettleMs`), so a step that takes over
 * from a crashed claimant finds the link the claimant may have made instead of creating a second one.
 */
export function sharedVpcLinkAccess(
  db: Db,
  input: { hubId: string; stepRowId: string; now: () => Date; claimMs: number },
): SharedVpcLinkAccess {
  const { hubId, stepRowId, now } = input;
  return {
    async recorded() {
      const hub = await db.platformHub.findUniqueOrThrow({ where: { id: hubId }, select: { sharedVpcLinkId: true } });
      return hub.sharedVpcLinkId ?? undefined;
    },
    async claim() {
      const { count } = await db.platformHub.updateMany({
        where: {
          id: hubId,
          sharedVpcLinkId: null,
          OR: [
            { sharedVpcLinkClaimedUntil: null },
            { sharedVpcLinkClaimedUntil: { lt: now() } },
            { sharedVpcLinkClaimedBy: stepRowId },
          ],
        },
        data: {
          sharedVpcLinkClaimedBy: stepRowId,
          sharedVpcLinkClaimedUntil: new Date(now().getTime() + input.claimMs),
        },
      });
      return count === 1;
    },
    async save(vpcLinkId) {
      await db.platformHub.update({
        where: { id: hubId },
        data: { sharedVpcLinkId: vpcLinkId, sharedVpcLinkClaimedBy: null, sharedVpcLinkClaimedUntil: null },
      });
    },
    async forget(vpcLinkId) {
      await db.platformHub.updateMany({
        where: { id: hubId, sharedVpcLinkId: vpcLinkId },
        data: { sharedVpcLinkId: null },
      });
    },
  };
}
