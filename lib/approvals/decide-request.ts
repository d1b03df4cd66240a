import type { DecisionInput } from "./decision-schema";
import { askedForBy, fourEyesRefusal } from "./four-eyes";
import { notify } from "@/lib/notifications/notify";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { isPlatformAdmin, type CurrentUser } from "@/lib/auth/permissions";
import type { Db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { Prisma, type ApprovalKind, type RequestStatus } from "@/lib/generated/prisma/client";
import {
  migrateAndQueue,
  moveAndQueue,
  provisionAndQueue,
  tearDownAndQueue,
  type RunQueueDependencies,
} from "@/lib/provisioning/engine/queued-run-operations";

// A platform admin's decision on an exposure or on its decommission. Four-eyes on the server: nobody decides a request
// they submitted or a decommission they asked for. A decision is final and recorded once: the status moves by
// compare-and-set and the Approval row is unique per request and kind, so of two concurrent decisions exactly one wins
// and the other is told who decided first. Approval of an exposure starts its run; of a decommission, the teardown.

export type DecideDependencies = RunQueueDependencies;

/** The target hub an admin asked to move the exposure to, as recorded with the ask (request-move.ts). */
function movedTo(details: unknown): string {
  const hubId = (details as { toHubId?: unknown } | null | undefined)?.toHubId;
  if (typeof hubId !== "string") throw new AppError("CONFLICT", { key: "errors.approvals.moveTargetMissing" });
  return hubId;
}

const transitions: Record<ApprovalKind, { from: RequestStatus; approved: RequestStatus; rejected: RequestStatus }> = {
  exposure: { from: "pending_approval", approved: "approved", rejected: "rejected" },
  // Approved decommissions stay pending until startTeardown moves them on (one compare-and-set, in its transaction).
  decommission: { from: "decommission_pending", approved: "decommission_pending", rejected: "active" },
  // Likewise an approved migration, until startRelinkRun moves it to migrating.
  migration: { from: "migration_pending", approved: "migration_pending", rejected: "active" },
  // Likewise an approved move, until startMoveRun moves it to moving.
  move: { from: "move_pending", approved: "move_pending", rejected: "active" },
};

const auditActions = {
  exposure: { approved: "request.approved", rejected: "request.rejected" },
  decommission: { approved: "request.decommission_approved", rejected: "request.decommission_rejected" },
  migration: { approved: "request.migration_approved", rejected: "request.migration_rejected" },
  move: { approved: "request.move_approved", rejected: "request.move_rejected" },
} as const;

async function alreadyDecided(
  db: Pick<Db, "approval">,
  requestId: string,
  kind: ApprovalKind,
): Promise<AppError | undefined> {
  const existing = await db.approval.findUnique({
    where: { requestId_kind: { requestId, kind } },
    include: { decider: true },
  });
  if (!existing) return undefined;
  return new AppError("CONFLICT", {
    key: "errors.approvals.alreadyDecided",
    values: { decision: existing.decision, decider: existing.decider.name, at: existing.decidedAt },
  });
}

export async function decideRequest(
  dependencies: DecideDependencies,
  actor: CurrentUser,
  requestId: string,
  input: DecisionInput,
): Promise<{ runId?: string }> {
  const { db } = dependencies;
  if (!isPlatformAdmin(actor)) throw new AppError("FORBIDDEN", { key: "errors.approvals.onlyAdmins" });
  const request = await db.exposureRequest.findUnique({ where: { id: requestId } });
  if (!request) throw new AppError("NOT_FOUND", { key: "errors.requests.notFound" });
  const asked =
    input.kind === "exposure"
      ? null
      : await db.auditEvent.findFirst({
          where: { targetType: "request", targetId: requestId, action: askedForBy[input.kind] },
          orderBy: { at: "desc" },
        });
  const refusal = fourEyesRefusal(
    actor.id,
    { requesterId: request.requesterId, askedById: asked?.actorId },
    input.kind,
  );
  if (refusal) throw new AppError("FORBIDDEN", refusal);

  const transition = transitions[input.kind];
  const who = { id: actor.id, label: actor.email };
  try {
    await db.$transaction(async (tx) => {
      const { count } = await tx.exposureRequest.updateMany({
        where: { id: requestId, status: transition.from },
        data: { status: transition[input.decision] },
      });
      if (count === 0) {
        const decided = await alreadyDecided(tx, requestId, input.kind);
        if (decided) throw decided;
        const current = await tx.exposureRequest.findUniqueOrThrow({ where: { id: requestId } });
        throw new AppError("CONFLICT", {
          key: `errors.approvals.nothingToDecide.${input.kind}`,
          values: { status: current.status.replaceAll("_", " ") },
        });
      }
      await tx.approval.create({
        data: {
          requestId,
          kind: input.kind,
          decision: input.decision,
          comment: input.comment ?? null,
          deciderId: actor.id,
        },
      });
      await recordAuditEvent(tx, {
        actor: who,
        action: auditActions[input.kind][input.decision],
        targetType: "request",
        targetId: requestId,
        details: input.comment ? { comment: input.comment } : {},
      });
      if (input.kind === "exposure") {
        await notify(tx, input.decision === "approved" ? "request.approved" : "request.rejected", request, {
          actor: actor.email,
          comment: input.comment ?? undefined,
        });
      }
    });
  } catch (error) {
    // A decommission decided before (an earlier decommission of the same request) also lands here.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002")
      throw (
        (await alreadyDecided(db, requestId, input.kind)) ??
        new AppError("CONFLICT", { key: "errors.approvals.alreadyDecidedByAnother" })
      );
    throw error;
  }

  if (input.decision === "rejected") return {};
  const runId =
    input.kind === "exposure"
      ? await provisionAndQueue(dependencies, requestId)
      : input.kind === "migration"
        ? await migrateAndQueue(dependencies, requestId, who)
        : input.kind === "move"
          ? await moveAndQueue(dependencies, requestId, movedTo(asked?.details), who)
          : await tearDownAndQueue(dependencies, requestId, "decommission", who);
  return { runId };
}
