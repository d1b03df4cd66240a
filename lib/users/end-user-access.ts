import { recordAuditEvent, type AuditActor } from "@/lib/audit/record-audit-event";
import type { Tx } from "@/lib/db/client";

// Ending someone's access at once: every session carries the user's session version, so raising it makes every
// session fail on its next request; every active API token is revoked. Used when a user is disabled or loses their
// last role, in the transaction of that change.

export async function endUserAccess(
  tx: Tx,
  actor: AuditActor,
  userId: string,
  reason: "disabled" | "no_role_left",
  now = new Date(),
) {
  await tx.user.update({ where: { id: userId }, data: { sessionVersion: { increment: 1 } } });
  await recordAuditEvent(tx, {
    actor,
    action: "user.sessions_ended",
    targetType: "user",
    targetId: userId,
    details: { reason },
  });
  const tokens = await tx.apiToken.findMany({ where: { userId, revokedAt: null }, select: { id: true, name: true } });
  if (tokens.length === 0) return;
  await tx.apiToken.updateMany({ where: { id: { in: tokens.map((token) => token.id) } }, data: { revokedAt: now } });
  for (const token of tokens) {
    await recordAuditEvent(tx, {
      actor,
      action: "token.revoked",
      targetType: "token",
      targetId: token.id,
      details: { name: token.name, reason },
    });
  }
}
