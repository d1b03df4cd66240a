import type { Db, Tx } from "@/lib/db/client";
import type { ConsumerEndpointProposal } from "@/lib/generated/prisma/client";
import {
  assertMayChangeConsumers,
  getConsumerEndpoints,
  type ConsumerEndpointsView,
} from "@/lib/provisioning/consumers/consumer-endpoints";
import type { CurrentUser } from "@/lib/auth/permissions";

// A change that waits for a second admin, as the panel and the API show it next to the list in force.

export type PendingConsumerChange = {
  id: string;
  /** The whole list the change would set. */
  vpcEndpointIds: string[];
  /** The added endpoints no registered account owns: why it waits. */
  unregisteredEndpointIds: string[];
  proposedBy: { id: string; label: string };
  proposedAt: string;
};

export type ConsumerEndpointsWithPending = ConsumerEndpointsView & { pendingChange: PendingConsumerChange | null };

export function pendingChangeView(proposal: ConsumerEndpointProposal | null): PendingConsumerChange | null {
  if (!proposal) return null;
  return {
    id: proposal.id,
    vpcEndpointIds: proposal.vpcEndpointIds,
    unregisteredEndpointIds: proposal.unregisteredEndpointIds,
    proposedBy: { id: proposal.proposedById, label: proposal.proposedByLabel },
    proposedAt: proposal.proposedAt.toISOString(),
  };
}

export function findPendingProposal(db: Db | Tx, requestId: string): Promise<ConsumerEndpointProposal | null> {
  return db.consumerEndpointProposal.findFirst({ where: { requestId, status: "pending" } });
}

/** The list in force, how far it is applied, and the change waiting for a second admin (platform admins). */
export async function getConsumerEndpointsWithPending(
  db: Db,
  user: CurrentUser,
  requestId: string,
): Promise<ConsumerEndpointsWithPending> {
  assertMayChangeConsumers(user);
  const [view, pending] = await Promise.all([
    getConsumerEndpoints(db, user, requestId),
    findPendingProposal(db, requestId),
  ]);
  return { ...view, pendingChange: pendingChangeView(pending) };
}
