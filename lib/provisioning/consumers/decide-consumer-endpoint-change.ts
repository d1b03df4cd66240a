import { z } from "zod";
import type { ConsumerEndpointsWithPending } from "./pending-consumer-change";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import type { CurrentUser } from "@/lib/auth/permissions";
import type { Db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import {
  activeRequestWithConsumers,
  assertMayChangeConsumers,
  consumerEndpointsView,
  recordConsumerEndpoints,
} from "@/lib/provisioning/consumers/consumer-endpoints";

// The second admin's decision on a pending consumer-endpoint change (submit-consumer-endpoint-change.ts). Approving
// writes the proposed list as the next revision, exactly as an immediate change would (the caller then queues the
// reconcile); the proposer may not approve their own change, only withdraw it by rejecting. A change proposed on a
// list that has changed since is stale: approving it is refused and it can only be rejected.

export const consumerChangeDecisionSchema = z.object({ decision: z.enum(["approved", "rejected"]) });
export type ConsumerChangeDecision = z.infer<typeof consumerChangeDecisionSchema>["decision"];

export async function decideConsumerEndpointChange(
  db: Db,
  user: CurrentUser,
  input: { requestId: string; proposalId: string; decision: ConsumerChangeDecision },
): Promise<ConsumerEndpointsWithPending> {
  assertMayChangeConsumers(user);
  const { requestId, proposalId, decision } = input;
  return db.$transaction(async (tx) => {
    const proposal = await tx.consumerEndpointProposal.findFirst({ where: { id: proposalId, requestId } });
    if (!proposal)
      throw new AppError("NOT_FOUND", {
        key: "errors.provisioning.consumerChangeNotFound",
        values: { proposalId, requestId },
      });
    if (decision === "approved" && proposal.proposedById === user.id) {
      throw new AppError("FORBIDDEN", { key: "errors.provisioning.consumerChangeOwn" });
    }
    // Compare-and-set on the status: of two admins deciding at once, the second is told it is already decided.
    const { count } = await tx.consumerEndpointProposal.updateMany({
      where: { id: proposalId, status: "pending" },
      data: { status: decision, decidedById: user.id, decidedByLabel: user.email, decidedAt: new Date() },
    });
    if (count === 0)
      throw new AppError("CONFLICT", {
        key: "errors.provisioning.consumerChangeDecided",
        values: { status: proposal.status },
      });
    const request = await activeRequestWithConsumers(tx, requestId);
    const revision = request.consumerEndpoints?.revision ?? 0;
    if (decision === "approved" && revision !== proposal.baseRevision) {
      throw new AppError("CONFLICT", { key: "errors.provisioning.consumerChangeStale" });
    }
    await recordAuditEvent(tx, {
      actor: { id: user.id, label: user.email },
      action: decision === "approved" ? "consumer_endpoints.approved" : "consumer_endpoints.rejected",
      targetType: "request",
      targetId: requestId,
      details: {
        proposalId,
        proposedBy: proposal.proposedByLabel,
        vpcEndpointIds: proposal.vpcEndpointIds,
        unregistered: proposal.unregisteredEndpointIds,
      },
    });
    const view =
      decision === "approved"
        ? await recordConsumerEndpoints(tx, user, request, proposal.vpcEndpointIds)
        : consumerEndpointsView(requestId, request.hub.executeApiEndpointId, request.consumerEndpoints);
    return { ...view, pendingChange: null };
  });
}
