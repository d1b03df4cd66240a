import { z } from "zod";
import { askForChange } from "./ask-for-change";
import { isPlatformAdmin, type CurrentUser } from "@/lib/auth/permissions";
import type { Db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { invalidField } from "./invalid-field";

// A platform admin asks to move an active exposure to another hub of its region (to empty a drained hub, or to
// spread the load). Another admin decides it (four-eyes); the run then builds the chain there and takes down the old
// hub's platform side (start-move-run.ts). The new chain has a new REST API, so consumers get a new invoke URL.
// Compare-and-set on the status, audited (with the target hub, which the approval reads) in the same transaction.

export const moveSchema = z.object({ hubId: z.string().trim().min(1, "validation.requests.moveHubRequired") });

const invalidHub = (key: Parameters<typeof invalidField>[1]) => invalidField("hubId", key);

export async function requestMove(db: Db, user: CurrentUser, requestId: string, hubId: string): Promise<void> {
  if (!isPlatformAdmin(user)) throw new AppError("FORBIDDEN", { key: "errors.requests.onlyAdminsMove" });
  await db.$transaction(async (tx) => {
    const request = await tx.exposureRequest.findUnique({ where: { id: requestId }, include: { hub: true } });
    if (!request) throw new AppError("NOT_FOUND", { key: "errors.requests.notFound" });
    if (request.status !== "active")
      throw new AppError("CONFLICT", {
        key: "errors.requests.cannotMove",
        values: { status: request.status.replaceAll("_", " ") },
      });
    const target = await tx.platformHub.findUnique({ where: { id: hubId }, include: { account: true } });
    if (!target) throw invalidHub("validation.requests.moveHubUnknown");
    if (target.id === request.hubId) throw invalidHub("validation.requests.moveHubSame");
    if (target.region !== request.hub.region) throw invalidHub("validation.requests.moveHubOtherRegion");
    if (target.drainedAt) throw invalidHub("validation.requests.moveHubDrained");
    await askForChange(tx, user, requestId, {
      to: "move_pending",
      action: "request.move_requested",
      details: {
        fromHubId: request.hubId,
        toHubId: target.id,
        to: `${target.account.alias} (${target.account.accountId})`,
      },
    });
  });
}
