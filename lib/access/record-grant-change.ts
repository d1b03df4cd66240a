import { recordAuditEvent, type AuditActor } from "@/lib/audit/record-audit-event";
import type { Tx } from "@/lib/db/client";
import type { AccessGrant, ExposureRequest } from "@/lib/generated/prisma/client";
import { Prisma } from "@/lib/generated/prisma/client";
import { notify } from "@/lib/notifications/notify";
import type { NotificationEvent } from "@/lib/notifications/webhook-payload";

// Every change of a grant leaves the same traces, inside the transaction that makes it: an audit event on the
// exposure, a webhook notification, and (when the set of allowed endpoints changes) the next revision of the
// exposure's consumer endpoints, which the reconcile job and its sweep bring to the REST API.

export type GrantEvent = "requested" | "approved" | "rejected" | "revoked" | "expiring" | "expired";

const widensOrNarrows: ReadonlySet<GrantEvent> = new Set(["approved", "revoked", "expired"]);

export async function recordGrantChange(
  tx: Tx,
  input: { event: GrantEvent; grant: AccessGrant; exposure: ExposureRequest; actor: AuditActor; comment?: string },
): Promise<void> {
  const { event, grant, exposure, actor, comment } = input;
  if (widensOrNarrows.has(event)) await bumpConsumerRevision(tx, exposure.id);
  await recordAuditEvent(tx, {
    actor,
    action: `access.${event}`,
    targetType: "request",
    targetId: exposure.id,
    details: {
      grantId: grant.id,
      consumerTeamId: grant.consumerTeamId,
      vpcEndpointId: grant.vpcEndpointId,
      endsAt: grant.endsAt?.toISOString() ?? null,
      ...(comment ? { comment } : {}),
    },
  });
  await notify(tx, `access.${event}` as NotificationEvent, exposure, {
    actor: actor.label,
    comment: comment ?? `${grant.vpcEndpointId} (${grant.justification})`,
  });
}

/** The next revision of the exposure's consumer endpoints: the sweep and the reconcile see it as behind. */
export async function bumpConsumerRevision(tx: Tx, requestId: string): Promise<void> {
  await tx.consumerEndpoints.upsert({
    where: { requestId },
    create: { requestId, vpcEndpointIds: [], revision: 1 },
    update: { revision: { increment: 1 }, lastError: Prisma.DbNull },
  });
}
