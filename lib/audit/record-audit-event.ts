import type { Tx } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import { auditActorLabel } from "./token-actor";

// The audit log is append-only (a database trigger refuses UPDATE, DELETE and TRUNCATE). Events are written with the
// transaction client of the change they record, so a change without its event, or an event without its change,
// cannot exist.

export type AuditAction =
  | "auth.sign_in"
  | "auth.sign_in_refused"
  | "user.created"
  | "user.linked"
  | "user.disabled"
  | "user.enabled"
  | "user.sessions_ended"
  | "membership.granted"
  | "membership.revoked"
  | "team.created"
  | "account.registered"
  | "account.updated"
  | "account.external_id_rotated"
  | "account.verified"
  | "hub.configured"
  | "hub.endpoint_created"
  | "hub.drained"
  | "hub.undrained"
  | "hub.team_pinned"
  | "hub.team_unpinned"
  | "demo.seeded"
  | "request.submitted"
  | "request.withdrawn"
  | "request.rerun"
  | "request.decommission_requested"
  | "request.approved"
  | "request.rejected"
  | "request.decommission_approved"
  | "request.decommission_rejected"
  | "request.migration_requested"
  | "request.migration_approved"
  | "request.migration_rejected"
  | "request.move_requested"
  | "request.move_approved"
  | "request.move_rejected"
  | "run.started"
  | "run.retried"
  | "chain.verified"
  | "consumer_endpoints.changed"
  | "consumer_endpoints.applied"
  | "consumer_endpoints.proposed"
  | "consumer_endpoints.approved"
  | "consumer_endpoints.rejected"
  | "catalog.entry_updated"
  | "catalog.openapi_attached"
  | "catalog.openapi_removed"
  | `access.${"requested" | "approved" | "rejected" | "revoked" | "expiring" | "expired"}`
  | "access.authorization_changed"
  | "run.succeeded"
  | "run.failed"
  | "token.created"
  | "token.revoked";

export type AuditActor = { id?: string; label: string };

export const systemActor: AuditActor = { label: "system" };

export type AuditEventInput = {
  actor: AuditActor;
  action: AuditAction;
  targetType: string;
  targetId?: string;
  details?: Prisma.InputJsonObject;
};

export async function recordAuditEvent(tx: Tx, event: AuditEventInput): Promise<void> {
  await tx.auditEvent.create({
    data: {
      actorId: event.actor.id ?? null,
      actorLabel: auditActorLabel(event.actor),
      action: event.action,
      targetType: event.targetType,
      targetId: event.targetId ?? null,
      details: event.details ?? {},
    },
  });
}
