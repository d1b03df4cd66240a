import { z } from "zod";
import { askForChange } from "./ask-for-change";
import { isPlatformAdmin, type CurrentUser } from "@/lib/auth/permissions";
import type { Db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";

// A platform admin asks to move an active exposure to another hub of its region (to empty a drained hub, or to
// spread the load). Another admin decides it (four-eyes); the run then builds the chain there and takes down the old
// hub's platform side (start-move-run.ts). The new chain has a new REST API, so consumers get a new invoke URL.
// Compare-and-set on the status, audited (with the target hub, which the approval reads) in the same transaction.

export const moveSchema = z.object({ hubId: z.string().trim().min(1, "Choose the hub to move the exposure to.") });

function invalidHub(message: string): AppError {
  return new AppError("VALIDATION_FAILED", message, { fieldErrors: { hubId: [message] } });
}

export async function requestMove(db: Db, user: CurrentUser, requestId: string, hubId: string): Promise<void> {
  if (!isPlatformAdmin(user)) throw new AppError("FORBIDDEN", "Only platform admins move exposures between hubs.");
  await db.$transaction(async (tx) => {
    const request = await tx.exposureRequest.findUnique({ where: { id: requestId }, include: { hub: true } });
    if (!request) throw new AppError("NOT_FOUND", "This request does not exist.");
    if (request.status !== "active")
      throw new AppError(
        "CONFLICT",
        `Only an active exposure can be moved. It is ${request.status.replaceAll("_", " ")}.`,
      );
    const target = await tx.platformHub.findUnique({ where: { id: hubId }, include: { account: true } });
    if (!target) throw invalidHub("No such platform hub.");
    if (target.id === request.hubId) throw invalidHub("The exposure already goes through this hub.");
    if (target.region !== request.hub.region)
      throw invalidHub(`The target hub serves ${target.region}; the exposure is in ${request.hub.region}.`);
    if (target.drainedAt) throw invalidHub("This hub is drained: it takes no new exposures.");
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
