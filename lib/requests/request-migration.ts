import { canActOnRequest, canViewRequest } from "./request-permissions";
import { askForChange } from "./ask-for-change";
import { isPlatformAdmin, type CurrentUser } from "@/lib/auth/permissions";
import type { Db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { chainOutputs } from "@/lib/provisioning/engine/chain-outputs";

// Asking for the live migration of an active exposure from its V1 link to the hub's V2 link: its team's requesters,
// or a platform admin (the hub page's bulk action asks for each exposure). It then waits for a platform admin other
// than the asker, like a decommission. Compare-and-set on the status, audited in the same transaction.

export async function requestMigration(db: Db, user: CurrentUser, requestId: string): Promise<void> {
  await db.$transaction(async (tx) => {
    const request = await tx.exposureRequest.findUnique({ where: { id: requestId } });
    // Someone who may not see the request learns nothing of it: 404, not 403.
    if (!request || !canViewRequest(user, request))
      throw new AppError("NOT_FOUND", { key: "errors.requests.notFound" });
    if (!canActOnRequest(user, request) && !isPlatformAdmin(user))
      throw new AppError("FORBIDDEN", { key: "errors.requests.onlyTeamOrAdmins" });
    if (request.status !== "active")
      throw new AppError("CONFLICT", {
        key: "errors.requests.cannotMigrate",
        values: { status: request.status.replaceAll("_", " ") },
      });
    const link = (await chainOutputs(tx, requestId))["vpcLink.create"];
    if (link?.version !== "v1") throw new AppError("CONFLICT", { key: "errors.requests.alreadyOnV2" });
    await askForChange(tx, user, requestId, {
      to: "migration_pending",
      action: "request.migration_requested",
      details: { from: link.vpcLinkId, to: "the hub's V2 link" },
    });
  });
}
