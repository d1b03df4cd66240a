import { endUserAccess } from "./end-user-access";
import { assertPlatformAdminRemains } from "./last-platform-admin";
import { recordAuditEvent, type AuditActor } from "@/lib/audit/record-audit-event";
import type { Db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";

/**
 * Disables a user (their sessions and tokens end at once; the last platform admin cannot be disabled) or enables
 * them again (they sign in afresh; revoked tokens stay revoked). Setting the state a user already has changes nothing.
 */
export async function setUserDisabled(db: Db, actor: AuditActor, userId: string, disabled: boolean) {
  return db.$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { id: userId } });
    if (!user) throw new AppError("NOT_FOUND", { key: "errors.users.noSuchUser" });
    if (user.disabled === disabled) return user;
    if (disabled) await assertPlatformAdminRemains(tx, { disableUserId: userId });
    const changed = await tx.user.update({ where: { id: userId }, data: { disabled } });
    await recordAuditEvent(tx, {
      actor,
      action: disabled ? "user.disabled" : "user.enabled",
      targetType: "user",
      targetId: userId,
      details: { email: user.email },
    });
    if (disabled) await endUserAccess(tx, actor, userId, "disabled");
    return changed;
  });
}
