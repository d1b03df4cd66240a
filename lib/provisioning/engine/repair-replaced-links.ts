import { chainOutputs } from "./chain-outputs";
import { startRelinkRun } from "./start-relink-run";
import { systemActor } from "@/lib/audit/record-audit-event";
import type { Db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";

// A hub's shared V2 link that AWS put in FAILED is replaced by the next run that needs it (hops/vpc-link-create.ts).
// The exposures built on the old link keep pointing at it and stay broken (verify says so) until their integrations
// move to the new link and are redeployed: a repair run per exposure, started here by the engine's sweep.

/** Starts a repair for every active V2 chain of the hub whose link is not the hub's current one; returns the runs. */
export async function repairChainsOnReplacedLink(db: Db, hubId: string): Promise<string[]> {
  const hub = await db.platformHub.findUniqueOrThrow({ where: { id: hubId } });
  if (!hub.sharedVpcLinkId) return [];
  const active = await db.exposureRequest.findMany({ where: { hubId, status: "active" }, select: { id: true } });
  const started: string[] = [];
  for (const { id } of active) {
    const link = (await chainOutputs(db, id))["vpcLink.create"];
    if (link?.version !== "v2" || link.vpcLinkId === hub.sharedVpcLinkId) continue;
    // A request that moved on meanwhile (a decommission asked for) is left to that.
    const runId = await startRelinkRun(db, id, "repair", systemActor).catch((error: unknown) => {
      if (error instanceof AppError && error.code === "CONFLICT") return undefined;
      throw error;
    });
    if (runId) started.push(runId);
  }
  return started;
}

/** Every hub with a shared link: the sweep's pass. */
export async function repairReplacedLinks(db: Db): Promise<string[]> {
  const hubs = await db.platformHub.findMany({ where: { sharedVpcLinkId: { not: null } }, select: { id: true } });
  const runs = await Promise.all(hubs.map((hub) => repairChainsOnReplacedLink(db, hub.id)));
  return runs.flat();
}
