import { findRegisteredOwners } from "./find-registered-owners";
import { findPendingProposal, pendingChangeView, type ConsumerEndpointsWithPending } from "./pending-consumer-change";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import type { CurrentUser } from "@/lib/auth/permissions";
import type { ClientFactory } from "@/lib/aws/client-factory";
import type { Db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import {
  activeRequestWithConsumers,
  assertMayChangeConsumers,
  consumerEndpointsView,
  nextConsumerEndpoints,
  recordConsumerEndpoints,
  type ConsumerEndpointChange,
} from "@/lib/provisioning/consumers/consumer-endpoints";

// An admin's change to who may call an exposure. Removals, and additions owned by a registered account, apply at once
// (the caller then queues the reconcile). Adding an endpoint that no registered account owns opens the API to someone
// outside the organisation: that change is recorded as pending, with who proposed it, until a second platform admin
// approves it (decide-consumer-endpoint-change.ts).

export type ConsumerChangeOutcome = { status: "applied" | "pending"; view: ConsumerEndpointsWithPending };

export async function submitConsumerEndpointChange(
  dependencies: { db: Db; clients: ClientFactory },
  user: CurrentUser,
  requestId: string,
  change: ConsumerEndpointChange,
): Promise<ConsumerChangeOutcome> {
  const { db, clients } = dependencies;
  assertMayChangeConsumers(user);
  const before = await db.$transaction((tx) => activeRequestWithConsumers(tx, requestId));
  if (await findPendingProposal(db, requestId)) {
    throw pendingConflict();
  }
  const current = before.consumerEndpoints?.vpcEndpointIds ?? [];
  const next = nextConsumerEndpoints(current, change, before.hub.executeApiEndpointId);
  const added = next.filter((id) => !current.includes(id));
  // AWS is asked outside the transaction; the revision check below notices a change made meanwhile.
  const owners = await findRegisteredOwners(db, clients, { region: before.hub.region, vpcEndpointIds: added });
  const unregistered = added.filter((id) => !owners.has(id));

  return db.$transaction(async (tx) => {
    const request = await activeRequestWithConsumers(tx, requestId);
    const revision = request.consumerEndpoints?.revision ?? 0;
    if (revision !== (before.consumerEndpoints?.revision ?? 0)) {
      throw new AppError("CONFLICT", { key: "errors.provisioning.consumersChanged" });
    }
    if (unregistered.length === 0) {
      return {
        status: "applied",
        view: { ...(await recordConsumerEndpoints(tx, user, request, next)), pendingChange: null },
      };
    }
    const proposal = await tx.consumerEndpointProposal
      .create({
        data: {
          requestId,
          vpcEndpointIds: next,
          unregisteredEndpointIds: unregistered,
          baseRevision: revision,
          proposedById: user.id,
          proposedByLabel: user.email,
        },
      })
      .catch((error: unknown) => {
        // The one-pending-per-exposure index: another admin proposed at the same moment.
        if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") throw pendingConflict();
        throw error;
      });
    await recordAuditEvent(tx, {
      actor: { id: user.id, label: user.email },
      action: "consumer_endpoints.proposed",
      targetType: "request",
      targetId: requestId,
      details: { proposalId: proposal.id, vpcEndpointIds: next, unregistered, baseRevision: revision },
    });
    const view = consumerEndpointsView(requestId, request.hub.executeApiEndpointId, request.consumerEndpoints);
    return { status: "pending", view: { ...view, pendingChange: pendingChangeView(proposal) } };
  });
}

function pendingConflict(): AppError {
  return new AppError("CONFLICT", { key: "errors.provisioning.consumerChangePending" });
}
