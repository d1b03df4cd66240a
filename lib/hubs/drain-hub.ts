import { recordAuditEvent, type AuditActor } from "@/lib/audit/record-audit-event";
import type { Db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";

// Draining a hub stops new placements on it (placement and the requester's own choice both refuse it); exposures
// already there keep running until moved or decommissioned. Undraining returns it to placement. Audited either way.

export async function drainHub(db: Db, actor: AuditActor & { id: string }, hubId: string, drained: boolean) {
  return db.$transaction(async (tx) => {
    const hub = await tx.platformHub.findUnique({ where: { id: hubId }, include: { account: true } });
    if (!hub) throw new AppError("NOT_FOUND", { key: "errors.hubs.notFound" });
    if ((hub.drainedAt !== null) === drained) return { id: hub.id, drainedAt: hub.drainedAt };
    const updated = await tx.platformHub.update({
      where: { id: hub.id },
      data: { drainedAt: drained ? new Date() : null },
    });
    await recordAuditEvent(tx, {
      actor,
      action: drained ? "hub.drained" : "hub.undrained",
      targetType: "platform_hub",
      targetId: hub.id,
      details: { account: hub.account.accountId, region: hub.region },
    });
    return { id: updated.id, drainedAt: updated.drainedAt };
  });
}
